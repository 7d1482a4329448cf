"""What earlier builds computed, kept so a rebuild redoes only what its inputs changed.

Entries are keyed by a hash of their inputs: a raw file's bytes, the options it was read
with, and the package's own fingerprint (its code, reference tables and templates), so any
change to any of them misses the cache. Entries no build used are pruned at the end.

The cache holds data, never code: each entry is JSON in an envelope with the format version,
its kind and a SHA-256 checksum of its contents. An entry that does not verify (corrupted,
written by another version, not of the expected kind or shape, not owned by the current user
or writable by others) is ignored, said so in one line, and recomputed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import lru_cache
from pathlib import Path

from .config import PACKAGE_DIR
from .files import write_text

__all__ = ["VERSION", "fingerprint", "key", "Cache"]

#: The entry format; entries of any other version are ignored.
VERSION = 2
_ENTRY_NAME = re.compile(r"^[a-z]+-[0-9a-f]{64}$")


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


def _checksum(kind: str, payload: str) -> str:
    return hashlib.sha256(f"{VERSION}\0{kind}\0{payload}".encode()).hexdigest()


class Cache:
    """A folder of JSON entries; ``None`` as folder turns caching off, ``read=False`` only
    refills it (a forced rebuild). ``notice`` is told, in one line, of every entry ignored."""

    def __init__(self, folder: Path | None, *, read: bool = True, notice=None):
        self.folder = folder
        self.read = read
        self.notice = notice or (lambda message: None)
        self.used: set[str] = set()
        self.hits = self.misses = 0

    def _ignore(self, name: str, why: str):
        self.misses += 1
        self.notice(f"cache: ignored entry {name} ({why}); recomputing it")
        return None

    def get(self, name: str | None, decode=lambda data: data):
        """The entry ``name`` decoded by ``decode``, or None when there is none or it does not
        verify. ``decode`` checks the data's shape; any error it raises discards the entry."""
        if self.folder is None or not self.read or name is None:
            return None
        path = self.folder / name
        try:
            info = path.stat()
        except OSError:
            self.misses += 1
            return None
        if info.st_uid != os.getuid() or info.st_mode & 0o022:
            return self._ignore(name, "not owned by you, or writable by others")
        try:
            envelope = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(envelope, dict) or envelope.get("version") != VERSION:
                return self._ignore(name, "written by another version")
            kind, payload = envelope["kind"], envelope["data"]
            if not isinstance(payload, str) or envelope.get("sha256") != _checksum(kind, payload):
                return self._ignore(name, "checksum does not match")
            if not name.startswith(f"{kind}-"):
                return self._ignore(name, "of another kind")
            value = decode(json.loads(payload))
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, IndexError) as err:
            return self._ignore(name, f"unreadable: {type(err).__name__}")
        self.used.add(name)
        self.hits += 1
        return value

    def put(self, name: str | None, value) -> None:
        """Store ``value`` (JSON data: dicts, lists, strings, numbers, None) as entry ``name``,
        whose kind is the part of the name before the first ``-``."""
        if self.folder is None or name is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        kind = name.split("-", 1)[0]
        payload = json.dumps(value, ensure_ascii=False)
        envelope = {"version": VERSION, "kind": kind, "sha256": _checksum(kind, payload), "data": payload}
        write_text(self.folder / name, json.dumps(envelope, ensure_ascii=False))
        self.used.add(name)

    def prune(self) -> None:
        """Remove the entries this build did not use (only files named as entries are touched)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            ours = _ENTRY_NAME.match(path.name) or (path.name.startswith(".") and path.name.endswith(".tmp"))
            if ours and path.name not in self.used and path.is_file():
                path.unlink(missing_ok=True)
