"""Word documents and PDFs as report text: one paragraph per line, the way the extractor reads it.

``read_document(path)`` returns a :class:`Document` whose ``.text`` can be given to
``extract_facts`` exactly like the text of a ``.txt`` report: every paragraph is one line, so
numbered headings (一、 / （一） / 第X部分) and themed paragraphs (以…为…) start lines and
become sections. Offsets of facts are offsets into ``.text``; for a PDF, ``page_of`` tells
the page an offset lies on.

- ``.docx`` (python-docx): body paragraphs and tables in document order. Automatic list
  numbering (一、 （一） 1.) is written out as Word shows it; a table row becomes one line
  with its cells joined by "，"; empty paragraphs are dropped. Headers, footers, footnotes,
  comments and text boxes are not read. Each body table is also kept as a grid of cell
  texts in ``Document.tables``, which ``tables.iter_document_table_facts`` reads the way a
  spreadsheet is read.
- ``.pdf`` with a text layer (pdfplumber): pages in order; the lines of a paragraph are
  joined again (a PDF line ends wherever the page was full); running headers and footers
  and page numbers are dropped; ruled tables become one line per row, like Word tables.
  A PDF without a text layer (a scan) is refused with a clear message: OCR is not done.
- ``.txt``: as ``text.read_text`` reads it.

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
import unicodedata
from bisect import bisect_right
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import LxwError
from .files import unsupported
from .text import read_text

#: File types ``read_document`` reads.
DOCUMENT_SUFFIXES = {".txt", ".docx", ".pdf"}


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


def read_document(path: str | Path) -> Document:
    """The report text of a ``.docx``, ``.pdf`` or ``.txt`` file (see the module docstring)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        hint = "Open it in Word or WPS and save it as .docx first." if suffix in {".doc", ".wps", ".rtf"} else ""
        raise unsupported(path, DOCUMENT_SUFFIXES, "reports", hint)
    if suffix == ".txt":
        return Document(read_text(path), "txt", path)
    try:
        with path.open("rb") as file:
            head = file.read(1024)
    except OSError as err:
        raise LxwError(f"{path}: cannot be read ({err.strerror or err}).") from err
    if not head:
        raise LxwError(f"{path}: the file is empty. Expected a report; check the file was saved or exported fully.")
    if suffix == ".docx":
        return _read_docx(path, head)
    return _read_pdf(path, head)


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


# --- shared -------------------------------------------------------------------------------

_CN_DIGITS = "一二三四五六七八九十"
#: A line that starts a numbered item: 一、 第一部分 （一） 1、 1． (1)
_HEADING_START = re.compile(
    rf"""\s*(?:[{_CN_DIGITS}]+[、.．]|第[{_CN_DIGITS}]+(?:部分|章|节|篇)
        |[（(][{_CN_DIGITS}\d]{{1,3}}[）)]|\d{{1,2}}[、．](?!\d)|\d{{1,2}}\.(?!\d))""",
    re.X,
)
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


# --- Word ---------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: Subtrees whose text is not part of the paragraph as shown (deleted, moved away, duplicated, text boxes).
_SKIP = {_W + "del", _W + "moveFrom", _MC_FALLBACK, _W + "txbxContent", _W + "rPr", _W + "pPr", _W + "instrText"}
_HEADING_STYLE = re.compile(r"(?i)^\s*(?:heading|标题)\s*(\d)\s*$")
_TITLE_STYLE = re.compile(r"(?i)^\s*(?:title|标题)\s*$")


def _read_docx(path: Path, head: bytes) -> Document:
    if not head.startswith(b"PK"):
        what = _sniff(head)
        raise LxwError(
            f"{path}: this is not a Word .docx document"
            + (f" (it looks like {what})" if what else "")
            + ". Open it in Word or WPS and save it as .docx (without a password), or export it as PDF."
        )
    import docx

    try:
        doc = docx.Document(str(path))
        return _docx_document(doc, path)
    except LxwError:
        raise
    except Exception as err:  # python-docx, zipfile and lxml raise many kinds for a damaged file
        raise LxwError(
            f"{path}: cannot be read as a Word document; the file is damaged or not a real .docx "
            f"({type(err).__name__}: {err}). Open it in Word or WPS and save it again as .docx."
        ) from None


def _docx_document(doc, path: Path) -> Document:
    styles = _Styles(doc)
    numbering = _Numbering(doc, styles)
    lines: list[str] = []
    headings: list[tuple[int, int, str]] = []
    tables: list[tuple[tuple[str, ...], ...]] = []
    offset = 0
    for kind, element in _blocks(doc.element.body):
        if kind == "p":
            text = numbering.label(element) + _paragraph_text(element)
            level = styles.heading_level(element)
            new = [s for s in (_clean(part) for part in text.split("\n")) if s]
            if new and level is not None:
                headings.append((offset, level, new[0]))
        else:
            new = [row for row in _table_rows(element) if row]
            tables.append(_table_grid(element))
        for line in new:
            lines.append(line)
            offset += len(line) + 1
    text = "\n".join(lines) + "\n" if lines else ""
    if not text.strip():
        raise LxwError(
            f"{path}: the Word document contains no text. If its pages are pictures (a scan), the "
            "text cannot be read: OCR is not done. Obtain the report as a text PDF or a Word file with text."
        )
    return Document(text, "docx", path, headings=tuple(headings), tables=tuple(tables))


def _clean(line: str) -> str:
    return re.sub(r"[ \t\u00a0]+", " ", line).strip()


def _blocks(container):
    """``("p", element)`` and ``("tbl", element)`` in document order, through content controls."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            yield "p", child
        elif tag == _W + "tbl":
            yield "tbl", child
        elif tag in (_W + "sdt", _W + "customXml", _W + "sdtContent", _W + "ins", _W + "moveTo"):
            yield from _blocks(child)


def _paragraph_text(p) -> str:
    """The text of a ``w:p`` as Word shows it: tracked insertions in, deletions out; breaks as newlines."""
    out: list[str] = []

    def walk(el):
        for child in el.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _W + "t":
                out.append(child.text or "")
            elif tag == _W + "tab":
                out.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                if child.get(_W + "type") not in ("page", "column"):
                    out.append("\n")
            elif tag == _W + "noBreakHyphen":
                out.append("-")
            elif tag == _W + "r" and _hidden(child):
                continue
            else:
                walk(child)

    walk(p)
    return "".join(out)


def _hidden(run) -> bool:
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(_W + "val") not in ("0", "false", "off")


def _table_rows(tbl) -> list[str]:
    """One line per row of a ``w:tbl``, its cells joined by "，"; a merged cell's text appears once."""
    rows = []
    for tr in _rows_of(tbl):
        texts = (_cell_text(tc) for tc in _cells_of(tr) if not _continues_above(tc))
        rows.append("，".join(filter(None, texts)))
    return rows


def _table_grid(tbl) -> tuple[tuple[str, ...], ...]:
    """A ``w:tbl`` as rows of cell texts, one entry per grid column, every row as wide as the table.

    Empty cells stay (as ""), and so do the grid columns a row skips (``w:gridBefore``,
    ``w:gridAfter``). A cell merged across n grid columns (``w:gridSpan``) gives its text
    in its first column and "" in the others, as a spreadsheet's merged cells read, so a
    merged title stays one title and a figure is never counted twice. The lower parts of a
    vertically merged cell (``w:vMerge``) repeat the text of the cell above, so every row
    of a village spanning several rows names the village.
    """
    grid: list[list[str]] = []
    above: list[str] = []
    for tr in _rows_of(tbl):
        row = [""] * _grid_before(tr)
        for tc in _cells_of(tr):
            start, span = len(row), _span(tc)
            if _continues_above(tc):
                row.extend(above[i] if i < len(above) else "" for i in range(start, start + span))
            else:
                row.extend([_cell_text(tc)] + [""] * (span - 1))
        grid.append(row)
        above = row
    columns = len(tbl.findall(f"{_W}tblGrid/{_W}gridCol"))
    width = max([columns, *map(len, grid)])
    return tuple(tuple(row + [""] * (width - len(row))) for row in grid)


def _rows_of(tbl) -> list:
    """The ``w:tr`` of a table, through content controls; rows of tables nested in a cell are not its own."""
    return [tr for tr in tbl.iter(_W + "tr") if _enclosing(tr, "tbl") is tbl]


def _cells_of(tr) -> list:
    """The ``w:tc`` of a row in order, through content controls; cells of nested tables are not its own."""
    cells = []
    for child in tr.iterchildren():
        if child.tag in (_W + "sdt", _W + "customXml"):
            cells.extend(tc for tc in child.iter(_W + "tc") if _enclosing(tc, "tr") is tr)
        elif child.tag == _W + "tc":
            cells.append(child)
    return cells


def _continues_above(tc) -> bool:
    """Whether a cell is the lower part of a vertically merged cell (its text is in the top part)."""
    merge = tc.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and merge.get(_W + "val", "continue") == "continue"


def _span(tc) -> int:
    """How many grid columns a cell covers (``w:gridSpan``, 1 when absent or unreadable)."""
    span = tc.find(f"{_W}tcPr/{_W}gridSpan")
    return max(1, _int(span.get(_W + "val") if span is not None else None, 1))


def _grid_before(tr) -> int:
    """How many grid columns a row leaves empty before its first cell (``w:gridBefore``)."""
    skip = tr.find(f"{_W}trPr/{_W}gridBefore")
    return max(0, _int(skip.get(_W + "val") if skip is not None else None, 0))


def _enclosing(el, tag: str):
    """The nearest ancestor of ``el`` that is a ``w:<tag>`` element (a nested table's rows have their own)."""
    el = el.getparent()
    while el is not None and el.tag != _W + tag:
        el = el.getparent()
    return el


def _cell_text(tc) -> str:
    pieces = []
    for kind, element in _blocks(tc):
        if kind == "p":
            pieces.extend(_clean(s) for s in _paragraph_text(element).split("\n"))
        else:
            pieces.extend(_table_rows(element))
    text = ""
    for piece in filter(None, pieces):
        if text and not text.endswith(tuple("，。；：、！？,.;:!?")):
            text += "，"
        text += piece
    return text


class _Styles:
    """Paragraph styles: their names, numbering and base styles."""

    def __init__(self, doc):
        self.by_id = {}
        self.default = None
        try:
            root = doc.styles.element
        except Exception:
            return
        for style in root.iterchildren(_W + "style"):
            if style.get(_W + "type") != "paragraph":
                continue
            sid = style.get(_W + "styleId")
            self.by_id[sid] = style
            if style.get(_W + "default") in ("1", "true", "on"):
                self.default = sid

    def _chain(self, p):
        sid = p.find(f"{_W}pPr/{_W}pStyle")
        sid = sid.get(_W + "val") if sid is not None else self.default
        seen = set()
        while sid in self.by_id and sid not in seen:
            seen.add(sid)
            style = self.by_id[sid]
            yield style
            based = style.find(_W + "basedOn")
            sid = based.get(_W + "val") if based is not None else None

    def heading_level(self, p) -> int | None:
        """The heading level of a paragraph (style Heading N / 标题 N, or an outline level), else None."""
        outline = p.find(f"{_W}pPr/{_W}outlineLvl")
        for style in self._chain(p):
            name = style.find(_W + "name")
            name = name.get(_W + "val") if name is not None else ""
            if m := _HEADING_STYLE.match(name):
                return int(m[1])
            if _TITLE_STYLE.match(name):
                return 0
            if outline is None:
                outline = style.find(f"{_W}pPr/{_W}outlineLvl")
        if outline is not None and (val := outline.get(_W + "val", "")).isdigit() and int(val) < 9:
            return int(val) + 1
        return None

    def num_pr(self, p) -> tuple[str | None, int]:
        """(numId, level) of a paragraph's list numbering, from the paragraph or its styles."""
        num_id, level = None, None
        for holder in [p, *self._chain(p)]:
            pr = holder.find(f"{_W}pPr/{_W}numPr")
            if pr is None:
                continue
            nid, lvl = pr.find(_W + "numId"), pr.find(_W + "ilvl")
            if num_id is None and nid is not None:
                num_id = nid.get(_W + "val")
            if level is None and lvl is not None and (lvl.get(_W + "val") or "").isdigit():
                level = int(lvl.get(_W + "val"))
            if num_id is not None and level is not None:
                break
        return num_id, level or 0


class _Numbering:
    """Word's automatic list numbering, written out as displayed (一、 （二） 3.)."""

    def __init__(self, doc, styles: _Styles):
        self.styles = styles
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = doc.part.numbering_part.element
        except Exception:  # a document without lists has no numbering part
            return
        abstract = {}
        for a in root.iterchildren(_W + "abstractNum"):
            levels = {}
            for lvl in a.iterchildren(_W + "lvl"):
                ilvl = lvl.get(_W + "ilvl", "0")
                start = lvl.find(_W + "start")
                fmt = lvl.find(_W + "numFmt")
                text = lvl.find(_W + "lvlText")
                if not ilvl.isdigit():
                    continue
                levels[int(ilvl)] = (
                    _int(start.get(_W + "val") if start is not None else None, 1),
                    fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
                    text.get(_W + "val", "") if text is not None else "",
                )
            abstract[a.get(_W + "abstractNumId")] = levels
        for num in root.iterchildren(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            levels = dict(abstract.get(ref.get(_W + "val") if ref is not None else None, {}))
            for override in num.iterchildren(_W + "lvlOverride"):
                ilvl, so = override.get(_W + "ilvl", ""), override.find(_W + "startOverride")
                if ilvl.isdigit() and so is not None and int(ilvl) in levels:
                    _, fmt, text = levels[int(ilvl)]
                    levels[int(ilvl)] = (_int(so.get(_W + "val"), 1), fmt, text)
            self.levels[num.get(_W + "numId")] = levels

    def label(self, p) -> str:
        """The number Word shows before a paragraph ("" when it is not in a numbered list)."""
        if not self.levels:
            return ""
        num_id, level = self.styles.num_pr(p)
        levels = self.levels.get(num_id)
        if not levels or level not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, levels[level][0] - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        start, fmt, text = levels[level]
        if fmt in ("bullet", "none"):
            return ""

        def number(m: re.Match) -> str:
            k = int(m[1]) - 1
            if k not in levels:
                return ""
            value = counters.get(k, levels[k][0])
            return _format_number(value, levels[k][1])

        return re.sub(r"%([1-9])", number, text)


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


_STEMS = "甲乙丙丁戊己庚辛壬癸"


def _format_number(n: int, fmt: str) -> str:
    """A list number in a Word number format (decimal, chineseCounting, upperLetter …)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
               "japaneseCounting", "ideographDigital", "koreanCounting"):
        import cn2an

        return cn2an.an2cn(n) if n > 0 else "〇"
    if fmt == "chineseLegalSimplified":
        import cn2an

        return cn2an.an2cn(n, "up") if n > 0 else "零"
    if fmt in ("ideographTraditional",) and 1 <= n <= 10:
        return _STEMS[n - 1]
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 0 < n < 4000:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalFullWidth":
        return str(n).translate({i: 0xFF10 + i - 0x30 for i in range(0x30, 0x3A)})
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


# --- PDF ----------------------------------------------------------------------------------

#: A page number alone on a line: 3, - 3 -, — 3 —, 第3页, 第 3 页 共 12 页, 3/12, Page 3 of 12, iv.
_PAGE_NUMBER = re.compile(
    rf"""(?ix)^(?:
        [-—–－~～·•_\s]*(?:\d{{1,4}}|[ivxlc]{{1,7}}|[{_CN_DIGITS}百零〇]{{1,5}})[-—–－~～·•_\s]*
      | 第\s*[\d{_CN_DIGITS}百零〇]+\s*页(?:\s*[,，/、]?\s*共\s*[\d{_CN_DIGITS}百零〇]+\s*页)?
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


def _read_pdf(path: Path, head: bytes) -> Document:
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
    if line.table or text.endswith(_SENTENCE_END) or _HEADING_START.match(following):
        return True
    # A line that stops well before the margin (4 characters) ends its paragraph, unless the
    # next word is a number or Latin word too long to have fitted there; a short numbered line
    # without a full stop (一、抓理论学习) is a heading, and ends already 1.5 characters short.
    short = right - line.x1
    token = re.match(r"[A-Za-z0-9][A-Za-z0-9.,%-]*", following)
    room = (0.6 * len(token[0]) + 1) * line.size if token else 0.0  # room the next word would have needed
    if _HEADING_START.match(text) and not re.search("[。；;！？]", text) and len(text) <= 40:
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
