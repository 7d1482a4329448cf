"""Which township and year a report is about, from its own text."""

from __future__ import annotations

import re

from . import reference
from .text import matching_view


_TOWNSHIP = re.compile(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,4}[镇乡])(?=[^\u4e00-\u9fff]|党委|人民政府|政府)"
    r"|(?<=年)[,\s]?([\u4e00-\u9fff]{2,4}?[镇乡])"
)

_NOT_TOWNSHIP = re.compile(r"^(?:[全本各我该每]|城乡|乡镇)")

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=年)|([〇零一二三四五六七八九]{4})(?=年)")

def infer_township(text: str) -> str | None:
    """The township a report is about, from a known name or its title.

    >>> infer_township("新寨乡:2023年工作总结")
    '新寨乡'
    """
    head = matching_view(text[:2000])
    for row in reference.townships():
        if row["name"] in head:
            return row["name"]
    for m in _TOWNSHIP.finditer(head, 0, 300):
        name = m.group(1) or m.group(2)
        if not _NOT_TOWNSHIP.match(name):
            return name
    return None

def infer_year(text: str) -> int | None:
    """The reporting year: the first year named near the start of the report.

    >>> infer_year("二〇二三年,全镇开展学习12次")
    2023
    """
    m = _YEAR.search(matching_view(text[:400]))
    if not m:
        return None
    if m.group(1):
        return int(m.group(1))
    return int("".join(str("〇一二三四五六七八九".find(c)) if c != "零" else "0" for c in m.group(2)))
