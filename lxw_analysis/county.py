"""A county's view: every township and year of a project side by side."""

from __future__ import annotations

import pandas as pd

__all__ = ["townships_by_year"]


def townships_by_year(facts: pd.DataFrame, findings: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per township and year: how many statistics the year's files give, and how many
    quality findings concern it (the project's front page shows this grid).

    >>> f = pd.DataFrame({"township": ["甲镇", "甲镇", "乙乡"], "year": [2023, 2024, 2024]})
    >>> townships_by_year(f).values.tolist()
    [['乙乡', 2024, 1, 0], ['甲镇', 2023, 1, 0], ['甲镇', 2024, 1, 0]]
    """
    counts = facts.groupby(["township", "year"], dropna=False).size().rename("statistics").reset_index()
    if findings is None or findings.empty:
        return counts.assign(findings=0)
    found = findings.groupby(["township", "year"], dropna=False).size().rename("findings").reset_index()
    found["year"] = found["year"].astype(counts["year"].dtype)
    out = counts.merge(found, on=["township", "year"], how="left")
    return out.assign(findings=out["findings"].fillna(0).astype(int))
