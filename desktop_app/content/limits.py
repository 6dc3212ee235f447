"""How much a content folder may hold: every limit in one place.

The bundled content stays far below each (its largest file is 20 KB, its longest text
under 500 characters, its deepest nesting 4 levels, and it uses no YAML aliases), so
the limits only stop files that would hang the program or fill its memory: a huge or
endless file, a device, an alias bomb, text nobody could read on screen.
"""

from __future__ import annotations

MAX_FILE_BYTES = 1_000_000
"""One content file (1 MB). Checked before reading; at most this plus one byte is read."""

MAX_FOLDER_BYTES = 5_000_000
"""All content files of one folder together (5 MB)."""

MAX_FILES_PER_FOLDER = 200
"""Markdown files in sites/ or in options/."""

MAX_TEXT_CHARS = 5_000
"""One value (a title, a summary, a disclaimer, a row's text) or key, in characters."""

MAX_BODY_CHARS = 20_000
"""The Markdown body below a site's or option's front matter, in characters."""

MAX_YAML_DEPTH = 10
"""Lists and groups inside each other. Content needs 4."""

MAX_YAML_ALIASES = 10
"""Uses of YAML aliases (*name) in one file. Content needs none."""

MAX_YAML_NODES = 100_000
"""Values in one file once aliases are expanded."""

MAX_YAML_EXPANDED_CHARS = MAX_FILE_BYTES
"""Characters of all values of one file once aliases are expanded."""
