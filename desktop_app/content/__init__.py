"""Typed content model, loading, validation and rendering (Qt-free)."""
