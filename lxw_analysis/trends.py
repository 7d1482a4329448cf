"""Tidy tables for analysis: a facts table in, a new DataFrame out, never changing the input."""

from __future__ import annotations

import pandas as pd


def facts_per_section(facts: pd.DataFrame) -> pd.DataFrame:
    """How many statistics each section of each report holds, in report order."""
    order = facts.drop_duplicates(["year", "section"])[["year", "section"]]
    counts = facts.groupby(["year", "section"], sort=False, dropna=False).size().rename("statistics")
    return order.join(counts, on=["year", "section"]).reset_index(drop=True)


def describe_overview(facts: pd.DataFrame) -> str:
    """How many statistics, from how many reports, years and sections."""
    years = ", ".join(str(y) for y in sorted(facts["year"].dropna().unique()))
    return (
        f"{len(facts)} statistics found in {facts['source'].nunique()} report(s) ({years}), "
        f"across {facts['section'].nunique()} sections."
    )


def trend_note(facts: pd.DataFrame) -> str:
    """Whether trends can be shown: they need at least two years of data."""
    years = sorted(facts["year"].dropna().unique())
    if len(years) < 2:
        only = years[0] if years else "no year"
        return f"Only one year of data ({only}): trends need a second year's report."
    return f"{len(years)} years of data ({years[0]}–{years[-1]}): year-over-year comparisons below."


def sources(facts: pd.DataFrame) -> pd.DataFrame:
    """The source files behind the facts, with their township, year and number of statistics."""
    return (
        facts.groupby(["source", "township", "year"], dropna=False)
        .size()
        .rename("statistics")
        .reset_index()
    )


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
