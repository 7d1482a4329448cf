"""Indicator ids: the same statistic, however a report or table words it, gets one id.

The catalogue is ``data/indicators.csv``: per id its topic, Chinese and English labels, unit,
the phrasings (labels as the extractor reads them) that map to it and, for ambiguous
phrasings, a context the fact's clause must match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .reference import load_table

_QUOTES = str.maketrans("", "", "“”\"「」『』《》‘’' ")


@dataclass(frozen=True)
class Indicator:
    id: str
    topic: str
    label_zh: str
    label_en: str
    unit: str
    phrasings: tuple[str, ...]
    context: re.Pattern | None
    band: bool
    adds_up: bool

    def matches(self, label: str) -> int:
        """How well ``label`` matches a phrasing: its length (longer is more specific), 0 for no match."""
        best = 0
        for phrasing in self.phrasings:
            if phrasing.endswith("*"):
                if label.startswith(phrasing[:-1]):
                    best = max(best, len(phrasing) - 1)
            elif label == phrasing:
                best = max(best, len(phrasing) + 100)  # an exact phrasing beats any prefix
        return best


@lru_cache(maxsize=1)
def catalogue() -> tuple[Indicator, ...]:
    """Every indicator of the catalogue, in file order."""
    return tuple(
        Indicator(
            id=row["id"],
            topic=row["topic"],
            label_zh=row["label_zh"],
            label_en=row["label_en"],
            unit=row["unit"],
            phrasings=tuple(p for p in row["phrasings"].split("|") if p),
            context=re.compile(row["context"]) if row["context"] else None,
            band=row["band"] == "yes",
            adds_up=row["adds_up"] == "yes",
        )
        for row in load_table("indicators.csv")
    )


def indicator_table() -> pd.DataFrame:
    """The catalogue as a table (id, topic, label_zh, label_en, unit), for notebooks and reports."""
    return pd.DataFrame(
        [(i.id, i.topic, i.label_zh, i.label_en, i.unit) for i in catalogue()],
        columns=["id", "topic", "label_zh", "label_en", "unit"],
    )


@lru_cache(maxsize=4096)
def _candidates(label: str, unit: str, band: bool) -> tuple[tuple[int, Indicator], ...]:
    label = label.translate(_QUOTES)
    scored = [(i.matches(label), i) for i in catalogue() if i.unit == unit and i.band == band]
    return tuple(sorted(((s, i) for s, i in scored if s), key=lambda si: -si[0]))


def match_indicator(label: str, unit: str, context: str = "", *, band: bool = False) -> str | None:
    """The indicator id for a fact's label and unit, or None when the catalogue has none.

    ``context`` is the clause the fact stands in; ``band`` marks counts inside income brackets.

    >>> match_indicator("党委理论学习中心组学习", "次")
    'party_committee_study_sessions'
    >>> match_indicator("村干部", "人", "4名村干部纳入2025年村干部学历提升学习计划")
    'cadres_planned_for_degree_programme'
    >>> match_indicator("村", "个", band=True)
    'collective_income_band_villages'
    >>> match_indicator("党委理论学习", "人") is None
    True
    """
    if not isinstance(label, str) or not label:
        return None
    candidates = _candidates(label, unit, band)
    with_context = [i for _, i in candidates if i.context is not None and i.context.search(context or "")]
    if with_context:
        return with_context[0].id
    plain = [i for _, i in candidates if i.context is None]
    return plain[0].id if plain else None


def assign_indicators(facts: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``facts`` with ``indicator`` filled from label and unit where it is missing."""
    out = facts.copy()
    missing = out["indicator"].isna()
    band = out["band_low"].notna() | out["band_high"].notna()
    out.loc[missing, "indicator"] = [
        match_indicator(label, unit, quote, band=b)
        for label, unit, quote, b in zip(
            out.loc[missing, "label"], out.loc[missing, "unit"], out.loc[missing, "quote"], band[missing]
        )
    ]
    return out


def additive_ids() -> set[str]:
    """Indicators whose facts in one year add up rather than restate one value."""
    return {i.id for i in catalogue() if i.adds_up}
