"""PyInstaller hook: pyphen with the hyphenation dictionaries of the bundled languages only.

textstat counts syllables with pyphen in the content's language. The content languages
are the folders of resources/content/ (en, ...); a new language folder brings its
dictionaries into the next build with no change here. The other ~70 dictionaries
(6 MB) stay out.
"""

from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = sorted(p.name for p in (ROOT / "resources" / "content").iterdir() if p.is_dir())


def _wanted(source: str) -> bool:
    name = Path(source).name.removeprefix("README_")  # each dictionary's licence file
    if not name.startswith("hyph_"):
        return True
    language = name.removeprefix("hyph_").split(".")[0].split("_")[0]
    return language in LANGUAGES


datas = [(source, dest) for source, dest in collect_data_files("pyphen") if _wanted(source)]
