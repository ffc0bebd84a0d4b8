"""The log file (rotated, in the platform's log folder) where unexpected failures are written.

The log is private (created 0600): it may name files and folders. It never holds article text
beyond a short context: any exception message longer than `CONTEXT` characters is cut, since a
message can quote the text it failed on. Several processes share one log: a write and a
rotation happen under a lock on a file beside it, and a process whose file was rotated away by
another reopens the current one, so no entry is lost. When the log folder cannot be written,
the log goes to a private folder under the system's temporary folder; when no log can be written
at all, nothing is printed instead (never a traceback on the terminal).
"""

from __future__ import annotations

import logging
import os
import stat
import tempfile
from logging.handlers import RotatingFileHandler
from pathlib import Path

_LOGGER_NAME = "multivector"
_FILE_NAME = "multivector.log"
CONTEXT = 80  # characters of an exception message kept in the log
MAX_BYTES = 1_000_000
BACKUPS = 3

_active_dir: Path | None = None


def log_dir() -> Path:
    """The platform's log folder for Multivector; MULTIVECTOR_LOG_DIR overrides it (tests)."""
    from multivector.platform.user_dirs import user_folder

    return user_folder("log")


def fallback_log_dir() -> Path:
    """A private log folder of this user's under the system's temporary folder."""
    uid = os.getuid() if hasattr(os, "getuid") else "user"
    return Path(tempfile.gettempdir()) / f"multivector-{uid}-logs"


def log_path() -> Path:
    """The log file in use (in the fallback folder when the usual one cannot be written)."""
    return (_active_dir or log_dir()) / _FILE_NAME


def _short(message: str) -> str:
    return message if len(message) <= CONTEXT else message[: CONTEXT - 1] + "…"


class _PrivateFormatter(logging.Formatter):
    """Cuts every exception message of a traceback (the chained ones too) to `CONTEXT`."""

    def formatException(self, ei: object) -> str:  # noqa: N802 - logging's name
        text = super().formatException(ei)  # type: ignore[arg-type]
        error = ei[1] if isinstance(ei, tuple) else None
        seen: set[int] = set()
        while isinstance(error, BaseException) and id(error) not in seen:
            seen.add(id(error))
            message = str(error)
            if len(message) > CONTEXT:
                text = text.replace(message, _short(message))
            error = error.__cause__ or error.__context__
        return text

    def format(self, record: logging.LogRecord) -> str:
        if record.args:
            record.args = tuple(_short(a) if isinstance(a, str) else a for a in record.args)  # type: ignore[union-attr]
        return super().format(record)


class _SharedRotatingHandler(RotatingFileHandler):
    """A rotating log several processes may write at once: each write (and rotation) holds an
    exclusive lock on `<log>.lock`, and a file rotated away by another process is reopened."""

    def __init__(self, path: Path) -> None:
        _create_private(path)
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
        self._lock_path = str(path) + ".lock"

    def emit(self, record: logging.LogRecord) -> None:
        try:
            import fcntl
        except ImportError:  # not on POSIX: one process's rotation may cost another's entry
            super().emit(record)
            return
        try:
            lock_fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            super().emit(record)
            return
        try:
            fcntl.flock(lock_fd, fcntl.LOCK_EX)
            self._follow_rotation()
            super().emit(record)
        finally:
            os.close(lock_fd)  # releases the lock

    def _follow_rotation(self) -> None:
        if self.stream is None:
            return
        try:
            current = os.stat(self.baseFilename)
            mine = os.fstat(self.stream.fileno())
        except OSError:
            current = None
            mine = None
        if current is None or mine is None or (current.st_ino, current.st_dev) != (
                mine.st_ino, mine.st_dev):
            self.stream.close()
            self.stream = None  # type: ignore[assignment]
            _create_private(Path(self.baseFilename))
            self.stream = self._open()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        """A log that cannot be written (a full disk) is skipped: logging's default prints a
        traceback on the terminal, which no user should ever see."""

    def doRollover(self) -> None:  # noqa: N802 - logging's name
        super().doRollover()
        _create_private(Path(self.baseFilename))  # the new file is private too
        os.chmod(self.baseFilename, 0o600)


def _create_private(path: Path) -> None:
    """Make the log file with mode 0600 if it does not exist (and tighten an old 0644 one)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def _usable(folder: Path, shared: bool = True) -> bool:
    """The folder exists (made now if need be) and, in a `shared` place, is ours."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = folder.lstat()
    except OSError:
        return False
    if not shared:
        return True
    # a shared temporary folder: never a link, nor a folder someone else made in our name
    if not stat.S_ISDIR(info.st_mode):
        return False
    return info.st_uid == os.getuid() if hasattr(os, "getuid") else True


def _open_handler(wanted: Path) -> _SharedRotatingHandler | None:
    global _active_dir
    for folder, shared in ((wanted, False), (fallback_log_dir(), True)):
        if not _usable(folder, shared):
            continue
        try:
            handler = _SharedRotatingHandler(folder / _FILE_NAME)
        except OSError:
            continue
        _active_dir = folder
        return handler
    _active_dir = None
    return None


_handler_for: Path | None = None  # the log folder asked for when the handler was made


def logger() -> logging.Logger:
    """Multivector's logger, writing to the rotated log file once configured (again when the
    log folder asked for changed, as tests do)."""
    global _handler_for
    log = logging.getLogger(_LOGGER_NAME)
    log.propagate = False  # never to the root logger's last resort: stderr
    wanted = log_dir()
    ours = [h for h in log.handlers if isinstance(h, _SharedRotatingHandler | logging.NullHandler)]
    if ours and _handler_for == wanted:
        return log
    for old in ours:
        log.removeHandler(old)
        old.close()
    _handler_for = wanted
    handler = _open_handler(wanted)
    if handler is None:
        log.addHandler(logging.NullHandler())  # no log anywhere: say nothing rather than fail
        return log
    handler.setFormatter(_PrivateFormatter("%(asctime)s %(process)d %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return log


def log_exception(context: str) -> Path:
    """Write the exception being handled, with its traceback, and return the log's path."""
    logger().exception("unexpected failure in %s", context)
    return log_path()
