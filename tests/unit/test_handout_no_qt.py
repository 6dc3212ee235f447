"""The handout core never imports Qt (the CLI and the tests run it without a display)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import desktop_app.handout
from tests.qt_free import qt_modules_imported_by

MODULES = sorted(
    f"desktop_app.handout.{info.name}"
    for info in pkgutil.iter_modules(desktop_app.handout.__path__)
)


def test_handout_modules_do_not_import_qt() -> None:
    assert "desktop_app.handout.builder" in MODULES
    code = (
        "import importlib\n"
        f"for name in {[*MODULES, 'desktop_app.handout_command']!r}:\n"
        "    importlib.import_module(name)\n"
        "from desktop_app.handout.builder import build_handout\n"
        "from desktop_app.handout.request import HandoutRequest\n"
        "from desktop_app.content.loader import load_content\n"
        "from desktop_app.resources import bundled_content_dir\n"
        "library = load_content(bundled_content_dir(), readability=False).library\n"
        "build_handout(library, HandoutRequest(site_ids=('spine',), "
        "compared_option_ids=('spine-sbrt', 'spine-surgery')))\n"
    )
    assert qt_modules_imported_by(code) == []


# The --help texts state the limits, so the parser imports them: a few small modules.
LIGHT = {
    "desktop_app.handout",
    "desktop_app.handout.user_text",
    "desktop_app.handout.request",
    "desktop_app.handout.text",
    "desktop_app.handout.fonts",
}


def test_handout_command_imports_nothing_heavy_until_run() -> None:
    # `mbc-guide` builds the whole parser at start-up, so this module is imported by the GUI
    code = (
        "import sys\n"
        "import desktop_app.handout_command\n"
        f"light = {sorted(LIGHT)!r}\n"
        "heavy = [m for m in sorted(sys.modules) if m.split('.')[0] in "
        "('reportlab', 'svglib', 'yaml', 'textstat', 'jinja2', 'PIL', 'pypdf') or "
        "(m.startswith('desktop_app.handout.') and m not in light)]\n"
        "print(','.join(heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
