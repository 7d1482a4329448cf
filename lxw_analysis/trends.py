"""Tidy tables for analysis: a facts table in, a new DataFrame out, never changing the input."""

from __future__ import annotations

import pandas as pd


def _wan(yuan: float) -> str:
    return f"{yuan / 1e4:g}万"


def band_label(low: float, high: float) -> str:
    """A bracket as reports write it, from its bounds in yuan.

    >>> band_label(100000, 200000), band_label(500000, float("nan")), band_label(float("nan"), 50000)
    ('10万–20万', '50万以上', '5万以下')
    """
    if pd.isna(high):
        return f"{_wan(low)}以上"
    if pd.isna(low):
        return f"{_wan(high)}以下"
    return f"{_wan(low)}–{_wan(high)}"


def income_bands(facts: pd.DataFrame) -> pd.DataFrame:
    """Village collective-income brackets as reported: one row per township, year and bracket.

    Bracket counts are facts with band bounds that count villages (村, unit 个).

    >>> from lxw_analysis import extract_facts
    >>> f = extract_facts("2024年,某镇其中10万至20万的村3个、50万以上的村5个。")
    >>> income_bands(f)[["year", "band", "villages"]].values.tolist()
    [[2024, '10万–20万', 3.0], [2024, '50万以上', 5.0]]
    """
    is_band = (facts["band_low"].notna() | facts["band_high"].notna()) & facts["label"].str.endswith("村")
    bands = facts.loc[is_band, ["township", "year", "band_low", "band_high", "value", "quote", "source"]]
    bands = bands.rename(columns={"value": "villages"})
    bands.insert(2, "band", [band_label(lo, hi) for lo, hi in zip(bands["band_low"], bands["band_high"])])
    return bands.sort_values(["township", "year", "band_low"], na_position="first").reset_index(drop=True)


def facts_per_section(facts: pd.DataFrame) -> pd.DataFrame:
    """How many statistics each section of each report holds, in report order."""
    order = facts.drop_duplicates(["year", "section"])[["year", "section"]]
    counts = facts.groupby(["year", "section"], sort=False, dropna=False).size().rename("statistics")
    return order.join(counts, on=["year", "section"]).reset_index(drop=True)


def describe_bands(bands: pd.DataFrame) -> str:
    """One sentence per year stating the brackets as reported.

    >>> import pandas as pd
    >>> b = pd.DataFrame({"year": [2024, 2024], "band": ["10万–20万", "50万以上"], "villages": [3.0, 5.0]})
    >>> describe_bands(b)
    '2024: 8 villages in brackets: 3 at 10万–20万, 5 at 50万以上.'
    """
    sentences = []
    for year, group in bands.groupby("year", sort=True):
        parts = ", ".join(f"{v:g} at {b}" for b, v in zip(group["band"], group["villages"]))
        sentences.append(f"{year}: {group['villages'].sum():g} villages in brackets: {parts}.")
    return " ".join(sentences)


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
