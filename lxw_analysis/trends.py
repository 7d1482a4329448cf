"""Tidy tables for analysis: a facts table in, a new DataFrame out, never changing the input."""

from __future__ import annotations

import difflib

import pandas as pd

from .errors import LxwError
from .formats import number, signed

__all__ = [
    "checked_ids",
    "trend_note",
    "KEYS",
    "with_keys",
    "indicator_by_year",
    "yoy",
    "change_text",
    "with_labels",
    "topic",
    "training_coverage",
    "ratio",
    "years_of",
    "describe_changes",
    "describe_ratio",
    "dispute_resolution",
    "investments_by_village",
]


def _closest(asked: str, known, what: str, listing: str) -> LxwError:
    """The error for an id or name nobody knows, naming the closest ones that exist."""
    known = sorted({str(k) for k in known})
    near = difflib.get_close_matches(asked, known, n=3, cutoff=0.6) or difflib.get_close_matches(
        asked, known, n=3, cutoff=0.3)
    hint = f"the closest known: {', '.join(near)}" if near else "no known one is close"
    return LxwError(f"unknown {what} {asked!r}; {hint} ({listing} lists them all).")


def checked_ids(indicators, facts: pd.DataFrame | None = None) -> list[str]:
    """``indicators`` (one id, or several) as a list, each an id the catalogue knows, one the
    ``facts`` state, or an ``unlisted:`` key (``with_keys``); an unknown one raises ``LxwError``
    naming the closest known ids. Every function here taking indicator ids checks them so.

    >>> checked_ids("disputes_found"), checked_ids(["disputes_found", "unlisted:议事/次"])
    (['disputes_found'], ['disputes_found', 'unlisted:议事/次'])
    >>> checked_ids(["disputes_resolve"])
    Traceback (most recent call last):
    ...
    lxw_analysis.errors.LxwError: unknown indicator id 'disputes_resolve'; the closest known: disputes_resolved, dispute_resolution_rate, letters_resolved (lxw.indicators() lists them all).
    """
    from .indicators import known_ids

    ids = [indicators] if isinstance(indicators, str) else list(indicators)
    known = set(known_ids())
    if facts is not None and "indicator" in facts:
        known |= set(facts["indicator"].dropna())
    for i in ids:
        if not isinstance(i, str) or not (i in known or i.startswith("unlisted:")):
            raise _closest(str(i), known, "indicator id", "lxw.indicators()")
    return ids


def trend_note(facts: pd.DataFrame) -> str:
    """Whether trends can be shown: they need at least two years of data.

    >>> from lxw_analysis import extract_facts
    >>> trend_note(extract_facts("开展学习12次", year=2024))
    "Only one year of data (2024): trends need a second year's report."
    >>> trend_note(pd.concat([extract_facts("开展学习9次", year=2023), extract_facts("开展学习12次", year=2024)]))
    '2 years of data (2023–2024): year-over-year comparisons below.'
    """
    years = sorted(facts["year"].dropna().unique())
    if len(years) < 2:
        only = years[0] if years else "no year"
        return f"Only one year of data ({only}): trends need a second year's report."
    return f"{len(years)} years of data ({years[0]}–{years[-1]}): year-over-year comparisons below."


KEYS = ["township", "indicator", "village"]


def with_keys(facts: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``facts`` whose ``indicator`` is filled, where the catalogue has no id, with a
    key made of the statistic's subject and unit (``unlisted:党员大会/次``, see
    ``indicators.key_of``), so an uncatalogued statistic of a township pairs across its years.

    >>> from lxw_analysis import extract_facts
    >>> with_keys(extract_facts("开展“四议两公开”议事12次"))["indicator"].tolist()
    ['unlisted:四议两公开议事/次']
    """
    from .indicators import key_of

    out = facts.copy()
    missing = out["indicator"].isna()
    out.loc[missing, "indicator"] = [key_of(lab, unit) for lab, unit in zip(out.loc[missing, "label"], out.loc[missing, "unit"])]
    return out


def _joined(values) -> str:
    """Distinct texts in order, joined (the quotes or sources of figures summed in a year)."""
    return " / ".join(dict.fromkeys(v for v in values if isinstance(v, str) and v))


def indicator_by_year(facts: pd.DataFrame, indicators=None, *, unlisted: bool = False) -> pd.DataFrame:
    """One value per township, indicator, village (NA: the whole township) and year, with the
    ``text``, ``quote`` and ``source`` it was read from.

    Bracket counts are left out (see ``bands``). When a year states an indicator several
    times, the values of indicators that add up (investments) are summed (their texts, quotes
    and sources listed); for the others the first statement is kept (validation reports when
    they differ). With ``unlisted``, the statistics the catalogue has no id for are kept too,
    under their ``with_keys`` key. ``indicators`` (one id or several) keeps those; an id
    nobody knows raises ``LxwError`` naming the closest (``checked_ids``).

    >>> from lxw_analysis import extract_facts
    >>> f = extract_facts("2024年,在曲卜藏村投资35万元安装路灯,在尕让村投资10至20万元修建道路。", township="拉西瓦镇")
    >>> indicator_by_year(f, "project_investment")[["village", "value", "upper", "text"]].values.tolist()
    [['尕让村', 100000.0, 200000.0, '10至20万元'], ['曲卜藏村', 350000.0, nan, '35万元']]
    """
    from .indicators import additive_ids

    f = with_keys(facts) if unlisted else facts
    f = f[f["indicator"].notna() & f["band_low"].isna() & f["band_high"].isna()]
    if indicators is not None:
        f = f[f["indicator"].isin(checked_ids(indicators, with_keys(facts)))]
    adds_up = f["indicator"].isin(additive_ids())
    summed = f[adds_up].groupby([*KEYS, "year"], dropna=False, sort=False).agg(
        value=("value", "sum"), upper=("upper", "sum"), unit=("unit", "first"), qualifier=("qualifier", "first"),
        text=("text", lambda t: " + ".join(v for v in t if isinstance(v, str))), quote=("quote", _joined),
        source=("source", _joined),
    )
    summed["upper"] = summed["upper"].where(summed["upper"] > 0)
    first = f[~adds_up].groupby([*KEYS, "year"], dropna=False, sort=False).agg(
        value=("value", "first"), upper=("upper", "first"), unit=("unit", "first"), qualifier=("qualifier", "first"),
        text=("text", "first"), quote=("quote", "first"), source=("source", "first"),
    )
    table = pd.concat([summed, first]).reset_index()
    return table.sort_values([*KEYS, "year"], na_position="first").reset_index(drop=True)


def yoy(facts: pd.DataFrame, indicators=None, *, unlisted: bool = True) -> pd.DataFrame:
    """Year-over-year change of each indicator: absolute, percent, and percentage points for rates.

    Each row compares a year with ``base_year``, the last earlier year that states the same
    indicator (for the same township and village); the first year has no change. When the
    base is not the year before, ``years_between`` names the years in between that state no
    figure, and ``change_text`` (the change as a reader reads it, base year named) says so.
    Statistics the catalogue has no id for pair by their subject and unit (``indicator`` is
    then ``unlisted:…``, see ``with_keys``) unless ``unlisted`` is False. ``indicators``
    (one id or several) keeps those; an unknown id raises ``LxwError`` (``checked_ids``).

    >>> from lxw_analysis import extract_facts
    >>> f = pd.concat([extract_facts("2023年,某某镇轮训率达90%,党员轮训2期。"), extract_facts("2024年,某某镇轮训率达96%,党员轮训3期。")])
    >>> yoy(f)[["indicator", "year", "value", "change", "pct_change", "pp_change"]].values.tolist()
    [['party_member_rotation_training_rate', 2023, 90.0, nan, nan, nan], ['party_member_rotation_training_rate', 2024, 96.0, 6.0, nan, 6.0], ['party_member_rotation_training_rounds', 2023, 2.0, nan, nan, nan], ['party_member_rotation_training_rounds', 2024, 3.0, 1.0, 50.0, nan]]
    >>> f = pd.concat([extract_facts("2021年,某某镇党员轮训2期。"), extract_facts("2024年,某某镇党员轮训5期。")])
    >>> yoy(f)["change_text"].tolist()
    ['', '+3 (+150%) on 2021 (2 期; no figure for 2022–2023)']
    """
    table = indicator_by_year(facts, indicators, unlisted=unlisted)
    grouped = table.groupby(KEYS, dropna=False, sort=False)
    table["previous_year"] = grouped["year"].shift(1)
    table["base_year"] = table["previous_year"].astype("Int64")
    table["previous"] = grouped["value"].shift(1).astype("float64")
    table["change"] = table["value"] - table["previous"]
    is_rate = table["unit"].eq("%").fillna(False).astype(bool)
    pct = (table["change"] / table["previous"] * 100).where(table["previous"].ne(0))
    table["pct_change"] = pct.where(~is_rate).astype("float64")
    table["pp_change"] = table["change"].where(is_rate).astype("float64")
    table["years_between"] = [_between(b, y) for b, y in zip(table["base_year"], table["year"])]
    table["change_text"] = [change_text(row) for row in table.to_dict("records")]
    return table


def _between(base, year) -> str:
    """The years strictly between ``base`` and ``year`` ('' when they are next to each other)."""
    if pd.isna(base) or pd.isna(year) or int(year) - int(base) < 2:
        return ""
    first, last = int(base) + 1, int(year) - 1
    return str(first) if first == last else f"{first}–{last}"


def change_text(row) -> str:
    """A change as a reader reads it, naming the base year and any years between without a figure.

    >>> change_text({"change": 8.0, "pp_change": 8.0, "pct_change": float("nan"), "unit": "%", "previous": 92.0,
    ...              "base_year": 2023, "years_between": ""})
    '+8 pp on 2023 (92%)'
    >>> change_text({"change": -3.0, "pp_change": float("nan"), "pct_change": -25.0, "unit": "起", "previous": 12.0,
    ...              "base_year": 2021, "years_between": "2022–2023"})
    '-3 (-25%) on 2021 (12 起; no figure for 2022–2023)'
    """
    if pd.isna(row.get("change")) or pd.isna(row.get("base_year")):
        return ""
    if row.get("unit") == "%":
        step, base = f"{signed(row['change'], decimals=1)} pp", number(row["previous"], decimals=1, percent=True)
    else:
        pct = row.get("pct_change")
        step = signed(row["change"], decimals=2) + ("" if pd.isna(pct) else f" ({signed(pct, decimals=1, percent=True)})")
        base = f"{number(row['previous'], decimals=2)} {row.get('unit') or ''}".strip()
    gap = f"; no figure for {row['years_between']}" if row.get("years_between") else ""
    return f"{step} on {int(row['base_year'])} ({base}{gap})"


def with_labels(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with the catalogue's Chinese and English labels of its indicators, in catalogue order.

    >>> with_labels(pd.DataFrame({"indicator": ["disputes_found"], "year": [2024]}))[["label_zh", "label_en"]].values.tolist()
    [['排查矛盾纠纷', 'Disputes identified']]
    """
    from .indicators import indicator_table

    labels = indicator_table()[["id", "topic", "label_zh", "label_en"]].rename(columns={"id": "indicator"})
    labels["order"] = range(len(labels))
    out = table.merge(labels, on="indicator", how="left")
    return out.sort_values(["order", "year"], kind="stable").drop(columns="order").reset_index(drop=True)


def topic(facts: pd.DataFrame, *names: str) -> pd.DataFrame:
    """Year-over-year table of every indicator of some catalogue topics (training, governance …),
    labelled. A topic the catalogue does not have raises ``LxwError`` naming the closest.

    >>> from lxw_analysis import extract_facts
    >>> f = pd.concat([extract_facts("排查矛盾纠纷20起。", year=2023), extract_facts("排查矛盾纠纷25起。", year=2024)])
    >>> topic(f, "governance")[["label_zh", "year", "value", "change"]].values.tolist()
    [['排查矛盾纠纷', 2023, 20.0, nan], ['排查矛盾纠纷', 2024, 25.0, 5.0]]
    """
    from .indicators import indicator_table

    catalogue = indicator_table()
    for name in names:
        if name not in set(catalogue["topic"]):
            raise _closest(name, catalogue["topic"], "indicator topic", "lxw.indicators()'s topic column")
    ids = catalogue[catalogue["topic"].isin(names)]["id"]
    return with_labels(yoy(facts, ids))


def training_coverage(facts: pd.DataFrame) -> pd.DataFrame:
    """Training coverage by year: rotation-training coverage and rounds, reserve cadres, cadres
    sent to training, graduate shares; changes in percentage points for the rates.

    >>> from lxw_analysis import extract_facts
    >>> f = pd.concat([extract_facts("党员轮训率达90%。", year=2023), extract_facts("党员轮训率达96%。", year=2024)])
    >>> training_coverage(f)[["label_en", "year", "value", "pp_change"]].values.tolist()
    [['Party member rotation training coverage', 2023, 90.0, nan], ['Party member rotation training coverage', 2024, 96.0, 6.0]]
    """
    return topic(facts, "training")


def ratio(facts: pd.DataFrame, numerator: str, denominator: str) -> pd.DataFrame:
    """A derived rate (%) of two township-level indicators, per township and year. An id
    nobody knows raises ``LxwError`` naming the closest known ids (``checked_ids``).

    >>> from lxw_analysis import extract_facts
    >>> ratio(extract_facts("2024年,某某镇排查各类矛盾纠纷28起,化解27起。"), "disputes_resolved", "disputes_found")[["year", "rate"]].round(1).values.tolist()
    [[2024, 96.4]]
    """
    table = indicator_by_year(facts, checked_ids([numerator, denominator], facts))
    table = table[table["village"].isna()]
    wide = table.pivot_table(index=["township", "year"], columns="indicator", values="value", aggfunc="first")
    wide = wide.reindex(columns=[numerator, denominator]).reset_index()
    wide.columns.name = None
    wide["rate"] = (wide[numerator] / wide[denominator] * 100).where(wide[denominator] > 0)
    return wide


def years_of(facts: pd.DataFrame) -> list[int]:
    """The years the facts cover, ascending.

    >>> years_of(pd.DataFrame({"year": pd.array([2024, None, 2023, 2024], dtype="Int64")}))
    [2023, 2024]
    """
    return sorted(int(y) for y in facts["year"].dropna().unique())


def describe_changes(table: pd.DataFrame) -> str:
    """One sentence per indicator: its latest value and the change on the year it is compared
    with, saying when years in between state no figure.

    >>> t = pd.DataFrame({"label_zh": ["轮训率", "轮训率"], "year": [2023, 2024], "value": [92.0, 100.0],
    ...                   "unit": ["%", "%"], "change": [float("nan"), 8.0], "pp_change": [float("nan"), 8.0],
    ...                   "previous_year": [float("nan"), 2023.0], "village": [pd.NA, pd.NA]})
    >>> describe_changes(t)
    '轮训率: 100% in 2024 (+8 percentage points on 2023).'
    >>> describe_changes(t.assign(year=[2021, 2024], previous_year=[float("nan"), 2021.0]))
    '轮训率: 100% in 2024 (+8 percentage points on 2021; no figure for 2022–2023).'
    """
    sentences = []
    for label, rows in table[table["village"].isna()].groupby("label_zh", sort=False):
        last = rows.sort_values("year").iloc[-1]
        unit = "%" if last["unit"] == "%" else f" {last['unit']}"
        sentence = f"{label}: {number(last['value'], decimals=2)}{unit} in {last['year']}"
        if not pd.isna(last["change"]):
            if last["unit"] == "%":
                step = f"{signed(last['pp_change'], decimals=1)} percentage points"
            else:
                step = signed(last["change"], decimals=2)
            gap = _between(last["previous_year"], last["year"])
            sentence += f" ({step} on {int(last['previous_year'])}" + (f"; no figure for {gap})" if gap else ")")
        sentences.append(sentence + ".")
    return " ".join(sentences)


def describe_ratio(table: pd.DataFrame, what: str) -> str:
    """One sentence per year for a derived rate from ``ratio``.

    >>> t = pd.DataFrame({"year": [2024], "rate": [96.43]})
    >>> describe_ratio(t, "disputes resolved of disputes found")
    '2024: 96.4% (disputes resolved of disputes found).'
    >>> describe_ratio(t.iloc[:0], "disputes resolved of disputes found")
    'Not stated: disputes resolved of disputes found.'
    """
    if table.empty:
        return f"Not stated: {what}."
    return " ".join(f"{year}: {rate:.1f}% ({what})." for year, rate in zip(table["year"], table["rate"]) if not pd.isna(rate))


def dispute_resolution(facts: pd.DataFrame) -> pd.DataFrame:
    """Disputes resolved of disputes found (%), per township and year (see ``ratio``).

    >>> from lxw_analysis import extract_facts
    >>> f = extract_facts("排查矛盾纠纷20起,化解18起。", year=2024, township="某某镇")
    >>> dispute_resolution(f)[["township", "year", "rate"]].values.tolist()
    [['某某镇', 2024, 90.0]]
    """
    from .indicators import DISPUTES_FOUND, DISPUTES_RESOLVED

    return ratio(facts, DISPUTES_RESOLVED, DISPUTES_FOUND)


def investments_by_village(facts: pd.DataFrame) -> pd.DataFrame:
    """Project investment per village and year (yuan, and 万元 in ``wan``; a range's upper end
    in ``upper`` and ``wan_upper``), with the texts, quotes and sources summed; ``place`` names
    the village, or the whole township when the report names none.

    >>> from lxw_analysis import extract_facts
    >>> f = extract_facts("2024年,在曲卜藏村投资35万元安装路灯,在尕让村投资10至20万元修建道路。", township="拉西瓦镇")
    >>> investments_by_village(f)[["place", "wan", "wan_upper"]].values.tolist()
    [['尕让村', 10.0, 20.0], ['曲卜藏村', 35.0, nan]]
    """
    return indicator_by_year(facts, ["project_investment"]).assign(
        place=lambda t: t["village"].fillna("全镇/未指明"), wan=lambda t: t["value"] / 1e4,
        wan_upper=lambda t: t["upper"] / 1e4,
    )
