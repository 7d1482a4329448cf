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

__all__ = ["IGNORE_FILE", "Refused", "Inventory", "inventory", "is_passed_over", "listing"]

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
    found = Inventory()
    for path, why in _entries(raw, suffixes, project):
        if why:
            found.refused.append(Refused(Path(path), why))
        else:
            found.files.append(Path(path))
    return found


def listing(raw: Path, suffixes, project: Path | None = None) -> list[str]:
    """The paths of the files ``inventory`` reads, in the same order, as text: a command given a
    folder of 50,000 reports holds their names while it reads them, and as ``Path`` objects (which
    keep their parts besides their text) they take twice the memory. What cannot be read is left out.
    """
    return [path for path, why in _entries(raw, suffixes, project) if not why]


def _entries(raw: Path, suffixes, project: Path | None):
    """(path, '') for each file read and (path, why) for each refused, in name order (that of
    ``Path`` objects: a folder's files at its name's place among its neighbours)."""
    top = str(Path(raw))  # as a Path writes it: no ./ in front, no / at the end
    project = Path(project or Path(raw).parent).resolve()
    patterns = _patterns(Path(raw))

    def walk(folder: str, relative: str):
        try:
            with os.scandir(folder) as listed:
                entries = sorted(listed, key=lambda e: e.name)
        except OSError as err:
            yield err.filename or folder, _folder_reason(err)
            return
        for entry in entries:
            name, path = entry.name, f"{folder}/{entry.name}"
            below = f"{relative}{name}"
            if _is_folder(entry):
                if not name.startswith(".") and not entry.is_symlink():
                    yield from walk(path, below + "/")
            elif os.path.splitext(name)[1].lower() in suffixes and below != LISTING_FILE:
                if not is_passed_over(below, patterns):
                    yield path, _not_regular(Path(path), project)

    yield from walk(top, "")


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


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
