"""Spreadsheets as rows of cells: CSV (any encoding, comma, tab or semicolon), XLSX (streamed,
read-only) and the tables of a Word report, each as ``Sheet``s of numbered rows.

What the cells mean (header, villages, years, units) is ``tables.py``'s business; here a file
only becomes rows, and a file that cannot be read (empty, a workbook named .csv, an old .xls or
a password, a damaged archive, a ragged quote) stops with one message naming it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import config
from .errors import LxwError
from .files import check_zip, read_bytes
from .text import decode_bytes

if TYPE_CHECKING:
    from .paragraphs import Document

__all__ = ["TABLE_SUFFIXES", "Cell", "EMPTY_CELL", "Sheet", "csv_sheets", "xlsx_sheets", "document_sheets", "sheets_of"]

#: File types read as tables, and how.
TABLE_SUFFIXES = {".csv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx"}
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

#: A cell: its text as written, and its number when the file stored one (XLSX numeric cells).
Cell = tuple[str, float | None]
EMPTY_CELL: Cell = ("", None)


def _number_text(value: float) -> str:
    """A stored number as a spreadsheet shows it (15 significant digits)."""
    return str(value) if isinstance(value, int) else f"{value:.15g}"


def _xlsx_cell(cell) -> Cell:
    value = cell.value
    if value is None:
        return EMPTY_CELL
    if isinstance(value, str):
        return value, None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value), None  # a date or a truth value: not a figure
    if "%" in cell.number_format:
        percent = round(value * 100, 9)
        return _number_text(percent) + "%", percent
    return _number_text(value), float(value)


@dataclass(frozen=True)
class Sheet:
    """Rows of one table: the sheet's name ('' for a CSV) and its rows (number, cells).

    ``noun`` is what messages call it: a workbook's sheet, a Word report's table.
    """

    name: str
    rows: Iterator[tuple[int, list[Cell]]]
    is_csv: bool
    noun: str = "sheet"


#: Tables larger than this are refused (a 100,000-row village table is a few MB).
MAX_TABLE_BYTES = config.MAX_TABLE_BYTES


def _read_bytes(path: Path, size: int = -1) -> bytes:
    return read_bytes(path, limit=MAX_TABLE_BYTES, what="table", size=size)


def _csv_text(path: Path) -> str:
    data = _read_bytes(path)
    if not data.strip():
        raise LxwError(
            f"{path}: the file is empty. Expected a table with a header row (村名, …); "
            "check it was saved or exported fully."
        )
    if data.startswith(_ZIP) or data.startswith(_OLE):
        raise LxwError(
            f"{path}: this is an Excel workbook, not CSV text. Rename it to .xlsx (or, for an old .xls "
            "or a password-protected workbook, save it from Excel as .xlsx or CSV UTF-8) and try again."
        )
    return decode_bytes(data, str(path))


def _delimiter(text: str) -> str:
    """The field separator of a CSV: comma, tab or semicolon, whichever its first lines use most.

    >>> _delimiter("村名\\t收入\\n上庄村\\t1,500\\n"), _delimiter("村名,收入\\n")
    ('\\t', ',')
    """
    head = text[:20000].splitlines()[:20]
    counts = {d: sum(line.count(d) for line in head) for d in (",", "\t", ";")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def _csv_rows(path: Path, text: str) -> Iterator[tuple[int, list[Cell]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    number = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise LxwError(
                f"{path}: line {reader.line_num} cannot be read as CSV ({err}). Check that quotes are "
                "closed and the file is text, re-export it as CSV UTF-8, and try again."
            ) from err
        number += 1
        yield number, [(field, None) for field in record]


def csv_sheets(path: Path) -> Iterator[Sheet]:
    yield Sheet("", _csv_rows(path, _csv_text(path)), is_csv=True)


def _not_a_workbook(path: Path, why: str) -> LxwError:
    return LxwError(
        f"{path}: cannot be read as an Excel workbook ({why}). The file may be damaged, or another "
        "format renamed to .xlsx; open it in Excel and save it again as .xlsx (or export CSV UTF-8), then try again."
    )


def _open_workbook(path: Path):
    from openpyxl import load_workbook

    data = _read_bytes(path, 8)  # the signature; openpyxl streams the rest from the file
    if not data:
        raise LxwError(
            f"{path}: the file is empty. Expected an Excel workbook (.xlsx); check it was saved or exported fully."
        )
    if data.startswith(_OLE):
        raise LxwError(
            f"{path}: this workbook is password-protected (encrypted) or in the old .xls format, which "
            "cannot be read. Open it in Excel, remove the password (File › Info › Protect Workbook) and "
            "save it as .xlsx, then try again."
        )
    if not data.startswith(_ZIP):
        raise _not_a_workbook(path, "it is not a zip archive, as every .xlsx file is")
    check_zip(path, "workbook")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # any failure of a damaged archive: zip, XML, missing parts
        raise _not_a_workbook(path, f"{type(err).__name__}: {err}") from err


def _has_formulas(path: Path) -> bool:
    """Whether some worksheet of a workbook holds a formula (an <f> element), read from the archive."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with archive.open(name) as part:
                    tail = b""
                    while chunk := part.read(2**20):
                        if b"<f>" in tail + chunk or b"<f " in tail + chunk:
                            return True
                        tail = chunk[-4:]
    return False


class _Formulas:
    """The values of a workbook's formulas that the file stores none for (a workbook written by
    a program, not saved by Excel), computed with the ``formulas`` package when it can."""

    def __init__(self, path: Path):
        self.path = path
        self._values = None

    def value(self, sheet: str, coordinate: str, formula: str):
        if self._values is None:
            self._values = self._compute()
        key = f"'[{self.path.name}]{sheet}'!{coordinate}".upper()
        if key not in self._values:
            raise LxwError(
                f"{self.path}: cell {sheet}!{coordinate} holds the formula {formula} but no value, and the "
                "formula could not be computed here. Open the workbook in Excel or WPS and save it (that "
                "stores the values), then try again."
            )
        return self._values[key]

    def _compute(self) -> dict:
        try:
            import formulas

            with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):  # its progress bar
                warnings.simplefilter("ignore")
                solution = formulas.ExcelModel().loads(str(self.path)).finish().calculate()
        except Exception:  # a formula the package cannot compute: each such cell is reported
            return {}
        values = {}
        for name, ranges in solution.items():
            cells = getattr(ranges, "value", None)
            if cells is not None and getattr(cells, "shape", None) == (1, 1):
                v = cells[0][0]
                if str(v).startswith("#"):  # an Excel error such as #DIV/0!: the cell is reported
                    continue
                try:
                    values[name.upper()] = str(v) if isinstance(v, (str, bool)) else float(v)
                except (TypeError, ValueError):
                    values[name.upper()] = str(v)
        return values


def _guarded(rows: Iterator, path: Path, sheet: str) -> Iterator:
    """The rows of a sheet, a damaged sheet stopping with a clear message instead of a traceback."""
    while True:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                row = next(rows)
        except StopIteration:
            return
        except LxwError:
            raise
        except Exception as err:  # damaged XML inside the archive
            raise _not_a_workbook(path, f"sheet {sheet}: {type(err).__name__}: {err}") from err
        yield row


def _xlsx_rows(sheet, formula_sheet=None, computed: _Formulas | None = None) -> Iterator[tuple[int, list[Cell]]]:
    """A sheet's rows; with ``formula_sheet`` (the same sheet read for its formulas), a formula
    the file stores no value for takes the value ``computed`` gives it."""
    sheet.reset_dimensions()  # some writers record a wrong size; read what is there
    rows = sheet.iter_rows()
    formula_rows = formula_sheet.iter_rows() if formula_sheet is not None else None
    if formula_sheet is not None:
        formula_sheet.reset_dimensions()
    for number, row in enumerate(rows, 1):
        cells = [_xlsx_cell(cell) for cell in row]
        if formula_rows is not None:
            written = next(formula_rows, ())
            for i, cell in enumerate(written):
                text = cell.value
                if i < len(cells) and cells[i] == EMPTY_CELL and isinstance(text, str) and text.startswith("="):
                    value = computed.value(sheet.title, cell.coordinate, text)
                    number_like = isinstance(value, (int, float)) and not isinstance(value, bool)
                    cells[i] = (_number_text(value), float(value)) if number_like else (str(value), None)
        yield number, cells


def xlsx_sheets(path: Path) -> Iterator[Sheet]:
    book = _open_workbook(path)
    formulas_book = None
    try:
        try:
            if _has_formulas(path):
                from openpyxl import load_workbook

                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    formulas_book = load_workbook(path, read_only=True, data_only=False)
        except Exception as err:  # a damaged worksheet part (bad CRC, truncated stream)
            raise _not_a_workbook(path, f"{type(err).__name__}: {err}") from err
        computed = _Formulas(path) if formulas_book is not None else None
        for sheet in book.worksheets:
            written = formulas_book[sheet.title] if formulas_book is not None else None
            yield Sheet(sheet.title, _guarded(_xlsx_rows(sheet, written, computed), path, sheet.title), is_csv=False)
    finally:
        book.close()
        if formulas_book is not None:
            formulas_book.close()


def document_sheets(document: Document) -> Iterator[Sheet]:
    """Each table of a Word report as a sheet named 表1, 表2 … (in document order), rows numbered from 1."""
    for number, grid in enumerate(document.tables, 1):
        rows = ((r, [(text, None) for text in cells]) for r, cells in enumerate(grid, 1))
        yield Sheet(f"表{number}", rows, is_csv=False, noun="table")


def sheets_of(path: Path) -> Iterator[Sheet]:
    """The sheets of a table file (a CSV is one sheet named '')."""
    return csv_sheets(path) if TABLE_SUFFIXES[path.suffix.lower()] == "csv" else xlsx_sheets(path)
