"""Dialogs a consultation screen opens."""
