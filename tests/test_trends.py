"""Analysis tables on small, made-up facts tables."""

import math

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from lxw_analysis import bands, extract_facts, overview, trends

NAN = float("nan")


def facts_of(*texts):
    """Facts of made-up report sentences (each text names its own year)."""
    return pd.concat([extract_facts(t, township="新寨乡") for t in texts], ignore_index=True)


TWO_YEARS = facts_of(
    "2023年,轮训率达90%,党员轮训2期,排查各类矛盾纠纷20起,化解18起。",
    "2024年,轮训率达96%,党员轮训3期,排查各类矛盾纠纷28起,化解27起。",
)


def test_yoy_gives_change_percent_and_percentage_points():
    got = trends.yoy(TWO_YEARS, ["party_member_rotation_training_rate", "party_member_rotation_training_rounds"])
    expected = pd.DataFrame(
        {
            "indicator": ["party_member_rotation_training_rate"] * 2 + ["party_member_rotation_training_rounds"] * 2,
            "year": [2023, 2024, 2023, 2024],
            "value": [90.0, 96.0, 2.0, 3.0],
            "previous": [NAN, 90.0, NAN, 2.0],
            "change": [NAN, 6.0, NAN, 1.0],
            "pct_change": [NAN, NAN, NAN, 50.0],
            "pp_change": [NAN, 6.0, NAN, NAN],
        }
    )
    columns = list(expected.columns)
    assert_frame_equal(got[columns].astype({"year": "int64"}), expected, check_dtype=False)


def test_yoy_compares_with_the_previous_year_stated_even_across_a_gap():
    facts = facts_of("2021年,党员轮训2期。", "2024年,党员轮训5期。")
    got = trends.yoy(facts)
    assert pd.isna(got["previous_year"].iloc[0]) and math.isnan(got["change"].iloc[0])
    assert (got["previous_year"].iloc[1], got["change"].iloc[1]) == (2021, 3.0)


@pytest.mark.parametrize(
    "texts,base,between,text",
    [
        (("2023年,党员轮训2期。", "2024年,党员轮训3期。"), 2023, "", "+1 (+50%) on 2023 (2 期)"),
        (("2021年,党员轮训2期。", "2024年,党员轮训5期。"), 2021, "2022–2023", "+3 (+150%) on 2021 (2 期; no figure for 2022–2023)"),
        (("2022年,轮训率达90%。", "2024年,轮训率达96.5%。"), 2022, "2023", "+6.5 pp on 2022 (90%; no figure for 2023)"),
    ],
)
def test_every_change_names_its_base_year_and_any_gap(texts, base, between, text):
    last = trends.yoy(facts_of(*texts)).iloc[-1]
    assert (last["base_year"], last["years_between"], last["change_text"]) == (base, between, text)


def test_describe_changes_says_when_years_between_state_no_figure():
    facts = facts_of("2021年,轮训率达90%。", "2024年,轮训率达96%。")
    assert trends.describe_changes(trends.training_coverage(facts)) == (
        "党员轮训率: 96% in 2024 (+6 percentage points on 2021; no figure for 2022–2023)."
    )


def test_year_values_carry_the_quote_and_source_they_come_from():
    facts = facts_of("2024年,在上庄村投资20万元建设广场,在上庄村投资40万元安装路灯80盏。").assign(source="raw/x/2024.txt")
    row = trends.investments_by_village(facts).iloc[0]
    assert (row["wan"], row["text"], row["source"]) == (60.0, "20万元 + 40万元", "raw/x/2024.txt")
    assert row["quote"].startswith("2024年,在上庄村投资20万元")


def test_values_of_indicators_that_add_up_are_summed_within_a_year():
    facts = facts_of("2024年,在上庄村投资20万元建设广场,在上庄村投资40万元安装路灯80盏。")
    got = trends.indicator_by_year(facts, ["project_investment"])
    assert got[["village", "year", "value"]].values.tolist() == [["上庄村", 2024, 600000.0]]


def test_first_statement_is_kept_for_indicators_that_do_not_add_up():
    facts = facts_of("2024年,党员轮训2期,党员轮训3期。")
    assert trends.indicator_by_year(facts)["value"].tolist() == [2.0]


def test_bracket_counts_are_not_year_values():
    facts = facts_of("2024年,其中10万至20万的村3个。")
    assert trends.indicator_by_year(facts).empty


def test_ratio_of_disputes_resolved_to_found():
    got = trends.ratio(TWO_YEARS, "disputes_resolved", "disputes_found")
    expected = pd.DataFrame(
        {"township": ["新寨乡", "新寨乡"], "year": [2023, 2024], "disputes_resolved": [18.0, 27.0],
         "disputes_found": [20.0, 28.0], "rate": [90.0, 27 / 28 * 100]}
    )
    assert_frame_equal(got.astype({"year": "int64"}), expected, check_dtype=False)


def test_ratio_without_a_denominator_has_no_rate():
    got = trends.ratio(facts_of("2024年,化解纠纷5起。"), "disputes_resolved", "disputes_found")
    assert got["rate"].isna().all()


def test_training_coverage_lists_training_indicators_with_both_labels():
    got = trends.training_coverage(TWO_YEARS)
    assert set(got["indicator"]) == {"party_member_rotation_training_rate", "party_member_rotation_training_rounds"}
    assert got[["label_zh", "label_en"]].notna().all().all() and set(got["topic"]) == {"training"}


def test_describe_changes_states_latest_values_and_percentage_points():
    text = trends.describe_changes(trends.training_coverage(TWO_YEARS))
    assert "党员轮训率: 96% in 2024 (+6 percentage points on 2023)." in text
    assert "党员轮训期数: 3 期 in 2024 (+1 on 2023)." in text


@pytest.mark.parametrize("years,phrase", [([2024], "trends need a second year"), ([2023, 2024], "2 years of data")])
def test_trend_note_says_whether_trends_can_be_shown(years, phrase):
    assert phrase in trends.trend_note(TWO_YEARS[TWO_YEARS["year"].isin(years)])


DIFFERENT_EDGES = facts_of(
    "2022年,全乡8个村,其中5万至10万的村3个、10万至20万的村4个、20万以上的村1个。",
    "2023年,全乡8个村,其中10万至20万的村4个、20万至30万的村2个、30万至50万的村1个、50万以上的村1个。",
)


def test_common_thresholds_are_edges_every_year_shares():
    assert bands.common_thresholds(DIFFERENT_EDGES) == [100000.0, 200000.0]


def test_villages_at_or_above_thresholds_compare_years_with_different_edges():
    got = bands.villages_at_or_above(DIFFERENT_EDGES)
    table = got.pivot_table(index="threshold", columns="year", values="villages", dropna=False)
    assert table.loc[100000.0].tolist() == [5.0, 8.0]
    assert table.loc[200000.0].tolist() == [1.0, 4.0]
    assert math.isnan(table.loc[500000.0, 2022]) and table.loc[500000.0, 2023] == 1.0  # 20万以上 straddles 50万
    assert got.loc[(got["year"] == 2023) & (got["threshold"] == 100000.0), "share"].iloc[0] == 100.0


def test_share_is_of_the_stated_village_total():
    got = bands.villages_at_or_above(facts_of("2024年,全镇10个村,其中50万以上的村5个。"), [500000])
    assert got[["villages", "total", "share"]].values.tolist() == [[5.0, 10.0, 50.0]]


def test_analysis_functions_leave_their_input_unchanged():
    before = TWO_YEARS.copy()
    trends.yoy(TWO_YEARS)
    trends.ratio(TWO_YEARS, "disputes_resolved", "disputes_found")
    bands.villages_at_or_above(DIFFERENT_EDGES)
    assert_frame_equal(TWO_YEARS, before)


def test_facts_per_section_counts_in_report_order():
    facts = facts_of("以组织建设为重点,聚焦。评定先进村6个,中间村4个。\n以产业发展为抓手,聚焦。投资20万元。")
    expected = pd.DataFrame({"year": [pd.NA, pd.NA], "section": ["以组织建设为重点", "以产业发展为抓手"], "statistics": [2, 1]})
    got = overview.facts_per_section(facts)
    assert_frame_equal(got.astype({"year": "object", "section": "object"}), expected.astype({"year": "object"}), check_dtype=False)


def test_sources_lists_each_file_with_its_statistics():
    got = overview.sources(TWO_YEARS.assign(source=["a.txt"] * 4 + ["b.txt"] * 4))
    assert got[["source", "year", "statistics"]].values.tolist() == [["a.txt", 2023, 4], ["b.txt", 2024, 4]]


def test_sources_count_a_table_as_one_file_however_many_cells():
    cells = TWO_YEARS.assign(source=[f"raw/x/v.xlsx#Sheet1!B{i}" for i in range(2, 10)])
    got = overview.sources(pd.concat([cells, TWO_YEARS.assign(source="raw/x/2024.txt")]))
    assert got[["source", "kind"]].drop_duplicates().values.tolist() == [["raw/x/2024.txt", "report"], ["raw/x/v.xlsx", "table"]]


def test_years_of_lists_the_years_ascending():
    assert trends.years_of(TWO_YEARS) == [2023, 2024]


def test_with_labels_adds_both_labels_in_catalogue_order():
    table = pd.DataFrame({"indicator": ["disputes_resolved", "party_committee_study_sessions"], "year": [2024, 2024]})
    got = trends.with_labels(table)
    assert got["indicator"].tolist() == ["party_committee_study_sessions", "disputes_resolved"]
    assert got["label_en"].tolist() == ["Party committee theory study sessions", "Disputes resolved"]


#: Made up, in another township's style: 集中轮训, 选派…参加学历提升工程, 储备后备干部, 结业学员, 调解成功率.
MADEUP_OTHER_STYLE = (
    "2023年，青石乡组织党员集中轮训3期，参训党员412人次，轮训覆盖率96.5%；选派5名村干部参加学历提升工程，"
    "储备村级后备干部18人。举办农民夜校培训班4期，结业学员126人。全年排查化解矛盾纠纷36起，调解成功率97.2%。"
)


def test_training_and_governance_reports_pick_up_statistics_worded_another_way():
    facts = extract_facts(MADEUP_OTHER_STYLE, township="青石乡")
    training = set(trends.training_coverage(facts)["indicator"])
    assert {
        "party_member_rotation_training_rounds", "party_member_rotation_training_rate", "cadres_in_degree_programme",
        "reserve_cadres_trained", "party_member_training_person_times", "trainees_completed",
    } <= training
    governance = set(trends.topic(facts, "governance")["indicator"])
    assert {"disputes_found", "mediation_success_rate"} <= governance  # 调解成功率: mediated disputes settled


def test_an_uncatalogued_statistic_pairs_across_years_by_its_subject():
    facts = pd.concat([
        extract_facts("2023年,某某镇开展“四议两公开”议事12次。"),
        extract_facts("2024年,某某镇开展“四议两公开”议事15次。"),
    ])
    table = trends.yoy(facts)
    row = table[table["year"] == 2024].iloc[0]
    assert row["indicator"] == "unlisted:四议两公开议事/次" and row["change"] == 3
    assert trends.yoy(facts, unlisted=False).empty
