"""PyInstaller hook: lxml without its optional submodules.

PyInstaller's own lxml hook takes every submodule (html, objectify, isoschematron: about
4 MB). svglib, the only user here, imports lxml.etree, whose hook adds what it needs.
"""

hiddenimports = ["lxml.etree"]
