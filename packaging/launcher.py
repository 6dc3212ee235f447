"""Entry script for the PyInstaller bundle: the same command line as `mbc-guide`.

PyInstaller needs a script file; `desktop_app/__main__.py` would put the package's own
folder on sys.path while the spec is analysed, so the bundle starts from here instead.
"""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
