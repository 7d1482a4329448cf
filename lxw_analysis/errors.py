"""The one exception users see: a clear message, no traceback; and the machine's own errors
(a full disk, a folder one may not write) worded the same way."""

from __future__ import annotations

import errno

__all__ = ["LxwError", "LxwWarning", "YearDisagreement", "environment_message"]


class LxwError(Exception):
    """A problem with the user's input or setup, worded for the user.

    The command line prints the message and exits non-zero; ``--debug`` shows the traceback.
    """


class LxwWarning(UserWarning):
    """Something the user should know that does not stop the work (a given year that a table
    contradicts); the command line prints it as one line."""


class YearDisagreement(LxwWarning):
    """A report's file name and its text name different years (the build reports it as a
    quality finding instead)."""


#: What the machine said, and what to do about it, for the errors that come from around the files.
_ENVIRONMENT = {
    errno.ENOSPC: ("there is no space left on the disk", "Free some space (or choose another folder) and run again."),
    errno.EDQUOT: ("your disk quota is used up", "Free some space (or choose another folder) and run again."),
    errno.EACCES: ("permission is denied", "Give yourself permission to write there, or choose another folder."),
    errno.EPERM: ("the operation is not permitted", "Give yourself permission to write there, or choose another folder."),
    errno.EROFS: ("the folder is on a read-only file system", "Choose a folder you can write to."),
    errno.ENAMETOOLONG: ("the path is too long", "Use a shorter folder or file name."),
    errno.EMFILE: ("too many files are open", "Close other programs, or run with --jobs 1."),
}


def environment_message(err: OSError) -> str | None:
    """One paragraph for an error of the machine rather than of lxw-analysis, naming the path;
    None for any other error.

    >>> environment_message(OSError(errno.ENOSPC, "No space left on device", "data/processed"))
    'data/processed: there is no space left on the disk (No space left on device). Free some space (or choose another folder) and run again. Earlier outputs are left as they were.'
    """
    what = _ENVIRONMENT.get(err.errno)
    if what is None:
        return None
    where = f"{err.filename}: " if err.filename else ""
    return f"{where}{what[0]} ({err.strerror or err}). {what[1]} Earlier outputs are left as they were."
