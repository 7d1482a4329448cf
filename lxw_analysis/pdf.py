"""PDFs with a text layer (pdfplumber) as report text: one paragraph per line.

- ``.pdf`` with a text layer (pdfplumber): pages in order; the lines of a paragraph are
  joined again (a PDF line ends wherever the page was full); running headers and footers
  and page numbers are dropped; ruled tables become one line per row, like Word tables.
  A PDF without a text layer (a scan) is refused with a clear message: OCR is not done.

How a PDF becomes paragraphs:

- Page furniture: among the first and last three lines of each page, a page number alone
  (3, - 3 -, — 3 —, 第3页, 第3页 共12页, 3/12, Page 3 of 12) is dropped, and so is a line of
  at most 40 characters that recurs, in the same type size, at the top or bottom of at least
  40% of the pages (and at least two) — digits count as one, so 报告 第3页 and 报告 第4页 are
  one running footer. A title repeated in a small running header stays in its own size.
- Line joining: a line ends its paragraph when it ends in 。！？；：(or ASCII !?;:), when the
  next line starts a numbered item (一、 （一） 第一部分 1、), when it stops 4 characters or
  more short of the right margin (1.5 for a numbered heading without a full stop), unless the
  next word is a number or Latin word that could not have fitted there. Otherwise lines are
  joined with nothing between them (Chinese has no spaces), two Latin words with a space, and
  a Latin word hyphenated at the line end is closed up. Spaces the PDF leaves next to Chinese
  characters are removed, Kangxi-radical code points (⼀ ⼯) read as the ideographs they show.

Limits: one text column (two-column pages interleave); footnotes join the body text; text
in images is not read; a PDF whose fonts carry no Unicode mapping is refused.
Traditional characters need nothing here: the extractor's matching view handles them.
Every problem with a file (corrupt, encrypted, scanned, unsupported) is an ``LxwError``
naming the file.
"""

from __future__ import annotations

import logging
import math
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import LxwError
from .paragraphs import (
    _SENTENCE_END,
    _SPACE_NEAR_CJK,
    Document,
    _clean,
    _sniff,
    _unify_ideographs,
)
from .patterns import CN_ORDINAL, HEADING_START

__all__ = ["read_pdf"]

# --- PDF ----------------------------------------------------------------------------------

#: A page number alone on a line: 3, - 3 -, — 3 —, 第3页, 第 3 页 共 12 页, 3/12, Page 3 of 12, iv.
_PAGE_NUMBER = re.compile(
    rf"""(?ix)^(?:
        [-—–－~～·•_\s]*(?:\d{{1,4}}|[ivxlc]{{1,7}}|[{CN_ORDINAL}百零〇]{{1,5}})[-—–－~～·•_\s]*
      | 第\s*[\d{CN_ORDINAL}百零〇]+\s*页(?:\s*[,，/、]?\s*共\s*[\d{CN_ORDINAL}百零〇]+\s*页)?
      | 共\s*\d+\s*页\s*[,，]?\s*第\s*\d+\s*页
      | \d{{1,4}}\s*/\s*\d{{1,4}}
      | (?:page|p\.?)\s*\d{{1,4}}(?:\s*(?:of|/)\s*\d{{1,4}})?
    )$"""
)
#: How many lines at the top and at the bottom of a page may be running headers, footers or page numbers.
_EDGE_LINES = 3
#: A running header or footer is at most this long.
_MAX_RUNNING = 40


@dataclass
class _Line:
    text: str
    page: int
    x1: float = 0.0
    size: float = 10.0
    table: bool = False


@contextmanager
def _quiet_pdfminer():
    """Keep pdfminer's warnings about odd but readable files off the user's screen."""
    loggers = [logging.getLogger(name) for name in ("pdfminer", "pdfplumber")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels):
            lg.setLevel(level)


def read_pdf(path: Path, head: bytes) -> Document:
    if b"%PDF" not in head:  # the header may follow some junk, within the first 1024 bytes
        what = _sniff(head)
        raise LxwError(
            f"{path}: this is not a PDF" + (f" (it looks like {what})" if what else "")
            + ". Export the report as PDF again, or give the Word (.docx) or text file."
        )
    import pdfplumber

    try:
        with _quiet_pdfminer(), pdfplumber.open(str(path)) as pdf:
            pages = []
            for number, page in enumerate(pdf.pages, 1):
                pages.append(_page_lines(page, number))
                page.close()  # free the page's parsed objects: long reports stay small in memory
    except LxwError:
        raise
    except Exception as err:  # pdfminer raises many kinds for a damaged or encrypted file
        if _is_password_error(err):
            raise LxwError(
                f"{path}: the PDF is password-protected (encrypted) and cannot be read. "
                "Obtain a copy without a password, or the Word (.docx) file."
            ) from None
        raise LxwError(
            f"{path}: cannot be read as a PDF; the file is damaged or incomplete "
            f"({type(err).__name__}: {err}). Export or download it again."
        ) from None
    return _pdf_document(path, pages)


def _is_password_error(err: BaseException) -> bool:
    seen = set()
    while err is not None and id(err) not in seen:
        seen.add(id(err))
        if "password" in type(err).__name__.lower() or "encrypt" in str(err).lower():
            return True
        if any(isinstance(a, BaseException) and _is_password_error(a) for a in getattr(err, "args", ())):
            return True
        err = err.__cause__ or err.__context__
    return False


@dataclass
class _Page:
    number: int
    lines: list[_Line]
    chars: int
    unmapped: int
    images: int


def _page_lines(page, number: int) -> _Page:
    """The text lines and table rows of one page, top to bottom."""
    page = page.dedupe_chars()
    chars = page.chars
    unmapped = sum(1 for c in chars if c.get("text", "").startswith("(cid:"))
    lines: list[tuple[float, _Line]] = []
    boxes = []
    if chars and (page.lines or page.rects or page.curves):
        try:
            tables = page.find_tables()
        except Exception:  # a table that cannot be made out is read as lines of text
            tables = []
        for table in tables:
            cells = table.extract()
            if all(sum(1 for cell in row if cell and cell.strip()) <= 1 for row in cells):
                continue  # a frame around text (a page border, a boxed note), not a table
            rows = [r for r in (_pdf_row(row) for row in cells) if r]
            boxes.append(table.bbox)
            step = (table.bbox[3] - table.bbox[1]) / len(rows)
            lines.extend((table.bbox[1] + i * step, _Line(row, number, table=True)) for i, row in enumerate(rows))
    body = page
    if boxes:
        def outside(obj, boxes=boxes):
            cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
            return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

        body = page.filter(outside)
    if chars:
        for line in body.extract_text_lines(strip=True, return_chars=True):
            text = _pdf_text(line["text"])
            if text:
                sizes = sorted(c.get("size", 10.0) for c in line["chars"]) or [10.0]
                lines.append((line["top"], _Line(text, number, x1=line["x1"], size=sizes[len(sizes) // 2])))
    lines.sort(key=lambda item: item[0])
    return _Page(number, [line for _, line in lines], len(chars), unmapped, len(page.images))


def _pdf_text(text: str) -> str:
    return _SPACE_NEAR_CJK.sub("", _unify_ideographs(_clean(text)))


def _pdf_row(row) -> str:
    return "，".join(t for t in (_pdf_text((cell or "").replace("\n", "")) for cell in row) if t)


def _pdf_document(path: Path, pages: list[_Page]) -> Document:
    chars = sum(p.chars for p in pages)
    if chars and sum(p.unmapped for p in pages) > 0.3 * chars:
        raise LxwError(
            f"{path}: the PDF's text layer cannot be decoded (its fonts carry no Unicode mapping, so "
            "characters come out as (cid:…) codes). Obtain the Word (.docx) file or a PDF exported with text."
        )
    _drop_running_lines(pages)
    lines = [line for page in pages for line in page.lines]
    images = tuple(p.number for p in pages if p.images and not p.chars)
    if not lines:
        if any(p.images for p in pages):
            raise LxwError(
                f"{path}: the PDF has no text layer: its pages are images (a scan). OCR is not done, "
                "so the text cannot be read. Obtain a text PDF (exported from Word or WPS) or the Word (.docx) file."
            )
        raise LxwError(
            f"{path}: the PDF contains no text (no text layer). OCR is not done. "
            "Obtain a text PDF (exported from Word or WPS) or the Word (.docx) file."
        )
    return _join_lines(path, lines, images)


def _running_key(line: _Line) -> tuple[str, int]:
    """A line as it repeats from page to page: page numbers in it differ, its type size does not."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text)), round(line.size)


def _drop_running_lines(pages: list[_Page]) -> None:
    """Remove page numbers and the headers and footers that repeat at the edge of most pages."""

    def edges(lines):
        n = min(_EDGE_LINES, len(lines))
        return range(n), range(len(lines) - 1, max(len(lines) - 1 - n, -1), -1)

    with_text = [p for p in pages if p.lines]
    counts: dict[str, int] = {}
    for page in with_text:
        top, bottom = edges(page.lines)
        keys = {
            _running_key(page.lines[i])
            for i in (*top, *bottom)
            if not page.lines[i].table and len(page.lines[i].text) <= _MAX_RUNNING
        }
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    needed = max(2, math.ceil(0.4 * len(with_text)))
    running = {key for key, count in counts.items() if count >= needed}

    def droppable(line: _Line) -> bool:
        return not line.table and (bool(_PAGE_NUMBER.match(line.text)) or _running_key(line) in running)

    for page in with_text:
        lines = page.lines
        drop = set()
        top, bottom = edges(lines)
        for side in (top, bottom):
            for i in side:
                if not droppable(lines[i]):
                    break
                drop.add(i)
        page.lines = [line for i, line in enumerate(lines) if i not in drop]


def _ends_paragraph(line: _Line, following: str, right: float) -> bool:
    """Whether the paragraph ends after ``line`` (``following`` is the next line's text)."""
    text = line.text
    if line.table or text.endswith(_SENTENCE_END) or HEADING_START.match(following):
        return True
    # A line that stops well before the margin (4 characters) ends its paragraph, unless the
    # next word is a number or Latin word too long to have fitted there; a short numbered line
    # without a full stop (一、抓理论学习) is a heading, and ends already 1.5 characters short.
    short = right - line.x1
    token = re.match(r"[A-Za-z0-9][A-Za-z0-9.,%-]*", following)
    room = (0.6 * len(token[0]) + 1) * line.size if token else 0.0  # room the next word would have needed
    if HEADING_START.match(text) and not re.search("[。；;！？]", text) and len(text) <= 40:
        return short > max(1.5 * line.size, room)
    return short > max(4 * line.size, room)


def _right_margin(lines: list[_Line]) -> float:
    ends = sorted(line.x1 for line in lines if not line.table) or [0.0]
    return ends[int(0.9 * (len(ends) - 1))]


def _join_lines(path: Path, lines: list[_Line], images: tuple[int, ...]) -> Document:
    """Rejoin the lines of each paragraph; note where each page's text lies."""
    right = {None: _right_margin(lines)}  # where full lines end: per page when the page has enough lines
    for number in {line.page for line in lines}:
        on_page = [line for line in lines if line.page == number]
        right[number] = _right_margin(on_page) if len(on_page) >= 8 else right[None]
    out: list[str] = []
    spans: dict[int, list[int]] = {}
    pos = 0
    prev: _Line | None = None
    for line in lines:
        text = line.text
        if prev is not None:
            if line.table or _ends_paragraph(prev, text, right[prev.page]):
                out.append("\n")
                pos += 1
            elif re.search("[A-Za-z]-$", prev.text) and re.match("[a-z]", text):
                out[-1] = out[-1][:-1]  # a word hyphenated at the line end
                pos -= 1
                spans[prev.page][1] = pos
            elif re.search("[A-Za-z]$", prev.text) and re.match("[A-Za-z]", text):
                out.append(" ")
                pos += 1
        span = spans.setdefault(line.page, [pos, pos])
        out.append(text)
        pos += len(text)
        span[1] = pos
        prev = line
    out.append("\n")
    pages = tuple((start, end, number) for number, (start, end) in sorted(spans.items(), key=lambda kv: kv[1][0]))
    return Document("".join(out), "pdf", path, pages=pages, image_only_pages=images)
