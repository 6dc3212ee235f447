"""The one error a handout can end in (its message never holds patient text)."""

from __future__ import annotations


class HandoutError(Exception):
    """The handout could not be made; the message holds no patient text."""
