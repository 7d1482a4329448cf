"""The indicator catalogue: every phrasing lands on its id, in reports of any wording."""

import math

import pandas as pd
import pytest

from lxw_analysis import extract_facts, reference
from lxw_analysis.facts import as_facts, fact_row
from lxw_analysis.indicators import FUZZY_THRESHOLD, assign_indicators, catalogue, indicator_table, match_indicator

CONTEXTS = {
    "cadres_sent_to_training": "选派7名村干部参加培训班",
    "cadres_in_degree_programme": "1名村干部参加学历提升工程",
    "cadres_planned_for_degree_programme": "4名村干部纳入2025年村干部学历提升学习计划",
    "collective_income_per_village": "全镇10个村村集体经济收益全部达10万元以上",
    "safety_hazards_rectified": "整改到位安全隐患12处",
}
PHRASINGS = [
    (ind.id, phrasing.rstrip("*") + ("建设广场" if phrasing.endswith("*") else ""))
    for ind in catalogue()
    for phrasing in ind.phrasings
]


@pytest.mark.parametrize("indicator,label", PHRASINGS, ids=[f"{i}:{p}" for i, p in PHRASINGS])
def test_each_phrasing_maps_to_its_indicator(indicator, label):
    ind = next(i for i in catalogue() if i.id == indicator)
    context = CONTEXTS.get(indicator) or (ind.context.pattern if ind.context else "")
    for unit in sorted(ind.units):
        assert match_indicator(label, unit, context, band=ind.band) == indicator, unit


def test_ids_are_unique_and_units_are_units_the_extractor_gives():
    ids = [i.id for i in catalogue()]
    assert len(ids) == len(set(ids))
    units = set(reference.measure_words().values())
    per = {f"{a}/{b}" for a in units for b in units}  # densities and averages: 人/户, 人/平方公里
    assert set().union(*(i.units for i in catalogue())) <= units | per


TOPICS = {
    "study", "organisation", "training", "economy", "collective_economy", "investment", "agriculture",
    "industry", "fiscal", "growth", "infrastructure", "livelihood", "employment", "social_security",
    "housing", "health", "education", "governance", "petitions", "hotline", "safety", "environment", "culture",
}


def test_every_indicator_has_both_labels_a_documented_topic_and_where_it_was_seen():
    table = indicator_table()
    assert table[["id", "topic", "label_zh", "label_en", "unit"]].ne("").all().all()
    assert set(table["topic"]) <= TOPICS
    header = (reference.resources.files("lxw_analysis") / "data" / "indicators.csv").read_text(encoding="utf-8")
    assert all(topic in header.split("\nid,")[0] for topic in TOPICS), "every topic is documented in the header"
    unseen = [i.id for i in catalogue() if not i.seen and i.id not in ORIGINAL_IDS]
    assert unseen == [], "ids grown from real reports say where their phrasings were seen"


#: The ids of the shipped report's catalogue, written from it before the catalogue grew.
ORIGINAL_IDS = {
    "party_committee_study_sessions", "town_staff_study_sessions", "study_exchange_speakers",
    "party_member_rotation_training_rounds", "party_member_rotation_training_rate", "party_member_meetings",
    "branch_committee_meetings", "theme_party_day_activities", "advanced_villages", "intermediate_villages",
    "village_count", "reserve_cadres_trained", "graduates_sent_as_village_assistants",
    "village_secretary_graduate_share", "village_committee_graduate_share", "reserve_secretary_graduate_share",
    "cadres_sent_to_training", "cadres_in_degree_programme", "cadres_planned_for_degree_programme",
    "village_collective_funds_pooled", "project_investment", "collective_income_per_village",
    "collective_income_band_villages", "village_collective_income", "signboards_removed", "wechat_groups_removed",
    "work_list_items_completed", "disputes_found", "disputes_resolved", "public_toilets_built",
    "solar_street_lights_installed",
}


def test_the_catalogue_holds_the_family_of_reports():
    cat = catalogue()
    assert len(cat) >= 200
    assert ORIGINAL_IDS <= {i.id for i in cat}
    by_id = {i.id: i for i in cat}
    assert by_id["gdp"].units == {"元"} and by_id["gdp_growth_rate"].units == {"%"}


@pytest.mark.parametrize(
    "label,unit,indicator",
    [
        ("全年开展党委理论学习中心组学习", "次", "party_committee_study_sessions"),
        ("累计完成固定资产投资", "元", "fixed_asset_investment"),
        ("共排查矛盾纠纷", "起", "disputes_found"),
        ("“主题党日+”活动", "次", "theme_party_day_activities"),
    ],
)
def test_empty_verbs_scope_words_and_quotes_are_set_aside(label, unit, indicator):
    found = match_indicator(label, unit, detail=True)
    assert found[:2] == (indicator, "exact")


@pytest.mark.parametrize(
    "label",
    ["地区生产总值增长", "地区生产总值同比增长", "地区生产总值比上年下降", "地区生产总值增速", "GDP增长"],
)
def test_growth_however_worded_is_one_growth_rate(label):
    assert match_indicator(label, "%") == "gdp_growth_rate"


def test_the_unit_family_guards_the_match():
    assert match_indicator("交流发言", "人") == "study_exchange_speakers"
    assert match_indicator("交流发言", "人次") != "study_exchange_speakers"
    assert match_indicator("党委理论学习", "元") is None


def test_fuzzy_match_above_the_threshold_and_not_below():
    found = match_indicator("全年开展党委理论学习中心组专题学习", "次", detail=True)
    assert found[0] == "party_committee_study_sessions" and found[1] == "fuzzy" and found[2] >= FUZZY_THRESHOLD
    far = match_indicator("党委理论学习中心组专题学习调研座谈", "次", detail=True)
    assert far == (None, "none", far[2]) and math.isnan(far[2])


def test_fuzzy_match_must_agree_on_per_capita_and_growth():
    assert match_indicator("人均地区生产总值", "元") != "gdp"
    assert match_indicator("地区生产总值增长", "%") != "gdp"


def test_an_ambiguous_phrasing_resolves_by_its_clause():
    assert match_indicator("村干部", "人", "1名村干部参加学历提升工程") == "cadres_in_degree_programme"
    assert match_indicator("村干部", "人", "4名村干部纳入2025年村干部学历提升学习计划") == "cadres_planned_for_degree_programme"
    assert match_indicator("村干部", "人", "4名村干部纳入计划", detail=True)[1] in ("context", "none")


def test_a_project_adds_phrasings_and_ids_in_its_references_folder(tmp_path, monkeypatch):
    refs = tmp_path / "references"
    refs.mkdir()
    (refs / "indicators.csv").write_text(
        "# our own wordings\n"
        "id,topic,label_zh,label_en,unit,phrasings\n"
        "party_committee_study_sessions,,,,,党委读书班\n"
        "four_deliberations_meetings,governance,四议两公开议事,Four-deliberations meetings,次,四议两公开议事|四议两公开\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("LXW_PROJECT_DIR", str(tmp_path))
    assert match_indicator("党委读书班", "次") == "party_committee_study_sessions"
    assert match_indicator("党委理论学习", "次") == "party_committee_study_sessions"  # the package's phrasing stays
    assert match_indicator("四议两公开议事", "次") == "four_deliberations_meetings"
    assert "four_deliberations_meetings" in set(indicator_table()["id"])
    monkeypatch.delenv("LXW_PROJECT_DIR")
    assert match_indicator("党委读书班", "次") is None


def test_a_project_catalogue_row_without_labels_for_a_new_id_is_refused(tmp_path, monkeypatch):
    from lxw_analysis import LxwError

    refs = tmp_path / "references"
    refs.mkdir()
    (refs / "indicators.csv").write_text("id,topic,label_zh,label_en,unit,phrasings\nnew_id,,,,,新词\n", encoding="utf-8")
    monkeypatch.setenv("LXW_PROJECT_DIR", str(tmp_path))
    with pytest.raises(LxwError, match="new_id needs topic, label_zh, label_en, unit"):
        match_indicator("新词", "次")


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
    assert extract_facts("种植魔芋300亩")["indicator"].isna().all()


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


def _ids(sentence: str) -> list:
    return [None if pd.isna(i) else i for i in extract_facts(sentence)["indicator"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "文艺分队深入全乡11个行政村巡回宣讲",
        "截至2023年底,全市1268个行政村已实现集体经济收入全覆盖",
        "按照县委统一部署,清溪镇12个村于今年3月底前完成换届",
        "做强特色产业,全镇24个村共承接流转土地",
        "笔者用一个多月时间走遍白果乡9个行政村",
        "平原镇地处多县交界,辖区54个行政村(社区)",
    ],
)
def test_a_scope_right_before_a_count_of_villages_makes_it_the_townships_villages(sentence):
    assert _ids(sentence)[-1] == "village_count"


@pytest.mark.parametrize(
    "sentence",
    ["有4个村仍无村级集体经济收入", "争取青岗、白鹤3个村实施新型农村集体经济项目", "乡班子成员每人联系1至2个村"],
)
def test_villages_after_a_number_without_a_scope_before_it_are_not_the_townships_villages(sentence):
    assert _ids(sentence)[0] != "village_count"


@pytest.mark.parametrize(
    "sentence,indicator",
    [
        ("2025年全镇经济社会发展的主要预期目标是:地区生产总值增长6%左右", "gdp_growth_rate_target"),
        ("全年经济社会发展预期目标:全乡GDP达3.46亿元", "gdp_target"),
        ("力争全年一般公共预算收入达到2600万元", "fiscal_revenue_target"),
        ("确保全年蔬菜种植面积稳定在8000亩以上", None),  # a target the catalogue has no id for
        ("预计全年实现地区生产总值增长5.3%", "gdp_growth_rate"),  # an estimate of the year reached
        ("全镇实现地区生产总值7.4亿元", "gdp"),
        ("完成招商引资任务4180万元", "investment_attracted"),  # the task is the catalogue's own phrasing
    ],
)
def test_a_target_gets_the_target_id_or_none_never_the_level_reached(sentence, indicator):
    assert _ids(sentence)[0] == indicator


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("5万元以下的村减少了87个", ["collective_income_band_villages_change"]),
        ("年收入在100万元以上的村由6个增加到13个", ["collective_income_band_villages"] * 2),
        ("20万元以上的村(社区)2个,10~20万元的4个", ["collective_income_band_villages"] * 2),
    ],
)
def test_a_change_in_a_brackets_count_is_not_the_count(sentence, expected):
    assert _ids(sentence) == expected


def test_a_bracket_after_a_count_of_projects_counts_projects_not_villages():
    facts = extract_facts("在库项目156个,其中5千万以上的72个")
    bracket = facts[facts["value"] == 72].iloc[0]
    assert bracket["band_low"] == 50_000_000 and bracket["label"] == "在库项目"
    assert bracket["indicator"] != "collective_income_band_villages"


@pytest.mark.parametrize(
    "sentence,indicator",
    [
        ("全年上报网格事件3412件,办结率99.5%", "grid_event_closure_rate"),
        ("区长信箱共收到来信65件,办结率96.6%", "letters_closure_rate"),
        ("全年承接12345热线工单1046件,办结率98.7%", "hotline_completion_rate"),
    ],
)
def test_a_closure_rate_is_the_closure_of_what_its_clause_names(sentence, indicator):
    assert _ids(sentence)[-1] == indicator


@pytest.mark.parametrize(
    "sentence,indicator",
    [
        ("每期培训7天", "training_days_per_session"),
        ("每名学员参训不少于十五天", "training_days_per_trainee"),
        ("每期培训56课时", "training_hours_per_session"),
        ("累计授课312课时", "training_class_hours"),
        ("采取集中授课4天", "training_days_classroom"),
        ("基地实训3天", "training_days_practical"),
    ],
)
def test_training_hours_and_days_per_session_per_trainee_and_in_all_are_apart(sentence, indicator):
    assert _ids(sentence) == [indicator]


@pytest.mark.parametrize(
    "sentence,indicator",
    [("全镇总人口3.9万人", "population"), ("全乡户籍人口28416人", "registered_population")],
)
def test_population_as_stated_is_not_the_registered_population(sentence, indicator):
    assert _ids(sentence) == [indicator]


@pytest.mark.parametrize("label", ["5万元至20万元(不含)的村", "5万元至20万元（不含）的村", "村由"])
def test_a_brackets_inclusion_note_and_a_from_marker_are_no_part_of_the_subject(label):
    from lxw_analysis.indicators import subject

    assert subject(label).endswith("村") and "含" not in subject(label) and not subject(label).endswith("由")


# Modeled on a county's 一事一议 report, http://cgjd.org.cn/show-210458.html (…涉及全县14个镇区68个村…).
@pytest.mark.parametrize(
    "sentence",
    ["全镇6个村实施“一事一议”项目,共筹资41.8万元", "全县68个村申报一事一议财政奖补项目", "全乡3个村入选省级美丽乡村示范村"],
)
def test_a_townships_villages_that_take_on_a_project_are_not_all_its_villages(sentence):
    assert _ids(sentence)[0] != "village_count"


# Modeled on a hotline's work standard, https://m.bingdoc.com/p-2667329.html.
@pytest.mark.parametrize(
    "clause,target",
    [
        ("对照“工单回复率100%、按期办结率100%”的标准抓落实", True),
        ("对照按期办结率100%的考核标准逐件督办", True),
        ("对照标准逐项整改问题12个", False),  # a standard without a figure sets none
        ("全年工单按期办结率99.2%", False),
    ],
)
def test_figures_of_a_standard_worked_to_are_targets(clause, target):
    from lxw_analysis.indicators import says_target

    assert says_target(clause) is target


# Modeled on a township government's work report, https://m.wnwk.com/doc/1620832.html
# (预期目标: …达X亿元,增长Y%; …达X亿元,增长Y%; …).
TARGETS_LISTED = (
    "全年主要预期目标:全乡GDP达3.1亿元,增长9%;农村经济总收入达2.9亿元,增长9.5%;"
    "农民人均纯收入达16800元,增长8%。全年实现农村经济总收入2.6亿元;农民人均纯收入15500元。"
)


@pytest.mark.parametrize(
    "number,indicator",
    [
        ("3.1亿元", "gdp_target"),
        ("2.9亿元", "rural_economic_income_target"),
        ("9.5%", "rural_economic_income_growth_rate_target"),
        ("16800元", "rural_net_income_target"),
        ("2.6亿元", "rural_economic_income"),  # after the 。, a level reached again
        ("15500元", "rural_net_income"),
    ],
)
def test_targets_listed_past_a_semicolon_are_targets_until_the_sentence_ends(number, indicator):
    facts = extract_facts(TARGETS_LISTED)
    assert facts.loc[facts["text"] == number, "indicator"].tolist() == [indicator]


def test_a_fuzzy_match_must_agree_on_the_level_of_government():
    # modelled on https://www.liyang.gov.cn/html/czly/2019/AAHAAKIF_1230/1250.html
    assert match_indicator("上报至市级网格中心的", "件") == "grid_events_to_city_centre"
    assert match_indicator("上报至县级网格中心的", "件") is None


def test_a_fuzzy_match_must_agree_on_what_a_bracket_is_of():
    # a bracket of households is no bracket of head of livestock (modelled on http://bx2200.com/renkoupc/xibei/2200_3.html)
    assert match_indicator("乡镇(按户分档)", "个", band=True) == "villages_in_household_band"
    assert match_indicator("乡镇(按头分档)", "个", band=True) is None
