"""What the last build was made from, so a build with nothing new to do stops at once.

A whole-project build that reads every raw file and renders every page leaves a stamp in its
cache: a digest of its inputs (every file of its raw, notebooks and references folders, the
package's fingerprint, the folders and options it was given) and the size and modification time
of every file it wrote. A later build with the same digest that finds those files as they were
left has nothing to do: it says so and returns the result the stamp holds, reading no report and
running no notebook. Anything else (an input changed, added or removed, an output edited or
removed, another option, ``--force``) builds as usual, each file and page from the cache when it
can.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import config
from .cache import Cache, key

__all__ = ["RESULT_KEYS", "inputs_digest", "outputs_state", "stamp_name", "unchanged", "record"]


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def inputs_digest(folders: list[Path], options) -> str:
    """A digest of every file (name and bytes) under ``folders`` and of ``options``."""
    h = hashlib.sha256(repr(options).encode())
    for folder in folders:
        h.update(f"\0{folder}\0".encode())
        for path in _files(folder):
            h.update(f"{path.relative_to(folder).as_posix()}\0".encode())
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def outputs_state(folders: list[Path]) -> dict[str, list[int]]:
    """Each file under ``folders``: its path, size and modification time (nanoseconds)."""
    state = {}
    for folder in folders:
        for path in _files(folder):
            info = path.stat()
            state[str(path)] = [info.st_size, info.st_mtime_ns]
    return state


def stamp_name(raw: Path, notebooks: Path, outputs: list[Path], options) -> str:
    """The cache entry a build of these folders and options leaves (see the module docstring)."""
    digest = inputs_digest([raw, notebooks, config.references_dir()], (raw, notebooks, outputs, options))
    return f"stamp-{key(digest)}"


#: What a stamp's result holds (``build._result_data``).
RESULT_KEYS = {"facts", "outputs", "index", "reports", "kept"}


def _stamp(data) -> dict:
    """``data`` when it has a stamp's shape; else a TypeError, so the cache ignores the entry."""
    if not isinstance(data, dict):
        raise TypeError("not a stamp")
    result = data.get("result")
    if not (isinstance(data.get("outputs"), dict) and isinstance(result, dict) and set(result) == RESULT_KEYS):
        raise TypeError("not a stamp")
    return data


def unchanged(cache: Cache, name: str, outputs: list[Path]) -> dict | None:
    """The stamp ``name`` holds when the files under ``outputs`` are still those it records."""
    stamp = cache.get(name, _stamp)
    if stamp is None or stamp["outputs"] != outputs_state(outputs):
        return None
    return stamp


def record(cache: Cache, name: str, outputs: list[Path], result: dict) -> None:
    """Leave the stamp ``name``: the state of the files under ``outputs``, and ``result``."""
    cache.put(name, {"outputs": outputs_state(outputs), "result": result})
