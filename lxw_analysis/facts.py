"""The facts table: its columns (a public contract), and reading and writing it."""

from __future__ import annotations

import re
from itertools import islice
from pathlib import Path

import numpy as np
import pandas as pd
from pandas.util import hash_array  # once: pd.util looks it up anew at every use

from . import config
from .errors import LxwError
from .files import atomic_write

__all__ = [
    "FACT_DTYPES",
    "FACT_COLUMNS",
    "ROW_DTYPES",
    "ROW_COLUMNS",
    "ID_COLUMNS",
    "fact_ids",
    "with_fact_ids",
    "QUALIFIERS",
    "DIRECTIONS",
    "INDICATOR_MATCHES",
    "CHUNK_ROWS",
    "as_facts",
    "fact_row",
    "empty_facts",
    "write_facts",
    "write_parquet",
    "write_csv",
    "to_csv",
    "write_xlsx",
    "excel_safe",
    "load_facts",
    "load_findings",
]

#: What a row tuple holds (``fact_row``, ``as_facts``), in order: every column but ``fact_id``,
#: which ``as_facts`` computes from them.
ROW_DTYPES = {
    "township": "string",
    "year": "Int64",
    "section": "string",
    "village": "string",
    "indicator": "string",
    "indicator_match": "string",
    "indicator_score": "float64",
    "label": "string",
    "value": "float64",
    "upper": "float64",
    "unit": "string",
    "qualifier": "string",
    "direction": "string",
    "band_low": "float64",
    "band_high": "float64",
    "text": "string",
    "start": "Int64",
    "end": "Int64",
    "quote": "string",
    "source": "string",
}
ROW_COLUMNS = list(ROW_DTYPES)
#: Column names and dtypes of the facts table, in order (see the design brief, section 4):
#: ``fact_id`` first, then what the rows hold.
FACT_DTYPES = {"fact_id": "string", **ROW_DTYPES}
FACT_COLUMNS = list(FACT_DTYPES)
#: What a fact's id is made of: where it was read and what it says. A rebuild of an unchanged
#: file reads the same statistics at the same places, so they keep their ids.
ID_COLUMNS = ["source", "start", "end", "text", "township", "year", "village", "label", "value", "upper", "unit",
              "qualifier", "band_low", "band_high"]

#: What each qualifier means; the ``qualifier`` column holds only these.
QUALIFIERS = {
    "exact": "as stated",
    "more_than": "more than the value (余, 多, 超过)",
    "at_least": "at least the value (以上, 不少于)",
    "approx": "about the value (约, 近, 左右)",
    "at_most": "at most the value (以下, 不足)",
    "range": "from value to upper",
}

#: What ``direction`` says: the value is a change (同比增长5%), not a level; NA for levels.
DIRECTIONS = {"up": "an increase (增长, 提高, 上升 …)", "down": "a decrease (下降, 减少, 回落 …)"}

#: How ``indicator`` was found (``indicator_match``); ``indicator_score`` is 100 for exact,
#: the similarity (0–100) for fuzzy, NA for none.
INDICATOR_MATCHES = {
    "exact": "the label is one of the id's phrasings (after verbs and particles are set aside)",
    "context": "an ambiguous phrasing, resolved by the words of the fact's clause",
    "fuzzy": "the label is close to a phrasing (rapidfuzz similarity at least the threshold)",
    "table": "a table's header, matched like a label",
    "none": "no id: the catalogue has no phrasing for this subject",
}


#: Rows turned into columns at a time: a large extraction never holds all its rows as tuples.
CHUNK_ROWS = 50_000


#: The row columns' dtypes as pandas dtype objects: a frame is made per report, and naming
#: the dtypes by string costs a lookup per column each time.
_ROW_TYPES = {name: pd.api.types.pandas_dtype(dtype) for name, dtype in ROW_DTYPES.items()}


def _frame(columns: list[tuple], ids=None) -> pd.DataFrame:
    """The row columns (one tuple of values per column, in ``ROW_COLUMNS`` order) as a frame,
    with ``ids`` as its ``fact_id`` column first when given."""
    data = {} if ids is None else {"fact_id": ids}
    for (name, dtype), values in zip(_ROW_TYPES.items(), columns):
        if dtype == np.float64:
            data[name] = _floats(values)
        elif dtype == _TEXT:
            data[name] = _texts(values)
        else:
            data[name] = pd.array(values, dtype=dtype)
    return pd.DataFrame(data, copy=False)


#: The dtype of the text columns, and whether pandas keeps its text in Arrow (its default when
#: pyarrow is installed).
_TEXT = pd.api.types.pandas_dtype("string")
_ARROW_TEXT = _TEXT == pd.StringDtype("pyarrow", na_value=pd.NA)


def _texts(values) -> pd.api.extensions.ExtensionArray:
    """A text column from row values (text, or None/NaN/pd.NA for NA). Arrow makes it straight
    from them: ``pd.array`` first copies them into an object array, which takes four times as
    long. Values of another type are converted by ``pd.array``, as is all text not kept in Arrow."""
    if _ARROW_TEXT:
        import pyarrow as pa

        try:
            return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string(), from_pandas=True))
        except (pa.ArrowTypeError, pa.ArrowInvalid):
            pass
    return pd.array(values, dtype=_TEXT)


def _floats(values) -> np.ndarray:
    """A float column from row values, NA (None, pd.NA) as NaN."""
    try:
        return np.fromiter(values, dtype="float64", count=len(values))  # np.array first inspects each value's shape
    except TypeError:  # a pd.NA among them
        return np.array([np.nan if _is_na(v) else v for v in values], dtype="float64")


def fact_ids(df: pd.DataFrame) -> pd.Series:
    """Each fact's id: 16 hex digits hashed from where it was read and what it says
    (``ID_COLUMNS``), with ``-2``, ``-3`` … after a repeat of an earlier row's id. The same
    file read again gives the same ids, so findings and notes can name facts across rebuilds.

    >>> from lxw_analysis import extract_facts
    >>> table = extract_facts("2024年,某某镇开展学习17次,交流50余人。", source="raw/x/2024.txt")
    >>> ids = fact_ids(table)
    >>> ids.str.len().tolist(), ids.nunique(), ids.tolist() == table["fact_id"].tolist()
    ([16, 16], 2, True)
    """
    if df.empty:
        return pd.Series([], index=df.index, dtype="string", name="fact_id")
    values = []
    for name in ID_COLUMNS:
        column = df[name]
        if column.dtype != ROW_DTYPES[name]:
            column = column.astype(ROW_DTYPES[name])
        if ROW_DTYPES[name] == "string":
            values.append(column.to_numpy(dtype=object, na_value=_NA_TEXT))
        else:
            values.append(column.to_numpy(dtype="float64", na_value=np.nan))
    return pd.Series(_ids(_fold(values)), index=df.index, name="fact_id")


#: Stands for a missing text in a fact's id, so that NA and "" hash apart.
_NA_TEXT = "\x00"
#: Mixes one column's hashes into a row's (the FNV-1a 64-bit prime).
_MIX = np.uint64(0x100000001B3)
#: Where the id columns are in a row tuple, and whether each is text.
_ID_AT = [(ROW_COLUMNS.index(c), ROW_DTYPES[c] == "string") for c in ID_COLUMNS]


def _fold(values: list[np.ndarray]) -> np.ndarray:
    """One 64-bit hash per row from the id columns' values (text as objects with ``_NA_TEXT``
    for NA, numbers as float64 with NaN): each column hashed (``pandas.util.hash_array``) and
    folded in in order. It depends on the values only, not on how a table holds them (Arrow or
    NumPy, Int64 or float), so a table read back from a file hashes as it was written."""
    n = len(values[0])
    hashed = {}  # the columns of each kind hashed in one call (a hash is of one value): few calls for a small table
    for numeric in (False, True):
        columns = [c for c in values if (c.dtype.kind == "f") == numeric]
        if columns:
            joined = np.concatenate(columns)
            if numeric:
                joined = np.where(np.isnan(joined), np.nan, joined)  # one NaN, whatever its bits
            hashed[numeric] = iter(hash_array(joined, categorize=False).reshape(len(columns), n))
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for column in values:
            h = (h ^ next(hashed[column.dtype.kind == "f"])) * _MIX
    return h


def _row_values(columns: list[tuple]) -> list[np.ndarray]:
    """The id columns of row tuples (``columns`` as ``zip(*rows)`` gives them), as ``_fold`` takes
    them: the values the frame's columns will hold (NA as None, pd.NA or NaN; other values
    in a text column as text)."""
    return [_text_values(columns[i]) if text else _floats(columns[i]) for i, text in _ID_AT]


def _text_values(column: tuple) -> np.ndarray:
    """A text column of row values as objects, ``_NA_TEXT`` for NA and other values as text."""
    kinds = set(map(type, column))
    if kinds <= {str, type(None)}:  # as most columns: no value to look at one by one
        values = np.fromiter(column, object, len(column))
        if type(None) in kinds:
            values[np.equal(values, None)] = _NA_TEXT
        return values
    return np.fromiter((v if isinstance(v, str) else _NA_TEXT if _is_na(v) else str(v) for v in column), object, len(column))


def _is_na(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _ids(hashes: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """Ids as text from row hashes, a repeat numbered after its first (``-2``, ``-3`` …)."""
    digits = hashes.astype(">u8").tobytes().hex()
    ids = [digits[i : i + 16] for i in range(0, len(digits), 16)]
    if len(set(ids)) < len(ids):
        seen: dict[str, int] = {}
        for i, d in enumerate(ids):
            seen[d] = seen.get(d, 0) + 1
            if seen[d] > 1:
                ids[i] = f"{d}-{seen[d]}"
    return _texts(ids)


def with_fact_ids(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` (the row columns) with its ``fact_id`` column first: a new frame."""
    out = df[ROW_COLUMNS].copy(deep=False)
    out.insert(0, "fact_id", fact_ids(df))
    return out


def as_facts(rows) -> pd.DataFrame:
    """A facts table from row tuples in column order (an empty table when there are none).

    ``rows`` may be any iterable, a generator included; it is read ``CHUNK_ROWS`` at a time,
    so peak memory is the table plus one chunk, not the table plus every row as a tuple.

    >>> as_facts([("某某镇", 2024, "", None, None, "none", None, "学习", 17.0, None, "次", "exact", None,
    ...            None, None, "17次", 5, 8, "开展学习17次", "a.txt")])[["label", "value", "unit"]].values.tolist()
    [['学习', 17.0, '次']]
    """
    rows = iter(rows)
    first = list(zip(*islice(rows, CHUNK_ROWS))) or [() for _ in ROW_COLUMNS]
    hashes = [_fold(_row_values(first))]
    chunk = list(islice(rows, CHUNK_ROWS))
    if not chunk:  # one report, most often: the frame is made once, with its ids
        return _frame(first, _ids(hashes[0]))
    frames = [_frame(first)]
    del first
    while chunk:
        columns = list(zip(*chunk))
        hashes.append(_fold(_row_values(columns)))
        frames.append(_frame(columns))
        chunk = list(islice(rows, CHUNK_ROWS))
    table = pd.concat(frames, ignore_index=True)
    table.insert(0, "fact_id", _ids(np.concatenate(hashes)))
    return table


#: The value a column takes when a row leaves it out (``fact_row``).
_DEFAULTS = {name: (float("nan") if dtype == "float64" else None) for name, dtype in ROW_DTYPES.items()}


def fact_row(**values) -> tuple:
    """One facts-table row (a tuple in column order) from named values; columns left out are NA.

    >>> row = fact_row(township="某某镇", year=2024, label="学习", value=17.0, unit="次", qualifier="exact")
    >>> as_facts([row])[["township", "label", "value", "unit", "indicator_match"]].values.tolist()
    [['某某镇', '学习', 17.0, '次', <NA>]]
    """
    unknown = set(values) - set(ROW_DTYPES)
    if unknown:
        raise KeyError(f"not facts-table columns a row gives (fact_id is computed): {', '.join(sorted(unknown))}")
    return tuple(values.get(name, default) for name, default in _DEFAULTS.items())


def empty_facts() -> pd.DataFrame:
    """A facts table with no rows and the right columns and dtypes.

    >>> empty_facts().shape[0], list(empty_facts().columns[:3])
    (0, ['fact_id', 'township', 'year'])
    """
    return as_facts([])


def write_facts(df: pd.DataFrame, folder: str | Path) -> list[Path]:
    """Write ``facts.csv`` (UTF-8 with BOM, for Excel) and ``facts.parquet`` into ``folder``."""
    folder = Path(folder)
    return [write_csv(df, folder / "facts.csv"), write_parquet(df, folder / "facts.parquet")]


def write_parquet(df: pd.DataFrame, path: str | Path) -> Path:
    """Write one table as Parquet, atomically."""
    path = Path(path)
    atomic_write(path, lambda tmp: df.to_parquet(tmp, index=False))
    return path


#: Text a spreadsheet would run as a formula: = + - @ first, or a tab or CR (OWASP's list);
#: apostrophes before them are counted so that ``excel_safe`` can be undone exactly.
_FORMULA_START = r"^'*[=+\-@\t\r]"


def _is_text(column: pd.Series) -> bool:
    return column.dtype == object or isinstance(column.dtype, pd.StringDtype)


def excel_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cells a spreadsheet shows as text: a cell that would start a
    formula gets a leading apostrophe (OWASP's advice for CSV injection). Numbers are untouched.

    >>> table = pd.DataFrame({"quote": ['=HYPERLINK("http://x","y")学习12次', "学习12次", "-3%"], "value": [12.0, 12.0, -3.0]})
    >>> excel_safe(table)["quote"].str[:4].tolist(), excel_safe(table)["value"].tolist()
    (["'=HY", '学习12', "'-3%"], [12.0, 12.0, -3.0])
    """
    out = df.copy()
    for column in out.columns:
        if _is_text(text := out[column]):
            risky = text.str.contains(_FORMULA_START, regex=True, na=False) if len(text) else text.astype(bool)
            if risky.any():
                out[column] = text.where(~risky, "'" + text.astype("string"))
    return out


def _unsafe(df: pd.DataFrame) -> pd.DataFrame:
    """Undo ``excel_safe`` on a table read back from CSV: the text as it was written."""
    out = df.copy()
    for column in out.columns:
        if _is_text(text := out[column]):
            marked = text.str.contains(_FORMULA_START, regex=True, na=False) & text.str.startswith("'", na=False)
            if marked.any():
                out[column] = text.where(~marked, text.str[1:])
    return out


def to_csv(df: pd.DataFrame, target, **options) -> None:
    """``df`` as CSV into ``target`` (a path or an open text stream), the way every CSV for
    people is written: text Excel would run as a formula behind an apostrophe (``excel_safe``)
    and CRLF ending each record (RFC 4180), so that a CR inside a cell is quoted too (pandas
    does not quote it when records end in LF)."""
    excel_safe(df).to_csv(target, index=False, lineterminator="\r\n", **options)


def write_csv(df: pd.DataFrame, path: str | Path) -> Path:
    """Write one table as CSV (UTF-8 with BOM, for Excel), atomically (``to_csv``)."""
    path = Path(path)
    atomic_write(path, lambda tmp: to_csv(df, tmp, encoding="utf-8-sig"))
    return path


#: An Excel sheet's last row (its header takes one).
XLSX_MAX_ROWS = 1_048_576


def write_xlsx(df: pd.DataFrame, path: str | Path, *, sheet: str = "facts") -> Path:
    """Write one table as an Excel workbook, atomically. Text is stored as text, as written: a
    cell that would start a formula is a text cell with Excel's quote prefix (shown as typed,
    never run, not even after editing it)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    path = Path(path)
    if len(df) >= XLSX_MAX_ROWS:
        raise LxwError(
            f"{path}: {len(df):,} rows are more than an Excel sheet holds ({XLSX_MAX_ROWS - 1:,}); "
            "write .csv or .parquet instead."
        )
    risky = re.compile(_FORMULA_START)

    def write(tmp):
        book = Workbook(write_only=True)
        ws = book.create_sheet(sheet)
        ws.freeze_panes = "A2"  # the header stays in view
        for n, column in enumerate(df.columns, 1):
            shown = df[column].head(1000).astype("string")
            longest = (shown.str.len() + shown.str.count(r"[^\x00-\x7f]")).max()  # CJK takes two columns
            width = min(60, max(len(str(column)), 0 if pd.isna(longest) else int(longest)) + 2)
            ws.column_dimensions[get_column_letter(n)].width = width
        ws.append([str(c) for c in df.columns])
        for values in df.itertuples(index=False, name=None):
            row = []
            for value in values:
                if value is None or value is pd.NA or (isinstance(value, float) and value != value):
                    row.append(None)
                elif isinstance(value, str) and risky.match(value):
                    cell = WriteOnlyCell(ws, value=None)
                    cell.value, cell.data_type, cell.quotePrefix = value, "s", True
                    row.append(cell)
                else:
                    row.append(value.item() if hasattr(value, "item") else value)
            ws.append(row)
        book.save(tmp)

    atomic_write(path, write)
    return path


def _processed_file(path: str | Path | None, names: tuple[str, ...], what: str) -> Path:
    """The file ``path`` names, or the first of ``names`` in that folder (default: data/processed/)."""
    path = Path(path) if path is not None else config.processed_dir()
    if path.is_dir():
        path = next((path / n for n in names if (path / n).exists()), path / names[-1])
    if not path.exists():
        raise LxwError(f"{path}: no {what} here. Run `make report` (or `lxw build`) first.")
    return path


def _read_text_csv(path: Path) -> pd.DataFrame:
    """A CSV the build wrote, every cell as text (as it was before ``excel_safe``) and only
    empty cells missing."""
    return _unsafe(pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False, na_values=[""]))


def load_facts(path: str | Path | None = None, *, township: str | None = None, years=None) -> pd.DataFrame:
    """The processed facts table, for analysis in a notebook.

    ``path`` is a ``facts.parquet``/``facts.csv`` file or a folder holding one; by default
    the project's ``data/processed/``. ``township`` (its Chinese name or its folder slug:
    拉西瓦镇 or laxiwa) and ``years`` (a year, or a list of years) keep only those facts. A
    township the data do not hold, or years none of whose facts are there, raise ``LxwError``
    naming what the data hold.

    >>> import tempfile
    >>> from lxw_analysis import extract_facts
    >>> folder = (scratch := tempfile.TemporaryDirectory()).name
    >>> _ = write_facts(extract_facts("开展学习12次", year=2024, township="拉西瓦镇"), folder)
    >>> load_facts(folder, township="laxiwa", years=2024)[["township", "year", "value"]].values.tolist()
    [['拉西瓦镇', 2024, 12.0]]
    >>> load_facts(folder, years=[2023])
    Traceback (most recent call last):
    ...
    lxw_analysis.errors.LxwError: no facts of 2023 in the data; they hold 2024.
    """
    from .identity import township_among

    path = _processed_file(path, ("facts.parquet", "facts.csv"), "processed facts")
    df = pd.read_parquet(path) if path.suffix == ".parquet" else _read_text_csv(path)
    if "fact_id" not in df:  # written before facts had ids
        df = with_fact_ids(df[ROW_COLUMNS].astype(ROW_DTYPES))
    df = df[FACT_COLUMNS].astype(FACT_DTYPES)
    if township is not None:
        township = township_among(township, df["township"].dropna().unique())
        df = df[df["township"] == township]
    if years is not None:
        one = isinstance(years, (str, int)) or not hasattr(years, "__iter__")
        asked = []
        for y in [years] if one else list(years):
            if isinstance(y, bool) or not (isinstance(y, int) or hasattr(y, "__index__") or str(y).strip().isdigit()):
                raise LxwError(f"years={years!r}: give a year (2024) or a list of years ([2023, 2024]), not {y!r}.")
            asked.append(int(str(y).strip()) if isinstance(y, str) else int(y))
        held = sorted(int(y) for y in df["year"].dropna().unique())
        if asked and not set(asked) & set(held):
            whose = f" of {township}" if township is not None else ""
            shown = ", ".join(map(str, held)) if held else "no year"
            raise LxwError(f"no facts{whose} of {', '.join(map(str, asked))} in the data; they hold {shown}.")
        df = df[df["year"].isin(asked)]
    return df.reset_index(drop=True)


def load_findings(path: str | Path | None = None, *, township: str | None = None) -> pd.DataFrame:
    """The data-quality findings the build wrote (``quality.csv``), of one township when given;
    ``year`` is a number (as in the facts), the other columns text.

    ``path`` is the file or the folder holding it; by default the project's ``data/processed/``.
    ``township`` is a name or a folder slug, as in ``load_facts``: findings about it and those
    about no one township are kept. A township neither the findings nor the facts beside them
    hold raises ``LxwError`` naming those they do.

    >>> import tempfile
    >>> folder = Path((scratch := tempfile.TemporaryDirectory()).name)
    >>> _ = write_csv(pd.DataFrame({"rule": ["rate_over_100"], "township": ["拉西瓦镇"], "year": ["2024"]}),
    ...               folder / "quality.csv")
    >>> load_findings(folder, township="laxiwa")["rule"].tolist()
    ['rate_over_100']
    """
    from .identity import township_among

    file = _processed_file(path, ("quality.csv",), "quality findings")
    found = _read_text_csv(file)
    if "year" in found:  # a year, as in the facts; the other columns are text
        found = found.astype({"year": "Int64"})
    if township is not None:
        known = list(found["township"].dropna().unique()) if "township" in found else []
        beside = next((file.parent / n for n in ("facts.parquet", "facts.csv") if (file.parent / n).exists()), None)
        if beside is not None:
            held = pd.read_parquet(beside, columns=["township"]) if beside.suffix == ".parquet" else _read_text_csv(beside)
            known += list(held["township"].dropna().unique())
        township = township_among(township, known)
        found = found[found["township"].isna() | (found["township"] == township)]
    return found.reset_index(drop=True)
