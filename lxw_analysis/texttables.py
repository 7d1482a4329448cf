"""Tables set in a report's text: rows of cells split by ``|``, tabs or runs of spaces, or by
single spaces under a header of words split so (指标名称 代码 数量), panels side by side included.

Reports paste tables into their text: a caption (表3-2 …, 单位：万元), a header row and rows
of villages or indicators, often a 合计 row. Each figure cell becomes one statistic, its unit
from the header (收入(万元)), a 计量单位 column, the caption, or failing those the unit the
text around the table gives the column's total (派单191件 above a column whose 合计 is 191).
Functions here work on the matching view (half-width), whose offsets are the text's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import reference
from .numbers import MULTIPLIERS

__all__ = ["Cell", "TextTable", "normalize_unit", "find_tables"]

#: A cell separator: a bar, a tab, or two or more spaces.
_SPLIT = re.compile(r"[ \u3000]*[|\t][ \u3000]*|[ \u3000]{2,}")
#: A run of spaces, a cell, another run: a line that may be a table's row (besides a bar or a tab).
_SPACED_ROW = re.compile(r"  \S.*  ")
_FIGURE = re.compile(r"-?\d+(?:,\d{3})*(?:\.\d+)?%?")
_CAPTION_UNIT = re.compile(r"单位[:：]\s*([^\s|]+)|[(（]单位\s+([^\s|()（）]+)[)）]")
_HEADER_UNIT = re.compile(r"^(?P<name>.*?)[(（](?P<unit>[^()（）]{1,8})[)）]$")
_TOTAL = re.compile(r"^(?:合计|总计|全镇|全乡|全村|全县|小计)$")
_ENUMERATOR = re.compile(r"^(?:序号|编号|序|代码|行次)$")
#: A label column naming the measure of each row (指标名称 | 代码 | 数量): the row label is the label.
_MEASURE_HEADER = re.compile(r"^(?:指标名称|指标|项目|科目)$")
#: The number of a row's label (一、总收入, 1.经营收入, (二)): not part of what it measures.
_ROW_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.．。、](?!\d)|[(（][一二三四五六七八九十\d]{1,2}[)）])")
#: A header of three words or more split by single spaces, as tables copied from PDFs are; the
#: search for one after a line break starts with a literal, which the regex engine skips to quickly.
_SPACED_WORDS = r"[\u4e00-\u9fff()（）]{1,8}(?: [\u4e00-\u9fff()（）]{1,8}){2,}"
_SPACED_HEADER = re.compile(rf"{_SPACED_WORDS}$", re.M)
_SPACED_HEADER_AFTER_BREAK = re.compile(rf"\n{_SPACED_WORDS}(?=\n|$)")
_UNIT_COLUMN = re.compile(r"^(?:计量单位|单位)$")
_VILLAGE_HEADER = re.compile(r"^(?:村名|村别|村\(社区\)|村社区|村|行政村|村组|单位|名称|地区|乡镇)$")
_VILLAGE_NAME = re.compile(r"(?:村|社区|居委会)$")
_RATIO_HEADER = re.compile(r"平均|均|规模|比")


@dataclass(frozen=True)
class Cell:
    """One figure of a table: its span and text as written, value and unit, and what it measures."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    label: str
    village: str | None
    row: tuple[int, int]  # the row's span: its line, the fact's quote


@dataclass(frozen=True)
class TextTable:
    span: tuple[int, int]
    cells: tuple[Cell, ...]
    caption: str = ""  # the lines before it: what the table is of (12345热线工单办理情况), its unit


def _cells(view: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The cells of one line: (start, end, text), empty cells left out."""
    cells, pos = [], start
    for m in _SPLIT.finditer(view, start, end):
        if m.start() > pos:
            cells.append((pos, m.start(), view[pos : m.start()]))
        pos = m.end()
    if pos < end:
        cells.append((pos, end, view[pos:end]))
    return [(s, e, t) for s, e, t in cells if t.strip()]


def _is_row(view: str, line: tuple[int, int], cells) -> bool:
    """A line of a table: three cells or more, or two split by a bar or a tab."""
    return len(cells) >= 3 or (len(cells) == 2 and re.search(r"[|\t]", view[line[0] : line[1]]) is not None)


def _is_figure(text: str) -> bool:
    return _FIGURE.fullmatch(text.strip()) is not None


def _holds_units(body, column: int) -> bool:
    """Whether a 单位 column holds units of measure (户, 万元), not the names of bodies."""
    written = [cells[column][2].strip() for _, cells in body if column < len(cells)]
    units = reference.measure_words()
    return bool(written) and all(normalize_unit(w)[1] in units.values() or "/" in w for w in written)


def normalize_unit(written: str) -> tuple[float, str]:
    """A unit as a table writes it → (multiplier, normalized unit): 万元 → (10000, 元).

    >>> normalize_unit("万元"), normalize_unit("人/户"), normalize_unit("亩")
    ((10000.0, '元'), (1, '人/户'), (1, '亩'))
    """
    units = reference.measure_words()
    written = written.strip()
    for mult in sorted(MULTIPLIERS, key=len, reverse=True):
        if written.startswith(mult) and written[len(mult) :] in units:
            return MULTIPLIERS[mult], units[written[len(mult) :]]
    return 1, units.get(written, written)


def _lines(view: str):
    pos = 0
    for line in view.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield pos, pos + len(body)
        pos += len(line)


def _spaced_cells(view: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The cells of a line split by single spaces."""
    cells, pos = [], start
    for part in view[start:end].split(" "):
        if part:
            cells.append((pos, pos + len(part), part))
        pos += len(part) + 1
    return cells


def _spaced_block(view: str, lines, i: int) -> list:
    """The rows of a table whose cells are split by single spaces, from its header at line ``i``:
    each panel of a header repeated side by side (指标名称 代码 数量 指标名称 代码 数量) a row of its
    own; a row is a label, then a figure under each other column. Empty when fewer than two rows fit."""
    header = _spaced_cells(view, *lines[i])
    words = [t for _, _, t in header]
    k = next(k for k in range(1, len(words) + 1) if len(words) % k == 0 and words == words[:k] * (len(words) // k))
    block = [(lines[i], header[:k])]
    for line in lines[i + 1 :]:
        cells = _spaced_cells(view, *line)
        if not cells or len(cells) % k or len(cells) > len(words):
            break
        panels = [cells[j : j + k] for j in range(0, len(cells), k)]
        if not all(not _is_figure(p[0][2]) and all(_is_figure(t) for _, _, t in p[1:]) for p in panels):
            break
        block.extend((line, p) for p in panels)
    return block if len(block) >= 3 else []


def find_tables(view: str) -> list[TextTable]:
    """Every table set in ``view``, with its figure cells."""
    spaced = _SPACED_HEADER.match(view) is not None or _SPACED_HEADER_AFTER_BREAK.search(view) is not None
    # (bars and tabs looked for apart: the regex engine finds the literal two spaces that start
    # _SPACED_ROW quickly, but not an alternation that starts with a character set)
    if not spaced and "|" not in view and "\t" not in view and not _SPACED_ROW.search(view):
        return []  # no bar, tab, run of spaces or header split by spaces: no table
    tables = []
    lines = list(_lines(view))
    i = 0
    while i < len(lines):
        if spaced and _SPACED_HEADER.fullmatch(view, *lines[i]):
            block = _spaced_block(view, lines, i)
            if block:
                caption = " ".join(view[s:e] for s, e in lines[max(0, i - 4) : i])
                table = _table(view, block, caption)
                if table is not None:
                    tables.append(table)
                i = lines.index(block[-1][0]) + 1
                continue
        block = []
        while i < len(lines):
            cells = _cells(view, *lines[i])
            if not _is_row(view, lines[i], cells):
                # A group heading inside a table (一、按地势分) when grid rows follow it.
                following = _cells(view, *lines[i + 1]) if block and i + 1 < len(lines) else []
                if not (len(cells) == 1 and following and _is_row(view, lines[i + 1], following)):
                    break
            block.append((lines[i], cells))
            i += 1
        if not block:
            i += 1
            continue
        if sum(1 for _, cells in block if any(_is_figure(t) for _, _, t in cells[1:])) >= 2:
            first = lines.index(block[0][0])
            caption = " ".join(view[s:e] for s, e in lines[max(0, first - 4) : first])
            table = _table(view, block, caption)
            if table is not None:
                tables.append(table)
    return tables


def _table(view: str, block, caption: str) -> TextTable | None:
    header_at = next((k for k, (_, cells) in enumerate(block) if not any(_is_figure(t) for _, _, t in cells[1:])), None)
    body = block[header_at + 1 :] if header_at is not None else block
    header = [t.strip() for _, _, t in block[header_at][1]] if header_at is not None else []
    captions = [a or b for a, b in _CAPTION_UNIT.findall(caption)]
    caption_units = [u for u in (captions[-1].split("、") if captions else []) if u]
    figure_counts = [sum(_is_figure(t) for _, _, t in cells) for _, cells in body]
    usual = max(set(figure_counts), key=figure_counts.count) if figure_counts else 0
    if header and len(header) == usual:
        header = ["", *header]  # the header leaves the label column blank
    names = [(_HEADER_UNIT.match(h) or None) for h in header]
    enum_col = next((k for k, h in enumerate(header) if _ENUMERATOR.match(h)), None)
    unit_col = next((k for k, h in enumerate(header) if _UNIT_COLUMN.match(h) and _holds_units(body, k)), None)
    label_col = (enum_col + 1) if enum_col == 0 else 0
    label_head = header[label_col] if label_col < len(header) else ""
    villages_in_rows = bool(header) and bool(_VILLAGE_HEADER.match(label_head))
    measures_in_rows = bool(_MEASURE_HEADER.match(label_head))
    cells = []
    for (line_start, line_end), row in body:
        texts = [t.strip() for _, _, t in row]
        if len(texts) < 2:
            continue
        figures = sum(_is_figure(t) for t in texts)
        if header and len(texts) > len(header) and not _is_figure(texts[1]) and figures == len(header) - 1:
            row = [(row[0][0], row[1][1], view[row[0][0] : row[1][1]].replace(" ", "")), *row[2:]]  # 合    计
            texts = [t.strip() for _, _, t in row]
        offset = 0
        # A row with fewer cells than the header lacks its leading enumerator or label (合计 | 191 …).
        if header and len(texts) < len(header) and enum_col == 0 and not _is_figure(texts[0]):
            offset = 1
        row_label = texts[label_col - offset] if 0 <= label_col - offset < len(texts) else texts[0]
        row_label = _ROW_NUMBER.sub("", row_label.lstrip("#"))
        row_unit = texts[unit_col - offset] if unit_col is not None and 0 <= unit_col - offset < len(texts) else None
        if villages_in_rows or _VILLAGE_NAME.search(row_label) or _TOTAL.match(row_label):
            row_is_village = villages_in_rows or bool(_VILLAGE_NAME.search(row_label))
        else:
            row_is_village = False
        for k, (s, e, t) in enumerate(row):
            col = k + offset
            t = t.strip()
            if col in (enum_col, unit_col, label_col) or not _is_figure(t):
                continue
            head = header[col] if col < len(header) else ""
            m = names[col] if col < len(names) else None
            head_name, head_unit = (m["name"], m["unit"]) if m else (head, None)
            written = row_unit or head_unit
            if written is None and caption_units:
                written = caption_units[0]
                if len(caption_units) > 1 and _RATIO_HEADER.search(head_name):
                    written = next((u for u in caption_units if "/" in u), written)
            s += len(view[s:e]) - len(view[s:e].lstrip())
            number = view[s:e].strip()
            end = s + len(number)
            if number.endswith("%"):
                factor, unit = 1, "%"
                value_text = number[:-1]
            else:
                factor, unit = normalize_unit(written) if written else (1, "")
                value_text = number
            value = float(value_text.replace(",", "")) * factor
            if row_is_village:
                label, village = head_name, (None if _TOTAL.match(row_label) else row_label)
            elif _VILLAGE_NAME.search(head_name) or _TOTAL.match(head_name):
                label, village = row_label, (head_name if _VILLAGE_NAME.search(head_name) else None)
            elif measures_in_rows:  # 指标名称: each row names its measure
                label, village = row_label, None
            else:  # rows of categories (平原, 丘陵) under columns of measures
                label, village = head_name or row_label, None
            cells.append(Cell(s, end, number, value, unit, label, village, (line_start, line_end)))
    if not cells:
        return None
    return TextTable((block[0][0][0], block[-1][0][1]), tuple(_units_from_text(view, block[0][0][0], cells)), caption)


@lru_cache(maxsize=1)
def _measure_word() -> re.Pattern:
    return re.compile("|".join(re.escape(u) for u in sorted(reference.measure_words(), key=len, reverse=True)))


def _units_from_text(view: str, table_start: int, cells: list[Cell]) -> list[Cell]:
    """Cells with no unit take the one the text before the table gives their column's figures
    (派单191件 for a column of work orders whose total is 191)."""
    if all(c.unit for c in cells):
        return cells
    before = view[max(0, table_start - 400) : table_start]
    known: dict[str, str] = {}
    for c in cells:
        if c.unit:
            continue
        for m in re.finditer(rf"(?<![\d.]){re.escape(c.text)}(?![\d.])", before):
            u = _measure_word().match(before, m.end())
            if u:
                known[c.label] = reference.measure_words()[u.group()]
    if not known:
        return cells
    # The columns the text says nothing of count the same things as those it names (不满意数 beside 派单数).
    usual = max(set(known.values()), key=list(known.values()).count)
    return [
        replace(c, unit=known.get(c.label, usual)) if not c.unit and "." not in c.text else c for c in cells
    ]
