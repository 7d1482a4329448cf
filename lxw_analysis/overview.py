"""The overview of a township's facts: statistics per section, the files they come from, what
has no indicator id, and sentences a reader reads first (how many statistics, which findings)."""

from __future__ import annotations

import pandas as pd

from .formats import listing

__all__ = [
    "INTRODUCTION",
    "section_titles",
    "facts_per_section",
    "statistics_table",
    "describe_overview",
    "sources",
    "describe_findings",
    "findings_table",
    "without_indicator",
]

#: The heading of statistics a report states before its first section.
INTRODUCTION = "(引言 introduction)"


def _table_file(source) -> str | None:
    """The file of a table's cell (``raw/x/v.csv#R4C3`` → ``v.csv``), else None."""
    from .files import file_of
    from .spreadsheets import TABLE_SUFFIXES

    if not isinstance(source, str):
        return None
    file = file_of(source)
    if not any(file.lower().endswith(s) for s in TABLE_SUFFIXES):
        return None
    return file.rsplit("/", 1)[-1]


def section_titles(facts: pd.DataFrame) -> pd.Series:
    """Each statistic's section as a heading: the section, else for a table's cell the table
    (表格 + its file name), else ``INTRODUCTION``.

    >>> f = pd.DataFrame({"section": ["一、党建", "", ""], "source": ["r/2024.txt", "r/2024.txt", "r/v.csv#R2C2"]})
    >>> section_titles(f).tolist()
    ['一、党建', '(引言 introduction)', '表格 table v.csv']
    """
    titles = []
    for section, source in zip(facts["section"], facts["source"]):
        if isinstance(section, str) and section:
            titles.append(section)
        elif (table := _table_file(source)) is not None:
            titles.append(f"表格 table {table}")
        else:
            titles.append(INTRODUCTION)
    return pd.Series(titles, index=facts.index, dtype="object")


def facts_per_section(facts: pd.DataFrame) -> pd.DataFrame:
    """How many statistics each section of each report (and each table) holds, in report
    order; sections are headed as ``section_titles`` heads them."""
    facts = facts.assign(section=section_titles(facts))
    order = facts.drop_duplicates(["year", "section"])[["year", "section"]]
    counts = facts.groupby(["year", "section"], sort=False, dropna=False).size().rename("statistics")
    return order.join(counts, on=["year", "section"]).reset_index(drop=True)


def statistics_table(facts: pd.DataFrame) -> pd.DataFrame:
    """Every statistic for reading: its section heading (``section_titles``), year, village,
    subject, the text as written, the value (with ``upper`` for a range) and unit, the
    qualifier, the quote (a table's row) and source (a table's cell) to check it against, and
    its ``fact_id`` (which findings name)."""
    columns = ["section", "year", "village", "label", "text", "value", "upper", "unit", "qualifier", "quote", "source"]
    columns += ["fact_id"] if "fact_id" in facts else []
    return facts.assign(section=section_titles(facts))[columns].reset_index(drop=True)

def describe_overview(facts: pd.DataFrame) -> str:
    """How many statistics, from how many files (reports and tables), years and sections.

    >>> f = pd.DataFrame({"source": ["r/2024.txt", "r/v.csv#R2C2", "r/v.csv#R3C2"], "township": ["甲镇"] * 3,
    ...                   "year": [2024] * 3, "section": ["一、党建", "", ""]})
    >>> describe_overview(f)
    '3 statistics found in 1 report and 1 table (2024), across 2 sections.'
    """
    years = ", ".join(str(y) for y in sorted(facts["year"].dropna().unique()))
    kinds = sources(facts).drop_duplicates("source")["kind"].value_counts()
    files = " and ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in sorted(kinds.items())) or "no file"
    return f"{len(facts)} statistics found in {files} ({years}), across {facts['section'].nunique()} sections."



def sources(facts: pd.DataFrame) -> pd.DataFrame:
    """The files behind the facts, one row per file (a table's cells and a PDF's pages are one
    file): its kind (report or table), township, year and number of statistics.

    >>> f = pd.DataFrame({"source": ["raw/a/2024.txt", "raw/a/v.xlsx#S!B2", "raw/a/v.xlsx#S!B3"],
    ...                   "township": ["甲镇"] * 3, "year": [2024] * 3})
    >>> sources(f).values.tolist()
    [['raw/a/2024.txt', 'report', '甲镇', 2024, 1], ['raw/a/v.xlsx', 'table', '甲镇', 2024, 2]]
    """
    from .files import file_of
    from .spreadsheets import TABLE_SUFFIXES

    files = facts["source"].fillna("").map(file_of)
    kind = files.map(lambda f: "table" if any(f.lower().endswith(s) for s in TABLE_SUFFIXES) else "report")
    table = facts[["township", "year"]].assign(source=files, kind=kind)
    counts = table.groupby(["source", "kind", "township", "year"], dropna=False, sort=True).size()
    return counts.rename("statistics").reset_index()

def describe_findings(findings: pd.DataFrame) -> str:
    """One sentence on the data-quality findings.

    >>> import pandas as pd
    >>> describe_findings(pd.DataFrame({"severity": ["warning", "warning", "info"]}))
    '3 data-quality findings: 2 warning, 1 info.'
    >>> describe_findings(pd.DataFrame({"severity": []}))
    'No data-quality findings: every consistency check passed.'
    """
    if findings.empty:
        return "No data-quality findings: every consistency check passed."
    counts = findings["severity"].value_counts()
    parts = ", ".join(f"{n} {severity}" for severity, n in counts.items())
    return f"{len(findings)} data-quality findings: {parts}."

def findings_table(findings: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """The findings with the statistics they concern, found by their ``facts`` (fact ids; else
    ``rows``, positions in the whole facts table as the build wrote it): the first one's quote,
    every one's source, and their ids."""
    quotes, files = [], []
    quote, source = facts["quote"].to_numpy(object), facts["source"].to_numpy(object)  # indexed fast, row by row
    by_id = "facts" in findings and "fact_id" in facts and findings["facts"].notna().any()
    where = {fact_id: n for n, fact_id in enumerate(facts["fact_id"])} if by_id else {}
    for n in range(len(findings)):
        if by_id:  # by fact id: right in any selection of the facts
            positions = [where[i] for i in str(findings["facts"].iloc[n]).split(",") if i in where]
        else:
            rows = findings["rows"].iloc[n] if "rows" in findings else ""
            positions = [int(r) for r in str(rows).split(",") if r.strip().isdigit() and int(r) < len(facts)]
        quotes.append(next((q for q in quote[positions] if isinstance(q, str) and q), ""))
        files.append(listing(dict.fromkeys(s for s in source[positions] if isinstance(s, str)), 5))
    columns = [c for c in ("severity", "rule", "year", "message") if c in findings]
    table = findings[columns].assign(quote=quotes, source=files)
    if "facts" in findings:
        table = table.assign(facts=[listing(str(ids).split(","), 5) if isinstance(ids, str) and ids else "" for ids in findings["facts"]])
    return table.reset_index(drop=True)


def without_indicator(facts: pd.DataFrame) -> pd.DataFrame:
    """The statistics the catalogue gave no id, grouped by subject and unit, most frequent first:
    what to add to ``references/indicators.csv`` so they pair with other townships' figures.

    >>> from lxw_analysis import extract_facts
    >>> without_indicator(extract_facts("开展“四议两公开”议事12次,“四议两公开”议事9次。"))[["subject", "unit", "statistics"]].values.tolist()
    [['四议两公开议事', '次', 2]]
    """
    from .indicators import subject

    f = facts[facts["indicator"].isna()]
    if f.empty:
        return pd.DataFrame(columns=["subject", "unit", "statistics", "years", "example", "quote", "source"])
    f = f.assign(subject=[subject(s) if isinstance(s, str) else "" for s in f["label"]])
    grouped = f.groupby(["subject", "unit"], sort=False, dropna=False)
    table = grouped.agg(
        statistics=("text", "size"),
        years=("year", lambda y: ", ".join(str(v) for v in sorted(y.dropna().unique()))),
        example=("text", "first"),
        quote=("quote", "first"),
        source=("source", "first"),
    ).reset_index()
    return table.sort_values("statistics", ascending=False, kind="stable").reset_index(drop=True)
