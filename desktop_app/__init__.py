"""mbc-guide: treatment options for metastatic breast cancer, by body site."""

import time

STARTED_AT = time.perf_counter()
"""When the package was first imported: the start of `--smoke` timing."""

__version__ = "0.1.0"
APP_NAME = "mbc-guide"
