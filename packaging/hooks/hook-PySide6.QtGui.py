"""PyInstaller hook: PySide6.QtGui with only the Qt plugins mbc-guide needs.

It replaces PyInstaller's own hook (hooks in the spec's hookspath come first), does the
same collection, then drops plugins before PyInstaller follows their library
dependencies, so nothing a dropped plugin links (GTK, EGL device support) comes along.
"""

from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# A folder named here keeps only the plugins listed: the file name without "lib", "q"
# and the suffix ("libqxcb.so", "qwindows.dll" -> "xcb", "windows"). Folders not named
# here and not in DROPPED_DIRS are kept whole (iconengines, xcbglintegrations, wayland-*,
# styles on Windows).
KEPT = {
    # X11, Wayland, headless (--smoke, tests), Windows. eglfs, linuxfb, vnc, minimal and
    # vkkhrdisplay serve devices without a desktop session, which the kiosk set-up is not.
    "platforms": {"xcb", "wayland", "offscreen", "windows"},
    # The body diagram and icons are SVG (QtSvg); PNG is built into QtGui; JPEG for photos.
    "imageformats": {"svg", "jpeg"},
    # Native file dialogs through the desktop portal; the GTK3 theme would pull in GTK.
    "platformthemes": {"xdgdesktopportal"},
    # Compose keys and IBus input methods for typing names. The Qt virtual keyboard needs
    # QML (PyInstaller already leaves it out); a touch kiosk uses the system keyboard.
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
}
DROPPED_DIRS = {
    "generic",  # evdev and TUIO input, used by eglfs and linuxfb only
    "egldeviceintegrations",  # eglfs only
    "wayland-graphics-integration-server",  # for compositors, not for clients
}


def _plugin_name(path: str) -> str:
    return PurePath(path).name.split(".")[0].removeprefix("lib").removeprefix("q")


def _keep(source: str, dest_dir: str) -> bool:
    dest = PurePath(dest_dir)
    if "plugins" not in dest.parts:
        return True
    folder = dest.name
    if folder in DROPPED_DIRS:
        return False
    kept = KEPT.get(folder)
    return kept is None or _plugin_name(source) in kept


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, dest) for source, dest in binaries if _keep(source, dest)]
