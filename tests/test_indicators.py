"""The indicator catalogue: every phrasing lands on its id, in reports of any wording."""

import pandas as pd
import pytest

from lxw_analysis import extract_facts, reference
from lxw_analysis.facts import as_facts, fact_row
from lxw_analysis.indicators import assign_indicators, catalogue, indicator_table, match_indicator

CONTEXTS = {
    "cadres_sent_to_training": "选派7名村干部参加培训班",
    "cadres_in_degree_programme": "1名村干部参加学历提升工程",
    "cadres_planned_for_degree_programme": "4名村干部纳入2025年村干部学历提升学习计划",
    "collective_income_per_village": "全镇10个村村集体经济收益全部达10万元以上",
}
PHRASINGS = [
    (ind.id, phrasing.rstrip("*") + ("建设广场" if phrasing.endswith("*") else ""))
    for ind in catalogue()
    for phrasing in ind.phrasings
]


@pytest.mark.parametrize("indicator,label", PHRASINGS, ids=[f"{i}:{p}" for i, p in PHRASINGS])
def test_each_phrasing_maps_to_its_indicator(indicator, label):
    ind = next(i for i in catalogue() if i.id == indicator)
    assert match_indicator(label, ind.unit, CONTEXTS.get(indicator, ""), band=ind.band) == indicator


def test_ids_are_unique_and_units_are_units_the_extractor_gives():
    ids = [i.id for i in catalogue()]
    assert len(ids) == len(set(ids))
    units = set(reference.measure_words().values())
    assert {i.unit for i in catalogue()} <= units


def test_every_indicator_has_both_labels_and_a_topic():
    table = indicator_table()
    assert table[["id", "topic", "label_zh", "label_en", "unit"]].ne("").all().all()
    assert set(table["topic"]) == {"study", "organisation", "training", "economy", "governance", "livelihood"}


def test_training_coverage_indicators_are_in_the_training_topic():
    training = set(indicator_table().query("topic == 'training'")["id"])
    assert {
        "party_member_rotation_training_rate",
        "party_member_rotation_training_rounds",
        "reserve_cadres_trained",
        "cadres_sent_to_training",
        "village_secretary_graduate_share",
        "village_committee_graduate_share",
        "reserve_secretary_graduate_share",
    } <= training


@pytest.mark.parametrize(
    "sentence,indicator",
    [
        ("开展党委理论学习17次", "party_committee_study_sessions"),
        ("开展党委理论学习中心组学习12次", "party_committee_study_sessions"),
        ("召开中心组学习10次", "party_committee_study_sessions"),
        ("开展“主题党日+”活动121次", "theme_party_day_activities"),
        ("开展主题党日活动96次", "theme_party_day_activities"),
        ("轮训率达100%", "party_member_rotation_training_rate"),
        ("党员轮训覆盖率达98%", "party_member_rotation_training_rate"),
        ("党员轮训2期", "party_member_rotation_training_rounds"),
        ("全年排查各类矛盾纠纷28起,化解27起", "disputes_found"),
        ("其中10万至20万的村3个", "collective_income_band_villages"),
        ("全镇10个村均建立村情档案", "village_count"),
        ("全乡8个行政村村集体经济收入均达到10万元以上", "village_count"),
        ("全年排查矛盾纠纷23起,成功调解20起", "disputes_found"),
        ("开展党委理论学习中心组集中学习14次", "party_committee_study_sessions"),
    ],
)
def test_same_statistic_worded_differently_lands_on_one_id(sentence, indicator):
    assert extract_facts(sentence)["indicator"].iloc[0] == indicator


def test_statistic_the_catalogue_does_not_know_has_no_indicator():
    assert extract_facts("种植中药材300亩")["indicator"].isna().all()


def test_same_label_in_another_unit_is_not_that_indicator():
    assert match_indicator("党委理论学习", "人") is None


def test_assign_indicators_fills_only_missing_ids_and_leaves_the_input_alone():
    rows = [
        fact_row(township="某镇", year=2024, label="党员大会", value=3.0, unit="次", qualifier="exact", text="3次", quote="q"),
        fact_row(township="某镇", year=2024, indicator="kept_id", indicator_match="exact", label="支委会", value=5.0,
                 unit="次", qualifier="exact", text="5次", quote="q"),
    ]
    facts = as_facts(rows)
    before = facts.copy()
    out = assign_indicators(facts)
    assert out["indicator"].tolist() == ["party_member_meetings", "kept_id"]
    pd.testing.assert_frame_equal(facts, before)
