"""The county view: townships side by side, on made-up reports of three made-up townships.

东岭镇 (2023–2024), 西河乡 (2023–2024) and 南坪镇 (2022–2023, no 2024 report) are
fictitious; every sentence below is made up for these tests.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from matplotlib import pyplot as plt

from lxw_analysis import county, countyplots, extract_facts
from lxw_analysis.build import notebook_scope
from lxw_analysis.facts import write_facts

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "05_county_comparison.ipynb"
BANNER = "made-up townships for the county tests"

MADEUP_REPORTS = {
    ("东岭镇", 2023): "全镇辖10个行政村。开展党委理论学习12次，党员轮训2期，轮训率达90%。排查矛盾纠纷20起，化解18起。"
    "村集体经济收入10万元至50万元的村6个、50万元以上的村4个。",
    ("东岭镇", 2024): "全镇辖10个行政村。开展党委理论学习15次，党员轮训3期，轮训率达96%。排查矛盾纠纷25起，化解25起。"
    "村集体经济收入10万元至20万元的村3个、20万元以上的村7个。",
    ("西河乡", 2023): "全乡辖8个行政村。开展党委理论学习10次，轮训率达85%。排查矛盾纠纷16起，化解12起。",
    ("西河乡", 2024): "全乡辖8个行政村。开展党委理论学习18次，轮训率达98%，党员培训覆盖率达80%。排查矛盾纠纷12起，化解12起。"
    "村集体经济收入5万元以下的村2个、5万元至10万元的村2个、10万元以上的村4个。现有集体经济薄弱村2个。",
    ("南坪镇", 2022): "全镇辖6个行政村。开展党委理论学习9次，轮训率达80%。",
    ("南坪镇", 2023): "全镇辖6个行政村。开展党委理论学习11次，轮训率达88%。矛盾纠纷调处成功率达到95%。仍有集体经济空壳村1个。",
}
STUDY, RATE = "party_committee_study_sessions", "party_member_rotation_training_rate"


def facts_of(*townships: str) -> pd.DataFrame:
    parts = [
        extract_facts(text, year=year, township=township, source=f"raw/{township}/madeup_{year}.txt")
        for (township, year), text in MADEUP_REPORTS.items()
        if township in townships
    ]
    return pd.concat(parts, ignore_index=True)


ONE = facts_of("东岭镇")
TWO = facts_of("东岭镇", "西河乡")
THREE = facts_of("东岭镇", "西河乡", "南坪镇")


def rows_of(table: pd.DataFrame, **where) -> pd.DataFrame:
    keep = pd.Series(True, index=table.index)
    for column, value in where.items():
        keep &= table[column].eq(value).fillna(False).astype(bool)
    return table[keep]


def one(table: pd.DataFrame, **where) -> pd.Series:
    found = rows_of(table, **where)
    assert len(found) == 1, (where, found)
    return found.iloc[0]


# --- the latest year, side by side ---------------------------------------------------------


def test_two_townships_are_ranked_by_their_latest_value_with_the_change_on_the_base_year():
    table = county.compare_townships(TWO, [STUDY])
    assert table[["township", "year", "value", "base_year", "base_value", "change", "rank", "of"]].values.tolist() == [
        ["西河乡", 2024, 18.0, 2023, 10.0, 8.0, 1, 2],
        ["东岭镇", 2024, 15.0, 2023, 12.0, 3.0, 2, 2],
    ]


def test_a_rate_changes_in_percentage_points():
    row = one(county.compare_townships(TWO, [RATE]), township="西河乡")
    assert (row["value"], row["base_year"], row["pp_change"]) == (98.0, 2023, 13.0)
    assert math.isnan(row["pct_change"])


def test_three_townships_are_ranked_among_those_stating_the_indicator_that_year():
    table = county.compare_townships(THREE, [STUDY])
    assert table["township"].tolist() == ["西河乡", "东岭镇", "南坪镇"]
    assert table["rank"].tolist()[:2] == [1, 2] and set(table["of"]) == {2}


def test_a_township_missing_the_latest_year_keeps_its_row_with_no_value_and_says_when_it_last_stated_it():
    row = one(county.compare_townships(THREE, [STUDY]), township="南坪镇")
    assert row["year"] == 2024 and math.isnan(row["value"]) and pd.isna(row["rank"])
    assert row["last_year"] == 2023
    sentence = county.describe_comparison(county.compare_townships(THREE, [STUDY]))
    assert sentence == "党委理论学习 in 2024: 西河乡 18 次, 东岭镇 15 次; 南坪镇 last stated it in 2023."


def test_an_earlier_year_compares_every_township_that_states_it_then():
    table = county.compare_townships(THREE, [STUDY], year=2023)
    assert table[["township", "value", "rank", "of"]].values.tolist() == [
        ["东岭镇", 12.0, 1, 3], ["南坪镇", 11.0, 2, 3], ["西河乡", 10.0, 3, 3],
    ]
    assert one(table, township="南坪镇")["base_year"] == 2022


def test_the_base_year_is_the_last_earlier_year_stated_even_across_a_gap():
    gap = pd.concat([
        THREE,
        extract_facts("开展党委理论学习8次。", year=2021, township="北山乡"),
        extract_facts("开展党委理论学习14次。", year=2024, township="北山乡"),
    ], ignore_index=True)
    row = one(county.compare_townships(gap, [STUDY]), township="北山乡")
    assert (row["base_year"], row["base_value"], row["change"], row["rank"]) == (2021, 8.0, 6.0, 3)


def test_townships_with_the_same_value_share_a_rank():
    tied = pd.concat([TWO, extract_facts("开展党委理论学习18次。", year=2024, township="北山乡")], ignore_index=True)
    table = county.compare_townships(tied, [STUDY])
    assert dict(zip(table["township"], table["rank"])) == {"北山乡": 1, "西河乡": 1, "东岭镇": 3}


def test_by_default_only_indicators_several_townships_report_are_compared():
    table = county.compare_townships(THREE)
    assert "training_coverage_rate" not in set(table["indicator"])  # only 西河乡 states it
    assert {STUDY, RATE, "village_count", "disputes_found"} <= set(table["indicator"])
    assert (table.groupby("indicator")["township"].nunique() >= 2).all()


def test_an_indicator_only_one_township_reports_is_compared_when_asked_for():
    table = county.compare_townships(THREE, ["training_coverage_rate"])
    assert table[["township", "year", "value", "rank", "of"]].values.tolist() == [["西河乡", 2024, 80.0, 1, 1]]


def test_one_township_only_has_nothing_to_compare():
    table = county.compare_townships(ONE)
    assert table.empty and "rank" in table.columns and "quote" in table.columns
    assert "needs a second township" in county.describe_project(ONE)
    assert county.describe_project(THREE) == (
        "3 townships: 东岭镇 (2023–2024), 西河乡 (2023–2024), 南坪镇 (2022–2023). The tables below set them side by side."
    )


def test_every_compared_value_keeps_the_sentence_and_file_it_comes_from():
    table = county.compare_townships(THREE)
    stated = table[table["value"].notna()]
    assert stated["quote"].notna().all() and stated["source"].notna().all()
    row = one(stated, indicator=STUDY, township="西河乡")
    assert "党委理论学习18次" in row["quote"] and row["source"] == "raw/西河乡/madeup_2024.txt"


def test_the_comparison_leaves_its_input_as_it_was():
    before = THREE.copy()
    county.compare_townships(THREE)
    county.income_thresholds_by_township(THREE)
    county.rates_side_by_side(THREE)
    county.coverage(THREE)
    pd.testing.assert_frame_equal(THREE, before)


# --- village collective income -------------------------------------------------------------


def test_income_thresholds_follow_the_comparable_threshold_rule_per_township_and_year():
    table = county.income_thresholds_by_township(THREE)
    got = table[["township", "year", "villages", "villages_10万", "share_10万", "villages_50万", "share_50万"]]
    expected = [
        ["东岭镇", 2023, 10.0, 10.0, 100.0, 4.0, 40.0],
        ["东岭镇", 2024, 10.0, 10.0, 100.0, math.nan, math.nan],  # 20万以上 straddles 50万
        ["西河乡", 2024, 8.0, 4.0, 50.0, math.nan, math.nan],  # 10万以上 straddles 50万
    ]
    for row, want in zip(rows_of(got, township="东岭镇").values.tolist() + rows_of(got, township="西河乡").values.tolist(), expected):
        assert row[:3] == want[:3]
        assert all((math.isnan(a) and math.isnan(b)) or a == pytest.approx(b) for a, b in zip(row[3:], want[3:])), row


def test_villages_of_weak_or_no_collective_income_are_counted_where_stated():
    table = county.income_thresholds_by_township(THREE)
    assert one(table, township="西河乡", year=2024)["weak"] == 2.0
    nanping = one(table, township="南坪镇", year=2023)
    assert nanping["no_income"] == 1.0 and math.isnan(nanping["share_10万"])  # no brackets: no share
    assert math.isnan(one(table, township="东岭镇", year=2023)["weak"])


def test_income_rows_quote_the_brackets_and_the_village_total():
    row = one(county.income_thresholds_by_township(THREE), township="东岭镇", year=2023)
    assert "全镇辖10个行政村" in row["quote"] and "50万元以上的村4个" in row["quote"]
    assert row["source"] == "raw/东岭镇/madeup_2023.txt"


# --- rates side by side --------------------------------------------------------------------


def test_dispute_resolution_is_resolved_of_found_else_the_rate_stated():
    rates = county.rates_side_by_side(THREE)
    disputes = rows_of(rates, measure="dispute_resolution")
    dongling = rows_of(disputes, township="东岭镇")
    assert dongling[["year", "rate", "base_year", "pp_change", "how"]].values.tolist() == [
        [2023, 90.0, pd.NA, pytest.approx(math.nan, nan_ok=True), "resolved / found"],
        [2024, 100.0, 2023, 10.0, "resolved / found"],
    ]
    nanping = one(disputes, township="南坪镇")
    assert (nanping["rate"], nanping["how"]) == (95.0, "stated") and "调处成功率" in nanping["quote"]


def test_training_rates_of_one_year_stand_together_with_their_percentage_point_changes():
    rates = rows_of(county.rates_side_by_side(THREE), measure=RATE)
    assert rates[["year", "township"]].values.tolist() == [
        [2022, "南坪镇"], [2023, "东岭镇"], [2023, "南坪镇"], [2023, "西河乡"], [2024, "东岭镇"], [2024, "西河乡"],
    ]
    assert one(rates, township="南坪镇", year=2023)["pp_change"] == 8.0
    assert rates["quote"].str.contains("轮训率达").all()


# --- coverage ------------------------------------------------------------------------------


def test_coverage_shows_who_stated_what_and_when_rather_than_hiding_gaps():
    table = county.coverage(THREE, [STUDY, "training_coverage_rate"]).set_index(["indicator", "township"])
    assert list(table.columns) == ["label_zh", "2022", "2023", "2024"]
    assert table.loc[(STUDY, "南坪镇"), ["2022", "2023", "2024"]].tolist() == ["✓", "✓", "no data"]
    assert table.loc[(STUDY, "东岭镇"), ["2022", "2023", "2024"]].tolist() == ["no data", "✓", "✓"]
    assert table.loc[("training_coverage_rate", "东岭镇"), ["2023", "2024"]].tolist() == ["—", "—"]
    assert table.loc[("training_coverage_rate", "西河乡"), ["2023", "2024"]].tolist() == ["—", "✓"]


def test_coverage_covers_every_headline_indicator_and_township_by_default():
    table = county.coverage(THREE)
    assert len(table) == len(county.HEADLINE) * 3
    sentence = county.describe_coverage(table)
    assert "培训覆盖率 (西河乡)" in sentence and "Stated by every township: 党委理论学习, 党员轮训率" in sentence


# --- small multiples -----------------------------------------------------------------------


def test_small_multiples_give_each_township_a_panel_on_shared_axes():
    headline = county.headline_by_year(THREE)
    rows = rows_of(headline, indicator="training_coverage_rate")
    fig = countyplots.indicator_panels(rows, county.townships_of(THREE), [2022, 2023, 2024])
    try:
        panels = [ax for ax in fig.axes if ax.get_visible()]
        assert [ax.get_title() for ax in panels] == ["东岭镇", "西河乡", "南坪镇"]
        assert len({ax.get_ylim() for ax in panels}) == 1 and len({ax.get_xlim() for ax in panels}) == 1
        assert panels[0].get_ylim()[0] == 0
        texts = {ax.get_title(): [t.get_text() for t in ax.texts] for ax in panels}
        assert texts["东岭镇"] == [countyplots.NOT_STATED] and texts["南坪镇"] == [countyplots.NOT_STATED]
        assert texts["西河乡"] == ["80%"]
        assert fig.lxw_alt.endswith("东岭镇: not stated; 西河乡: 80% in 2024; 南坪镇: not stated.")
    finally:
        plt.close(fig)


@pytest.mark.parametrize("share", [80.0, 140.0, 32_000.0])
def test_a_percent_chart_keeps_a_few_ticks_whatever_the_largest_share(share):
    table = pd.DataFrame({"township": ["甲镇", "甲镇"], "year": [2023, 2024], "share": [40.0, share]})
    fig = countyplots.small_multiples(table, "share", "村占比", "%", percent=True)
    try:
        ticks = fig.axes[0].get_yticks()
        assert 3 <= len(ticks) <= 12 and ticks[0] == 0 and fig.axes[0].get_ylim()[1] >= share
    finally:
        plt.close(fig)


#: Made-up values of ten made-up townships (the made-up projects of benchmarks/builds.py have ten).
MADEUP_TEN = pd.DataFrame(
    [{"township": f"示例{i}镇", "year": y, "value": float(10 * i + y - 2020)} for i in range(1, 11) for y in (2023, 2024)]
    + [{"township": "示例十一镇", "year": 2024, "value": 1_500_000.0}]
)


@pytest.mark.parametrize("townships", [2, 3, 10, 11], ids=lambda n: f"{n}_townships")
def test_the_small_multiples_fit_their_figure_as_saved_without_cropping(townships):
    table = MADEUP_TEN[MADEUP_TEN["township"].isin(MADEUP_TEN["township"].unique()[:townships])]
    fig = countyplots.small_multiples(table, "value", "党委理论学习 (study sessions)", "次")
    try:
        assert fig.lxw_fitted  # present.figure saves it as it is
        renderer = fig.canvas.get_renderer()
        fig.draw(renderer)
        edge = fig.bbox
        texts = [t for t in fig.findobj(plt.Text) if t.get_visible() and t.get_text()]
        outside = [t.get_text() for t in texts if not (edge.contains(*t.get_window_extent(renderer).min)
                                                       and edge.contains(*t.get_window_extent(renderer).max))]
        assert outside == []
    finally:
        plt.close(fig)


@pytest.mark.parametrize(("townships", "labelled"), [(3, [0, 1, 2]), (10, [7, 8, 9]), (5, [2, 3, 4])])
def test_every_column_of_panels_has_its_years_under_its_last_panel(townships, labelled):
    table = MADEUP_TEN[MADEUP_TEN["township"].isin(MADEUP_TEN["township"].unique()[:townships])]
    fig = countyplots.small_multiples(table, "value", "党委理论学习", "次")
    try:
        shown = [i for i, ax in enumerate(fig.axes) if any(t.get_visible() for t in ax.get_xticklabels())]
        assert shown == labelled
    finally:
        plt.close(fig)


def test_the_threshold_chart_draws_a_line_per_threshold_in_each_township():
    fig = countyplots.threshold_panels(county.income_thresholds_by_township(TWO), ["东岭镇", "西河乡"])
    try:
        dongling = fig.axes[0]
        assert dongling.get_title() == "东岭镇" and len(dongling.lines) == 2
        assert "东岭镇: 10万以上 100% in 2023, 100% in 2024; 50万以上 40% in 2023" in fig.lxw_alt
    finally:
        plt.close(fig)


# --- the notebook --------------------------------------------------------------------------


def test_the_county_notebook_is_rendered_once_for_the_project_and_takes_the_project_parameters():
    assert notebook_scope(NOTEBOOK) == "project"
    nb = nbformat.read(NOTEBOOK, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert re.findall(r"^(\w+) = None", tagged[0].source, re.M) == ["townships", "years", "data_dir", "banner"]


def run_county_notebook(tmp_path: Path, facts: pd.DataFrame) -> str:
    from lxw_analysis import notebooks

    write_facts(facts, tmp_path)
    params = {"townships": county.townships_of(facts), "years": None, "data_dir": str(tmp_path), "banner": BANNER}
    return notebooks.to_html(notebooks.execute(NOTEBOOK, params), "County comparison")


def test_the_notebook_on_three_townships_sets_them_side_by_side(tmp_path):
    page = run_county_notebook(tmp_path, THREE)
    assert BANNER in page
    for heading in ("最新一年", "主要指标逐年", "村集体经济收入", "培训覆盖率与矛盾纠纷化解率", "报告覆盖"):
        assert heading in page, heading
    assert "党委理论学习 in 2024: 西河乡 18 次, 东岭镇 15 次; 南坪镇 last stated it in 2023." in page
    charts = re.findall(r'<img[^>]+src="data:image/png;base64,', page)
    stated = county.headline_by_year(THREE)["indicator"].nunique()
    assert len(charts) >= stated + 1 + 2  # a chart per headline indicator, the thresholds, two rates
    assert "raw/南坪镇/madeup_2023.txt" in page and "Traceback" not in page


def test_the_notebook_on_one_township_says_plainly_that_it_needs_a_second(tmp_path):
    page = run_county_notebook(tmp_path, ONE)
    assert BANNER in page
    assert "the county comparison needs a second township" in page
    assert not re.search(r"<img[^>]+src=\"data:image/png", page) and not re.search(r"<table[^>]*lxw-table", page)
    assert "最新一年" not in page
