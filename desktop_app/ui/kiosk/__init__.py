"""Kiosk mode: touch style, idle warning and reset, PIN pad, staff screen, overlay panels."""
