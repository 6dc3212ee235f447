"""PyInstaller hook: textstat reads its easy-word lists from package data at run time."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("textstat")
