"""Errors the user can act on: bad input is reported in one line, never as a traceback."""


class InputError(Exception):
    """The input cannot be used (missing, unreadable, empty, binary, too large, unsupported).

    The message says what and why in one line; the command line exits 2 with it and the window
    shows it in a dialog.
    """
