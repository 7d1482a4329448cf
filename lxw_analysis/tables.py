"""Statistical tables (CSV, XLSX) as rows of the facts table: one row per village, year and measure.

Townships keep their village figures in spreadsheets as often as in report prose, and the
spreadsheets are messy in the same few ways: a title row (merged across the sheet) above
the header, units in the header's brackets (收入（万元）), one column per year
(2023年收入 / 2024年收入), full-width digits, thousands separators and Chinese numerals in
the cells, dashes for missing figures, and a 合计 row. ``read_table`` reads all of that
into the facts-table contract, so tables and reports can be analysed and validated together.

How a table is read:

- the header is the first row (of the first 20) that has a village-name column (村名, 村,
  行政村 …); the rows above it are its title, which may name the township, year and unit
  (单位：万元);
- every other column whose header names a year, a unit or a catalogue indicator is a value
  column; other columns (序号, 负责人 …) describe the row and are not read;
- each non-empty value cell becomes one fact: ``value`` normalized (万元 × 10⁴ into 元),
  ``text`` the cell as written, ``label`` the header as written, ``quote`` the row;
- missing cells (—, -, /, 无, NA, blank) give no fact; a cell that is not a number stops
  the reading with a message naming the cell;
- a 合计/总计/小计 row gives facts with no village and a label starting with 合计, which
  ``table_totals`` compares with the sum of the village rows;
- village names are resolved against the gazetteer; unknown names are kept as written.

The township comes from the argument, else the path's folder, else the title; the year from
the argument, else a 年份 column, else the header, else the sheet name, else the path's
name (2024_villages.xlsx), else the title. ``source`` is the file (relative to the data
folder) and the cell: ``raw/laxiwa/2024_villages.xlsx#Sheet1!C4`` for a workbook,
``raw/laxiwa/2024_villages.csv#R4C3`` (row 4, column 3, as Excel numbers them) for a CSV.

Rows are read one at a time (openpyxl's read-only mode; a CSV is decoded once and parsed
as a stream), so a table of 100,000 rows costs little more memory than its facts.

Tables inside a Word report (``Document.tables``) are read by the same code:
``iter_document_table_facts`` takes each as a sheet named 表1, 表2 … (in document order,
counting every body table), so ``section`` is 表1 and ``source`` names the report and the
cell (``raw/新寨乡/2024.docx#表1!C3``). Tables without a village header (layout tables) are
skipped, and so are columns that hold no figure at all (重点项目, 备注); the report's year
is the year of columns and rows that name none, while a header's year (2023年收入) or a 年份
column wins over it.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from . import config, reference
from .errors import LxwError, LxwWarning
from .facts import as_facts, fact_row
from .files import source_label, unsupported
from .identity import LISTING_FILE, listed, township_of, year_in_name, year_of
from .indicators import catalogue, match_indicator
from .numbers import MULTIPLIERS, parse_number, to_halfwidth
from .patterns import YEAR_DIGITS
from .spreadsheets import EMPTY_CELL, TABLE_SUFFIXES, Cell, Sheet, document_sheets, sheets_of
from .villages import alias_map

if TYPE_CHECKING:
    from .documents import Document

__all__ = [
    "VILLAGE_HEADERS",
    "YEAR_HEADERS",
    "TOTAL_WORDS",
    "MISSING",
    "MAX_HEADER_ROW",
    "FOOTNOTE",
    "squeeze",
    "parse_unit",
    "Heading",
    "parse_heading",
    "is_total",
    "is_missing",
    "column_letter",
    "indicator_of",
    "canonical_village",
    "cell_number",
    "iter_table_facts",
    "read_table",
    "read_tables",
    "iter_document_table_facts",
]

#: File types read as tables, and how.


#: Headers of the column that names the village (compared without spaces, half-width).
VILLAGE_HEADERS = ("村名", "村", "村庄", "行政村", "村名称", "单位", "名称", "村别", "村庄名称", "行政村名称", "单位名称")
#: Headers of a column that gives each row's year (long tables: 村名, 年份, 收入).
YEAR_HEADERS = ("年份", "年度", "年")
#: Words that make a row a total, not a village.
TOTAL_WORDS = ("合计", "总计", "小计")
#: Cells that mean "no figure" (compared half-width, upper-case, without spaces): no fact, not zero.
MISSING = frozenset(
    ["", "-", "--", "---", "—", "——", "–", "/", "//", "\\", "无", "暂无", "空", "…", "NA", "N/A", "NAN", "NULL", "NONE"]
)
#: The header must be among the first rows; what lies above it is the title.
MAX_HEADER_ROW = 20
#: A row whose village cell starts so is a note below the table (注：…, 填表人：…).
FOOTNOTE = re.compile(r"^(?:注|备注|说明|填表|制表|审核|数据来源|资料来源)")

_BRACKET = re.compile(r"[(\[【〔]\s*(?:单位\s*[:：]?\s*)?([^()\[\]【】〔〕]*?)\s*[)\]】〕]")
_HEADER_YEAR = re.compile(rf"{YEAR_DIGITS}(?!\d)\s*(?:年度|年)?")
_TITLE_UNIT = re.compile(r"单位\s*[:：]\s*([^\s,，;；)）]+)")
#: A township at the start of a table's title: 新寨乡各村…, 新寨乡村级…, 新寨乡2024年….
_SPACES = re.compile(r"\s+")
_DIGIT_SPACE = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_MINUS = re.compile(r"^[-−](?=\s*[\d.])")
_PUNCTUATION = " :：-_/、,，.。"



# --- headers --------------------------------------------------------------------------------


def squeeze(text: str) -> str:
    """Text as headers and markers are compared: half-width, without spaces.

    >>> squeeze(" 村　名 "), squeeze("１２．５")
    ('村名', '12.5')
    """
    return _SPACES.sub("", to_halfwidth(text))


@lru_cache(maxsize=256)
def parse_unit(written: str) -> tuple[str, float]:
    """The normalized unit of a unit as a header writes it, and the factor into that unit.

    A multiplier (万, 亿, 千 …) before a measure word scales it; unknown units are kept.

    >>> parse_unit("万元"), parse_unit("元"), parse_unit("亿元"), parse_unit("名"), parse_unit("元/人")
    (('元', 10000.0), ('元', 1.0), ('元', 100000000.0), ('人', 1.0), ('元/人', 1.0))
    """
    written = squeeze(written)
    words = reference.measure_words()
    if written in words:
        return words[written], 1.0
    for multiplier in sorted(MULTIPLIERS, key=len, reverse=True):
        rest = written.removeprefix(multiplier)
        if rest != written and rest in words:
            return words[rest], MULTIPLIERS[multiplier]
    return written, 1.0


@dataclass(frozen=True)
class Heading:
    """What a column header says: the measure it counts, its year and its unit."""

    measure: str
    year: int | None
    unit_as_written: str | None
    unit: str | None
    factor: float


def parse_heading(text: str) -> Heading:
    """Measure, year and unit of a column header.

    >>> parse_heading("2023年收入（万元）")
    Heading(measure='收入', year=2023, unit_as_written='万元', unit='元', factor=10000.0)
    >>> parse_heading("2024年（元）").measure, parse_heading("增长率%").unit, parse_heading("户数").unit
    ('', '%', None)
    """
    flat = squeeze(text)
    bracket = _BRACKET.search(flat)
    written = bracket[1] if bracket and bracket[1] else None
    rest = _BRACKET.sub("", flat)
    year = _HEADER_YEAR.search(rest)
    rest = _HEADER_YEAR.sub("", rest, count=1).strip(_PUNCTUATION)
    if written is None and rest.endswith(("%", "‰")):
        written, rest = rest[-1], rest[:-1].strip(_PUNCTUATION)
    unit, factor = parse_unit(written) if written else (None, 1.0)
    return Heading(rest, int(year[1]) if year else None, written, unit, factor)


def is_total(text: str) -> bool:
    """Whether a row's name makes it a total row.

    >>> is_total("合 计"), is_total("全镇总计"), is_total("上庄村")
    (True, True, False)
    """
    name = squeeze(text)
    return any(word in name for word in TOTAL_WORDS)


def is_missing(text: str) -> bool:
    """Whether a cell means "no figure" (not zero).

    >>> [is_missing(t) for t in ["—", "－", "/", "无", "", "NA", "0"]]
    [True, True, True, True, True, True, False]
    """
    return squeeze(text).upper() in MISSING


def column_letter(number: int) -> str:
    """A column's letter as spreadsheets name it.

    >>> column_letter(1), column_letter(26), column_letter(28)
    ('A', 'Z', 'AB')
    """
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- indicators, villages, township and year ------------------------------------------------


@lru_cache(maxsize=1)
def _phrasings() -> tuple[str, ...]:
    """Every phrasing of the catalogue (without the prefix mark *), longest first."""
    words = {p.rstrip("*") for i in catalogue() if not i.band for p in i.phrasings}
    return tuple(sorted(words, key=len, reverse=True))


def _is_catalogued(measure: str) -> bool:
    """Whether some indicator of the catalogue is worded so, whatever its unit."""
    return bool(measure) and any(i.matches(measure) for i in catalogue() if not i.band)


@lru_cache(maxsize=1024)
def indicator_of(measure: str, unit: str | None, title: str) -> str | None:
    """The catalogue indicator of a column: from its measure words, else from the table's title.

    >>> indicator_of("收入", "元", "")
    'village_collective_income'
    >>> indicator_of("金额", "元", "新寨乡各村集体经济收入统计表")
    'village_collective_income'
    """
    if not unit:
        return None
    found = match_indicator(measure, unit, title) if measure else None
    if found is None:
        for phrasing in _phrasings():
            if len(phrasing) >= 4 and phrasing in title:
                found = match_indicator(phrasing, unit, title)
                if found:
                    break
    return found


@lru_cache(maxsize=64)
def _village_names(township: str | None) -> dict[str, str]:
    return {squeeze(alias): name for alias, name in alias_map(township).items()}


def canonical_village(name: str, township: str | None) -> str:
    """The gazetteer's name of a village as a table writes it; unknown names are kept as written.

    >>> canonical_village("叶后浪", "拉西瓦镇"), canonical_village("多拉村委会", "拉西瓦镇")
    ('叶后浪村', '多拉村')
    >>> canonical_village(" 上庄村 ", "新寨乡")
    '上庄村'
    """
    names = _village_names(township)
    key = squeeze(name)
    for candidate in (key, key.removesuffix("村民委员会"), key.removesuffix("村委会")):
        if candidate in names:
            return names[candidate]
    return name.strip()


# --- reading cells --------------------------------------------------------------------------


def cell_number(text: str, unit_as_written: str | None = None, unit: str | None = None) -> float:
    """The number in a cell's text, before the column's factor; ``ValueError`` if there is none.

    The column's unit may be repeated in the cell (1500元, 30%).

    >>> cell_number("１２．５"), cell_number("1,500"), cell_number("十二"), cell_number("-3.5")
    (12.5, 1500.0, 12.0, -3.5)
    >>> cell_number("30%", "%", "%"), cell_number("12.5万元", "万元", "元"), cell_number("1 500")
    (30.0, 12.5, 1500.0)
    """
    text = to_halfwidth(text).strip()
    for suffix in filter(None, (unit_as_written, unit)):
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)].strip()
            break
    text = _DIGIT_SPACE.sub("", text)
    sign = -1.0 if _MINUS.match(text) else 1.0
    return sign * parse_number(_MINUS.sub("", text))


# --- rows to facts --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    """A value column: where it is, its header as written and what it says."""

    index: int
    header: str
    heading: Heading
    year: int | None
    indicator: str | None


@dataclass(frozen=True)
class _Layout:
    """A table's header, read: the village column, the year column, the value columns."""

    header_row: int
    width: int
    village: int
    year: int | None
    columns: tuple[_Column, ...]
    township: str


def _find_header(rows: Iterator[tuple[int, list[Cell]]]) -> tuple[int, list[str], list[str]] | None:
    """The header row (number, texts) and the non-empty texts of the title rows above it."""
    titles: list[str] = []
    for number, cells in rows:
        texts = [text for text, _ in cells]
        if any(squeeze(t) in VILLAGE_HEADERS for t in texts):
            return number, texts, titles
        if number >= MAX_HEADER_ROW:
            return None
        titles.extend(t.strip() for t in texts if t.strip())
    return None


@dataclass(frozen=True)
class _Where:
    """The file a table comes from and what the caller says about it.

    ``township`` wins over what the table says; ``year`` (``--year``, files.csv) is the year of
    columns and rows that name none, ahead of the file's name and title, and a column or row
    naming another year keeps its own (with a warning); ``default_year`` (a Word report's
    year) comes last.
    """

    path: Path
    label: str
    township: str | None
    year: int | None
    default_year: int | None = None


def _layout(where: _Where, sheet: Sheet, number: int, header: list[str], titles: list[str]) -> _Layout:
    """Read a header row: which column is what, each value column's year, unit and indicator."""
    flat = [squeeze(h) for h in header]
    village = next(i for i, h in enumerate(flat) if h in VILLAGE_HEADERS)
    year_column = next((i for i, h in enumerate(flat) if h in YEAR_HEADERS and i != village), None)
    title = " ".join(titles)
    township = township_of(where.path, given=where.township, titles=titles)
    if not township:
        raise LxwError(
            f"{where.path}{_in_sheet(sheet)}: cannot tell the township of this table: neither the path "
            "(data/raw/<township>/…) nor a title row above the header names it. Add a title such as 新寨乡各村集体经济收入统计表, "
            f"a line in data/raw/{LISTING_FILE} (file,township,year), or for lxw ingest, --township."
        )
    title_unit = _TITLE_UNIT.search(to_halfwidth(title))
    fallback_year = year_of(where.path, title, names=(sheet.name,)) or where.default_year
    columns = []
    for index, text in enumerate(header):
        if index in (village, year_column) or not flat[index]:
            continue
        heading = parse_heading(text)
        if heading.year is None and heading.unit is None and not _is_catalogued(heading.measure):
            continue  # 序号, 负责人 …: describes the row
        if heading.unit is None and title_unit:
            heading = Heading(heading.measure, heading.year, title_unit[1], *parse_unit(title_unit[1]))
        if where.year and heading.year and heading.year != where.year:
            _contradicts(where, sheet, f"column {column_letter(index + 1)} ({text.strip()})", heading.year)
        year = heading.year or where.year or fallback_year
        if year is None and year_column is None:
            raise LxwError(
                f"{where.path}{_in_sheet(sheet)}: cannot tell the year of column {column_letter(index + 1)} "
                f"({text.strip()}): neither its header, the file's name nor the title names one. Write the year "
                f"in the header (2024年收入（万元）), add a line to data/raw/{LISTING_FILE} (file,township,year), "
                "or for lxw ingest, give --year."
            )
        indicator = indicator_of(heading.measure, heading.unit, title)
        columns.append(_Column(index, text.strip(), heading, year, indicator))
    width = max((i for i, h in enumerate(flat) if h), default=0) + 1
    return _Layout(number, width, village, year_column, tuple(columns), township)


def _in_sheet(sheet: Sheet) -> str:
    return f", {sheet.noun} {sheet.name}" if sheet.name else ""


def _address(where: _Where, sheet: Sheet, row: int, column: int) -> str:
    """Where a cell is, as the ``source`` column names it."""
    if sheet.is_csv:
        return f"{where.label}#R{row}C{column}"
    return f"{where.label}#{sheet.name}!{column_letter(column)}{row}"


def _cell_name(where: _Where, sheet: Sheet, row: int, column: int) -> str:
    """A cell as a message names it to the user."""
    if sheet.is_csv:
        return f"{where.path}: row {row}, column {column} ({column_letter(column)}{row} in Excel)"
    return f"{where.path}, {sheet.noun} {sheet.name}: cell {column_letter(column)}{row}"


def _contradicts(where: _Where, sheet: Sheet, what: str, year: int) -> None:
    warnings.warn(
        f"{where.path}{_in_sheet(sheet)}: {what} names the year {year}, not {where.year} as given; its "
        f"figures are kept as {year}'s. The given year is used only where the table names none.",
        LxwWarning,
        stacklevel=2,
    )


def _row_year(where: _Where, sheet: Sheet, layout: _Layout, number: int, cells: list[Cell]) -> int | None:
    if layout.year is None:
        return None
    text = cells[layout.year][0] if layout.year < len(cells) else ""
    if is_missing(text):
        return None
    year = year_in_name(text)
    if year is None:
        raise LxwError(
            f"{_cell_name(where, sheet, number, layout.year + 1)} is in the year column but holds "
            f"{text.strip()!r}, not a year. Write the year (2024), and try again."
        )
    if where.year and year != where.year:
        _contradicts(where, sheet, f"the year column ({column_letter(layout.year + 1)})", year)
    return year


def _row_name(layout: _Layout, cells: list[Cell]) -> tuple[str, bool]:
    """The row's village as written, and whether the row is a total (合计 may sit in the 序号 column)."""
    name = cells[layout.village][0].strip() if layout.village < len(cells) else ""
    if name:
        return name, is_total(name)
    value_columns = {c.index for c in layout.columns}
    for i, (text, _) in enumerate(cells):
        if i not in value_columns and text.strip() and is_total(text):
            return text.strip(), True
    return "", False


def _check_width(where: _Where, sheet: Sheet, layout: _Layout, number: int, cells: list[Cell]) -> None:
    """A CSV row with a value beyond the header is misaligned (often an unquoted 1,500)."""
    if sheet.is_csv and any(text.strip() for text, _ in cells[layout.width :]):
        raise LxwError(
            f"{where.path}: row {number} has {len(cells)} cells but the header (row {layout.header_row}) "
            f"has {layout.width}, so its figures do not line up with the headers. Often a number written "
            'with a comma is not quoted: write 1500 or "1,500", or fix the row, and try again.'
        )


def _shown(text: str) -> str:
    """A cell's text in a message: at most 60 characters, and the length of a longer one."""
    text = text.strip()
    return text if len(text) <= 60 else f"{text[:60]}… ({len(text):,} characters)"


def _value(where: _Where, sheet: Sheet, column: _Column, number: int, cell: Cell) -> float:
    text, stored = cell
    try:
        value = stored if stored is not None else cell_number(text, column.heading.unit_as_written, column.heading.unit)
    except ValueError:
        raise LxwError(
            f"{_cell_name(where, sheet, number, column.index + 1)} ({column.header}) holds {_shown(text)!r}, "
            "which is not a number. Write the figure (１２．５, 1,500 and 十二 are read), or —, / or "
            "nothing when it is missing, and try again."
        ) from None
    value *= column.heading.factor
    if not abs(value) <= config.MAX_VALUE:  # also NaN and inf, which Excel cells can hold
        raise LxwError(
            f"{_cell_name(where, sheet, number, column.index + 1)} ({column.header}) holds {_shown(text)!r}, larger "
            f"than any statistic (more than {config.MAX_VALUE:,.0f} {column.heading.unit or ''}). Check the cell "
            "and its unit, and try again."
        )
    return value


def _table_facts(where: _Where, sheet: Sheet, layout: _Layout) -> Iterator[tuple]:
    """Facts-table rows of the data rows below the header."""
    section = sheet.name
    for number, cells in sheet.rows:
        _check_width(where, sheet, layout, number, cells)
        name, total = _row_name(layout, cells)
        if not name or (not total and FOOTNOTE.match(name)):
            continue
        village = None if total else canonical_village(name, layout.township)
        row_year = _row_year(where, sheet, layout, number, cells)
        quote = None
        for column in layout.columns:
            cell = cells[column.index] if column.index < len(cells) else EMPTY_CELL
            if cell[1] is None and is_missing(cell[0]):
                continue
            value = _value(where, sheet, column, number, cell)
            year = row_year or column.year
            if year is None:
                raise LxwError(
                    f"{_cell_name(where, sheet, number, (layout.year or 0) + 1)}: the row has no year. "
                    f"Fill in its year, add a line to data/raw/{LISTING_FILE} (file,township,year), or for "
                    "lxw ingest, give --year."
                )
            if quote is None:
                texts = [text.strip() for text, _ in cells]
                while texts and not texts[-1]:
                    texts.pop()
                quote = " | ".join(texts)
            label = f"合计 {column.header}" if total else column.header
            yield fact_row(
                township=layout.township, year=year, section=section, village=village, indicator=column.indicator,
                indicator_match="table" if column.indicator else "none",
                indicator_score=100.0 if column.indicator else None, label=label, value=value,
                unit=column.heading.unit, qualifier="exact", text=cell[0].strip(), quote=quote,
                source=_address(where, sheet, number, column.index + 1),
            )


def iter_table_facts(
    path: str | Path,
    *,
    township: str | None = None,
    year: int | None = None,
    data_dir: str | Path | None = None,
) -> Iterator[tuple]:
    """Facts-table rows (tuples in column order) of one table file; ``read_table`` makes them a table."""
    path = Path(path)
    kind = TABLE_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise unsupported(path, TABLE_SUFFIXES, "tables", "Save an old .xls as .xlsx.")
    listed_township, listed_year = listed(path, Path(data_dir) / "raw" if data_dir else None)
    where = _Where(path, source_label(path, Path(data_dir) if data_dir else None), township or listed_township,
                   year or listed_year)
    any_header = False
    for sheet in sheets_of(path):
        found = _find_header(sheet.rows)
        if found is None:
            continue  # a sheet of notes, a chart's data …
        any_header = True
        yield from _table_facts(where, sheet, _layout(where, sheet, *found))
    if not any_header:
        raise LxwError(
            f"{path}: no header row found: expected, in the first {MAX_HEADER_ROW} rows"
            + (" of a sheet" if kind == "xlsx" else "")
            + ", a column headed with the village's name ("
            + ", ".join(VILLAGE_HEADERS[:7])
            + "). Add or rename that header, and try again."
        )


def read_table(
    path: str | Path,
    *,
    township: str | None = None,
    year: int | None = None,
    data_dir: str | Path | None = None,
) -> pd.DataFrame:
    """The facts of one table file (CSV, XLSX), one row per village, year and measure.

    ``township`` wins over what the path and the table say; ``year`` is the year of columns
    and rows that name none (one that names another keeps it, with a warning); ``data_dir`` is
    the folder ``source`` is relative to.

    >>> import tempfile
    >>> folder = Path((scratch := tempfile.TemporaryDirectory()).name)
    >>> _ = (folder / "villages.csv").write_text("村名,2024年收入（万元）\\n上庄村,12.5\\n", encoding="utf-8")
    >>> read_table(folder / "villages.csv", township="新寨乡")[["village", "year", "value", "unit"]].values.tolist()
    [['上庄村', 2024, 125000.0, '元']]
    """
    return as_facts(iter_table_facts(path, township=township, year=year, data_dir=data_dir))


def read_tables(paths: Iterable[str | Path], *, progress=None, on_error=None, **options) -> pd.DataFrame:
    """The facts of several table files in one table (options as for ``read_table``). An error
    stops the reading, unless ``on_error`` is given: it is then called with the file and the
    ``LxwError``, the file's facts are left out and the other files read. Each file's facts
    become columns as they are read (``facts.as_facts``), so memory holds tables, not rows.

    >>> import tempfile
    >>> folder = Path((scratch := tempfile.TemporaryDirectory()).name)
    >>> for name in ("a", "b"):
    ...     _ = (folder / f"{name}.csv").write_text("村名,2024年收入（万元）\\n上庄村,12\\n", encoding="utf-8")
    >>> len(read_tables([folder / "a.csv", folder / "b.csv"], township="新寨乡"))
    2
    """
    paths = list(paths)
    frames = []
    for i, path in enumerate(paths, 1):
        if progress:
            progress(f"[{i}/{len(paths)}] reading {path}")
        try:
            frames.append(as_facts(iter_table_facts(path, **options)))
        except LxwError as err:
            if on_error is None:
                raise
            on_error(Path(path), err)
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else (frames[0] if frames else as_facts([]))


# --- tables in Word reports ----------------------------------------------------------------


def _holds_figures(column: _Column, rows: list[tuple[int, list[Cell]]]) -> bool:
    """Whether some cell of a value column reads as a number (a column of prose, 重点项目, does not)."""
    heading = column.heading
    for _, cells in rows:
        text = cells[column.index][0] if column.index < len(cells) else ""
        if is_missing(text):
            continue
        try:
            cell_number(text, heading.unit_as_written, heading.unit)
        except ValueError:
            continue
        return True
    return False


def iter_document_table_facts(
    document: Document,
    *,
    source: str,
    township: str | None = None,
    year: int | None = None,
) -> Iterator[tuple]:
    """Facts-table rows (tuples in column order) of the village tables in a Word report.

    Each of ``document.tables`` is read as a spreadsheet sheet named 表1, 表2 …: its title
    rows, header, value columns, 合计 row and cells, by the same rules. ``source`` is the
    report as the facts table names it (its cells become ``<source>#表1!C3``). ``township``
    wins over what the table says; ``year``, the report's year, is the year of columns and
    rows that name none (a 2023年收入 column in a 2024 report stays 2023). Tables without a
    village header are skipped, and so are value columns without a single figure; a
    figure column with a cell that is not a number stops with a message naming the cell.
    """
    where = _Where(document.path or Path(source), source, township, None, default_year=year)
    for sheet in document_sheets(document):
        found = _find_header(sheet.rows)
        if found is None:
            continue  # a layout table: a letterhead, a signature block …
        layout = _layout(where, sheet, *found)
        rows = list(sheet.rows)
        layout = replace(layout, columns=tuple(c for c in layout.columns if _holds_figures(c, rows)))
        yield from _table_facts(where, replace(sheet, rows=iter(rows)), layout)
