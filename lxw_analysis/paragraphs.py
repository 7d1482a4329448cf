"""What the Word and PDF readers share: the ``Document`` they return, and paragraph helpers
(numbered-heading starts, sentence ends, spaces beside Chinese, radical code points)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Document", "page_of"]


@dataclass(frozen=True)
class Document:
    """The text of a report file, with where its pages and headings are.

    ``text``: one paragraph per line. ``pages``: for a PDF, ``(start, end, page)`` spans of
    ``text`` (page numbers from 1, as the PDF counts them); empty otherwise.
    ``headings``: ``(offset, level, title)`` of paragraphs a Word document styles as headings
    (level 0 for a title style). ``image_only_pages``: PDF pages that carry images but no
    text, whose content is therefore missing from ``text`` (scanned pages).
    ``tables``: for a Word document, each body table (not tables nested in a cell), in
    document order, as rows of cell texts with one entry per grid column, so columns line
    up (see ``_table_grid``); empty for other documents.
    """

    text: str
    kind: str  # "txt", "docx" or "pdf"
    path: Path | None = None
    pages: tuple[tuple[int, int, int], ...] = ()
    headings: tuple[tuple[int, int, str], ...] = ()
    image_only_pages: tuple[int, ...] = ()
    tables: tuple[tuple[tuple[str, ...], ...], ...] = ()


def page_of(document: Document, offset: int) -> int | None:
    """The PDF page holding character ``offset`` of ``document.text``; None for other documents.

    >>> doc = Document("第一页\\n第二页\\n", "pdf", pages=((0, 3, 1), (4, 7, 2)))
    >>> page_of(doc, 0), page_of(doc, 5), page_of(doc, 99)
    (1, 2, None)
    """
    if not document.pages or not 0 <= offset < len(document.text):
        return None
    i = bisect_right([start for start, _, _ in document.pages], offset) - 1
    return document.pages[max(i, 0)][2]


# -------------------------------------------------------------------------------

_SENTENCE_END = tuple("。！？；：!?;:")
_CJK = "\u2e80-\u2fdf\u3000-\u303f\u3040-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\u00a0]+|[ \t\u00a0]+(?=[{_CJK}])")
#: Kangxi radicals and compatibility ideographs that PDF text layers often use for common characters (⼀ for 一).
_RADICALS = re.compile("[\u2e80-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")


def _unify_ideographs(text: str) -> str:
    """Radical and compatibility code points as the ideographs they look like (⼯作 → 工作), one for one."""

    def one(m: re.Match) -> str:
        c = unicodedata.normalize("NFKC", m.group())
        return c if len(c) == 1 else m.group()

    return _RADICALS.sub(one, text)


def _sniff(head: bytes) -> str:
    if head.startswith(b"%PDF"):
        return "a PDF"
    if head.startswith(b"PK"):
        return "a ZIP package (.docx, .xlsx …)"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "an old-format Office file (.doc) or a password-protected document"
    if head.startswith(b"{\\rtf"):
        return "an RTF file"
    return ""


def _clean(line: str) -> str:
    return re.sub(r"[ \t\u00a0]+", " ", line).strip()
