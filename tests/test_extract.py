"""Extraction rules, one behaviour per test, on short sentences."""

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lxw_analysis import FACT_COLUMNS, extract_facts, infer_township, infer_year
from lxw_analysis.segment import Layout
from lxw_analysis.villages import village_mentions


def one(sentence: str) -> dict:
    df = extract_facts(sentence, year=2024, township="某镇")
    assert len(df) == 1, df[["text", "value", "unit"]].to_string()
    return df.iloc[0].to_dict()


def texts(sentence: str) -> list[str]:
    return extract_facts(sentence, year=2024, township="某镇")["text"].tolist()


@pytest.mark.parametrize(
    "sentence,value,unit",
    [
        ("开展学习17次", 17, "次"),
        ("培训干部80名", 80, "人"),
        ("慰问老党员12位", 12, "人"),
        ("帮扶群众35人", 35, "人"),
        ("培训群众1200人次", 1200, "人次"),
        ("建成产业项目5个", 5, "个"),
        ("党员轮训2期", 2, "期"),
        ("完成事项30项", 30, "项"),
        ("化解纠纷27起", 27, "起"),
        ("安装路灯80盏", 80, "盏"),
        ("修建厕所1处", 1, "处"),
        ("走访农户120户", 120, "户"),
        ("种植青稞500亩", 500, "亩"),
        ("举办讲座6场", 6, "场"),
        ("发放物资3批", 3, "批"),
        ("引进企业4家", 4, "家"),
        ("新建桥梁2座", 2, "座"),
        ("硬化道路5条", 5, "条"),
        ("硬化道路12公里", 12, "公里"),
        ("硬化道路12千米", 12, "公里"),
        ("新建广场800平方米", 800, "平方米"),
        ("收购牛奶30吨", 30, "吨"),
        ("新增牦牛200头", 200, "头"),
        ("建成幼儿园1所", 1, "所"),
        ("培训3个月", 3, "个月"),
        ("培训6个多月", 6, "个月"),
        ("排查用时2个小时", 2, "小时"),
        ("投资150万元", 1_500_000, "元"),
        ("投资1.2亿元", 120_000_000, "元"),
        ("发放补助3000元", 3000, "元"),
        ("投资3.5万元", 35_000, "元"),
        ("惠及3.5万人", 35_000, "人"),
        ("轮训率达100%", 100, "%"),
        ("轮训率达１００％", 100, "%"),
        ("占百分之三十", 30, "%"),
        ("提高2个百分点", 2, "百分点"),
        ("开展学习十七次", 17, "次"),
        ("开展活动一百二十一次", 121, "次"),
        ("选派两名大学生", 2, "人"),
        ("服务队12支", 12, "支"),
        ("排查3轮", 3, "轮"),
        ("土地纠纷3宗", 3, "宗"),
        ("接种1.2万剂次", 12_000, "剂次"),
        ("排水渠3000延米", 3000, "米"),
        ("用房1200㎡", 1200, "平方米"),
        ("发电26万千瓦时", 260_000, "千瓦时"),
        ("增长1.2倍", 1.2, "倍"),
        ("一点五亿元", 150_000_000, "元"),
        ("投资 120 万元", 1_200_000, "元"),
        ("修建村道 3.5 公里", 3.5, "公里"),
        ("争取资金120万,", 1_200_000, "元"),
        ("完成投资1.2亿", 120_000_000, "元"),
    ],
)
def test_number_and_measure_word(sentence, value, unit):
    fact = one(sentence)
    assert (fact["value"], fact["unit"]) == (value, unit)


@pytest.mark.parametrize(
    "sentence,qualifier,value",
    [
        ("交流发言50余人", "more_than", 50),
        ("交流发言50多人", "more_than", 50),
        ("召开会议三十余次", "more_than", 30),
        ("救助金万余元", "more_than", 10_000),
        ("超过60%", "more_than", 60),
        ("收益全部达10万元以上", "at_least", 100_000),
        ("不少于200个", "at_least", 200),
        ("约30场", "approx", 30),
        ("近百户", "approx", 100),
        ("3万元左右", "approx", 30_000),
        ("降至1%以下", "at_most", 1),
        ("不足5%", "at_most", 5),
        ("开展学习17次", "exact", 17),
        ("争取上级资金2000余万元", "more_than", 20_000_000),
        ("撬动社会资本1000多万元", "more_than", 10_000_000),
        ("发放救助金十余万元", "more_than", 100_000),
        ("百分之九十以上", "at_least", 90),
        ("百分之一以下", "at_most", 1),
        ("整治户数超3000户", "more_than", 3000),
        ("突破1亿元", "more_than", 100_000_000),
        ("家庭医生签约5600人", "exact", 5600),
        ("新签约5个招商引资项目", "exact", 5),
        ("附近5个村", "exact", 5),
        ("就近就业300人", "exact", 300),
        ("全年接待游客上万人次", "at_least", 10_000),
        ("带动投资上亿元", "at_least", 100_000_000),
        ("组织群众上百人参加", "at_least", 100),
        ("比上年增长5%", "exact", 5),
        ("60岁以上百余人参加体检", "more_than", 100),
        ("培训持续6个多月", "more_than", 6),
        ("会议持续两个多小时", "more_than", 2),
    ],
)
def test_qualifier(sentence, qualifier, value):
    fact = one(sentence)
    assert (fact["qualifier"], fact["value"]) == (qualifier, value)


def test_more_than_qualifier_from_yu():
    assert one("交流发言50余人")["qualifier"] == "more_than"


@pytest.mark.parametrize(
    "sentence,low,high,unit",
    [
        ("收入10万至20万元", 100_000, 200_000, "元"),
        ("投入资金10-20万元", 100_000, 200_000, "元"),
        ("投入资金10~20万元", 100_000, 200_000, "元"),
        ("投入资金10～20万元", 100_000, 200_000, "元"),
        ("培训1500-2000人次", 1500, 2000, "人次"),
        ("新建温室5至8座", 5, 8, "座"),
        ("开展三到五次", 3, 5, "次"),
        ("每亩增收800元至1200元", 800, 1200, "元"),
        ("收入增幅为5%-8%", 5, 8, "%"),
        ("约1,200万元至1,500万元", 12_000_000, 15_000_000, "元"),
        ("增收三至五万元", 30_000, 50_000, "元"),
        ("七八个村", 7, 8, "个"),
        ("两三户", 2, 3, "户"),
    ],
)
def test_range_has_value_and_upper(sentence, low, high, unit):
    fact = one(sentence)
    assert (fact["value"], fact["upper"], fact["unit"], fact["qualifier"]) == (low, high, unit, "range")


@pytest.mark.parametrize(
    "sentence,count,low,high",
    [
        ("其中10万至20万的村3个", 3, 100_000, 200_000),
        ("其中50万以上的村5个", 5, 500_000, None),
        ("收入5万元以下的村2个", 2, None, 50_000),
        ("收入5万至10万元的村有4个", 4, 50_000, 100_000),
        ("收入10-20万元的户12户", 12, 100_000, 200_000),
        ("年经营性收入5万元至10万元的村4个", 4, 50_000, 100_000),
        ("收入在10万元至20万元之间的村有3个", 3, 100_000, 200_000),
        ("超过50万元的村1个", 1, 500_000, None),
    ],
)
def test_count_inside_bracket_of_another_measure(sentence, count, low, high):
    fact = one(sentence)
    assert fact["value"] == count
    assert (fact["band_low"] == low) if low is not None else math.isnan(fact["band_low"])
    assert (fact["band_high"] == high) if high is not None else math.isnan(fact["band_high"])


@pytest.mark.parametrize("sentence", ["收入达到10万元的村12个", "经营性收入10万元的村已有12个"])
def test_an_amount_reached_by_villages_is_an_open_bracket(sentence):
    fact = one(sentence)
    assert (fact["value"], fact["band_low"]) == (12, 100_000) and math.isnan(fact["band_high"])


def test_an_amount_of_one_thing_then_a_count_of_it_is_no_bracket():
    df = extract_facts("引进投资3000万元的生态养殖场一个。")
    assert df["value"].tolist() == [30_000_000, 1] and df["band_low"].isna().all()


def test_bracket_bounds_are_not_facts_of_their_own():
    assert texts("其中10万至20万的村3个、20万至30万的村1个") == ["10万至20万的村3个", "20万至30万的村1个"]


@pytest.mark.parametrize(
    "sentence",
    [
        "严格执行“第一议题”制度",
        "落实“六个一”工作要求",
        "持续深化“五力提升工程”",
        "坚持“三治融合”",
        "学习党的二十届三中全会精神",
        "通过周五集中学习会开展学习",
        "周一制定下发",
        "依托G310国道的优势",
        "2024年,全面推进",
        "纳入2025年村干部学历提升学习计划",
        "探索出一条村集体经济发展壮大的有效途径",
        "通过“选、育、管、用”四项举措",
        "落实中央八项规定精神",
        "增强“四个意识”和两个维护",
        "第3期培训班开班",
        "千家万户受益",
        "编制“十四五”规划",
        "十四五期间",
        "于2023年12月31日完成",
        "学习《关于加强10项工作的意见》",
        "第 3 期培训",
        "二期工程",
        "三期项目",
        "第一、二期培训",
        "二次供水",
        "二十届中央纪委三次全会",
        "镇第十七届人大三次会议",
        "坚持四个不摘",
        "实现两个全覆盖",
        "推行五个一工作法",
        "三个一批",
        "两条腿走路",
        "两位数增长",
        "十户联防",
        "五户联保小组",
        "成立三人小组",
        "百名干部进千家",
        "24小时服务热线",
        "七一期间走访",
        "五一期间接待游客",
        "十一期间",
        "搬迁至7栋3单元",
    ],
)
def test_numeral_that_is_not_a_statistic(sentence):
    assert texts(sentence) == []


def test_an_address_is_not_a_count_but_buildings_and_flats_are():
    assert texts("建成安置房7栋120套,首批群众入住5栋2单元") == ["7栋", "120套"]


@pytest.mark.parametrize(
    "sentence,village",
    [
        ("在曲卜藏村投资35万元安装太阳能路灯80盏", "曲卜藏村"),
        ("立足豆后浪村拉塘草原天然优势,投资20万元建设露营基地", "豆后浪村"),
        ("在新庄村建成温室5座", "新庄村"),
        ("依托上坪村区位优势,投资18万元建设广场", "上坪村"),
        ("引导叶后浪、多拉、仍果三村成立联合党支部,整合村集体资金150万元", None),
        ("全镇10个村均建立村情档案", None),
        ("在曲卜藏村、豆后浪村分别投资20万元建设广场", None),
    ],
)
def test_village_attribution_from_the_clause(sentence, village):
    got = extract_facts(sentence, year=2024, township="拉西瓦镇")["village"]
    assert got.tolist() == [village] * len(got) if village else got.isna().all()
    assert len(got) > 0


@pytest.mark.parametrize(
    "sentence,village",
    [
        # The nearest earlier clause of the sentence that names a village decides …
        ("依托曲卜藏村优势,投资20万元建设广场", "曲卜藏村"),
        ("依托曲卜藏村优势,结合实际,投资20万元建设广场", "曲卜藏村"),
        ("在曲卜藏村,依托豆后浪村优势,投资20万元建设广场", "豆后浪村"),
        # … unless it names several, or a scope word comes between …
        ("依托曲卜藏村和豆后浪村优势,投资20万元建设广场", None),
        ("依托曲卜藏村优势,全镇统筹,投资20万元建设广场", None),
        # … and a village of an earlier sentence does not carry over.
        ("在曲卜藏村召开会议。投资20万元建设广场", None),
    ],
)
def test_village_from_an_earlier_clause_of_the_sentence(sentence, village):
    got = extract_facts(sentence, year=2024, township="拉西瓦镇")
    assert got["text"].tolist() == ["20万元"]
    assert got["village"].tolist() == [village] if village else got["village"].isna().all()


def test_an_unknown_village_is_found_where_its_name_starts():
    assert village_mentions("依托新庄村,在上坪村干部中") == [(2, "新庄村")]
    assert village_mentions("立足东山村,在上坪村") == [(2, "东山村"), (7, "上坪村")]


def test_sentences_clauses_and_list_items_of_a_text():
    layout = Layout.of("甲、乙,丙:投资1,500万元。丁;戊")
    assert layout.sentence_starts == [0, 16, 18]
    assert layout.clause_starts == [0, 4, 6, 16, 18]  # 1,500 is one number, not two clauses
    assert layout.part_starts == [0, 2, 4, 6, 16, 18]


def test_each_listed_village_gets_its_own_facts():
    df = extract_facts("在曲卜藏村投资35万元安装太阳能路灯80盏、在豆后浪村投资40万元安装太阳能路灯100盏。")
    assert df["village"].tolist() == ["曲卜藏村", "曲卜藏村", "豆后浪村", "豆后浪村"]


@pytest.mark.parametrize(
    "sentence,label",
    [
        ("开展党委理论学习17次", "党委理论学习"),
        ("各支部召开党员大会40余次", "党员大会"),
        ("轮训率达100%", "轮训率"),
        ("年内培养村“两委”后备干部80名", "村两委后备干部"),
        ("选派2名大学生担任村级事务助理员", "选派大学生"),
        ("选派7名使用国家通用语言不规范的村干部参加培训班", "选派村干部"),
        ("全年排查各类矛盾纠纷28起", "各类矛盾纠纷"),
        ("全镇10个村村集体经济收益全部达10万元以上", "村"),
        ("全乡8个行政村村集体经济收入均达到10万元以上", "行政村"),
    ],
)
def test_label_is_the_subject_as_written(sentence, label):
    assert extract_facts(sentence)["label"].iloc[0] == label


@pytest.mark.parametrize(
    "text,section",
    [
        ("以组织建设为重点,聚焦淬火提能。评定先进村6个。", "以组织建设为重点"),
        ("一、抓理论学习\n全年学习12次。", "抓理论学习"),
        ("一、抓产业发展\n（一）项目投资。投资5万元。", "抓产业发展 / 项目投资"),
        ("第二部分 民生保障\n发放物资3批。", "民生保障"),
        ("全年学习12次。", ""),
    ],
)
def test_section_from_theme_phrase_or_numbered_heading(text, section):
    assert extract_facts(text)["section"].iloc[0] == section


def test_year_and_township_from_the_text():
    text = "拉西瓦镇:工作报告\n2024年,拉西瓦镇开展学习17次,纳入2025年计划。"
    assert (infer_township(text), infer_year(text)) == ("拉西瓦镇", 2024)


def test_year_and_township_arguments_win_over_the_text():
    df = extract_facts("2024年,拉西瓦镇开展学习17次。", year=2023, township="某某乡")
    assert (df["year"].iloc[0], df["township"].iloc[0]) == (2023, "某某乡")


def test_no_year_or_township_leaves_them_missing():
    df = extract_facts("开展学习17次")
    assert df["year"].isna().all() and df["township"].isna().all()


def test_empty_text_gives_an_empty_table_with_every_column():
    df = extract_facts("")
    assert list(df.columns) == FACT_COLUMNS and df.empty


def test_input_text_is_left_unchanged_and_offsets_index_it():
    text = "開展學習１７次，交流發言５０餘人。"
    original = str(text)
    df = extract_facts(text)
    assert text == original
    assert [text[s:e] for s, e in zip(df["start"], df["end"])] == ["１７次", "５０餘人"]


REPORTISH = st.text(
    alphabet=st.sampled_from(
        list("0123456789１２３.,，、。；;:%％万亿千百十一二两三四五六七八九零余多约近以上下至到-~的村个人名次元盏期项起处户“”《》第周G在投资镇乡年\n ")
    ),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), REPORTISH))
def test_extraction_never_raises_and_every_text_is_its_source_slice(text):
    df = extract_facts(text, source="fuzz")
    assert list(df.columns) == FACT_COLUMNS
    for row in df.itertuples():
        assert text[row.start : row.end] == row.text
        assert 0 <= row.start < row.end <= len(text)


def test_facts_table_dtypes_are_stable():
    df = extract_facts("2024年,某某镇开展学习17次。")
    assert str(df["year"].dtype) == "Int64"
    assert df["value"].dtype == "float64" and str(df["start"].dtype) == "Int64"
    assert isinstance(df, pd.DataFrame)


@pytest.mark.parametrize(
    "sentence, label, value",
    [
        ("全镇矛盾纠纷化解率达到百分之百。", "矛盾纠纷化解率", 100.0),
        ("矛盾纠纷化解率为98.5%。", "矛盾纠纷化解率", 98.5),
        ("全年调处矛盾纠纷32起，化解率100%。", "化解率", 100.0),
    ],
)
def test_a_rate_named_after_a_verb_keeps_the_verb_in_its_label(sentence, label, value):
    facts = extract_facts(sentence, year=2024, township="某镇")
    rate = facts[facts["unit"] == "%"]
    assert rate[["label", "value"]].values.tolist() == [[label, value]]
    assert rate["indicator"].tolist() == ["dispute_resolution_rate"]


def test_baifenzhibai_is_one_hundred_percent_while_a_bare_wan_stays_a_unit():
    facts = extract_facts("入户率达到百分之百。单位：万元", year=2024, township="某镇")
    assert facts[["value", "unit", "text"]].values.tolist() == [[100.0, "%", "百分之百"]]
