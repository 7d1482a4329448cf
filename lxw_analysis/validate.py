"""Checks on a facts table: its contract, and numbers that disagree with each other.

Extraction reads thousands of sentences and table cells; a misread number, a bracket
missed, or a report that contradicts itself should be seen before a chart is drawn from it.
``validate`` returns one row per finding (rule, severity, township, year, message, the
facts-table rows concerned), so a notebook can show them and a build can stop on errors.

Severity: ``error`` the table breaks its contract or states the impossible; ``warning``
numbers that disagree with each other or with the reference tables, to check against the
source; ``info`` reference data still to be completed. Every rule is a pure function: a
facts table in, a findings table out, the input never changed.

The contract is checked with pandera, except dtypes: under pandas 3, pandera's ``string``
accepts object columns and rejects ``string`` columns stored in Python, so each column's
dtype is compared with ``facts.FACT_DTYPES`` by a small check of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, partial, wraps
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from . import reference
from .bands import band_label
from .facts import DIRECTIONS, FACT_COLUMNS, FACT_DTYPES, INDICATOR_MATCHES, QUALIFIERS
from .files import file_of
from .formats import listing, number
from .indicators import BAND_VILLAGES, DISPUTES_FOUND, DISPUTES_RESOLVED, VILLAGE_COUNT, additive_ids
from .villages import alias_map

__all__ = [
    "Rule",
    "RULES",
    "SEVERITIES",
    "FINDING_DTYPES",
    "YEARS",
    "REQUIRED",
    "GROWTH_WORDS",
    "TOTAL_LABEL",
    "GAZETTEER_FILE",
    "rows_text",
    "year_name_text_disagree",
    "ids_of",
    "as_findings",
    "has_dtype",
    "upper_only_for_ranges",
    "band_in_order",
    "start_before_end",
    "facts_schema",
    "schema",
    "has_contract_structure",
    "bands_do_not_sum",
    "is_growth_label",
    "rate_over_100",
    "resolved_exceeds_found",
    "gazetteer_names",
    "village_not_in_gazetteer",
    "source_file",
    "within_tolerance",
    "TOTAL_COLUMNS",
    "table_totals",
    "table_total_mismatches",
    "total_row_mismatch",
    "conflicting_values",
    "findings",
    "sort_findings",
    "validate",
]


class Rule(NamedTuple):
    """A rule: its name (the ``rule`` column), usual severity, what it finds, and the function
    that finds it (``options``: the keyword arguments of ``findings`` it takes)."""

    name: str
    severity: str
    description: str
    check: Callable[..., pd.DataFrame]
    options: tuple[str, ...] = ()


#: Severities, most serious first (the order ``validate`` sorts by).
SEVERITIES = ("error", "warning", "info")

#: Columns and dtypes of a findings table; ``rows`` holds comma-separated 0-based row
#: positions of the facts table ("" for a finding about the whole table).
FINDING_DTYPES = {
    "rule": "string",
    "severity": "string",
    "township": "string",
    "year": "Int64",
    "message": "string",
    "rows": "string",
}

YEARS = (1949, 2100)
#: Facts-table columns that every fact must fill.
REQUIRED = ("township", "year", "value", "qualifier")
#: Words in a label that make a percentage a growth rate, which may exceed 100.
GROWTH_WORDS = ("增长", "增幅", "提高", "上升")
#: Labels of a table's total row.
TOTAL_LABEL = r"合计|总计"
#: Where villages are added to the gazetteer.
GAZETTEER_FILE = "references/villages.csv"



# --- findings tables ---------------------------------------------------------------------


def rows_text(positions) -> str:
    """Row positions as the ``rows`` column writes them.

    >>> rows_text([4, 1, 4])
    '1,4'
    """
    return ",".join(str(p) for p in sorted(set(int(p) for p in positions)))


def as_findings(records) -> pd.DataFrame:
    """A findings table from ``(rule, severity, township, year, message, rows)`` tuples."""
    records = list(records)
    columns = zip(*records) if records else ([] for _ in FINDING_DTYPES)
    return pd.DataFrame(
        {name: pd.array(list(values), dtype=dtype) for (name, dtype), values in zip(FINDING_DTYPES.items(), columns)}
    )


def _finding(rule: str, township, year, message: str, rows=(), severity: str | None = None) -> tuple:
    township = None if pd.isna(township) else township
    year = None if pd.isna(year) else int(year)
    return (rule, severity or RULES[rule].severity, township, year, message, rows_text(rows))


def _positional(facts: pd.DataFrame) -> pd.DataFrame:
    """The facts with their row positions as index (a new frame; the input is not touched)."""
    return facts.reset_index(drop=True)


def _num(x) -> str:
    """A number in a message (``formats.number`` without separators)."""
    return number(x, separators=False, missing="missing")


def _show(x) -> str:
    """A cell's value in a message: numbers plainly, text quoted, NA as missing."""
    if pd.isna(x):
        return "missing"
    if isinstance(x, str):
        return f"'{x}'"
    return _num(x) if isinstance(x, float) else str(x)


def _place(township, year) -> str:
    """Where a finding is, as its message starts.

    >>> _place("新寨乡", 2024), _place("新寨乡", pd.NA)
    ('2024 新寨乡', '新寨乡 (no year)')
    """
    township = "(no township)" if pd.isna(township) else township
    return f"{township} (no year)" if pd.isna(year) else f"{year} {township}"


def _is(column: pd.Series, value) -> pd.Series:
    """``column == value``, with NA as False."""
    return column.eq(value).fillna(False).astype(bool)


# --- schema ------------------------------------------------------------------------------


def has_dtype(series: pd.Series, expected: str) -> bool:
    """Whether ``series`` has the facts-table dtype ``expected``.

    Any ``string`` storage (Python or pyarrow) is accepted as long as missing values are NA.

    >>> has_dtype(pd.Series(["a"], dtype="string"), "string"), has_dtype(pd.Series(["a"], dtype=object), "string")
    (True, False)
    """
    wanted = pd.api.types.pandas_dtype(expected)
    if isinstance(wanted, pd.StringDtype):
        return isinstance(series.dtype, pd.StringDtype) and series.dtype.na_value is pd.NA
    return series.dtype == wanted


def _not_blank(series: pd.Series) -> pd.Series:
    return series.str.strip().str.len() > 0


def _row_check(columns: tuple[str, ...]):
    """Decorator: a row-wise check that passes every row when one of ``columns`` is absent."""

    def wrap(test):
        @wraps(test)
        def check(df: pd.DataFrame) -> pd.Series:
            if not set(columns) <= set(df.columns):
                return pd.Series(True, index=df.index)
            return test(df).fillna(False).astype(bool)

        return check

    return wrap


@_row_check(("qualifier", "value", "upper"))
def upper_only_for_ranges(df: pd.DataFrame) -> pd.Series:
    """``upper`` is given exactly when the qualifier is ``range``, and is at least ``value``."""
    is_range = _is(df["qualifier"], "range")
    has_upper = df["upper"].notna()
    return (has_upper == is_range) & ~(df["upper"] < df["value"]).fillna(False)


@_row_check(("band_low", "band_high"))
def band_in_order(df: pd.DataFrame) -> pd.Series:
    """A bracket's lower bound is not above its upper bound."""
    return ~(df["band_low"] > df["band_high"]).fillna(False)


@_row_check(("start", "end"))
def start_before_end(df: pd.DataFrame) -> pd.Series:
    """An expression's start offset is before its end offset."""
    return ~(df["start"] >= df["end"]).fillna(False)


_ROW_CHECKS = {f.__name__: f for f in (upper_only_for_ranges, band_in_order, start_before_end)}


@cache
def facts_schema():
    """The facts-table contract as a pandera schema: exact columns in order, dtypes, values.
    Built (and pandera imported) when first asked for: a build whose facts are unchanged never
    checks them again."""
    import pandera.pandas as pa

    checks = {
        "township": [pa.Check(_not_blank, name="not_blank")],
        "year": [pa.Check(lambda s: s.between(*YEARS), name="plausible_year")],
        "qualifier": [pa.Check(lambda s: s.isin(list(QUALIFIERS)), name="known_qualifier")],
        "direction": [pa.Check(lambda s: s.isin(list(DIRECTIONS)), name="known_direction")],
        "indicator_match": [pa.Check(lambda s: s.isin(list(INDICATOR_MATCHES)), name="known_indicator_match")],
    }

    def column(name: str):
        dtype_check = pa.Check(partial(has_dtype, expected=FACT_DTYPES[name]), name="dtype")
        return pa.Column(None, checks=[dtype_check, *checks.get(name, [])], nullable=name not in REQUIRED)

    return pa.DataFrameSchema(
        {name: column(name) for name in FACT_COLUMNS},
        checks=[pa.Check(check, name=name, ignore_na=False) for name, check in _ROW_CHECKS.items()],
        ordered=True,
        strict=True,
        name="facts",
    )


def _schema_message(case: dict, frame: pd.DataFrame) -> str:
    """One sentence for one pandera failure case, naming the column, the value and the row."""
    check, column, row = case["check"], case["column"], case["index"]
    if check == "column_in_dataframe":
        return f"the facts table has no column '{case['failure_case']}'"
    if check == "column_in_schema":
        return f"column '{case['failure_case']}' is not a facts-table column"
    if check == "column_ordered":
        return f"column '{case['failure_case']}' is out of order: the columns are {', '.join(FACT_COLUMNS)}"
    if check == "dtype":
        return f"column '{column}' has dtype {frame[column].dtype}, expected {FACT_DTYPES[column]}"
    if pd.isna(row):  # a check that raised: pandera reports the exception
        return f"check {check} on column '{column}' could not run: {case['failure_case']}"
    fact = frame.loc[row]
    if check == "not_nullable":
        return f"row {row}: {column} is missing; every fact needs one"
    if check == "not_blank":
        return f"row {row}: {column} is blank ({_show(fact[column])})"
    if check == "plausible_year":
        return f"row {row}: year is {_show(fact['year'])}, outside {YEARS[0]}–{YEARS[1]}"
    if check == "known_qualifier":
        return f"row {row}: qualifier is {_show(fact['qualifier'])}, not one of {', '.join(QUALIFIERS)}"
    if check == "upper_only_for_ranges":
        is_range = not pd.isna(fact["qualifier"]) and fact["qualifier"] == "range"
        if is_range and pd.isna(fact["upper"]):
            return f"row {row}: qualifier is 'range' but upper is missing"
        if not is_range:
            return f"row {row}: upper is {_show(fact['upper'])} but qualifier is {_show(fact['qualifier'])}; upper is for ranges only"
        return f"row {row}: upper {_show(fact['upper'])} is below value {_show(fact['value'])} in a range"
    if check == "band_in_order":
        return f"row {row}: band_low {_show(fact['band_low'])} is above band_high {_show(fact['band_high'])}"
    if check == "start_before_end":
        return f"row {row}: start {_show(fact['start'])} is not before end {_show(fact['end'])}"
    return f"row {row}: {column} is {_show(fact.get(column))}, failing {check}"


def _failure_cases(frame: pd.DataFrame) -> pd.DataFrame:
    """pandera's failure cases for ``frame``: one per column and row for a column check,
    one per row for a row check (pandera lists every column of a failing row)."""
    from pandera.errors import SchemaErrors

    try:
        facts_schema().validate(frame, lazy=True)
    except SchemaErrors as err:
        cases = err.failure_cases
    else:
        return pd.DataFrame(columns=["check", "column", "index", "failure_case"])
    is_row_check = cases["check"].isin(list(_ROW_CHECKS)) & cases["index"].notna()
    cases = cases.assign(column=cases["column"].where(~is_row_check, None))
    cases = cases.drop_duplicates(["check", "column", "index"]).copy()
    order = {name: i for i, name in enumerate(FACT_COLUMNS)}
    cases["_row"] = pd.to_numeric(cases["index"], errors="coerce")
    cases["_column"] = cases["column"].map(order).fillna(len(order))  # row checks after columns
    return cases.sort_values(["_row", "_column"], na_position="first", kind="stable")


def schema(facts: pd.DataFrame) -> pd.DataFrame:
    """Findings for every way ``facts`` breaks the contract of ``facts_schema`` (severity error).

    >>> from lxw_analysis.facts import empty_facts
    >>> schema(empty_facts()).empty
    True
    >>> schema(empty_facts().drop(columns="quote"))["message"].tolist()
    ["the facts table has no column 'quote'"]
    """
    frame = _positional(facts)
    records = []
    for case in _failure_cases(frame).to_dict("records"):
        row = case["index"]
        located = not pd.isna(row) and row in frame.index
        township = frame.at[row, "township"] if located and "township" in frame else None
        year = frame.at[row, "year"] if located and "year" in frame else None
        year = year if pd.api.types.is_integer(year) else None
        township = township if isinstance(township, str) else None
        rows = [row] if located else []
        records.append(_finding("schema", township, year, _schema_message(case, frame), rows))
    return as_findings(records)


def has_contract_structure(facts: pd.DataFrame) -> bool:
    """Whether every facts-table column is there with its dtype (the other rules read them)."""
    return all(name in facts and has_dtype(facts[name], dtype) for name, dtype in FACT_DTYPES.items())


# --- rules on the numbers ----------------------------------------------------------------


def bands_do_not_sum(facts: pd.DataFrame) -> pd.DataFrame:
    """Per township and year, income-bracket village counts that do not add up to the
    number of villages the report states (each value stated is compared once)."""
    f = _positional(facts)
    f = f[f["indicator"].isin([BAND_VILLAGES, VILLAGE_COUNT]).fillna(False).astype(bool)]
    records = []
    for (township, year), group in f.groupby(["township", "year"], dropna=False, sort=True):
        bands = group[_is(group["indicator"], BAND_VILLAGES)]
        counts = group[_is(group["indicator"], VILLAGE_COUNT)]
        if bands.empty or counts.empty:
            continue
        in_bands = bands["value"].sum()
        for stated in counts["value"].dropna().unique():
            if abs(in_bands - stated) < 1e-9:
                continue
            message = (
                f"{_place(township, year)}: income brackets count {_num(in_bands)} villages "
                f"but the report states {_num(stated)} villages"
            )
            rows = [*bands.index, *counts.index[counts["value"] == stated]]
            records.append(_finding("bands_do_not_sum", township, year, message, rows))
    return as_findings(records)


def is_growth_label(label) -> bool:
    """Whether a label names a growth rate (which may exceed 100%).

    >>> is_growth_label("收入同比增长"), is_growth_label("轮训率"), is_growth_label(pd.NA)
    (True, False, False)
    """
    return isinstance(label, str) and any(word in label for word in GROWTH_WORDS)


def rate_over_100(facts: pd.DataFrame) -> pd.DataFrame:
    """Percentages above 100 (value or upper), except growth rates."""
    f = _positional(facts)
    over = _is(f["unit"], "%") & ((f["value"] > 100) | (f["upper"] > 100)).fillna(False)
    over &= ~f["label"].map(is_growth_label, na_action=None).astype(bool)
    records = []
    for row, fact in f[over].iterrows():
        amount = _num(fact["value"]) if pd.isna(fact["upper"]) else f"{_num(fact['value'])}–{_num(fact['upper'])}"
        name = fact["label"] if not pd.isna(fact["label"]) else fact["text"]
        message = f"{_place(fact['township'], fact['year'])}: {name} is {amount}% (row {row}); a share cannot exceed 100%"
        records.append(_finding("rate_over_100", fact["township"], fact["year"], message, [row]))
    return as_findings(records)


def resolved_exceeds_found(facts: pd.DataFrame) -> pd.DataFrame:
    """More disputes resolved than found, per township, year and village (NA: the township).

    A statement repeated is not added up: the largest number stated of each is compared.
    """
    f = _positional(facts)
    f = f[f["indicator"].isin([DISPUTES_FOUND, DISPUTES_RESOLVED]).fillna(False).astype(bool)]
    records = []
    for (township, year, village), group in f.groupby(["township", "year", "village"], dropna=False, sort=True):
        found = group.loc[_is(group["indicator"], DISPUTES_FOUND), "value"]
        resolved = group.loc[_is(group["indicator"], DISPUTES_RESOLVED), "value"]
        if found.empty or resolved.empty or not resolved.max() > found.max():
            continue
        where = _place(township, year) + ("" if pd.isna(village) else f" {village}")
        message = f"{where}: {_num(resolved.max())} disputes resolved but only {_num(found.max())} found"
        records.append(_finding("resolved_exceeds_found", township, year, message, group.index))
    return as_findings(records)


def gazetteer_names(gazetteer=None) -> dict[str, set[str]]:
    """Township → every name and alias of its villages in ``gazetteer`` (rows with township,
    name and optional ``|``-separated aliases; by default ``lxw_analysis/data/villages.csv``).

    >>> sorted(gazetteer_names([{"township": "新寨乡", "name": "上庄村", "aliases": "上庄"}])["新寨乡"])
    ['上庄', '上庄村']
    """
    rows = reference.villages() if gazetteer is None else pd.DataFrame(gazetteer).to_dict("records")
    return {township: set(alias_map(township, rows)) for township in dict.fromkeys(r["township"] for r in rows)}


def village_not_in_gazetteer(facts: pd.DataFrame, *, gazetteer=None) -> pd.DataFrame:
    """Villages the gazetteer of their township does not know (warning), and one info
    finding for each township whose gazetteer is empty."""
    f = _positional(facts)
    f = f[f["village"].notna()]
    known = gazetteer_names(gazetteer)
    records = []
    for township, group in f.groupby("township", dropna=False, sort=True):
        names = known.get(township, set()) if isinstance(township, str) else set()
        if not names:
            villages = list(dict.fromkeys(group["village"]))
            message = (
                f"{township}: the village gazetteer has no villages of {township}, so its "
                f"{number(len(villages))} village name(s) ({listing(villages)}) are not checked; add them to "
                f"{GAZETTEER_FILE} as township,name,aliases rows"
            )
            records.append(_finding("village_not_in_gazetteer", township, None, message, group.index, "info"))
            continue
        unknown = group[~group["village"].isin(list(names))]
        for (year, village), rows in unknown.groupby(["year", "village"], dropna=False, sort=True):
            message = (
                f"{_place(township, year)}: {village} is not in the gazetteer of {township} "
                f"({len(names)} names known); if it is one of its villages, add it to {GAZETTEER_FILE}"
            )
            records.append(_finding("village_not_in_gazetteer", township, year, message, rows.index))
    return as_findings(records)


def source_file(source) -> str | None:
    """The file part of a ``source`` (``files.file_of``), None for a missing one.

    >>> source_file("tables/新寨乡.xlsx#收入!B7"), source_file("raw/laxiwa/2024.txt")
    ('tables/新寨乡.xlsx', 'raw/laxiwa/2024.txt')
    """
    return None if pd.isna(source) else file_of(source)


def within_tolerance(total: float, summed: float, unit) -> bool:
    """Whether a total and a sum agree: within 0.5% of the total, or 1 元 for money.

    >>> within_tolerance(1000, 996, "个"), within_tolerance(1000, 994, "个"), within_tolerance(100, 99.2, "元")
    (True, False, True)
    """
    tolerance = max(0.005 * abs(total), 1.0 if unit == "元" else 0.0)
    return abs(total - summed) <= tolerance + 1e-9


#: The cell part of a table fact's ``source`` (…xlsx#Sheet1!C4, …csv#R4C3): what is left names the table.
_CELL_PART = re.compile(r"(?:![A-Z]+\d+|#R\d+C\d+)$")

#: Columns of ``table_totals``.
TOTAL_COLUMNS = [
    "table", "township", "year", "indicator", "label", "unit", "total", "village_sum", "villages", "difference", "matches"
]  # fmt: skip


def _total_checks(facts: pd.DataFrame):
    """Each total row of a table column against the village rows it sums: (table, township, year,
    indicator, column, unit, total row, its value, village rows), where a table is a file and
    sheet, and a column its header (the label less 合计). A total row labelled only 合计 sums the
    village rows of its indicator in that table. With several total rows (小计 rows and a 合计),
    the largest is the column's total."""
    f = facts[facts["indicator"].notna() & facts["source"].notna()]
    is_total = f["village"].isna() & f["label"].str.match(TOTAL_LABEL).fillna(False).astype(bool)
    f = f.assign(
        _table=f["source"].str.replace(_CELL_PART, "", regex=True),
        _column=f["label"].str.replace(rf"^(?:{TOTAL_LABEL})\s*", "", regex=True).fillna(""),
        _total=is_total,
    )
    keys = ["_table", "township", "year", "indicator", "unit"]
    for (table, township, year, indicator, unit), group in f.groupby(keys, dropna=False, sort=True):
        totals = group[group["_total"]]
        villages = group[group["village"].notna()]
        for column, rows in totals.groupby("_column", sort=True):
            same = villages[villages["_column"] == column] if column else villages
            at = rows["value"].abs().idxmax()
            yield table, township, year, indicator, column, unit, at, rows.loc[at, "value"], same


def table_totals(facts: pd.DataFrame) -> pd.DataFrame:
    """Each table column's total row next to the sum of its village rows, and whether they agree
    (within 0.5%, or 1 元 for money: ``within_tolerance``). Columns without a total row are not listed."""
    records = [
        (table, township, year, indicator, column, unit, total, float(same["value"].sum()), len(same),
         float(same["value"].sum()) - total, within_tolerance(total, same["value"].sum(), unit))
        for table, township, year, indicator, column, unit, _, total, same in _total_checks(facts)
    ]  # fmt: skip
    out = pd.DataFrame.from_records(records, columns=TOTAL_COLUMNS)
    return out.astype({"year": "Int64", "villages": "int64", "matches": "bool"})


def table_total_mismatches(facts: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``table_totals`` whose total row differs from the sum of its village rows."""
    totals = table_totals(facts)
    return totals[~totals["matches"]].reset_index(drop=True)


def total_row_mismatch(facts: pd.DataFrame) -> pd.DataFrame:
    """Total rows (合计/总计, no village) that differ from the sum of the village rows of the
    same table (file and sheet) and column, indicator and year (see ``_total_checks``)."""
    f = _positional(facts)
    sheets = f["source"].dropna().str.replace(_CELL_PART, "", regex=True)
    several = sheets.groupby(sheets.map(source_file)).nunique()
    records = []
    for table, township, year, indicator, _, unit, at, total, same in _total_checks(f):
        summed = same["value"].sum()
        if same.empty or within_tolerance(total, summed, unit):
            continue
        file = source_file(table)
        where = file + (f" ({table.split('#', 1)[1]})" if several.get(file, 1) > 1 and "#" in table else "")
        shown = "" if pd.isna(unit) else f" {unit}"
        message = (
            f"{_place(township, year)}, {where}: the total row {f.loc[at, 'label']} gives "
            f"{_num(total)}{shown} for {indicator} but its {len(same)} village rows add up to {_num(summed)}{shown}"
        )
        records.append(_finding("total_row_mismatch", township, year, message, [at, *same.index]))
    return as_findings(records)


def conflicting_values(facts: pd.DataFrame) -> pd.DataFrame:
    """One statistic (township, year, indicator, village, bracket) stated with different values."""
    f = _positional(facts)
    f = f[f["indicator"].notna() & ~f["indicator"].isin(additive_ids())]
    keys = ["township", "year", "indicator", "village", "band_low", "band_high"]
    records = []
    for (township, year, indicator, village, low, high), group in f.groupby(keys, dropna=False, sort=True):
        values = group["value"].dropna().unique()
        if len(values) < 2:
            continue
        what = indicator + ("" if pd.isna(village) else f" of {village}")
        what += "" if pd.isna(low) and pd.isna(high) else f" in bracket {band_label(low, high)}"
        stated = ", ".join(
            f"{_num(v)} (row {rows_text(group.index[group['value'] == v])})" for v in sorted(values)
        )
        message = f"{_place(township, year)}: {what} is stated with different values: {stated}"
        records.append(_finding("conflicting_values", township, year, message, group.index))
    return as_findings(records)


# --- all rules ---------------------------------------------------------------------------

#: The rules, in the order ``findings`` runs them, with their usual severity.
def year_name_text_disagree(facts: pd.DataFrame, *, documents=()) -> pd.DataFrame:
    """Reports whose file name and text name different years (``identity.year_disagreement``):
    the name decides, so the reader is told. ``documents`` are ``(path, source, township, year,
    text)`` of the reports whose year came from their name; the finding names their facts.

    >>> from pathlib import Path
    >>> from lxw_analysis import extract_facts
    >>> text = "某某镇2023年工作总结。开展学习17次。"
    >>> facts = extract_facts(text, year=2025, township="某某镇", source="raw/x/2025.txt")
    >>> found = year_name_text_disagree(facts, documents=[(Path("raw/x/2025.txt"), "raw/x/2025.txt", "某某镇", 2025, text)])
    >>> found[["rule", "year", "rows"]].values.tolist()
    [['year_name_text_disagree', 2025, '0']]
    """
    from .identity import year_disagreement

    f = _positional(facts)
    files = f["source"].map(source_file)
    records = []
    for path, source, township, year, text in documents:
        message = year_disagreement(Path(path), text)
        if message:
            records.append(_finding("year_name_text_disagree", township, year, message, f.index[files == source]))
    return as_findings(records)


RULES = {
    rule.name: rule
    for rule in (
        Rule("schema", "error", "columns, dtypes and values break the facts-table contract", schema),
        Rule("bands_do_not_sum", "warning", "villages in the income brackets do not add up to the township's villages",
             bands_do_not_sum),
        Rule("rate_over_100", "error", "a percentage above 100 that is not a growth rate", rate_over_100),
        Rule("resolved_exceeds_found", "warning", "more disputes resolved than found", resolved_exceeds_found),
        Rule("village_not_in_gazetteer", "warning", "a village the gazetteer of its township does not know (info: no gazetteer)",
             village_not_in_gazetteer, ("gazetteer",)),
        Rule("total_row_mismatch", "warning", "a table's total row differs from the sum of its village rows",
             total_row_mismatch),
        Rule("conflicting_values", "warning", "one statistic stated with different values", conflicting_values),
        Rule("year_name_text_disagree", "warning", "a report's file name and its text name different years",
             year_name_text_disagree, ("documents",)),
    )
}  # fmt: skip


def findings(facts: pd.DataFrame, *, gazetteer=None, documents=()) -> pd.DataFrame:
    """Every rule's findings, rule by rule in the order of ``RULES`` (schema first).

    The rules on the numbers read the columns as the contract types them, so when a column
    is missing or has another dtype only the schema findings are given.
    """
    options = {"gazetteer": gazetteer, "documents": documents}
    rules = RULES.values() if has_contract_structure(facts) else [RULES["schema"]]
    return pd.concat(
        [rule.check(facts, **{o: options[o] for o in rule.options}) for rule in rules], ignore_index=True
    )


def sort_findings(found: pd.DataFrame) -> pd.DataFrame:
    """Schema findings first as they come, then the others by severity, township and year."""
    is_schema = found["rule"] == "schema"
    rest = found[~is_schema]
    rest = rest.assign(_severity=rest["severity"].map(SEVERITIES.index))
    rest = rest.sort_values(["_severity", "township", "year"], kind="stable").drop(columns="_severity")
    return pd.concat([found[is_schema], rest], ignore_index=True)


def validate(facts: pd.DataFrame, *, gazetteer=None, documents=()) -> pd.DataFrame:
    """All findings on a facts table: schema first, then by severity, township and year.

    ``gazetteer`` (rows with township, name, aliases) replaces ``lxw_analysis/data/villages.csv``;
    ``documents`` are the reports read (see ``year_name_text_disagree``).
    An empty result still has the columns ``rule, severity, township, year, message, rows,
    facts``: ``rows`` are the positions of the facts concerned in ``facts``, ``facts`` their
    ``fact_id`` (which stay theirs in any selection of the table and across rebuilds).

    >>> from lxw_analysis import extract_facts
    >>> facts = extract_facts("党员轮训率120%,收入增长150%。", year=2024, township="新寨乡")
    >>> validate(facts)[["rule", "severity", "rows", "message"]].values.tolist()
    [['rate_over_100', 'error', '0', '2024 新寨乡: 党员轮训率 is 120% (row 0); a share cannot exceed 100%']]
    >>> validate(facts)["facts"].tolist() == [facts["fact_id"].iloc[0]]
    True
    """
    found = sort_findings(findings(facts, gazetteer=gazetteer, documents=documents))
    return found.assign(facts=pd.array(ids_of(found["rows"], facts), dtype="string"))


def ids_of(rows: pd.Series, facts: pd.DataFrame) -> list[str]:
    """The ``fact_id`` of each finding's rows (``rows_text`` positions), comma-separated."""
    if "fact_id" not in facts:
        return [""] * len(rows)
    ids = facts["fact_id"].to_numpy(object)
    out = []
    for positions in rows:
        wanted = [int(p) for p in str(positions).split(",") if p.strip().isdigit() and int(p) < len(ids)]
        out.append(",".join(str(i) for i in ids[wanted]))
    return out
