"""What earlier builds computed, kept so a rebuild redoes only what its inputs changed.

Entries are keyed by a hash of their inputs: a raw file's bytes, the options it was read
with, and the package's own fingerprint (its code, reference tables and templates), so any
change to any of them misses the cache. Entries no build used are pruned at the end.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

from .config import PACKAGE_DIR


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of the package version and every file of the package that shapes an output."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        h = hashlib.sha256(version("lxw-analysis").encode())
    except PackageNotFoundError:
        h = hashlib.sha256(b"unversioned")
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".csv", ".html", ".j2", ".json"} and "examples" not in path.parts:
            h.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def key(*parts) -> str:
    """A cache key from bytes and strings (the fingerprint always included)."""
    h = hashlib.sha256(fingerprint().encode())
    for part in parts:
        data = part if isinstance(part, bytes) else repr(part).encode()
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


class Cache:
    """A folder of pickled entries; ``None`` as folder turns caching off, ``read=False`` only
    refills it (a forced rebuild)."""

    def __init__(self, folder: Path | None, *, read: bool = True):
        self.folder = folder
        self.read = read
        self.used: set[str] = set()
        self.hits = self.misses = 0

    def get(self, name: str):
        """The entry ``name``, or None when there is none (or it cannot be read)."""
        if self.folder is None or not self.read:
            return None
        path = self.folder / name
        try:
            with path.open("rb") as f:
                value = pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.misses += 1
            return None
        self.used.add(name)
        self.hits += 1
        return value

    def put(self, name: str | None, value) -> None:
        if self.folder is None or name is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.folder / name)
        self.used.add(name)

    def prune(self) -> None:
        """Remove the entries this build did not use."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name not in self.used:
                path.unlink(missing_ok=True)
