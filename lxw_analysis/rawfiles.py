"""Which files of a raw folder are read, which are passed over, and which cannot be read.

A build reads every report and table below ``data/raw/``; it passes over, without a word,
what is not data: hidden files and folders (``.name``), the lock files Word and WPS keep
beside an open document (``~$2024.docx``), macOS's ``._2024.docx`` companions, and whatever
``data/raw/.lxwignore`` lists (one pattern a line, ``#`` for comments: a file name such as
``说明.txt``, a glob such as ``*/notes/*`` or ``draft_*.docx``, matched against the path below
``data/raw/`` and against the file's name). What it cannot read it lists, with the reason:
a folder it may not open, a special file (a FIFO, a device), a link that leads outside the
project. The raw folder's ``files.csv`` (see ``identity.listed``) names files; it is not one.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .identity import LISTING_FILE

__all__ = ["IGNORE_FILE", "Refused", "Inventory", "inventory", "is_passed_over"]

#: The file in the raw folder that lists what a build passes over.
IGNORE_FILE = ".lxwignore"


@dataclass(frozen=True)
class Refused:
    """A raw file (or folder) that could not be read, why, and what to do about it."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class Inventory:
    """The files of a raw folder: those to read, in name order, and those refused."""

    files: list[Path] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)


def _patterns(raw: Path) -> list[str]:
    path = raw / IGNORE_FILE
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError:
        return []
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def is_passed_over(relative: str, patterns=()) -> bool:
    """Whether a path below the raw folder is not data: hidden, a lock file, an AppleDouble
    companion, or listed in the ignore file.

    >>> [is_passed_over(p) for p in ["laxiwa/2024.txt", "laxiwa/~$2024.docx", "laxiwa/._2024.docx", ".git/x"]]
    [False, True, True, True]
    >>> is_passed_over("laxiwa/说明.txt", ["说明.txt"]), is_passed_over("a/notes/x.txt", ["*/notes/*"])
    (True, True)
    """
    parts = relative.split("/")
    name = parts[-1]
    if any(p.startswith(".") for p in parts) or name.startswith("~$"):
        return True
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in patterns)


def inventory(raw: Path, suffixes, project: Path | None = None) -> Inventory:
    """The files below ``raw`` whose suffix is one of ``suffixes``, and those that cannot be read.

    Links are followed when they lead to a regular file inside ``project`` (the folder holding
    the raw folder, by default); any other link, and any file that is not a regular file, is
    refused, as is a folder that cannot be opened.
    """
    raw = Path(raw)
    project = Path(project or raw.parent).resolve()
    patterns = _patterns(raw)
    found = Inventory()

    def unreadable(err: OSError) -> None:
        found.refused.append(Refused(Path(err.filename or raw), _folder_reason(err)))

    for dirpath, dirnames, names in os.walk(raw, onerror=unreadable):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(names):
            path = here / name
            relative = path.relative_to(raw).as_posix()
            if path.suffix.lower() not in suffixes or is_passed_over(relative, patterns) or relative == LISTING_FILE:
                continue
            why = _not_regular(path, project)
            if why:
                found.refused.append(Refused(path, why))
            else:
                found.files.append(path)
    found.files.sort()
    return found


def _folder_reason(err: OSError) -> str:
    return (
        f"this folder cannot be opened ({err.strerror or err}), so the files in it were not read. "
        "Give yourself permission to read it (chmod u+rx), or move its files elsewhere."
    )


def _not_regular(path: Path, project: Path) -> str:
    """Why ``path`` is not read, or '' when it is a regular file (or a link to one inside the project)."""
    try:
        info = path.lstat()
    except OSError as err:
        return f"cannot be read ({err.strerror or err})."
    if stat.S_ISLNK(info.st_mode):
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return "a link whose target does not exist; remove it or point it at a file."
        if project not in target.parents:
            return (
                f"a link to {target}, outside the project folder {project}; the build reads only files inside "
                "the project. Copy the file into data/raw/ instead."
            )
        info = target.stat()
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a pipe, a device or a socket), so it is not read; remove it from data/raw/."
    return ""
