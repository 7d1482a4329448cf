"""The made-up example data set (青石乡, 2021–2024) reads exactly as its files are written.

青石乡 and its villages are fictitious; every file was made up for demonstration and
testing (see ``lxw_analysis/examples/madeup_qingshi/SOURCES.md``). The expected values
below are copied by hand from the example files, not computed by the package.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

import lxw_analysis
from lxw_analysis import tables
from lxw_analysis.validate import table_total_mismatches

EXAMPLE = Path(lxw_analysis.__file__).parent / "examples" / "madeup_qingshi"
RAW = EXAMPLE / "raw"
TOWNSHIP = "青石乡"
FOLDER = RAW / TOWNSHIP
YEARS = (2021, 2022, 2023, 2024)
TABLE = FOLDER / "madeup_village_income.csv"
VILLAGES = ("上坪村", "下坪村", "石门村", "柳湾村", "红崖村", "泉沟村", "松林村", "河滩村")
NA = math.nan
WAN = 10_000.0

#: (value, unit) of the key statistics of each year, as the reports write them.
KEY_STATISTICS = {
    2021: {
        "party_member_rotation_training_rate": (85, "%"),
        "party_committee_study_sessions": (12, "次"),
        "disputes_found": (19, "起"),
        "disputes_resolved": (15, "起"),
        "reserve_cadres_trained": (24, "人"),
        "village_count": (8, "个"),
    },
    2022: {  # full-width: ９２％, １４次, ２３起, ２０起, ３２名, ８个
        "party_member_rotation_training_rate": (92, "%"),
        "party_committee_study_sessions": (14, "次"),
        "disputes_found": (23, "起"),
        "disputes_resolved": (20, "起"),
        "reserve_cadres_trained": (32, "人"),
        "village_count": (8, "个"),
    },
    2023: {  # Chinese numerals: 十五次, 十七起, 十六起, 四十名
        "party_member_rotation_training_rate": (96, "%"),
        "party_committee_study_sessions": (15, "次"),
        "disputes_found": (17, "起"),
        "disputes_resolved": (16, "起"),
        "reserve_cadres_trained": (40, "人"),
        "village_count": (8, "个"),
    },
    2024: {  # 党委理论学习中心组学习17次, 党员轮训覆盖率达100%
        "party_member_rotation_training_rate": (100, "%"),
        "party_committee_study_sessions": (17, "次"),
        "disputes_found": (14, "起"),
        "disputes_resolved": (14, "起"),
        "reserve_cadres_trained": (48, "人"),
        "village_count": (8, "个"),
    },
}

#: Each year's income brackets: (band_low, band_high) in 元 (NaN: open end) and villages.
BRACKETS = {
    2021: [((NA, 5 * WAN), 2), ((5 * WAN, 10 * WAN), 4), ((10 * WAN, NA), 2)],
    2022: [((5 * WAN, 10 * WAN), 3), ((10 * WAN, 20 * WAN), 4), ((20 * WAN, NA), 1)],
    2023: [((10 * WAN, 20 * WAN), 4), ((20 * WAN, 30 * WAN), 2), ((30 * WAN, 50 * WAN), 1), ((50 * WAN, NA), 1)],
    2024: [((10 * WAN, 20 * WAN), 2), ((20 * WAN, 30 * WAN), 3), ((30 * WAN, 50 * WAN), 2), ((50 * WAN, NA), 1)],
}

#: The table's figures in 万元 (None: written "—").
TABLE_INCOME = {
    "上坪村": (51.5, 56.8),
    "下坪村": (10.8, 12.6),
    "石门村": (31.6, 35.2),
    "柳湾村": (19.2, 24.5),
    "红崖村": (None, 18.3),
    "泉沟村": (22.4, 27.9),
    "松林村": (28.7, 42.0),
    "河滩村": (15.9, 21.4),
}
TABLE_TOTALS = {2023: 180.1, 2024: 238.7}

#: Something each year's report writes in its own style, and must keep writing so.
STYLE_MARKERS = {
    2021: ["一、突出理论武装", "（一）抓实党史学习教育", "四、深化党建引领"],
    2022: ["１４次", "９２％", "“主题党日＋”", "２３起，化解２０起"],
    2023: ["十五次", "四十名", "十七起,化解十六起"],
    2024: ["党委理论学习中心组学习17次", "党员轮训覆盖率达100%"],
}


def report_path(year: int) -> Path:
    return FOLDER / f"madeup_{year}.txt"


@pytest.fixture(scope="module")
def report_facts() -> dict[int, pd.DataFrame]:
    """Each year's facts, from the report's text alone (its own year and township)."""
    return {year: lxw_analysis.extract_facts(report_path(year).read_text(encoding="utf-8")) for year in YEARS}


@pytest.fixture(scope="module")
def table_facts() -> pd.DataFrame:
    return tables.read_table(TABLE)


def _close(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b)


# --- the files -----------------------------------------------------------------------------


def test_the_example_holds_four_reports_and_one_table():
    names = sorted(p.name for p in FOLDER.iterdir())
    assert names == [*(f"madeup_{y}.txt" for y in YEARS), "madeup_village_income.csv"]
    assert (EXAMPLE / "SOURCES.md").is_file()


def test_every_example_data_file_is_named_madeup():
    files = [p for p in RAW.rglob("*") if p.is_file()]
    assert files
    assert [p.name for p in files if not p.name.startswith("madeup_")] == []


@pytest.mark.parametrize("year", YEARS)
def test_each_report_says_it_is_made_up_in_its_title_line(year):
    title = report_path(year).read_text(encoding="utf-8").splitlines()[0]
    assert "虚构" in title
    assert title.startswith(TOWNSHIP)


def test_sources_says_the_township_is_fictitious_and_lists_every_file():
    sources = (EXAMPLE / "SOURCES.md").read_text(encoding="utf-8")
    assert "fictitious" in sources and "made up for demonstration and testing" in sources
    for path in FOLDER.iterdir():
        assert f"raw/{TOWNSHIP}/{path.name}" in sources


@pytest.mark.parametrize("year", YEARS)
def test_each_report_names_its_own_year_and_township(year):
    text = report_path(year).read_text(encoding="utf-8")
    assert lxw_analysis.infer_year(text) == year
    assert lxw_analysis.infer_township(text) == TOWNSHIP


@pytest.mark.parametrize(("year", "marker"), [(y, m) for y, ms in STYLE_MARKERS.items() for m in ms])
def test_each_report_keeps_the_writing_style_it_imitates(year, marker):
    assert marker in report_path(year).read_text(encoding="utf-8")


# --- the reports' statistics ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "indicator"), [(y, i) for y, stats in KEY_STATISTICS.items() for i in stats]
)
def test_each_report_yields_its_key_statistic(report_facts, year, indicator):
    value, unit = KEY_STATISTICS[year][indicator]
    facts = report_facts[year]
    rows = facts[facts["indicator"].eq(indicator).fillna(False).astype(bool)]
    assert len(rows) >= 1, f"{year}: no {indicator}"
    assert rows["value"].tolist() == [value] * len(rows)
    assert set(rows["unit"]) == {unit}
    assert set(rows["qualifier"]) == {"exact"}
    assert rows["village"].isna().all()
    assert rows["band_low"].isna().all() and rows["band_high"].isna().all()
    assert set(rows["year"]) == {year} and set(rows["township"]) == {TOWNSHIP}


@pytest.mark.parametrize("year", YEARS)
def test_each_report_yields_its_income_brackets_as_written(report_facts, year):
    facts = report_facts[year]
    bands = facts[facts["indicator"].eq("collective_income_band_villages").fillna(False).astype(bool)]
    got = list(zip(bands["band_low"], bands["band_high"], bands["value"], bands["unit"], bands["qualifier"]))
    expected = BRACKETS[year]
    assert len(got) == len(expected)
    for (low, high, villages, unit, qualifier), ((exp_low, exp_high), exp_villages) in zip(got, expected):
        assert _close(low, exp_low) and _close(high, exp_high), (year, low, high)
        assert (villages, unit, qualifier) == (exp_villages, "个", "exact")


@pytest.mark.parametrize("year", YEARS)
def test_each_years_brackets_add_up_to_its_villages(report_facts, year):
    assert sum(villages for _, villages in BRACKETS[year]) == KEY_STATISTICS[year]["village_count"][0]
    facts = report_facts[year]
    bands = facts[facts["indicator"].eq("collective_income_band_villages").fillna(False).astype(bool)]
    assert bands["value"].sum() == KEY_STATISTICS[year]["village_count"][0]


def test_the_bracket_edges_differ_between_years():
    edges = {year: {edge for bracket, _ in BRACKETS[year] for edge in bracket if not math.isnan(edge)} for year in YEARS}
    assert edges[2021] != edges[2022] != edges[2023]
    assert edges[2023] == edges[2024]


def test_rotation_coverage_rises_every_year(report_facts):
    rates = []
    for year in YEARS:
        facts = report_facts[year]
        rates += facts.loc[facts["indicator"].eq("party_member_rotation_training_rate").fillna(False).astype(bool), "value"].tolist()
    assert rates == [85, 92, 96, 100]


def test_every_village_is_named_in_some_reports_fact(report_facts):
    named = set(pd.concat(report_facts.values())["village"].dropna())
    assert named == set(VILLAGES)


@pytest.mark.parametrize(
    ("year", "village", "wan", "lamps"),
    [(2021, "石门村", 12, 30), (2022, "河滩村", 18, 45), (2023, "下坪村", 20, 50), (2024, "石门村", 32, 80)],
)
def test_a_named_village_gets_its_investment_and_street_lights(report_facts, year, village, wan, lamps):
    facts = report_facts[year]
    here = facts[facts["village"].eq(village).fillna(False).astype(bool)]
    money = here[here["indicator"].eq("project_investment").fillna(False).astype(bool)]
    lights = here[here["indicator"].eq("solar_street_lights_installed").fillna(False).astype(bool)]
    assert money["value"].tolist() == [wan * WAN] and set(money["unit"]) == {"元"}
    assert lights["value"].tolist() == [lamps] and set(lights["unit"]) == {"盏"}


# --- the table -----------------------------------------------------------------------------


def test_the_table_is_a_gb18030_spreadsheet_export():
    data = TABLE.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    lines = data.decode("gb18030").splitlines()
    assert lines[0].startswith("青石乡各村集体经济收入统计表（虚构示例）")
    assert "单位：万元" in lines[1]
    assert lines[2] == "序号,村名,2023年收入,2024年收入"
    assert "—" in data.decode("gb18030") and "１２．６" in data.decode("gb18030")


@pytest.mark.parametrize("year", (2023, 2024))
def test_the_table_gives_each_villages_income_in_yuan(table_facts, year):
    column = 0 if year == 2023 else 1
    expected = {v: incomes[column] * WAN for v, incomes in TABLE_INCOME.items() if incomes[column] is not None}
    rows = table_facts[table_facts["village"].notna() & table_facts["year"].eq(year)]
    assert set(rows["indicator"]) == {"village_collective_income"}
    assert set(rows["unit"]) == {"元"}
    assert set(rows["township"]) == {TOWNSHIP}
    got = dict(zip(rows["village"], rows["value"]))
    assert set(got) == set(expected)
    assert len(rows) == (7 if year == 2023 else 8)
    for village, value in expected.items():
        assert got[village] == pytest.approx(value), village


def test_the_missing_figure_gives_no_fact(table_facts):
    hongya = table_facts[table_facts["village"].eq("红崖村").fillna(False).astype(bool)]
    assert hongya["year"].tolist() == [2024]


def test_the_tables_total_row_matches_its_villages(table_facts):
    totals = table_facts[table_facts["village"].isna()]
    assert dict(zip(totals["year"], totals["value"])) == pytest.approx({y: t * WAN for y, t in TABLE_TOTALS.items()})
    assert set(totals["indicator"]) == {"village_collective_income"}
    assert table_total_mismatches(table_facts).empty
    for year, total in TABLE_TOTALS.items():
        column = 0 if year == 2023 else 1
        summed = sum(incomes[column] for incomes in TABLE_INCOME.values() if incomes[column] is not None)
        assert summed == pytest.approx(total)


def test_the_2024_village_incomes_fall_into_the_2024_reports_brackets(table_facts):
    counted = lxw_analysis.income_bands(table_facts, [10 * WAN, 20 * WAN, 30 * WAN, 50 * WAN], keep_empty=False)
    counted = counted[counted["year"].eq(2024)]
    got = [((low, high), villages) for low, high, villages in zip(counted["band_low"], counted["band_high"], counted["value"])]
    assert len(got) == len(BRACKETS[2024])
    for ((low, high), villages), ((exp_low, exp_high), exp_villages) in zip(got, BRACKETS[2024]):
        assert _close(low, exp_low) and _close(high, exp_high)
        assert villages == exp_villages


# --- quality checks ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def findings(report_facts, table_facts) -> pd.DataFrame:
    facts = pd.concat([*report_facts.values(), table_facts], ignore_index=True)
    return lxw_analysis.validate(facts)


@pytest.mark.parametrize("rule", ["bands_do_not_sum", "rate_over_100", "resolved_exceeds_found"])
def test_the_example_passes_the_consistency_check(findings, rule):
    assert findings[findings["rule"] == rule].empty, findings.loc[findings["rule"] == rule, "message"].tolist()


def test_the_example_has_no_errors_or_warnings(findings):
    serious = findings[findings["severity"].isin(["error", "warning"])]
    assert serious.empty, serious["message"].tolist()


# --- the two townships beside 青石乡, for the county comparison ----------------------------

#: Each township's reports: year → (value, unit) of its key statistics, as written.
OTHER_TOWNSHIPS = {
    "白杨镇": {
        2022: {"party_committee_study_sessions": (10, "次"), "party_member_rotation_training_rate": (88, "%"),
               "reserve_cadres_trained": (36, "人"), "disputes_found": (31, "件"), "disputes_resolved": (27, "件"),
               "village_count": (12, "个"), "weak_villages": (3, "个")},
        2023: {"party_committee_study_sessions": (12, "次"), "party_member_rotation_training_rate": (93.5, "%"),
               "reserve_cadres_trained": (41, "人"), "disputes_found": (28, "件"), "disputes_resolved": (26, "件"),
               "village_count": (12, "个"), "weak_villages": (1, "个")},
        2024: {"party_committee_study_sessions": (13, "次"), "party_member_rotation_training_rate": (97, "%"),
               "reserve_cadres_trained": (45, "人"), "disputes_found": (25, "件"), "disputes_resolved": (25, "件"),
               "village_count": (12, "个")},
    },
    "云岭乡": {  # Chinese numerals: 十一次, 百分之九十, 十八名, 三分之一, 十九件
        2023: {"party_committee_study_sessions": (11, "次"), "party_member_rotation_training_rate": (90, "%"),
               "training_coverage_rate": (85, "%"), "reserve_cadres_trained": (18, "人"),
               "disputes_found": (19, "件"), "disputes_resolved": (17, "件"), "village_count": (6, "个"),
               "shell_villages": (1, "个")},
        2024: {"party_committee_study_sessions": (14, "次"), "party_member_rotation_training_rate": (95, "%"),
               "training_coverage_rate": (92, "%"), "reserve_cadres_trained": (22, "人"),
               "disputes_found": (16, "件"), "dispute_resolution_rate": (93.8, "%"), "village_count": (6, "个")},
    },
}

#: Their brackets, with edges that differ from 青石乡's and from each other's.
OTHER_BRACKETS = {
    ("白杨镇", 2022): [((NA, 5 * WAN), 3), ((5 * WAN, 10 * WAN), 4), ((10 * WAN, NA), 5)],
    ("白杨镇", 2023): [((5 * WAN, 10 * WAN), 2), ((10 * WAN, 30 * WAN), 6), ((30 * WAN, NA), 4)],
    ("白杨镇", 2024): [((10 * WAN, 30 * WAN), 5), ((30 * WAN, 50 * WAN), 4), ((50 * WAN, NA), 3)],
    ("云岭乡", 2023): [((5 * WAN, 10 * WAN), 2), ((10 * WAN, 50 * WAN), 3), ((50 * WAN, NA), 1)],
    ("云岭乡", 2024): [((10 * WAN, 20 * WAN), 3), ((20 * WAN, NA), 3)],
}

OTHER_REPORTS = [(t, y) for t, years in OTHER_TOWNSHIPS.items() for y in years]


def other_report(township: str, year: int) -> Path:
    return RAW / township / f"madeup_{year}.txt"


@pytest.fixture(scope="module")
def other_facts() -> dict[tuple[str, int], pd.DataFrame]:
    """Each report's facts, read as the build reads it (township from its folder, year from its text)."""
    return {key: lxw_analysis.extract_file(other_report(*key)) for key in OTHER_REPORTS}


def test_the_example_holds_three_townships_each_folder_its_chinese_name():
    assert sorted(p.name for p in RAW.iterdir() if p.is_dir()) == sorted([TOWNSHIP, *OTHER_TOWNSHIPS])
    for township, years in OTHER_TOWNSHIPS.items():
        assert sorted(p.name for p in (RAW / township).iterdir()) == [f"madeup_{y}.txt" for y in years]
        assert lxw_analysis.identity.township_from_folder(township) == township


def test_the_other_townships_need_no_reference_rows():
    from lxw_analysis import reference

    named = {r["name"] for r in reference.townships()} | {r["township"] for r in reference.villages()}
    assert named.isdisjoint(OTHER_TOWNSHIPS)


@pytest.mark.parametrize(("township", "year"), OTHER_REPORTS)
def test_each_other_report_says_it_is_made_up_and_names_its_township_and_year(township, year):
    text = other_report(township, year).read_text(encoding="utf-8")
    title = text.splitlines()[0]
    assert "虚构示例，非真实数据" in title and title.startswith(township)
    assert lxw_analysis.infer_year(text) == year


@pytest.mark.parametrize("township", OTHER_TOWNSHIPS)
def test_sources_says_each_other_township_is_fictitious_and_lists_its_files(township):
    sources = (EXAMPLE / "SOURCES.md").read_text(encoding="utf-8")
    intro = sources.split("## Files")[0]
    assert township in intro and "three townships are fictitious" in intro
    for path in (RAW / township).iterdir():
        assert f"raw/{township}/{path.name}" in sources


@pytest.mark.parametrize(
    ("township", "year", "indicator"), [(t, y, i) for t, years in OTHER_TOWNSHIPS.items() for y, s in years.items() for i in s]
)
def test_each_other_report_yields_its_key_statistic(other_facts, township, year, indicator):
    value, unit = OTHER_TOWNSHIPS[township][year][indicator]
    facts = other_facts[(township, year)]
    rows = facts[facts["indicator"].eq(indicator).fillna(False).astype(bool) & facts["band_low"].isna() & facts["band_high"].isna()]
    assert rows["value"].tolist() == [pytest.approx(value)], (township, year, indicator)
    assert set(rows["unit"]) == {unit} and set(rows["qualifier"]) == {"exact"}
    assert set(rows["township"]) == {township} and set(rows["year"]) == {year}


@pytest.mark.parametrize(("township", "year"), list(OTHER_BRACKETS))
def test_each_other_report_yields_its_brackets_adding_up_to_its_villages(other_facts, township, year):
    facts = other_facts[(township, year)]
    bands = facts[facts["indicator"].eq("collective_income_band_villages").fillna(False).astype(bool)]
    got = list(zip(bands["band_low"], bands["band_high"], bands["value"]))
    expected = OTHER_BRACKETS[(township, year)]
    assert len(got) == len(expected)
    for (low, high, villages), ((exp_low, exp_high), exp_villages) in zip(got, expected):
        assert _close(low, exp_low) and _close(high, exp_high) and villages == exp_villages, (township, year, low, high)
    assert sum(v for _, v in expected) == OTHER_TOWNSHIPS[township][year]["village_count"][0]


def test_the_townships_cut_income_at_different_edges():
    def edges(brackets):
        return {e for bracket, _ in brackets for e in bracket if not math.isnan(e)}

    latest = {TOWNSHIP: edges(BRACKETS[2024]), **{t: edges(OTHER_BRACKETS[(t, 2024)]) for t in OTHER_TOWNSHIPS}}
    assert len({frozenset(e) for e in latest.values()}) == 3
    assert 50 * WAN not in latest["云岭乡"]  # so 50万 has no 2024 figure there


def test_the_whole_example_has_no_errors_or_warnings(other_facts, report_facts, table_facts):
    facts = pd.concat([*other_facts.values(), *report_facts.values(), table_facts], ignore_index=True)
    found = lxw_analysis.validate(facts)
    serious = found[found["severity"].isin(["error", "warning"])]
    assert serious.empty, serious["message"].tolist()
