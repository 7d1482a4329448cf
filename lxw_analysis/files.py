"""Files in and out: size-limited reading, atomic writing, and the one unsupported-type error.

Every reader reads through ``read_bytes`` (a clear message naming the file when it cannot be
read or is larger than its kind may be: ``config.MAX_REPORT_BYTES``, ``config.MAX_TABLE_BYTES``);
every writer writes through ``atomic_write`` (a temporary file beside the target, renamed into
place: never a half-written file, and files get the mode the umask gives).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import LxwError

__all__ = ["read_bytes", "check_zip", "atomic_write", "write_text", "new_file_mode", "unsupported", "source_label", "file_of"]


def read_bytes(path: Path, *, limit: int | None = None, what: str = "file", size: int = -1) -> bytes:
    """A file's bytes (the first ``size`` of them), or a clear message when it cannot be read or
    is larger than ``limit``."""
    try:
        if limit is not None and path.stat().st_size > limit:
            raise LxwError(
                f"{path}: {path.stat().st_size / 2**20:.0f} MB is more than a {what} is expected to be "
                f"({limit / 2**20:.0f} MB at most), so it is not read. Split it into one file per "
                "report or table, or check it is the file you meant."
            )
        with path.open("rb") as f:
            return f.read(size)
    except OSError as err:
        raise LxwError(f"{path}: cannot be read ({err.strerror or err}).") from err


def check_zip(path: Path, what: str) -> None:
    """Refuse a zip container (.docx, .xlsx) that would expand past the limits of ``config``
    (total size, number of parts, compression ratio), reading only its central directory."""
    import zipfile

    from . import config

    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except Exception:  # noqa: BLE001 - a damaged header raises many kinds (NotImplementedError, struct.error …)
        return  # not a readable zip: the reader says so in its own words
    total = sum(p.file_size for p in parts)
    worst = max(parts, key=lambda p: p.file_size / max(p.compress_size, 1), default=None)
    problem = ""
    if len(parts) > config.MAX_ZIP_PARTS:
        problem = f"it holds {len(parts):,} parts (at most {config.MAX_ZIP_PARTS:,})"
    elif total > config.MAX_UNZIPPED_BYTES:
        problem = f"it expands to {total / 2**20:,.0f} MB (at most {config.MAX_UNZIPPED_BYTES / 2**20:,.0f} MB)"
    elif worst and worst.file_size > 2**20 and worst.file_size / max(worst.compress_size, 1) > config.MAX_ZIP_RATIO:
        ratio = worst.file_size / max(worst.compress_size, 1)
        problem = f"its part {worst.filename} expands {ratio:,.0f} times (at most {config.MAX_ZIP_RATIO})"
    if problem:
        raise LxwError(
            f"{path}: this {what} is not read: {problem}, more than a real {what} does. It may be damaged or "
            "built to exhaust memory; open it in Word, WPS or Excel and save it again, or leave it out."
        )


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """The mode a new file gets here (0o666 less the umask)."""
    return 0o666 & ~_umask()


def atomic_write(path: Path, write) -> None:
    """Write through a temporary file beside ``path``, then rename: never a half-written file.
    ``write`` is called with the temporary file's path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, new_file_mode())
        os.replace(tmp, path)
    except OSError as err:
        if err.filename in (None, tmp):  # name the file the user asked for, not the temporary one
            raise OSError(err.errno, err.strerror or str(err), str(path)) from err
        raise
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_text(path: str | Path, text: str) -> Path:
    """Write a text file (UTF-8), atomically."""
    path = Path(path)
    atomic_write(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    return path


def unsupported(path: Path, kinds, what: str, hint: str = "") -> LxwError:
    """The error for a file whose suffix is none of ``kinds`` (``what``: reports, tables …).

    >>> print(unsupported(Path("a.doc"), {".docx", ".txt"}, "reports", "Save it as .docx first."))
    a.doc: unsupported file type .doc; reports are read from .docx, .txt files. Save it as .docx first.
    """
    return LxwError(
        f"{path}: unsupported file type {path.suffix or '(none)'}; {what} are read from "
        + ", ".join(sorted(kinds))
        + " files."
        + (f" {hint}" if hint else "")
    )


def source_label(path: Path, data_dir: Path | None) -> str:
    """``path`` as the facts table names it: relative to the data folder when it lies inside it."""
    if data_dir is not None:
        try:
            return path.resolve().relative_to(data_dir.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def file_of(source: str) -> str:
    """The file part of a facts-table ``source`` (without #page=, #表1!C3 or #R4C3).

    >>> file_of("raw/laxiwa/villages.xlsx#Sheet1!C4"), file_of("raw/laxiwa/2024.txt")
    ('raw/laxiwa/villages.xlsx', 'raw/laxiwa/2024.txt')
    """
    return source.split("#", 1)[0]
