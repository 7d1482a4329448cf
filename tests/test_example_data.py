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
