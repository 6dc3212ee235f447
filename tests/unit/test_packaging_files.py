"""Packaging: the Linux desktop files, icon and kiosk units are valid and agree, and the
program finds its resources in a PyInstaller bundle's layout."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop_app import __version__, resources

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
APP_ID = "io.github.mbcguide.MbcGuide"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
KIOSK_UNIT = LINUX / "mbc-guide-kiosk.service"
KIOSK_AUTOSTART = LINUX / "mbc-guide-kiosk.desktop"
ICONS = LINUX / "icons" / "hicolor"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
BUNDLE_EXECUTABLE = "/opt/mbc-guide/mbc-guide"


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package})")
    return path


def _run(*command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, env=env, timeout=60)


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.parametrize("path", [DESKTOP, KIOSK_AUTOSTART], ids=lambda p: p.name)
def test_desktop_file_validate_accepts(path: Path) -> None:
    validator = _tool("desktop-file-validate", "desktop-file-utils")
    result = _run(validator, str(path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_appstreamcli_accepts_the_metainfo() -> None:
    appstreamcli = _tool("appstreamcli", "appstream")
    result = _run(appstreamcli, "validate", "--no-net", "--no-color", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_newest_release_is_the_program_version() -> None:
    releases = ET.parse(METAINFO).getroot().findall("./releases/release")
    assert releases, f"{METAINFO.name} has no <release>"
    assert releases[0].get("version") == __version__, (
        f"{METAINFO.name}: the newest <release> is {releases[0].get('version')}, but "
        f"desktop_app.__version__ is {__version__}. Add a <release> for {__version__} at the top."
    )


def test_metainfo_desktop_file_and_icon_share_one_id() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    entry = _desktop_entry(DESKTOP)
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == BUNDLE_EXECUTABLE
    assert _desktop_entry(KIOSK_AUTOSTART)["Icon"] == APP_ID


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_png_has_its_size(size: int) -> None:
    path = ICONS / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert _png_size(path) == (size, size)


def test_icon_svg_is_square_svg() -> None:
    root = ET.parse(ICONS / "scalable" / "apps" / f"{APP_ID}.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"


def test_kiosk_autostarts_start_the_bundle_in_kiosk_mode() -> None:
    unit = KIOSK_UNIT.read_text(encoding="utf-8")
    assert f"\nExecStart={BUNDLE_EXECUTABLE} --kiosk\n" in unit
    assert "\nRestart=always\n" in unit
    assert f"{BUNDLE_EXECUTABLE} --kiosk;" in _desktop_entry(KIOSK_AUTOSTART)["Exec"]


def test_systemd_analyze_verifies_the_kiosk_unit(tmp_path: Path) -> None:
    systemd_analyze = _tool("systemd-analyze", "systemd")
    # The bundle is not installed in /opt here: point the unit at a program that exists,
    # so that verify checks everything else.
    unit = tmp_path / KIOSK_UNIT.name
    unit.write_text(
        KIOSK_UNIT.read_text(encoding="utf-8").replace(BUNDLE_EXECUTABLE, "/bin/true"),
        encoding="utf-8",
    )
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {"PATH": "/usr/bin:/bin", "XDG_RUNTIME_DIR": str(runtime), "HOME": str(tmp_path)}
    result = _run(systemd_analyze, "--user", "verify", str(unit), env=env)
    if "Failed to initialize manager" in result.stderr:
        pytest.skip(f"systemd-analyze cannot run here: {result.stderr.strip()}")
    assert result.returncode == 0, result.stdout + result.stderr


def test_bundle_layout_is_found_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A PyInstaller bundle puts resources/ and templates/ in _internal/, which is sys._MEIPASS.
    internal = tmp_path / "_internal"
    for name in ("resources", "templates"):
        (internal / name).mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    resources._find_dir.cache_clear()
    try:
        assert resources.resources_dir() == internal / "resources"
        assert resources.templates_dir() == internal / "templates"
    finally:
        monkeypatch.undo()
        resources._find_dir.cache_clear()
    assert resources.resources_dir() == REPO / "resources"
