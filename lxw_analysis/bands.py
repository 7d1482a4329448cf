"""Village collective-income brackets: as reports state them, and from per-village incomes.

Reports count villages in brackets of income (其中10万至20万的村3个); tables give each
village's income. Both end as facts of the indicator ``collective_income_band_villages``
with the bracket in ``band_low``/``band_high`` (yuan), so they compare across sources.
"""

from __future__ import annotations

import math

import pandas as pd

from .facts import as_facts, fact_row
from .files import file_of
from .formats import number, wan
from .indicators import BAND_VILLAGES, VILLAGE_COUNT, VILLAGE_INCOME

__all__ = [
    "band_label",
    "band_table",
    "describe_bands",
    "brackets",
    "income_bands",
    "HEADLINE_THRESHOLDS",
    "common_thresholds",
    "villages_at_or_above",
]


def band_label(low: float, high: float) -> str:
    """A bracket as reports write it, from its bounds in yuan.

    >>> band_label(100000, 200000), band_label(500000, float("nan")), band_label(float("nan"), 50000)
    ('10万–20万', '50万以上', '5万以下')
    """
    if pd.isna(high):
        return f"{wan(low)}以上"
    if pd.isna(low):
        return f"{wan(high)}以下"
    return f"{wan(low)}–{wan(high)}"


def band_table(facts: pd.DataFrame) -> pd.DataFrame:
    """Village collective-income brackets as stated: one row per township, year and bracket.

    >>> from lxw_analysis import extract_facts
    >>> f = extract_facts("2024年,某镇其中10万至20万的村3个、50万以上的村5个。")
    >>> band_table(f)[["year", "band", "villages"]].values.tolist()
    [[2024, '10万–20万', 3.0], [2024, '50万以上', 5.0]]
    """
    is_band = facts["indicator"].isin([BAND_VILLAGES])
    bands = facts.loc[is_band, ["township", "year", "band_low", "band_high", "value", "quote", "source"]]
    bands = bands.rename(columns={"value": "villages"})
    bands.insert(2, "band", [band_label(lo, hi) for lo, hi in zip(bands["band_low"], bands["band_high"])])
    return bands.sort_values(["township", "year", "band_low"], na_position="first").reset_index(drop=True)


def describe_bands(bands: pd.DataFrame) -> str:
    """One sentence per year stating the brackets as reported.

    >>> import pandas as pd
    >>> b = pd.DataFrame({"year": [2024, 2024], "band": ["10万–20万", "50万以上"], "villages": [3.0, 5.0]})
    >>> describe_bands(b)
    '2024: 8 villages in brackets: 3 at 10万–20万, 5 at 50万以上.'
    """
    sentences = []
    for year, group in bands.groupby("year", sort=True):
        parts = ", ".join(f"{number(v)} at {b}" for b, v in zip(group["band"], group["villages"]))
        sentences.append(f"{year}: {number(group['villages'].sum())} villages in brackets: {parts}.")
    return " ".join(sentences)




def brackets(edges) -> list[tuple[float, float]]:
    """The brackets that ascending ``edges`` (yuan) cut income into: below the first, between
    each pair, and from the last up (NaN for an open end).

    >>> brackets([100000, 200000])
    [(nan, 100000.0), (100000.0, 200000.0), (200000.0, nan)]
    """
    edges = [float(e) for e in edges]
    if not edges or any(b <= a for a, b in zip(edges, edges[1:])):
        raise ValueError(f"edges must be ascending and not empty: {edges}")
    bounds = [math.nan, *edges, math.nan]
    return list(zip(bounds[:-1], bounds[1:]))


def _count_between(values: pd.Series, low: float, high: float) -> int:
    inside = pd.Series(True, index=values.index)
    if not math.isnan(low):
        inside &= values >= low
    if not math.isnan(high):
        inside &= values < high
    return int(inside.sum())


def income_bands(village_income: pd.DataFrame, edges, *, keep_empty: bool = True) -> pd.DataFrame:
    """Bracket counts from per-village incomes, as facts shaped like those read from reports.

    ``village_income`` is a facts table; its ``village_collective_income`` rows (one per
    village and year, yuan) are counted into the brackets of ``edges`` — a bracket holds
    incomes from its lower bound up to, not including, its upper bound. The result has one
    ``collective_income_band_villages`` fact per township, year and bracket.

    >>> from lxw_analysis.facts import as_facts, fact_row
    >>> rows = [fact_row(township="某镇", year=2024, village=v, indicator=VILLAGE_INCOME, label="收入", value=y,
    ...                  unit="元", qualifier="exact", source="t.csv")
    ...         for v, y in [("甲村", 150000.0), ("乙村", 120000.0), ("丙村", 600000.0)]]
    >>> income_bands(as_facts(rows), [100000, 200000, 500000])[["band_low", "band_high", "value"]].values.tolist()
    [[nan, 100000.0, 0.0], [100000.0, 200000.0, 2.0], [200000.0, 500000.0, 0.0], [500000.0, nan, 1.0]]
    """
    incomes = village_income[village_income["indicator"].isin([VILLAGE_INCOME]) & village_income["village"].notna()]
    rows = []
    for (township, year), group in incomes.groupby(["township", "year"], sort=True):
        sources = ", ".join(sorted({file_of(s) for s in group["source"].dropna()}))
        for low, high in brackets(edges):
            count = float(_count_between(group["value"], low, high))
            if count or keep_empty:
                label = band_label(low, high)
                rows.append(fact_row(
                    township=township, year=year, section="", indicator=BAND_VILLAGES, indicator_match="exact",
                    indicator_score=100.0, label="村", value=count, unit="个", qualifier="exact", band_low=low,
                    band_high=high, text=f"{label}的村{number(count)}个", quote=f"counted from {len(group)} villages' incomes",
                    source=f"derived: {sources}",
                ))
    return as_facts(rows)


#: Thresholds every bracket table is compared at, when the brackets allow it (yuan).
HEADLINE_THRESHOLDS = (100_000.0, 500_000.0)


def _villages_at_or_above(brackets: pd.DataFrame, threshold: float) -> float:
    """Villages at or above ``threshold``; NaN when a bracket straddles it (10万–20万 at 15万)."""
    count = 0.0
    for low, high, villages in zip(brackets["band_low"], brackets["band_high"], brackets["value"]):
        if not math.isnan(low) and low >= threshold:
            count += villages
        elif math.isnan(high) or high > threshold:
            return math.nan
    return count


def common_thresholds(facts: pd.DataFrame) -> list[float]:
    """Bracket edges every year of a township's reports shares (the comparable thresholds)."""
    stated = facts[facts["indicator"].isin([BAND_VILLAGES])]
    per_year = [
        {e for e in (*group["band_low"], *group["band_high"]) if not math.isnan(e)}
        for _, group in stated.groupby(["township", "year"])
    ]
    return sorted(set.intersection(*per_year)) if per_year else []


def villages_at_or_above(facts: pd.DataFrame, thresholds=None) -> pd.DataFrame:
    """Villages at or above each income threshold, per township and year, and their share.

    Bracket edges differ between years (5万–10万 one year, 10万–20万 the next); counts at a
    threshold that is an edge in every year compare across years. ``thresholds`` defaults to
    10万, 50万 and every edge all years share. A threshold a year's brackets straddle gets NA.
    The share is of the villages the report states (``village_count``), else of the brackets' sum.

    >>> from lxw_analysis import extract_facts
    >>> f = extract_facts("2024年,某某镇全镇10个村,其中10万至20万的村3个、20万至50万的村2个、50万以上的村5个。")
    >>> villages_at_or_above(f)[["threshold", "villages", "share"]].values.tolist()
    [[100000.0, 10.0, 100.0], [200000.0, 7.0, 70.0], [500000.0, 5.0, 50.0]]
    """
    stated = facts[facts["indicator"].isin([BAND_VILLAGES])]
    counts = facts[facts["indicator"].isin([VILLAGE_COUNT]) & facts["village"].isna()]
    if thresholds is None:
        thresholds = sorted(set(HEADLINE_THRESHOLDS) | set(common_thresholds(facts)))
    rows = []
    for (township, year), group in stated.groupby(["township", "year"], sort=True):
        total = counts.loc[(counts["township"] == township) & (counts["year"] == year), "value"]
        total = float(total.iloc[0]) if len(total) else float(group["value"].sum())
        for threshold in thresholds:
            villages = _villages_at_or_above(group, threshold)
            rows.append((township, int(year), float(threshold), band_label(threshold, math.nan), villages, total, villages / total * 100))
    columns = ["township", "year", "threshold", "label", "villages", "total", "share"]
    return pd.DataFrame(rows, columns=columns).astype({"year": "int64"})
