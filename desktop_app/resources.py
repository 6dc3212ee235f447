"""Find the bundled resources/ and templates/ folders wherever the program runs.

Three layouts are supported: a source checkout (folders at the top of the tree),
an installed wheel (carried inside the package as ``_resources`` and ``_templates``)
and a PyInstaller bundle (``_internal/`` beside the executable, which is ``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2

_PACKAGE_DIR = Path(__file__).resolve().parent


class ResourceNotFoundError(RuntimeError):
    """A bundled folder or file is missing: the installation is broken."""


def _candidates(name: str) -> list[Path]:
    frozen_root = getattr(sys, "_MEIPASS", None)
    places = []
    if frozen_root:
        places.append(Path(frozen_root) / name)
    places.append(_PACKAGE_DIR / f"_{name}")
    places.append(_PACKAGE_DIR.parent / name)
    return places


@cache
def _find_dir(name: str) -> Path:
    for place in _candidates(name):
        if place.is_dir():
            return place
    tried = ", ".join(str(p) for p in _candidates(name))
    raise ResourceNotFoundError(
        f"The program's {name} folder is missing (looked in {tried}). Reinstall mbc-guide."
    )


def resources_dir() -> Path:
    """The folder that holds bundled content, the body diagram and fonts."""
    return _find_dir("resources")


def templates_dir() -> Path:
    """The folder of the screen's jinja2 templates and the handout's text templates."""
    return _find_dir("templates")


def resource_path(*parts: str) -> Path:
    """A file or folder inside resources/, checked to exist."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise ResourceNotFoundError(f"Bundled file {path} is missing. Reinstall mbc-guide.")
    return path


def bundled_content_dir(language: str = "en") -> Path:
    """The bundled content folder for one language."""
    return resource_path("content", language)


@cache
def template_environment() -> jinja2.Environment:
    """The one strict jinja2 environment: unknown variables fail, HTML is escaped."""
    import jinja2  # imported on first use: it is not needed to paint the first window

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
