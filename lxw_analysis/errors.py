
__all__ = ["LxwError"]
"""The one exception users see: a clear message, no traceback."""


class LxwError(Exception):
    """A problem with the user's input or setup, worded for the user.

    The command line prints the message and exits non-zero; ``--debug`` shows the traceback.
    """
