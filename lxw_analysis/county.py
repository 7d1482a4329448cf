"""A county's view: every township and year of a project side by side.

Each table keeps the ``quote`` and ``source`` of the statements behind its numbers, so a
county reader can check every figure against the sentence (or cell) it comes from.
"""

from __future__ import annotations

import pandas as pd

from . import bands, trends
from .formats import number, wan
from .indicators import BAND_VILLAGES, DISPUTES_FOUND, DISPUTES_RESOLVED, VILLAGE_COUNT, indicator_table

__all__ = [
    "HEADLINE",
    "TRAINING_RATES",
    "DISPUTE_RATE",
    "LOW_INCOME",
    "MARKS",
    "townships_by_year",
    "townships_of",
    "start",
    "describe_project",
    "compare_townships",
    "describe_comparison",
    "headline_by_year",
    "income_thresholds_by_township",
    "rates_side_by_side",
    "coverage",
    "describe_coverage",
]

#: The headline indicators a county compares its townships on, in the order pages show them.
HEADLINE = [
    "party_committee_study_sessions",
    "party_member_rotation_training_rounds",
    "party_member_rotation_training_rate",
    "training_coverage_rate",
    "reserve_cadres_trained",
    "village_secretary_graduate_share",
    "disputes_found",
    "disputes_resolved",
    "village_count",
]

#: Training coverage rates set side by side (percent, changes in percentage points).
TRAINING_RATES = ["party_member_rotation_training_rate", "training_coverage_rate"]

#: A resolution rate a report states itself, used where it gives no counts to divide.
DISPUTE_RATE = "dispute_resolution_rate"

#: Villages with weak or no collective income, as reports count them: column → indicator ids
#: (the first one a year states is used).
LOW_INCOME = {"weak": ["weak_villages"], "no_income": ["shell_villages", "zero_income_villages"]}

#: How ``coverage`` marks a township's year: the indicator stated, not stated, or no data at all.
MARKS = {"stated": "✓", "not_stated": "—", "no_data": "no data"}

_KEY = ["township", "indicator", "year"]


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


def townships_of(facts: pd.DataFrame) -> list[str]:
    """The townships the facts are about, in the order they first appear.

    >>> townships_of(pd.DataFrame({"township": ["乙乡", "甲镇", "乙乡", None]}))
    ['乙乡', '甲镇']
    """
    return list(dict.fromkeys(facts["township"].dropna()))


def start(townships=None, years=None, data_dir=None, banner: str | None = None):
    """What the county notebook does first: load the processed facts of ``townships`` (None:
    every township in the data; else names or folder slugs, one or a list) and ``years`` (a
    year or a list), show the ``banner`` if any, and return the facts and the townships'
    names. A township the data do not hold raises ``LxwError`` naming those they do.

    >>> import tempfile
    >>> from lxw_analysis import extract_facts
    >>> from lxw_analysis.facts import write_facts
    >>> folder = (scratch := tempfile.TemporaryDirectory()).name
    >>> _ = write_facts(pd.concat([extract_facts("开展学习12次", year=2024, township="拉西瓦镇"),
    ...                            extract_facts("开展学习9次", year=2024, township="新寨乡")]), folder)
    >>> facts, names = start(["laxiwa"], 2024, folder)
    >>> names, facts["value"].tolist()
    (['拉西瓦镇'], [12.0])
    """
    from IPython.display import display

    from . import present
    from .facts import load_facts
    from .identity import township_among

    facts = load_facts(data_dir, years=years)
    if townships is not None:
        held = facts["township"].dropna().unique()
        asked = [townships] if isinstance(townships, str) else list(townships)
        chosen = [township_among(t, held) for t in asked]
        facts = facts[facts["township"].isin(chosen)].reset_index(drop=True)
    if banner:
        display(present.banner(banner))
    return facts, townships_of(facts)


def describe_project(facts: pd.DataFrame) -> str:
    """Which townships and years the project holds, and whether they can be compared.

    >>> f = pd.DataFrame({"township": ["甲镇", "甲镇"], "year": [2023, 2024]})
    >>> describe_project(f)
    'The data hold one township, 甲镇 (2023–2024): the county comparison needs a second township. Put its reports in data/raw/<township>/ and build again.'
    >>> describe_project(pd.concat([f, pd.DataFrame({"township": ["乙乡"], "year": [2024]})]))
    '2 townships: 甲镇 (2023–2024), 乙乡 (2024). The tables below set them side by side.'
    """
    names = townships_of(facts)
    spans = []
    for name in names:
        years = trends.years_of(facts[facts["township"] == name])
        spans.append(f"{name} ({years[0]}–{years[-1]})" if len(years) > 1 else f"{name} ({years[0]})")
    if not names:
        return "The data hold no township's statistics: the county comparison needs two townships."
    if len(names) == 1:
        return (
            f"The data hold one township, {spans[0]}: the county comparison needs a second township. "
            "Put its reports in data/raw/<township>/ and build again."
        )
    return f"{len(names)} townships: {', '.join(spans)}. The tables below set them side by side."


def _joined(values) -> str:
    """Distinct texts in order, joined: the quotes (or sources) behind one number."""
    return " / ".join(dict.fromkeys(v for v in values if isinstance(v, str) and v))


def _traced(facts: pd.DataFrame, ids, *, by=tuple(_KEY), bands_too: bool = False) -> pd.DataFrame:
    """The quotes and sources of the statements of ``ids`` (whole townships, not one village;
    brackets only with ``bands_too``), one row per ``by`` (township, indicator and year)."""
    f = facts[facts["indicator"].isin(list(ids)) & facts["village"].isna() & facts["year"].notna()]
    if not bands_too:
        f = f[f["band_low"].isna() & f["band_high"].isna()]
    traced = f.groupby(list(by), sort=False).agg(quote=("quote", _joined), source=("source", _joined)).reset_index()
    return traced.astype({"year": "int64"})


def _township_level(facts: pd.DataFrame, ids) -> pd.DataFrame:
    """``trends.yoy`` of ``ids`` for whole townships (catalogue ids only), with labels, the base
    year of each change, and the quotes and sources behind each value."""
    table = trends.yoy(facts, ids, unlisted=False)
    table = table[table["village"].isna()].astype({"year": "int64"})
    table = table.assign(base_year=table["previous_year"].astype("Int64"), base_value=table["previous"])
    ours = ["village", "previous", "previous_year", "quote", "source"]
    table = trends.with_labels(table.drop(columns=[c for c in ours if c in table]))
    return table.merge(_traced(facts, ids), on=_KEY, how="left")


def compare_townships(facts: pd.DataFrame, indicators=None, *, year: int | None = None) -> pd.DataFrame:
    """The townships side by side on each indicator: one row per indicator and township.

    Each indicator is compared in ``year``, by default the latest year any township states it:
    the township's value that year, the change from the last earlier year it stated the
    indicator (``base_year`` names that year, ``base_value`` gives its value), and its ``rank`` among the ``of`` townships stating it
    that year (1 is the largest value; ties share a rank). A township that states the
    indicator in other years only keeps a row with no value, and ``last_year`` says when
    it did, so the gap shows. ``indicators`` defaults to every catalogue indicator at least
    two townships state (whole townships, not villages or brackets); an id nobody knows
    raises ``LxwError`` naming the closest known ids (``trends.checked_ids``).

    >>> from lxw_analysis import extract_facts
    >>> f = pd.concat([extract_facts("轮训率达90%。", year=2023, township="甲镇"),
    ...                extract_facts("轮训率达96%。", year=2024, township="甲镇"),
    ...                extract_facts("轮训率达98%。", year=2024, township="乙乡")])
    >>> compare_townships(f)[["township", "year", "value", "base_year", "pp_change", "rank", "of"]].values.tolist()
    [['乙乡', 2024, 98.0, <NA>, nan, 1, 2], ['甲镇', 2024, 96.0, 2023, 6.0, 2, 2]]
    """
    ids = trends.checked_ids(indicators, facts) if indicators is not None else indicator_table()["id"].tolist()
    table = _township_level(facts, ids)
    if indicators is None:
        reported_by = table.groupby("indicator")["township"].nunique()
        table = table[table["indicator"].isin(reported_by[reported_by >= 2].index)]
    if table.empty:
        return _comparison_columns(table.assign(rank=pd.Series(dtype="Int64"), of=0, last_year=0))
    rows = []
    for _, stated in table.groupby("indicator", sort=False):
        when = year if year is not None else int(stated["year"].max())
        here = stated[stated["year"] == when]
        last = stated.groupby("township")["year"].max()
        missing = [t for t in dict.fromkeys(stated["township"]) if t not in set(here["township"])]
        gaps = pd.DataFrame({"township": missing, "indicator": stated["indicator"].iloc[0], "year": when})
        for column in ("topic", "label_zh", "label_en", "unit"):
            gaps[column] = stated[column].iloc[0]
        block = pd.concat([here, gaps], ignore_index=True)
        block["rank"] = block["value"].rank(ascending=False, method="min").astype("Int64")
        block["of"] = int(block["value"].notna().sum())
        block["last_year"] = block["township"].map(last).astype("int64")
        rows.append(block.sort_values(["rank", "township"], na_position="last"))
    return _comparison_columns(pd.concat(rows, ignore_index=True))


def _comparison_columns(table: pd.DataFrame) -> pd.DataFrame:
    columns = [
        "indicator", "label_zh", "label_en", "township", "year", "value", "upper", "unit", "qualifier", "base_year",
        "base_value", "change", "pct_change", "pp_change", "rank", "of", "last_year", "quote", "source",
    ]
    return table.reindex(columns=columns).reset_index(drop=True)


def _amount(value, unit) -> str:
    return f"{number(value, decimals=1)}%" if unit == "%" else f"{number(value, decimals=1)} {unit}"


def describe_comparison(table: pd.DataFrame, indicators=None) -> str:
    """One sentence per indicator of a ``compare_townships`` table (those in ``indicators``,
    by default all): the townships from the largest value down, and who did not state it.
    An indicator neither the table nor the catalogue holds raises ``LxwError``.

    >>> t = pd.DataFrame({"indicator": ["r", "r", "r"], "label_zh": ["轮训率"] * 3, "township": ["乙乡", "甲镇", "丙镇"],
    ...                   "year": [2024] * 3, "value": [98.0, 96.0, float("nan")], "unit": ["%"] * 3,
    ...                   "rank": pd.array([1, 2, None], dtype="Int64"), "last_year": [2024, 2024, 2023]})
    >>> describe_comparison(t)
    '轮训率 in 2024: 乙乡 98%, 甲镇 96%; 丙镇 last stated it in 2023.'
    """
    if indicators is not None:
        table = table[table["indicator"].isin(trends.checked_ids(indicators, table))]
    sentences = []
    for _, rows in table.groupby("indicator", sort=False):
        stated = rows[rows["value"].notna()].sort_values("rank")
        gaps = rows[rows["value"].isna()]
        first = rows.iloc[0]
        sentence = f"{first['label_zh']} in {first['year']}: " + ", ".join(
            f"{t} {_amount(v, u)}" for t, v, u in zip(stated["township"], stated["value"], stated["unit"])
        )
        if len(gaps):
            sentence += "; " + ", ".join(f"{t} last stated it in {y}" for t, y in zip(gaps["township"], gaps["last_year"]))
        sentences.append(sentence + ".")
    return " ".join(sentences)


def headline_by_year(facts: pd.DataFrame, indicators=None) -> pd.DataFrame:
    """Every township's value of each headline indicator (``HEADLINE`` unless ``indicators``)
    in each year it states it, with the change from its previous year (``base_year``) and
    the quote and source, for the small-multiples charts and the table under them. An id
    nobody knows raises ``LxwError`` naming the closest known ids.

    >>> from lxw_analysis import extract_facts
    >>> f = pd.concat([extract_facts("党员轮训2期。", year=2023, township="甲镇"),
    ...                extract_facts("党员轮训3期。", year=2024, township="甲镇")])
    >>> headline_by_year(f)[["township", "label_zh", "year", "value", "base_year", "change"]].values.tolist()
    [['甲镇', '党员轮训期数', 2023, 2.0, <NA>, nan], ['甲镇', '党员轮训期数', 2024, 3.0, 2023, 1.0]]
    """
    ids = trends.checked_ids(indicators, facts) if indicators is not None else HEADLINE
    table = _township_level(facts, ids)
    order = {i: n for n, i in enumerate(ids)}
    table = table.assign(order=table["indicator"].map(order)).sort_values(["order", "township", "year"], kind="stable")
    return table.drop(columns="order").reset_index(drop=True)


def _first_count(facts: pd.DataFrame, ids) -> pd.DataFrame:
    """The first count of any of ``ids`` each township states in a year (whole township)."""
    f = facts[facts["indicator"].isin(list(ids)) & facts["village"].isna()]
    order = {i: n for n, i in enumerate(ids)}
    f = f.assign(order=f["indicator"].map(order)).sort_values("order", kind="stable")
    first = f.groupby(["township", "year"], sort=False)["value"].first()
    return first.reset_index().astype({"year": "int64"})


def income_thresholds_by_township(facts: pd.DataFrame, thresholds=bands.HEADLINE_THRESHOLDS) -> pd.DataFrame:
    """Villages at or above each collective-income threshold (10万 and 50万 by default), per
    township and year, and their share, by the rule of report 02 (``bands.villages_at_or_above``:
    no figure when a year's brackets straddle the threshold; the share of the villages the
    report states, else of the brackets' sum), with the villages of weak (``weak``) and of no
    (``no_income``) collective income where the report counts them.

    Columns ``villages_<threshold>`` and ``share_<threshold>`` name each threshold as reports
    write it (``villages_10万``); where brackets leave villages out, ``…_upper`` columns hold
    the other end of the range. ``quote`` and ``source`` are those of every statement used.

    >>> from lxw_analysis import extract_facts
    >>> f = extract_facts("2024年,某某镇全镇辖10个行政村,10万至30万元的村6个、30万元以上的村4个。", township="甲镇")
    >>> income_thresholds_by_township(f)[["township", "villages", "villages_10万", "share_10万", "villages_50万"]].values.tolist()
    [['甲镇', 10.0, 10.0, 100.0, nan]]
    """
    levels = bands.villages_at_or_above(facts, list(thresholds))
    out = levels.drop_duplicates(["township", "year"])[["township", "year", "total"]].rename(columns={"total": "villages"})
    for threshold in thresholds:
        at = levels[levels["threshold"] == float(threshold)].set_index(["township", "year"])
        for measure in ("villages", "share"):
            # a range where the brackets leave villages out: <measure>_upper is its other end
            for column in (measure, f"{measure}_upper"):
                if column in at:
                    named = column.replace(measure, f"{measure}_{wan(threshold)}", 1)
                    out = out.join(at[column].rename(named), on=["township", "year"])
    for column, ids in LOW_INCOME.items():
        out = out.merge(_first_count(facts, ids).rename(columns={"value": column}), on=["township", "year"], how="outer")
    ids = [BAND_VILLAGES, VILLAGE_COUNT, *(i for ids in LOW_INCOME.values() for i in ids)]
    out = out.merge(_traced(facts, ids, by=("township", "year"), bands_too=True), on=["township", "year"], how="left")
    return out.sort_values(["township", "year"]).reset_index(drop=True)


def rates_side_by_side(facts: pd.DataFrame) -> pd.DataFrame:
    """Training coverage (``TRAINING_RATES``) and dispute resolution rates of every township
    and year, in percent, with the change in percentage points from the township's previous
    year that states the rate (``base_year``).

    The dispute resolution rate is disputes resolved of disputes found where a report gives
    both counts (``how``: ``resolved / found``), else the rate a report states (``stated``).
    Rows are ordered by rate and year, so the townships of one year stand together.

    >>> from lxw_analysis import extract_facts
    >>> f = pd.concat([extract_facts("排查矛盾纠纷20起,化解18起。", year=2023, township="甲镇"),
    ...                extract_facts("排查矛盾纠纷25起,化解25起。", year=2024, township="甲镇"),
    ...                extract_facts("轮训率达96%。", year=2024, township="乙乡")])
    >>> rates_side_by_side(f)[["measure", "township", "year", "rate", "base_year", "pp_change", "how"]].values.tolist()
    [['party_member_rotation_training_rate', '乙乡', 2024, 96.0, <NA>, nan, 'stated'], ['dispute_resolution', '甲镇', 2023, 90.0, <NA>, nan, 'resolved / found'], ['dispute_resolution', '甲镇', 2024, 100.0, 2023, 10.0, 'resolved / found']]
    """
    labels = indicator_table().set_index("id")[["label_zh", "label_en"]]
    stated = trends.indicator_by_year(facts, [*TRAINING_RATES, DISPUTE_RATE])
    stated = stated[stated["village"].isna() & stated["unit"].eq("%")].astype({"year": "int64"})
    stated = stated.drop(columns=[c for c in ("quote", "source") if c in stated])
    stated = stated.merge(_traced(facts, [*TRAINING_RATES, DISPUTE_RATE]), on=_KEY, how="left")
    training = stated[stated["indicator"].isin(TRAINING_RATES)].rename(columns={"indicator": "measure"})
    training = training.assign(
        rate=training["value"], how="stated",
        label_zh=training["measure"].map(labels["label_zh"]), label_en=training["measure"].map(labels["label_en"]),
    )
    derived = trends.dispute_resolution(facts).dropna(subset=["rate"]).astype({"year": "int64"})
    traced = _traced(facts, [DISPUTES_FOUND, DISPUTES_RESOLVED], by=("township", "year"))
    derived = derived.merge(traced, on=["township", "year"], how="left").assign(how="resolved / found")
    direct = stated[stated["indicator"] == DISPUTE_RATE].assign(rate=lambda t: t["value"], how="stated")
    have = set(zip(derived["township"], derived["year"]))
    direct = direct[[(t, y) not in have for t, y in zip(direct["township"], direct["year"])]]
    disputes = pd.concat([derived, direct], ignore_index=True).assign(
        measure="dispute_resolution", label_zh="矛盾纠纷化解率", label_en="Disputes resolved of disputes found"
    )
    columns = ["measure", "label_zh", "label_en", "township", "year", "rate", "how", "quote", "source"]
    table = pd.concat([training.reindex(columns=columns), disputes.reindex(columns=columns)], ignore_index=True)
    order = {m: n for n, m in enumerate([*TRAINING_RATES, "dispute_resolution"])}
    table = table.assign(order=table["measure"].map(order)).sort_values(["order", "township", "year"], kind="stable")
    grouped = table.groupby(["measure", "township"], sort=False)
    table["base_year"] = grouped["year"].shift(1).astype("Int64")
    table["pp_change"] = (table["rate"] - grouped["rate"].shift(1)).astype("float64")
    table = table.sort_values(["order", "year", "township"], kind="stable").drop(columns="order")
    return table[[*columns[:6], "base_year", "pp_change", *columns[6:]]].reset_index(drop=True)


def coverage(facts: pd.DataFrame, indicators=None) -> pd.DataFrame:
    """Which township stated which indicator (``HEADLINE`` unless ``indicators``) in which year:
    one row per indicator and township, one column per year of the project, marked ✓ (stated),
    — (the year's files do not state it) or "no data" (no statistics of the township that
    year), so gaps show rather than hide. An id nobody knows raises ``LxwError`` naming the
    closest known ids.

    >>> from lxw_analysis import extract_facts
    >>> f = pd.concat([extract_facts("党员轮训2期。", year=2023, township="甲镇"),
    ...                extract_facts("党员轮训3期。", year=2024, township="甲镇"),
    ...                extract_facts("化解矛盾纠纷8起。", year=2024, township="乙乡")])
    >>> coverage(f, ["party_member_rotation_training_rounds"]).values.tolist()
    [['party_member_rotation_training_rounds', '党员轮训期数', '甲镇', '✓', '✓'], ['party_member_rotation_training_rounds', '党员轮训期数', '乙乡', 'no data', '—']]
    """
    ids = trends.checked_ids(indicators, facts) if indicators is not None else HEADLINE
    labels = indicator_table().set_index("id")["label_zh"]
    f = facts[facts["indicator"].isin(ids) & facts["village"].isna() & facts["band_low"].isna() & facts["band_high"].isna()]
    stated = set(zip(f["indicator"], f["township"], f["year"].astype("int64")))
    has_data = set(zip(facts["township"], facts["year"].astype("int64")))
    years = trends.years_of(facts)
    rows = []
    for indicator in ids:
        for township in townships_of(facts):
            marks = {
                str(y): MARKS["stated"] if (indicator, township, y) in stated
                else MARKS["not_stated"] if (township, y) in has_data else MARKS["no_data"]
                for y in years
            }
            rows.append({"indicator": indicator, "label_zh": labels.get(indicator, indicator), "township": township, **marks})
    return pd.DataFrame(rows, columns=["indicator", "label_zh", "township", *map(str, years)])


def describe_coverage(table: pd.DataFrame) -> str:
    """Which indicators of a ``coverage`` table every township states (in some year), which only
    some do, and which none does.

    >>> t = pd.DataFrame({"indicator": ["a", "a", "b", "b", "c", "c"], "label_zh": ["甲", "甲", "乙", "乙", "丙", "丙"],
    ...                   "township": ["X镇", "Y乡"] * 3, "2024": ["✓", "✓", "✓", "—", "—", "no data"]})
    >>> describe_coverage(t)
    'Stated by every township: 甲. Stated by some: 乙 (X镇). Stated by none: 丙.'
    """
    years = [c for c in table.columns if c not in ("indicator", "label_zh", "township")]
    every, some, none = [], [], []
    for _, rows in table.groupby("indicator", sort=False):
        stating = [t for t, (_, row) in zip(rows["township"], rows.iterrows()) if (row[years] == MARKS["stated"]).any()]
        label = rows["label_zh"].iloc[0]
        if len(stating) == len(rows):
            every.append(label)
        elif stating:
            some.append(f"{label} ({'、'.join(stating)})")
        else:
            none.append(label)
    parts = [("Stated by every township", every), ("Stated by some", some), ("Stated by none", none)]
    return " ".join(f"{name}: {', '.join(items)}." for name, items in parts if items)
