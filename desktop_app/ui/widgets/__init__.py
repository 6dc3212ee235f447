"""Widgets the pages are made of: the body map, rich text with explained links, tick lists."""
