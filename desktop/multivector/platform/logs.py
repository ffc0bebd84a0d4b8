"""The log file (rotated, in the platform's log folder) where unexpected failures are written."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

_LOGGER_NAME = "multivector"


def log_dir() -> Path:
    """The platform's log folder for Multivector; MULTIVECTOR_LOG_DIR overrides it (tests)."""
    from multivector.platform.user_dirs import user_folder

    return user_folder("log")


def log_path() -> Path:
    return log_dir() / "multivector.log"


def logger() -> logging.Logger:
    """Multivector's logger, writing to the rotated log file once configured."""
    log = logging.getLogger(_LOGGER_NAME)
    if not any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        try:
            log_dir().mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(log_path(), maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        except OSError:
            return log  # no writable log folder: logging must never be the thing that fails
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return log


def log_exception(context: str) -> Path:
    """Write the exception being handled, with its traceback, and return the log's path."""
    logger().exception("unexpected failure in %s", context)
    return log_path()
