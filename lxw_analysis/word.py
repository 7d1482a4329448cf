"""Word documents (.docx, python-docx) as report text: one paragraph per line.

- ``.docx`` (python-docx): body paragraphs and tables in document order. Automatic list
  numbering (一、 （一） 1.) is written out as Word shows it; a table row becomes one line
  with its cells joined by "，"; empty paragraphs are dropped. Headers, footers, footnotes,
  comments and text boxes are not read. Each body table is also kept as a grid of cell
  texts in ``Document.tables``, which ``tables.iter_document_table_facts`` reads the way a
  spreadsheet is read.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import LxwError
from .files import check_zip
from .paragraphs import Document, _clean, _sniff

__all__ = ["read_docx"]

# --- Word ---------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: Subtrees whose text is not part of the paragraph as shown (deleted, moved away, duplicated, text boxes).
_SKIP = {_W + "del", _W + "moveFrom", _MC_FALLBACK, _W + "txbxContent", _W + "rPr", _W + "pPr", _W + "instrText"}
_HEADING_STYLE = re.compile(r"(?i)^\s*(?:heading|标题)\s*(\d)\s*$")
_TITLE_STYLE = re.compile(r"(?i)^\s*(?:title|标题)\s*$")


def read_docx(path: Path, head: bytes) -> Document:
    if not head.startswith(b"PK"):
        what = _sniff(head)
        raise LxwError(
            f"{path}: this is not a Word .docx document"
            + (f" (it looks like {what})" if what else "")
            + ". Open it in Word or WPS and save it as .docx (without a password), or export it as PDF."
        )
    import docx

    check_zip(path, "Word document")
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


