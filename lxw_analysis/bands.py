"""Village collective-income brackets: as reports state them, and from per-village incomes.

Reports count villages in brackets of income (其中10万至20万的村3个); tables give each
village's income. Both end as facts of the indicator ``collective_income_band_villages``
with the bracket in ``band_low``/``band_high`` (yuan), so they compare across sources.

A share of villages needs the number of villages: the one the report states (全乡8个村),
else the number of villages in the township's per-village income table, else it is unknown
and so is every share. Brackets that do not add up to that total leave villages "not stated",
and every table and sentence here says so rather than treating the brackets as the whole.
"""

from __future__ import annotations

import math

import pandas as pd

from .facts import as_facts, fact_row
from .files import file_of
from .formats import listing, number, wan
from .indicators import BAND_VILLAGES, VILLAGE_COUNT, VILLAGE_INCOME

__all__ = [
    "NOT_STATED",
    "band_label",
    "village_totals",
    "band_table",
    "describe_bands",
    "brackets",
    "income_bands",
    "counted_brackets",
    "compare_brackets",
    "bracket_findings",
    "HEADLINE_THRESHOLDS",
    "common_thresholds",
    "villages_at_or_above",
]

#: The bracket shown for villages a year's brackets leave out.
NOT_STATED = "未说明 not stated"
#: How many villages (or cells) a quote or source names before it counts the rest.
SHOWN = 20


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


def _stated_brackets(facts: pd.DataFrame) -> pd.DataFrame:
    return facts[facts["indicator"].isin([BAND_VILLAGES]).fillna(False).astype(bool)]


def _village_incomes(facts: pd.DataFrame) -> pd.DataFrame:
    """Per-village incomes of a table (the 合计 row, which has no village, left out)."""
    keep = facts["indicator"].isin([VILLAGE_INCOME]).fillna(False).astype(bool) & facts["village"].notna()
    return facts[keep]


def _is(column: pd.Series, value) -> pd.Series:
    """Rows whose ``column`` equals ``value`` (NA matching NA: a township no file named)."""
    return column.isna() if pd.isna(value) else column.eq(value).fillna(False).astype(bool)


def _by_year(df: pd.DataFrame, sort: bool = True):
    """``(township, year), rows`` per township and known year (a township NA kept)."""
    return df[df["year"].notna()].groupby(["township", "year"], sort=sort, dropna=False)


def village_totals(facts: pd.DataFrame) -> pd.DataFrame:
    """How many villages each township has in each year, and where that number comes from.

    ``basis`` is ``stated`` (the year's report states it: 全乡8个村, 辖8个行政村), else
    ``village table`` (the villages of the township's per-village income table, in any
    year), else ``unknown`` (``total`` NA). ``quote`` and ``source`` say where it was read.

    >>> from lxw_analysis import extract_facts
    >>> f = extract_facts("2024年,某乡辖8个行政村,其中50万以上的村2个。")
    >>> village_totals(f)[["year", "total", "basis"]].values.tolist()
    [[2024, 8.0, 'stated']]
    >>> village_totals(extract_facts("2024年,某乡其中50万以上的村2个。"))[["total", "basis"]].values.tolist()
    [[nan, 'unknown']]
    """
    counts = facts[facts["indicator"].isin([VILLAGE_COUNT]).fillna(False).astype(bool) & facts["village"].isna()]
    incomes = _village_incomes(facts)
    rows = []
    keys = facts.loc[facts["year"].notna(), ["township", "year"]].drop_duplicates().sort_values(["township", "year"])
    for township, year in keys.itertuples(index=False):
        stated = counts[_is(counts["township"], township) & _is(counts["year"], year)]
        table = incomes[_is(incomes["township"], township)]
        if len(stated):
            first = stated.iloc[0]
            rows.append((township, int(year), float(first["value"]), "stated", first["quote"], first["source"]))
        elif len(table):
            villages = table["village"].nunique()
            files = ", ".join(sorted({file_of(s) for s in table["source"].dropna()}))
            rows.append((township, int(year), float(villages), "village table",
                         f"{villages} villages in the village table", files))
        else:
            rows.append((township, int(year), math.nan, "unknown", "", ""))
    columns = ["township", "year", "total", "basis", "total_quote", "total_source"]
    return pd.DataFrame(rows, columns=columns).astype({"year": "Int64", "total": "float64"})


def _with_totals(table: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    merged = table.merge(totals, on=["township", "year"], how="left")
    merged["basis"] = merged["basis"].fillna("unknown")
    return merged


def band_table(facts: pd.DataFrame, *, not_stated: bool = False) -> pd.DataFrame:
    """Village collective-income brackets as stated: one row per township, year and bracket,
    with the year's village ``total`` (see ``village_totals``) and each bracket's ``share`` of it.

    With ``not_stated``, a year whose brackets count fewer villages than the total gets one
    more row, ``NOT_STATED``, holding the villages no stated bracket holds (``stated`` False).

    >>> from lxw_analysis import extract_facts
    >>> f = extract_facts("2024年,某镇全镇10个村,其中10万至20万的村3个、50万以上的村5个。")
    >>> band_table(f, not_stated=True)[["year", "band", "villages", "share", "stated"]].values.tolist()
    [[2024, '10万–20万', 3.0, 30.0, True], [2024, '50万以上', 5.0, 50.0, True], [2024, '未说明 not stated', 2.0, 20.0, False]]
    """
    stated = _stated_brackets(facts)
    bands = stated[["township", "year", "band_low", "band_high", "value", "quote", "source"]].rename(columns={"value": "villages"})
    bands.insert(2, "band", [band_label(lo, hi) for lo, hi in zip(bands["band_low"], bands["band_high"])])
    bands = bands.sort_values(["township", "year", "band_low"], na_position="first")
    bands = _with_totals(bands.assign(stated=True), village_totals(facts))
    if not_stated and len(bands):
        gaps = []
        for (township, year), group in _by_year(bands, sort=False):
            total, counted = group["total"].iloc[0], group["villages"].sum()
            if not math.isnan(total) and counted < total:
                gaps.append({
                    "township": township, "year": year, "band": NOT_STATED, "band_low": math.nan,
                    "band_high": math.nan, "villages": total - counted, "stated": False,
                    "quote": f"{_villages(total)} ({group['basis'].iloc[0]}), {number(counted)} in the brackets stated",
                    "source": group["total_source"].iloc[0], **group[["total", "basis", "total_quote", "total_source"]].iloc[0],
                })
        if gaps:
            bands = pd.concat([bands, pd.DataFrame(gaps)], ignore_index=True)
            bands = bands.sort_values(["township", "year", "stated"], ascending=[True, True, False], kind="stable")
    bands["share"] = bands["villages"] / bands["total"] * 100
    columns = ["township", "year", "band", "band_low", "band_high", "villages", "share", "total", "basis", "stated",
               "quote", "source", "total_quote", "total_source"]
    return bands[columns].reset_index(drop=True)


def describe_bands(bands: pd.DataFrame) -> str:
    """One sentence per year stating the brackets as reported, and the villages they leave out.

    >>> b = pd.DataFrame({"year": [2024, 2024], "band": ["10万–20万", "50万以上"], "villages": [3.0, 5.0]})
    >>> describe_bands(b)
    '2024: 8 villages in brackets: 3 at 10万–20万, 5 at 50万以上.'
    >>> describe_bands(b.assign(total=10.0, basis="stated"))
    '2024: 8 villages in brackets: 3 at 10万–20万, 5 at 50万以上; the report states 10 villages, so 2 are in no stated bracket.'
    >>> describe_bands(b.assign(total=float("nan"), basis="unknown"))
    '2024: 8 villages in brackets: 3 at 10万–20万, 5 at 50万以上; the number of villages is not stated, so no share is known.'
    """
    sentences = []
    shown = bands[bands["stated"].astype(bool)] if "stated" in bands else bands
    for year, group in shown.groupby("year", sort=True):
        parts = ", ".join(f"{number(v)} at {b}" for b, v in zip(group["band"], group["villages"]))
        counted = group["villages"].sum()
        sentence = f"{year}: {_villages(counted)} in brackets: {parts}"
        if "total" in group:
            sentence += _against_total(counted, group["total"].iloc[0], group["basis"].iloc[0])
        sentences.append(sentence + ".")
    return " ".join(sentences)


def _villages(n: float) -> str:
    """``8 villages``, ``1 village``."""
    return f"{number(n)} village{'' if n == 1 else 's'}"


def _whose(basis: str) -> str:
    return "the report states" if basis == "stated" else "the village table lists"


def _against_total(counted: float, total: float, basis: str) -> str:
    """What a year's bracket count says against its village total ('' when they agree)."""
    if math.isnan(total):
        return "; the number of villages is not stated, so no share is known"
    if counted < total:
        left = total - counted
        return f"; {_whose(basis)} {_villages(total)}, so {number(left)} {'is' if left == 1 else 'are'} in no stated bracket"
    if counted > total:
        return f"; {_whose(basis)} only {_villages(total)}"
    return ""


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


def _inside(values: pd.Series, low: float, high: float) -> pd.Series:
    inside = pd.Series(True, index=values.index)
    if not math.isnan(low):
        inside &= values >= low
    if not math.isnan(high):
        inside &= values < high
    return inside


def _cells(sources) -> str:
    """The cells of one table as ``file#R4C3, #R5C3`` (or each source whole when files differ)."""
    sources = [s for s in sources if isinstance(s, str)]
    files = {file_of(s) for s in sources}
    if len(files) != 1:
        return listing(sources, SHOWN)
    (file,) = files
    cells = [s[len(file):] for s in sources]
    return file + listing(cells, SHOWN) if all(cells) else file


def income_bands(village_income: pd.DataFrame, edges, *, keep_empty: bool = True) -> pd.DataFrame:
    """Bracket counts from per-village incomes, as facts shaped like those read from reports.

    ``village_income`` is a facts table; its ``village_collective_income`` rows (one per
    village and year, yuan) are counted into the brackets of ``edges`` — a bracket holds
    incomes from its lower bound up to, not including, its upper bound. The result has one
    ``collective_income_band_villages`` fact per township, year and bracket; its ``quote``
    names the villages counted and ``source`` their cells. This counts; ``plots.plot_income_bands``
    draws brackets.

    >>> from lxw_analysis.facts import as_facts, fact_row
    >>> rows = [fact_row(township="某镇", year=2024, village=v, indicator=VILLAGE_INCOME, label="收入", value=y,
    ...                  unit="元", qualifier="exact", source="t.csv")
    ...         for v, y in [("甲村", 150000.0), ("乙村", 120000.0), ("丙村", 600000.0)]]
    >>> income_bands(as_facts(rows), [100000, 200000, 500000])[["band_low", "band_high", "value"]].values.tolist()
    [[nan, 100000.0, 0.0], [100000.0, 200000.0, 2.0], [200000.0, 500000.0, 0.0], [500000.0, nan, 1.0]]
    """
    incomes = _village_incomes(village_income)
    rows = []
    for (township, year), group in _by_year(incomes, sort=True):
        for low, high in brackets(edges):
            inside = group[_inside(group["value"], low, high)]
            count = float(len(inside))
            if count or keep_empty:
                label = band_label(low, high)
                named = listing((f"{v} {wan(y)}" for v, y in zip(inside["village"], inside["value"])), SHOWN, "、")
                rows.append(fact_row(
                    township=township, year=year, section="", indicator=BAND_VILLAGES, indicator_match="exact",
                    indicator_score=100.0, label="村", value=count, unit="个", qualifier="exact", band_low=low,
                    band_high=high, text=f"{label}的村{number(count)}个",
                    quote=f"counted from {len(group)} villages' incomes" + (f": {named}" if named else ""),
                    source="derived: " + (_cells(inside["source"]) or _cells(group["source"])),
                ))
    return as_facts(rows)


def _edges_of(group: pd.DataFrame) -> list[float]:
    return sorted({e for e in (*group["band_low"], *group["band_high"]) if not math.isnan(e)})


def counted_brackets(facts: pd.DataFrame) -> pd.DataFrame:
    """The brackets counted from the township's per-village income table (``income_bands``),
    each year cut at the edges its report states (a year with no stated brackets: at the
    edges of every stated year, else at 10万 and 50万).

    >>> from lxw_analysis import extract_facts
    >>> from lxw_analysis.facts import as_facts, fact_row
    >>> table = as_facts([fact_row(township="某镇", year=2024, village=v, indicator=VILLAGE_INCOME, label="收入",
    ...                            value=y, unit="元", qualifier="exact", source="t.csv")
    ...                   for v, y in [("甲村", 150000.0), ("乙村", 120000.0), ("丙村", 600000.0)]])
    >>> f = pd.concat([extract_facts("2024年,某镇其中10万至20万的村2个、50万以上的村2个。", township="某镇"), table])
    >>> counted_brackets(f)[["band_low", "band_high", "value"]].values.tolist()
    [[nan, 100000.0, 0.0], [100000.0, 200000.0, 2.0], [200000.0, 500000.0, 0.0], [500000.0, nan, 1.0]]
    """
    incomes = _village_incomes(facts)
    stated = _stated_brackets(facts)
    parts = []
    for (township, year), group in _by_year(incomes, sort=True):
        mine = stated[_is(stated["township"], township)]
        edges = _edges_of(mine[mine["year"] == year]) or _edges_of(mine) or list(HEADLINE_THRESHOLDS)
        parts.append(income_bands(group, edges))
    return pd.concat(parts, ignore_index=True) if parts else income_bands(incomes.iloc[:0], list(HEADLINE_THRESHOLDS))


def _within(low: float, high: float, outer_low: float, outer_high: float) -> bool:
    """Whether the bracket low–high lies inside outer_low–outer_high (NaN: an open end)."""
    above = math.isnan(outer_low) or (not math.isnan(low) and low >= outer_low)
    below = math.isnan(outer_high) or (not math.isnan(high) and high <= outer_high)
    return above and below


def compare_brackets(facts: pd.DataFrame) -> pd.DataFrame:
    """Stated brackets beside those counted from the village table, for every year the table
    covers: one row per bracket a report states (``stated``; ``counted`` the table's villages
    in it) and per bracket only the table fills (``stated`` NA). ``missing`` lists the table's
    villages with no income that year; ``quote`` and ``source`` name the counted villages' cells.

    >>> from lxw_analysis import extract_facts
    >>> from lxw_analysis.facts import as_facts, fact_row
    >>> table = as_facts([fact_row(township="某镇", year=2024, village=v, indicator=VILLAGE_INCOME, label="收入",
    ...                            value=y, unit="元", qualifier="exact", source="t.csv")
    ...                   for v, y in [("甲村", 150000.0), ("乙村", 120000.0), ("丙村", 600000.0)]])
    >>> f = pd.concat([extract_facts("2024年,某镇其中10万至20万的村2个、50万以上的村2个。", township="某镇"), table])
    >>> compare_brackets(f)[["band", "stated", "counted"]].values.tolist()
    [['10万–20万', 2.0, 2.0], ['50万以上', 2.0, 1.0]]
    """
    counted = counted_brackets(facts)
    stated = _stated_brackets(facts)
    incomes = _village_incomes(facts)
    rows = []
    for (township, year), group in _by_year(counted, sort=True):
        said = stated[_is(stated["township"], township) & _is(stated["year"], year)]
        mine = incomes[_is(incomes["township"], township)]
        missing = listing(sorted(set(mine["village"]) - set(mine.loc[mine["year"] == year, "village"])), SHOWN, "、")
        used = pd.Series(False, index=group.index)
        for low, high, villages, quote in zip(said["band_low"], said["band_high"], said["value"], said["quote"]):
            inside = pd.Series([_within(lo, hi, low, high) for lo, hi in zip(group["band_low"], group["band_high"])],
                               index=group.index, dtype=bool)
            used |= inside
            rows.append(_comparison(township, year, low, high, villages, group[inside], missing, quote))
        for index in group.index[~used & (group["value"] > 0)]:
            row = group.loc[index]
            rows.append(_comparison(township, year, row["band_low"], row["band_high"], math.nan, group.loc[[index]], missing, ""))
    columns = ["township", "year", "band", "band_low", "band_high", "stated", "counted", "missing", "stated_quote",
               "quote", "source"]
    table = pd.DataFrame(rows, columns=columns).astype({"stated": "float64", "counted": "float64"})
    return table.sort_values(["township", "year", "band_low"], na_position="first", kind="stable").reset_index(drop=True)


def _comparison(township, year, low, high, stated, parts: pd.DataFrame, missing: str, stated_quote: str) -> tuple:
    """One row of ``compare_brackets``: a bracket and the counted brackets inside it."""
    filled = parts[parts["value"] > 0]
    named = [q.split(": ", 1)[1] for q in filled["quote"] if ": " in q]
    cells = [s.removeprefix("derived: ") for s in filled["source"]]
    return (township, int(year), band_label(low, high), low, high, stated, float(parts["value"].sum()), missing,
            stated_quote, "counted: " + ("、".join(named) or "no village"), "derived: " + ", ".join(cells) if cells else "")


def bracket_findings(facts: pd.DataFrame) -> pd.DataFrame:
    """What a reader must know before reading a township's brackets, one sentence per
    township and year: brackets that leave villages out or count more than there are, a
    village total nobody states, and stated brackets the village table disagrees with.

    >>> from lxw_analysis import extract_facts
    >>> from lxw_analysis.facts import as_facts, fact_row
    >>> table = as_facts([fact_row(township="某镇", year=2024, village=v, indicator=VILLAGE_INCOME, label="收入",
    ...                            value=y, unit="元", qualifier="exact", source="t.csv")
    ...                   for v, y in [("甲村", 150000.0), ("乙村", 120000.0), ("丙村", 600000.0)]])
    >>> f = pd.concat([extract_facts("2024年,某镇其中10万至20万的村2个、50万以上的村2个。", township="某镇"), table])
    >>> for finding in bracket_findings(f)["finding"]:
    ...     print(finding)
    2024: the brackets count 4 villages, the village table lists only 3 villages.
    2024: the village table disagrees with the stated brackets: 50万以上: the report states 2, the table counts 1.
    """
    bands = band_table(facts)
    rows = []
    for (township, year), group in _by_year(bands, sort=True):
        counted, total, basis = group["villages"].sum(), group["total"].iloc[0], group["basis"].iloc[0]
        said = _against_total(counted, total, basis)
        if said:
            where = f" ({group['total_quote'].iloc[0]})" if basis == "stated" else ""
            rows.append((township, int(year), f"{year}: the brackets count {_villages(counted)}{said.replace(';', ',', 1)}{where}."))
    for (township, year), group in _by_year(compare_brackets(facts)):
        if group["stated"].isna().all():
            continue  # no bracket stated that year: nothing to disagree with
        rows.extend((township, int(year), f) for f in _table_findings(int(year), group))
    table = pd.DataFrame(rows, columns=["township", "year", "finding"])
    return table.sort_values(["township", "year"], kind="stable").reset_index(drop=True)


def _table_findings(year: int, group: pd.DataFrame) -> list[str]:
    """What one year's comparison of stated and counted brackets says (nothing when they agree)."""
    stated, counted = group["stated"], group["counted"]
    missing = [v for v in group["missing"].iloc[0].split("、") if v]
    said = stated.notna()
    short = (stated.fillna(0) - counted).clip(lower=0)
    if (counted[said] == stated[said]).all():
        filled = group[~said]
        if filled.empty:
            return []
        places = ", ".join(f"{number(c)} at {b}" for b, c in zip(filled["band"], filled["counted"]))
        return [f"{year}: the village table places villages in brackets the report does not state: {places}."]
    if missing and (counted <= stated.fillna(0)).all() and short.sum() == len(missing):
        left = ", ".join(f"{number(n)} at {b}" for b, n in zip(group["band"], short) if n)
        return [f"{year}: the village table has no income for {'、'.join(missing)}; its other villages fall in "
                f"the stated brackets, which hold {left} more."]
    differ = group[stated.fillna(0) != counted]
    parts = "; ".join(
        f"{b}: the report states {number(s, missing='none')}, the table counts {number(c)}"
        for b, s, c in zip(differ["band"], differ["stated"], differ["counted"])
    )
    lacking = f" (the table has no {year} income for {'、'.join(missing)})" if missing else ""
    return [f"{year}: the village table disagrees with the stated brackets{lacking}: {parts}."]


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
    """Bracket edges every year of a township's reports shares (the comparable thresholds).

    >>> from lxw_analysis import extract_facts
    >>> f = pd.concat([extract_facts("2023年,某镇其中10万至20万的村3个、20万以上的村2个。", township="某镇"),
    ...                extract_facts("2024年,某镇其中10万至30万的村3个、30万以上的村2个。", township="某镇")])
    >>> common_thresholds(f)
    [100000.0]
    """
    stated = _stated_brackets(facts)
    per_year = [set(_edges_of(group)) for _, group in _by_year(stated)]
    return sorted(set.intersection(*per_year)) if per_year else []


def villages_at_or_above(facts: pd.DataFrame, thresholds=None) -> pd.DataFrame:
    """Villages at or above each income threshold, per township and year, and their share.

    Bracket edges differ between years (5万–10万 one year, 10万–20万 the next); counts at a
    threshold that is an edge in every year compare across years. ``thresholds`` defaults to
    10万, 50万 and every edge all years share. A threshold a year's brackets straddle gets NA.
    The share is of the year's village ``total`` (``village_totals``: stated, else the village
    table, else unknown and the share NA). Villages the brackets leave out may lie either side
    of a threshold, so ``villages`` counts those the brackets place and ``villages_upper``
    adds the ones left out (``share``, ``share_upper`` likewise): a range, not a count.

    >>> from lxw_analysis import extract_facts
    >>> f = extract_facts("2024年,某某镇全镇10个村,其中10万至20万的村3个、20万至50万的村2个、50万以上的村5个。")
    >>> villages_at_or_above(f)[["threshold", "villages", "share"]].values.tolist()
    [[100000.0, 10.0, 100.0], [200000.0, 7.0, 70.0], [500000.0, 5.0, 50.0]]
    >>> f = extract_facts("2024年,某某镇全镇8个村,其中50万以上的村2个。")
    >>> villages_at_or_above(f)[["label", "villages", "villages_upper", "share", "share_upper"]].values.tolist()
    [['10万以上', 2.0, 8.0, 25.0, 100.0], ['50万以上', 2.0, 8.0, 25.0, 100.0]]
    """
    stated = _stated_brackets(facts)
    totals = village_totals(facts)
    if thresholds is None:
        thresholds = sorted(set(HEADLINE_THRESHOLDS) | set(common_thresholds(facts)))
    rows = []
    for (township, year), group in _by_year(stated, sort=True):
        known = totals[_is(totals["township"], township) & _is(totals["year"], year)].iloc[0]
        total = known["total"]
        left_out = max(total - group["value"].sum(), 0.0) if not math.isnan(total) else math.nan
        quote = " / ".join(dict.fromkeys(group["quote"].dropna()))
        source = ", ".join(dict.fromkeys(group["source"].dropna()))
        for threshold in thresholds:
            villages = _villages_at_or_above(group, threshold)
            upper = villages + left_out if not math.isnan(left_out) else math.nan
            rows.append((township, int(year), float(threshold), band_label(threshold, math.nan), villages, upper,
                         total, known["basis"], villages / total * 100, upper / total * 100, quote, source))
    columns = ["township", "year", "threshold", "label", "villages", "villages_upper", "total", "basis", "share",
               "share_upper", "quote", "source"]
    return pd.DataFrame(rows, columns=columns).astype({"year": "int64"})
