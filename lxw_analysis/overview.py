"""The overview of a township's facts: statistics per section, the files they come from, what
has no indicator id, and sentences a reader reads first (how many statistics, which findings)."""

from __future__ import annotations

import pandas as pd

__all__ = ["facts_per_section", "describe_overview", "sources", "describe_findings", "without_indicator"]


def facts_per_section(facts: pd.DataFrame) -> pd.DataFrame:
    """How many statistics each section of each report holds, in report order."""
    order = facts.drop_duplicates(["year", "section"])[["year", "section"]]
    counts = facts.groupby(["year", "section"], sort=False, dropna=False).size().rename("statistics")
    return order.join(counts, on=["year", "section"]).reset_index(drop=True)

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
        return pd.DataFrame(columns=["subject", "unit", "statistics", "years", "example", "quote"])
    f = f.assign(subject=[subject(s) if isinstance(s, str) else "" for s in f["label"]])
    grouped = f.groupby(["subject", "unit"], sort=False, dropna=False)
    table = grouped.agg(
        statistics=("text", "size"),
        years=("year", lambda y: ", ".join(str(v) for v in sorted(y.dropna().unique()))),
        example=("text", "first"),
        quote=("quote", "first"),
    ).reset_index()
    return table.sort_values("statistics", ascending=False, kind="stable").reset_index(drop=True)
