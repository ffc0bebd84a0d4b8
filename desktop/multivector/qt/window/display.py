"""Whether a display is there before Qt is asked for one: Qt's own failure aborts the process
(exit 134) with a message about a missing libxcb-cursor0, whatever the real cause."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

from multivector.model.errors import InputError

NO_DISPLAY = ("no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
              "use --screenshot PNG to draw it off screen, or the analyze and summary commands")


def _x_server_answers(display: str) -> bool:
    """A connection to the X server `display` names (":0", "host:0.0", "unix:1") can be made."""
    host, _, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not number.isdigit():
        return False
    if host in ("", "unix") or host.startswith("/"):
        if host.startswith("/"):  # launchd-style paths (macOS XQuartz): a socket file
            return Path(display).exists()
        path = f"/tmp/.X11-unix/X{number}"
        for address in (path, "\0" + path):  # the file, and Linux's abstract socket
            try:
                with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                    sock.settimeout(1.0)
                    sock.connect(address)
                    return True
            except OSError:
                continue
        return False
    try:
        with socket.create_connection((host, 6000 + int(number)), timeout=1.0):
            return True
    except OSError:
        return False


def _wayland_answers(name: str) -> bool:
    path = Path(name) if name.startswith("/") else Path(
        os.environ.get("XDG_RUNTIME_DIR", "/nonexistent"), name)
    return path.exists()


def display_problem(env: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why the window cannot be shown here, in one line; None when it can (or we cannot tell:
    other systems and platform plugins chosen by hand are left to Qt)."""
    env = dict(os.environ) if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") and "bsd" not in platform:
        return None
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith(("xcb", "wayland")):
        return None
    display, wayland = env.get("DISPLAY", ""), env.get("WAYLAND_DISPLAY", "")
    if not display and not wayland:
        return NO_DISPLAY
    if wayland and _wayland_answers(wayland) and not chosen.startswith("xcb"):
        return None
    if display and _x_server_answers(display):
        return None
    shown = " and ".join(f"{k}={v}" for k, v in (("DISPLAY", display),
                                                 ("WAYLAND_DISPLAY", wayland)) if v)
    return (f"cannot connect to the display ({shown}); use --screenshot PNG to draw the window "
            "off screen, or the analyze and summary commands")


def require_display() -> None:
    """InputError (exit 2, one line) when there is no display to show the window on."""
    problem = display_problem()
    if problem is not None:
        raise InputError(problem)
