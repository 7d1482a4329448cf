"""Report files to text, and the same-length view of that text the extractor searches.

Offsets in the facts table are offsets into the text ``read_text`` returns, so every
transformation made for matching (full-width to ASCII, traditional to simplified) maps one
character to one character.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from pathlib import Path

from . import config
from .errors import LxwError
from .files import read_bytes
from .numbers import to_halfwidth

__all__ = ["decode_bytes", "read_text", "is_traditional", "matching_view"]

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

#: Characters that exist only in traditional script and are common in work reports.
_TRADITIONAL = re.compile("[們這個為於會發經鎮鄉區縣萬億義國黨書記實現設農業產開組織幹級學習員項與際時對們進動]")


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode a report's bytes: BOM first, then UTF-8, then charset detection (GB18030 …)."""
    if not data.strip():
        raise LxwError(f"{name}: the file is empty. Expected a report's text; check the file was saved or exported fully.")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as err:
                raise LxwError(
                    f"{name}: byte {len(bom) + err.start:,} cannot be read as {encoding.upper()} text ({err.reason}), though "
                    "the file begins with that encoding's mark. The file is damaged or was cut; re-save it as "
                    "UTF-8 and try again."
                ) from err
    if b"\x00" in data[:4096]:
        raise LxwError(
            f"{name}: this looks like a binary file (it contains NUL bytes), not a text report. "
            "Expected plain text (.txt) in UTF-8 or GB18030; save the report as text and try again."
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        first_bad = err.start
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise LxwError(
            f"{name}: the text encoding could not be recognised (byte {first_bad:,} is the first that is not "
            "UTF-8). Expected UTF-8 or GB18030/GBK text; re-save the file as UTF-8 and try again."
        )
    return str(best)


def read_text(path: str | Path) -> str:
    """The text of a report file, decoded whatever its encoding.

    >>> import tempfile
    >>> folder = Path((scratch := tempfile.TemporaryDirectory()).name)
    >>> _ = (folder / "2024.txt").write_bytes("拉西瓦镇工作总结".encode("gb18030"))
    >>> read_text(folder / "2024.txt")
    '拉西瓦镇工作总结'
    """
    path = Path(path)
    return decode_bytes(read_bytes(path, limit=config.MAX_REPORT_BYTES, what="report"), str(path))


def is_traditional(text: str) -> bool:
    """True when the text is written in traditional characters (繁體).

    >>> is_traditional("拉西瓦鎮黨委開展學習十七次"), is_traditional("拉西瓦镇党委开展学习十七次")
    (True, False)
    """
    found = _TRADITIONAL.finditer(text, 0, 20000)
    return next(found, None) is not None and next(found, None) is not None  # two are enough: stop there


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _to_simplified(text: str) -> str:
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase conversion changed the length: convert line by line, keeping lines that would move offsets.
    lines = text.splitlines(keepends=True)
    out = []
    for line in lines:
        c = _t2s().convert(line)
        out.append(c if len(c) == len(line) else line)
    return "".join(out)


def matching_view(text: str) -> str:
    """The text as the extractor reads it: half-width, simplified, same length as ``text``.

    >>> matching_view("開展學習１７次，交流發言５０餘人")
    '开展学习17次,交流发言50余人'
    """
    view = to_halfwidth(text)
    if is_traditional(view):
        view = _to_simplified(view)
    if "\r" in view:  # CR alone (old Mac files) ends a line as LF does; the CR of CRLF is a space
        view = _CR.sub(lambda m: " \n" if m.group(1) else "\n", view)
    return view


_CR = re.compile(r"\r(\n)?")
