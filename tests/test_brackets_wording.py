"""Brackets worded every way reports word them: which facts carry a bracket's bounds, and which do not.

Every sentence here is made up, in the construction of a real report's sentence.
"""

import math
import re

import pandas as pd
import pytest

from lxw_analysis import extract_facts
from lxw_analysis.text import matching_view
from lxw_analysis.texttables import find_tables

NAN = float("nan")


def _band(df, text: str) -> tuple[float, float]:
    """The band bounds of the fact whose text ends with ``text``."""
    rows = df[df["text"].str.endswith(text)]
    assert len(rows) == 1, df[["text", "band_low", "band_high"]].values.tolist()
    return rows["band_low"].iloc[0], rows["band_high"].iloc[0]


def _same(got: tuple[float, float], want: tuple[float, float]) -> bool:
    return all((math.isnan(g) and math.isnan(w)) or g == w for g, w in zip(got, want))


@pytest.mark.parametrize(
    "sentence,share,band",
    [
        ("年收入不足5万元的村还有263个,占全县391个行政村的六成以上。", "六成以上", (NAN, 50000)),
        ("年收入不足3万元的村有12个,占全镇28个行政村的42.9%。", "42.9%", (NAN, 30000)),
        ("经营收入50万元以上的村18个,仅占全市216个村的8.3%。", "8.3%", (500000, NAN)),
    ],
)
def test_share_of_the_total_after_a_bracketed_count_keeps_the_bracket(sentence, share, band):
    df = extract_facts(sentence)
    assert _same(_band(df, share), band)


@pytest.mark.parametrize(
    "sentence,total",
    [("年收入不足5万元的村还有263个,占全县391个行政村的六成以上。", "391个"), ("年收入不足3万元的村有12个,占全镇28个行政村的42.9%。", "28个")],
)
def test_total_between_a_bracketed_count_and_its_share_stays_a_plain_count(sentence, total):
    assert _same(_band(extract_facts(sentence), total), (NAN, NAN))


@pytest.mark.parametrize(
    "sentence,band",
    [
        ("年收入在100万元以上的村由6个增加到13个,翻了一番还多。", (1000000, NAN)),
        ("收入50万元以上的村由4个增加到9个,翻了一番多。", (500000, NAN)),
        ("年收入20万元以上的村达到16个,又翻了一番。", (200000, NAN)),
    ],
)
def test_doubling_of_a_bracketed_count_is_in_its_bracket(sentence, band):
    assert _same(_band(extract_facts(sentence), "番" if sentence.endswith("番。") else "多"), band)


def test_doubling_of_a_plain_amount_has_no_bracket():
    df = extract_facts("油料总产427万斤,翻了一番。")
    assert _same(_band(df, "番"), (NAN, NAN))


@pytest.mark.parametrize(
    "sentence,share,band",
    [
        ("全区仍有23.8%的村集体经济组织属于经营收益为零或不足5万元的“空壳村”。", "不足5万元", (NAN, 50000)),
        ("有四成以上的生产队年人均分配不足五十元。", "不足五十元", (NAN, 50)),
        ("有35%的农户年人均纯收入不足2000元。", "不足2000元", (NAN, 2000)),
        ("全县85%的村集体经济收入都超过10万元。", "超过10万元", (100000, NAN)),
    ],
)
def test_share_of_units_whose_bracket_follows_in_the_clause(sentence, share, band):
    df = extract_facts(sentence)
    assert len(df) == 1, df[["text", "value"]].values.tolist()  # the bound is no statistic of its own
    assert _same(_band(df, share), band)


def test_share_then_an_amount_of_something_else_is_no_bracket():
    df = extract_facts("完成全年任务的85%,争取资金超过500万元。")
    assert len(df) == 2 and df["band_high"].isna().all() and df["band_low"].isna().all()


@pytest.mark.parametrize(
    "sentence,count,band,noun",
    [
        ("年经营收益跨入“百万元村”行列的有11个,仅占8.7%。", "11个", (1000000, NAN), "百万元村"),
        ("全市“千万元村”达到3个,占比2.1%。", "3个", (10000000, NAN), "千万元村"),
        ("全县“十万元以上村”12个。", "12个", (100000, NAN), "十万元以上村"),
    ],
)
def test_quoted_category_named_by_an_amount_is_a_bracket(sentence, count, band, noun):
    df = extract_facts(sentence)
    assert _same(_band(df, count), band)
    assert df[df["text"].str.endswith(count)]["label"].iloc[0] == noun


@pytest.mark.parametrize("sentence", ["他家获得“百万元户”称号。", "“百万元村”创建工作全面启动。"])
def test_quoted_category_with_no_count_is_no_statistic(sentence):
    assert extract_facts(sentence).empty


@pytest.mark.parametrize(
    "sentence,share",
    [
        ("“百万元村”11个,仅占8.7%,却贡献了全区村级经营收益的61.4%。", "61.4%"),
        ("收入50万元以上的村9个,占比6%,但贡献了全县村集体总收入的37.5%。", "37.5%"),
        ("收入50万元以上的村9个,只占6%,但收入却占全县村集体总收入的37.5%。", "37.5%"),
    ],
)
def test_what_a_bracket_contributes_is_in_the_bracket(sentence, share):
    df = extract_facts(sentence)
    low, _ = _band(df, share)
    assert low in (1000000, 500000)


@pytest.mark.parametrize(
    "sentence,below,above",
    [
        ("村平经营性收入比全县均值高20%以上的乡镇有7个,比全县均值低20%以上的乡镇有9个。", (NAN, -20), (20, NAN)),
        ("人均收入比全市平均水平低10%以上的乡镇有3个,比全市平均水平高10%以上的有5个。", (NAN, -10), (10, NAN)),
    ],
)
def test_bracket_below_a_reference_is_negated(sentence, below, above):
    df = extract_facts(sentence)
    banded = df[df["band_low"].notna() | df["band_high"].notna()]
    bands = [(lo, hi) for lo, hi in banded[["band_low", "band_high"]].itertuples(index=False)]
    assert len(bands) == 2
    assert any(_same(b, below) for b in bands) and any(_same(b, above) for b in bands)


@pytest.mark.parametrize(
    "sentence", ["若把比较范围放宽到首尾各30个村,比值也有17.2倍。", "按收入排序,头尾各10个村相差86.3倍。"]
)
def test_size_of_the_groups_at_both_ends_of_a_ranking_is_no_statistic(sentence):
    df = extract_facts(sentence)
    assert df["unit"].tolist() == ["倍"]


_PANELS = (
    "全乡收益分配统计表(单位 万元):\n"
    "指标名称 代码 数量 指标名称 代码 数量\n"
    "一、总收入 1 246.5 3.其他支出 10 18.2\n"
    "1.经营收入 2 92.4 三、本年收益 11 83.7\n"
    "二、总支出 7 162.8\n"
    "注:本年收益=总收入-总支出。\n"
)


@pytest.mark.parametrize("point", [".", "．", "。"])
def test_panels_side_by_side_split_by_single_spaces_are_read_as_a_table(point):
    # a row's number (3.其他支出) is written with an ASCII or a full-width point
    df = extract_facts(re.sub(r"(?<![\d.])(\d)\.(?=[\u4e00-\u9fff])", rf"\g<1>{point}", _PANELS))
    assert df[["label", "value", "unit", "text"]].values.tolist() == [
        ["总收入", 2465000.0, "元", "246.5"],
        ["其他支出", 182000.0, "元", "18.2"],
        ["经营收入", 924000.0, "元", "92.4"],
        ["本年收益", 837000.0, "元", "83.7"],
        ["总支出", 1628000.0, "元", "162.8"],
    ]


@pytest.mark.parametrize(
    "text,labels",
    [
        ("各村情况:\n村名 户数 人口\n上湾村 120 450\n下湾村 98 371\n", ["户数", "人口", "户数", "人口"]),
        ("项目 行次 金额\n(一)经营收入 1 30.5\n(二)补助收入 2 12\n", ["经营收入", "补助收入"]),
    ],
)
def test_table_split_by_single_spaces_under_a_header_of_words(text, labels):
    assert extract_facts(text)["label"].tolist() == labels


@pytest.mark.parametrize(
    "text",
    [
        "全面 推进 乡村 振兴\n开展培训 12 场次\n",  # words split by spaces, then prose: no table
        "指标名称 代码 数量\n一、总收入 1 246.5\n",  # one row is no table
    ],
)
def test_words_split_by_spaces_without_rows_of_figures_are_no_table(text):
    assert find_tables(matching_view(text)) == []


@pytest.mark.parametrize(
    "sentence,text,value,qualifier",
    [
        ("贫雇农每人平均不到七分地,年年缺粮。", "不到七分", 0.7, "at_most"),
        ("全村人均耕地不到七分。", "不到七分", 0.7, "at_most"),
        ("耕地面积五千四百二十亩,每人平均九分多。", "九分多", 0.9, "more_than"),
        ("每人平均土地一亩三分多,是山区。", "一亩三分多", 1.3, "more_than"),
        ("水田面积二千四百三十亩,每人平均二亩二分。", "二亩二分", 2.2, "exact"),
    ],
)
def test_tenths_of_a_mu_are_read_as_mu(sentence, text, value, qualifier):
    df = extract_facts(sentence)
    row = df[df["text"] == text]
    assert row[["value", "unit", "qualifier"]].values.tolist() == [[pytest.approx(value), "亩", qualifier]]


@pytest.mark.parametrize("sentence", ["三分种,七分管,管理最要紧。", "考核平均得分九分。", "这件事十分重要。"])
def test_fen_away_from_land_is_no_area(sentence):
    assert "亩" not in extract_facts(sentence)["unit"].tolist()


@pytest.mark.parametrize("sentence", ["其中60%的资金用于500万元以上的项目。", "全年80%的时间用于不少于3天的集中培训。"])
def test_share_of_something_else_than_units_takes_no_bracket(sentence):
    df = extract_facts(sentence)
    assert df["band_low"].isna().all() and df["band_high"].isna().all()
    assert len(df) == 2


# Modeled on a survey of a city's suburban villages, https://m.fx361.cc/news/2023/0302/21564268.html
# (X万元至Y万元（不含）的村有N个).
@pytest.mark.parametrize(
    "sentence,count",
    [
        ("全区5万元至20万元（不含）的村有47个，20万元以上的村有12个。", "47个"),
        ("年收入10万元至50万元(不含)的村21个。", "21个"),
    ],
)
def test_a_note_on_a_brackets_bound_is_no_part_of_the_villages_counted(sentence, count):
    df = extract_facts(sentence)
    row = df[df["text"].str.endswith(count)].iloc[0]
    assert row["label"] == "村" and row["indicator"] == "collective_income_band_villages"


def _fact(df, text: str):
    rows = df[df["text"].str.endswith(text)]
    assert len(rows) == 1, df[["text", "label", "indicator"]].values.tolist()
    return rows.iloc[0]


def test_units_written_after_a_bracketed_count_are_its_noun():
    # modelled on https://haozazhi.com/haowen/713.html
    df = extract_facts("全乡8个行政村中，有3个村仍无集体经济收入，收入在5万元以上的只有两个村。")
    fact = _fact(df, "两个")
    assert (fact["band_low"], fact["label"], fact["indicator"]) == (50000, "村", "collective_income_band_villages")


@pytest.mark.parametrize(
    "text,indicator,band",
    [
        ("211个", "collective_income_band_villages", (200000, NAN)),
        ("430个", "collective_income_band_villages", (50000, 200000)),
        ("25.3%", "collective_income_band_village_share", (200000, NAN)),
        ("51.5%", "collective_income_band_village_share", (50000, 200000)),
    ],
)
def test_villages_of_a_bracket_named_by_the_report_are_bracket_counts(text, indicator, band):
    # modelled on https://fx361.cc/page/2021/1122/12468476.shtml
    df = extract_facts(
        "按年经营性收入划分，20万元以上的为富裕村，5万~20万元的为一般村，5万元以下的为薄弱村。"
        "全市834个村中，富裕村211个，占25.3%；一般村430个，占51.5%；薄弱村193个，占23.1%。"
    )
    fact = _fact(df, text)
    assert fact["indicator"] == indicator
    assert [None if math.isnan(b) else b for b in (fact["band_low"], fact["band_high"])] == [
        None if math.isnan(b) else b for b in band
    ]


def test_share_of_income_a_named_bracket_earns_is_no_share_of_villages():
    # modelled on https://m.fx361.cc/news/2023/0302/21564268.html
    df = extract_facts("收益跨入“百万元村”行列的有9个，仅占6.2%，却贡献了全区村级经营收益的57.3%。")
    assert _fact(df, "6.2%")["indicator"] == "collective_income_band_village_share"
    assert pd.isna(_fact(df, "57.3%")["indicator"])


def test_named_units_in_an_age_bracket_land_on_the_age_bracket_id():
    # modelled on https://dfz.zj.gov.cn/zlyz/ossfs/h5/NJ-Z-331004-2022-001-0101/files/basic-html/page59.html
    fact = _fact(extract_facts("全镇储备35周岁以下村级后备干部52名。"), "52名")
    assert (fact["band_high"], fact["indicator"]) == (35, "reserve_cadres_age_band")
