"""A statistic whose own words name no subject takes it from the words around it.

Every sentence here is made up for these tests. Each is modeled on the wording of a real
public page, named beside it; none of their numbers are real statistics.
"""

import pytest

from lxw_analysis import extract_facts
from lxw_analysis.indicators import match_indicator, subject
from lxw_analysis.labels import _subject_words

# Pages the sentences are modeled on.
FJ_INVESTMENT = "http://tjj.fj.gov.cn/xxgk/tjxx/gdzctz/202507/t20250721_6969180.htm"
YOUYANG_Q1 = "https://youyang.gov.cn/bmjz_sites/bm/tjj/zwgk_104134/fdzdgknr_104136/tjxx/jjyxqk/202505/t20250522_14646961.html"
FL_Q3 = "http://www.fl.gov.cn/bm/tjj/zwgk_46564/tjxxbf/sjjd/202511/t20251103_15134696.html"
LUQIAO_2020 = "http://www.luqiao.gov.cn/art/2025/8/25/art_1229893030_4060240.html"
NATIONAL_2004 = "http://92880.cn/news/2004year/2004-07-21/26/462719.shtml"
XUNTIAN = "https://factpedia.org/index.php?mobileaction=toggle_view_mobile&title=%E5%B7%A1%E7%94%B0%E4%B9%A1&variant=zh"
TIANPU = "https://m.iichajd.com/dm_95722"
MAZU = "http://www.240jiaobanzhan.com/bk/city/gkls261828.html"
ZAOJIAO = "http://365135.com/sichuan/deyang01/5579.shtml"
JIANYANG_PIGS = "https://www.ppdoc.com/periodical/cd8c52d16d66dbf807612f166e093795.html"
HUNAN_COLLECTIVE = "https://fx361.cc/page/2021/1122/12468476.shtml"
BAOYING_YISHIYIYI = "http://cgjd.org.cn/show-210458.html"
NATIONAL_BIRTHS = "https://kjkxun.com/biz/67746.html"
SUMMER_GRAIN_2014 = "http://theworldseeds.cn/index.php?p=37299"
ZHONGSHAN_FARM_INCOME = "https://bqsoo.com/news/show.php?itemid=18128"
NX899_TOWNSHIP = "http://nx899.com/baogao/00541/5414144.html"
ZEZHOU_CROSS_APPOINTMENT = "https://www.chaxiaohao.com/read-1751313350l4868407.html"
YIQI_HOTLINE = "http://www.bestonex.com/wmcj/nccj/202511/t20251129_9091089.shtml"
TOWNSHIP_OFFICE_2025 = "https://www.gongwk.com/doc/573727.jhtml"
FUSHUN_FARMERS = "https://aipiwu.com/zfjy/159857.html"
XINHUANG_2010 = "https://m.wenke99.com/p-14369804.html"
XUJIAHU_PARTY_DAY = "http://ingsd.com/news/xnc/2017-08-07/20850.html"
ZHONGDU_CLASSROOMS = "http://lzdj.gov.cn/gxfzz/lzx/lzx_rdxw/201512/t20151208_843830.html"
WUSHAN_JOINT_VILLAGES = "http://scxb.com.cn/html/2022-09/26/content_338587.htm"
TAIPING_GOVERNANCE = "https://meipian.cn/3rjr4qbq"
QINBAOL_2021 = "https://news.qinbaol.com/jxfw/202506/308900.html"
HEYUAN_BIRTHS = "http://www.heyuanxw.com/2012/sz_0228/21473.html"
NINGXIA_TRAINING = "http://www.nx.xinhuanet.com/20260116/eb59cf705baf49bf9ab0c6664d6a6a34/c.html"
GRID_WALK = "https://www.3366ai.com/p-bca1e62af5855a78.html"
DAMUJIA_GOVERNANCE = "http://journal.crnews.net/ncjygl/2023n/d1q/xczl/957189_20230818091813.html"
HUGOU_2023 = "https://www.guzhen.gov.cn/zfxxgk/public/26141/49541840.html"
YANGPU_SUMMARY = "https://www.shyp.gov.cn/yp-zwgk/zwgk/buffersInformation/details?id=8467bf80-32ac-4fdd-818f-de6ac9053c90"
LIYANG_GRID = "https://www.liyang.gov.cn/html/czly/2019/AAHAAKIF_1230/1250.html"
SANMING_TRAINING = "http://www.sm.gov.cn/zw/ztzl/zhlwgzlslbrw/gzbsycx/202111/t20211125_1730836.htm"
MEDIATION_COMMITTEES = "http://117.78.9.86:8080/was40/print?back=-2&channelid=33295&record=176"
BEIPIAO_MEDIATION = "http://www.9hehe.com/news/10870.html"
BAIGUO_SURVEY = "https://haozazhi.com/haowen/713.html"
CHUANSHI_BRANCHES = "https://www.mingyanjiaju.org/fanwen/dangtuangongzuozongjie/1332904593524454.htm"
LAIXI_PEANUTS = "http://laixinews.com/news/laixi/2021-09-17/47339.html"
PEANUT_BRIGADE = "https://jxxfw.com/periodical/9460688e116cb6ea9015022bfa5cb2e5.html"
QINGYUAN_WEAK_VILLAGES = "http://qynews.zjol.com.cn/qynews/system/2017/12/14/030579872.shtml"
XIANTAO_THREE_VILLAGES = "https://bbs.cnhubei.com/thread-2864076-1-1.html"
PARTY_BRANCH_STANDARDS = "https://www.gongwk.com/doc/555773.jhtml"
JIANGSU_COLLECTIVE_2023 = "https://fx361.cc/page/2023/1228/22921247.shtml"
YOUYANG_2022 = "http://youyang.gov.cn/bmjz_sites/bm/tjj/zwgk_104134/fdzdgknr_104136/tjxx/tjgb/202304/t20230421_11900644.html"
BAOZHEN_GOVERNANCE = "http://delmunsoft.com/news/show-222502.html"
TAIZHOU_GRID = "http://www.tzzx.net/1/51477/2024/01/30540219.html"
ZHEJIANG_WEAK_VILLAGES = "https://scholarmate.com/S/57AzSZ"
VILLAGE_INCOME_REPORT = "https://wenmijiayuan.com/doc/22650.html"
DAUMLOAN_GOV_REPORT = "https://m.daumloan.com/p-128500754.html"
PINGCHUAN_SURVEY = "https://m.fx361.cc/news/2023/0302/21564268.html"
YINZHOU_PARTY = "https://www.nbyz.gov.cn/art/2024/7/2/art_1229108276_59224395.html"
COUNTY_GRAIN_1984 = "https://www.ppdoc.com/periodical/b583a659a6d23d02fb24bfb3426fdb7b.html"
DONGPING_BRIGADE = "https://www.ppdoc.com/periodical/a24d0895fcf436c9dbef1c3379cf90be.html"
QYFGJ_ELECTION = "https://qyfgj.cn/fanwen/149719.html"
XIUZHIBEN_COLLECTIVE = "http://xiuzhiben.com/ns_news/620162123168676"
HUAIMA_TRAINING = "http://d3x3.com/hmsrmzf/jzqk/content/ce32d38e-f088-4f92-b03d-cc9f4adbd4c6.html"
WENKE_RECTIFY = "https://m.wenke99.com/p-4938289.html"
FWSIR_TOWN_REPORT = "https://fwsir.com/Article/html/Article_20151015105756_314928.html"
WNWK_STUDY = "https://m.wnwk.com/docdown/1624365.html"
TOWN_REPORT_35331 = "http://35331.cn/lhd_67lg712uem3gzju6v8pq_1.html"
LIULIN_FARMER_SCHOOL = "https://www.ppdoc.com/periodical/39c0f7b475a6affcd0405bb83ca2ba82.html"
SICHUAN_SUPPLY_COOP = "http://scpc.gov.cn/ywdt/xzdt/13971819.html"
CHENGDU_FIELD_SCHOOL = "http://www.handmsg.com/page/2025/0912/29814278.shtml"


def _fact(sentence: str, text: str) -> dict:
    """The fact of ``sentence`` whose text (number and measure word) is ``text``."""
    facts = extract_facts(sentence)
    rows = facts[facts["text"] == text]
    assert len(rows) == 1, f"{text!r} not read once from {sentence!r}: {facts['text'].tolist()}"
    return rows.iloc[0].to_dict()


@pytest.mark.parametrize(
    "sentence,text,indicator",
    [
        ("1-11月,全县固定资产投资同比增长7.6%。", "7.6%", "fixed_asset_investment_growth_rate"),  # YOUYANG_Q1
        ("一季度,全镇固定资产投资增长9.7%。", "9.7%", "fixed_asset_investment_growth_rate"),  # YOUYANG_Q1
        ("前三季度全镇固定资产投资完成额同比增长8.2%。", "8.2%", "fixed_asset_investment_growth_rate"),  # FL_Q3
        ("全社会累计完成固定资产投资2.6亿元,比去年同期增长28.6%。", "28.6%", "fixed_asset_investment_growth_rate"),  # NATIONAL_2004
        ("全镇地区生产总值(GDP)23.6亿元,按可比价计算增长4.6%。", "4.6%", "gdp_growth_rate"),  # LUQIAO_2020
        ("全镇实现农林牧渔业总产值4.8亿元,按现价计算同比增长6.4%。", "6.4%", "agri_output_value_growth_rate"),  # LUQIAO_2020
        ("农民人均纯收入7385元,比去年同期增长6.8%。", "6.8%", "rural_disposable_income_growth_rate"),  # ZAOJIAO
        ("500万以上固定资产投资6.2亿元,同比增长12.4%。", "12.4%", "fixed_asset_investment_growth_rate"),  # FJ_INVESTMENT
    ],
)
def test_growth_rate_without_a_noun_takes_the_previous_figures_subject(sentence, text, indicator):
    assert _fact(sentence, text)["indicator"] == indicator


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("分产业看,第二产业投资增长16.0%,工业投资增长16.3%。", "16.3%", "工业投资增长"),  # FJ_INVESTMENT
        ("基础设施投资下降6.8%。", "6.8%", "基础设施投资下降"),  # FL_Q3
        ("分行业看,种植业产值19843万元。", "19843万元", "种植业产值"),  # LUQIAO_2020
        ("全年粮食种植面积3865公顷。", "3865公顷", "粮食种植面积"),  # LUQIAO_2020
        ("全年排查调解各类矛盾纠纷418件,调解成功406件。", "406件", "调解成功"),  # JIANYANG_PIGS wording of 成功
    ],
)
def test_a_lead_verb_followed_by_a_change_or_a_noun_ending_stays_in_the_label(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,label,indicator",
    [
        ("1952年至1957年,粮食产量从二十万斤增加到三十八万多斤。", "三十八万多斤", "粮食产量增加到", "grain_output"),  # JIANYANG_PIGS
        ("生猪从一百二十头发展到一百八十多头。", "一百八十多头", "生猪发展到", "pigs_stock"),  # JIANYANG_PIGS
        ("粮食产量从三十八万斤下降到十万斤,减少了百分之七十二。", "百分之七十二", "粮食产量减少了", "grain_output_growth_rate"),  # JIANYANG_PIGS
        ("耕牛减到六十八头,生猪只剩十一头。", "六十八头", "耕牛减到", "cattle_stock"),  # JIANYANG_PIGS
        ("生猪只剩十一头。", "十一头", "生猪只剩", "pigs_stock"),  # JIANYANG_PIGS
    ],
)
def test_a_level_reached_after_a_change_is_the_level_of_the_subject_before_it(sentence, text, label, indicator):
    fact = _fact(sentence, text)
    assert (fact["label"], fact["indicator"]) == (label, indicator)


@pytest.mark.parametrize(
    "sentence,text,label,indicator",
    [
        ("2011年生猪饲养量1.55万头,年末存栏5000头。", "5000头", "生猪存栏", "pigs_stock"),  # XUNTIAN
        ("全乡粮食播种面积达76530亩,产量24870吨。", "24870吨", "粮食产量", "grain_output"),  # XUNTIAN
        ("全乡耕地面积3.7万亩,人均1.84亩。", "1.84亩", "人均耕地面积", "cultivated_land_per_capita"),  # TIANPU
        ("全镇耕地面积5420亩,每人平均0.9亩。", "0.9亩", "每人平均耕地面积", "cultivated_land_per_capita"),  # TIANPU
        # a figure in a bracket the per-person figure is outside of is passed over
        ("全镇有耕地18642亩(水田9368亩、旱地9274亩),人均0.82亩。", "0.82亩", "人均耕地", "cultivated_land_per_capita"),  # MAZU
    ],
)
def test_an_attribute_or_per_person_word_alone_takes_the_subject_of_the_figure_before_it(sentence, text, label, indicator):
    fact = _fact(sentence, text)
    assert (fact["label"], fact["indicator"]) == (label, indicator)


@pytest.mark.parametrize(
    "sentence,text,indicator",
    [
        ("全乡辖8个行政村,79个村民组,2200户,总人口7752人。", "2200户", "total_households"),  # TIANPU
        ("2000年10月底共有9056户,26375人。", "9056户", "total_households"),  # MAZU
        ("2000年10月底共有9056户,26375人。", "26375人", "population"),  # MAZU
        ("2023年末全镇共有5781户,14505人。", "5781户", "total_households"),  # ZAOJIAO
        ("红岩大队是一个山区生产大队,有一百四十二户,五百六十三人。", "一百四十二户", "total_households"),  # MAZU
        ("若按全乡约3.1万人、每人2千元计算,共需6200万元。", "约3.1万人", "population"),  # ZAOJIAO
    ],
)
def test_a_count_with_no_words_but_its_measure_word_is_the_count_of_that_noun(sentence, text, indicator):
    assert _fact(sentence, text)["indicator"] == indicator


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("全年救助困难群众420户、650人。", "650人", "救助困难群众"),  # ZAOJIAO: one subject, two units
        ("走访慰问困难党员,共计45户。", "45户", ""),  # the subject is in the clause before: not the households
        ("培训学员6150人/480.5万人。", "6150人", "学员"),  # a ratio's part is no count of the township
    ],
)
def test_a_count_listed_with_another_or_after_a_verb_is_not_the_townships_households_or_people(sentence, text, label):
    fact = _fact(sentence, text)
    assert fact["label"] == label and fact["indicator"] not in ("total_households", "population")


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("全县286个村级集体经济组织经营性收入合计1.46亿元。", "1.46亿元", "村级集体经济组织经营性收入合计"),  # HUNAN_COLLECTIVE
        ("在21个农民专业合作社中,成功创建示范社3个。", "21个", "农民专业合作社"),  # HUNAN_COLLECTIVE
    ],
)
def test_the_words_after_a_count_that_go_on_to_the_next_figure_are_left_to_it(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "label,expected",
    [
        ("地区生产总值(GDP)按可比价计算增长", "地区生产总值(GDP)增长"),  # LUQIAO_2020
        ("人均地区生产总值(按常住人口计算)", "人均地区生产总值"),  # LUQIAO_2020
        ("500万元以上固定资产投资", "固定资产投资"),  # FJ_INVESTMENT
        ("粮食总产量比一九八○年增长", "粮食总产量增长"),  # JIANYANG_PIGS
        ("农民人均纯收入比去年同期增长", "农民人均纯收入增长"),  # NATIONAL_2004
        ("固定资产投资完成额同比增长", "固定资产投资增长"),  # FL_Q3
        ("每人平均耕地面积", "人均耕地面积"),  # TIANPU
        ("耕牛减到", "耕牛"),  # JIANYANG_PIGS
        ("村集体收入合计", "村集体收入合计"),  # a total is not one village's income
        ("中式烹调等各类技能培训班", "技能培训班"),  # the examples before 等 are no part of the subject
        ("婚姻家庭等纠纷", "纠纷"),
        ("高等教育经费", "高等教育经费"),  # 高等, 一等奖, 等级: no examples, no 等 of a list
        ("一等奖", "一等奖"),
        ("等级公路里程", "等级公路里程"),
        ("大专学历的占总数的", "大专学历"),  # a share's 占 left after 总数的 is gone
        ("固定资产投资同比增长比上月回落", "固定资产投资增长"),  # a change of a growth rate: one change
        ("占地面积", "占地面积"),  # 占 that begins a word stays
    ],
)
def test_subjects_set_aside_notes_bounds_bases_and_the_level_reached(label, expected):
    assert subject(label) == expected


@pytest.mark.parametrize(
    "label,unit",
    [
        ("人均收入", "元"),  # not 人均纯收入: net income is its own statistic
        ("各项存贷款余额", "元"),  # YOUYANG_Q1: deposits and loans together, neither alone
    ],
)
def test_a_fuzzy_match_must_agree_on_net_income_and_on_deposits_with_loans(label, unit):
    assert match_indicator(label, unit) is None


@pytest.mark.parametrize("label", ["工农业总产值同比增长", "工农业总产值增长速度"])  # NX899_TOWNSHIP
def test_growth_of_industry_and_farming_together_is_not_industry_s_growth(label):
    assert match_indicator(label, "%") == "industrial_agricultural_output_growth_rate"


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("拟申报项目涉及全县14个镇区的68个村,共72个项目", "68个", "村"),  # BAOYING_YISHIYIYI
        ("课题组对9个乡镇的126个行政村进行了逐村调查", "126个", "行政村"),  # BAOYING_YISHIYIYI
        ("结对帮扶17个乡镇(街道)的71个薄弱村,逐村明确增收方案", "71个", "薄弱村"),  # BAOYING_YISHIYIYI
    ],
)
def test_a_count_of_the_units_of_an_earlier_count_is_what_follows_its_number(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("全县人口出生率、死亡率分别为6.39‰和7.87‰", "6.39‰", "人口出生率"),  # NATIONAL_BIRTHS
        ("全县人口出生率、死亡率分别为6.39‰和7.87‰", "7.87‰", "死亡率"),  # NATIONAL_BIRTHS
        ("出生率、死亡率、自然增长率分别为6.39‰、7.87‰和-1.48‰", "7.87‰", "死亡率"),  # NATIONAL_BIRTHS
        ("谷物、冬小麦产量分别为12580.9万吨和11989.9万吨", "12580.9万吨", "谷物产量"),  # SUMMER_GRAIN_2014
        ("谷物、冬小麦产量分别增长3.6%和3.5%", "3.6%", "谷物产量增长"),  # SUMMER_GRAIN_2014
    ],
)
def test_figures_after_fenbie_take_the_subjects_listed_before_it_in_turn(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


FENBIE_CLAUSE = "全市农业总产值预计达75.68亿元,农民人均纯收入预计达12288元,分别比上年增长3%和11%"


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        (FENBIE_CLAUSE, "75.68亿元", "农业总产值"),  # ZHONGSHAN_FARM_INCOME: 预计达 links, as 达 does
        (FENBIE_CLAUSE, "3%", "农业总产值比上年增长"),  # ZHONGSHAN_FARM_INCOME
        (FENBIE_CLAUSE, "11%", "农民人均纯收入比上年增长"),  # ZHONGSHAN_FARM_INCOME
        # ZEZHOU_CROSS_APPOINTMENT: an attribute before 分别 is each earlier figure's
        ("全县村党组织书记186人,交叉任职606人,比例分别达到100%和28.3%", "28.3%", "交叉任职比例"),
    ],
)
def test_a_clause_opening_with_fenbie_takes_the_subjects_of_the_figures_before_it_in_turn(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,indicator",
    [
        ("镇便民服务中心共承接12345热线转办工单315件", "315件", "hotline_requests"),  # YIQI_HOTLINE: a lead verb
        ("全镇26个党支部严格落实信息报送制度", "26个", "party_branches"),  # TOWNSHIP_OFFICE_2025: 严格 starts what is done
        ("参训学员中新创办家庭农场14家", "14家", "family_farms"),  # FUSHUN_FARMERS: a lead verb
        ("全镇固定资产投资总额5.26亿元", "5.26亿元", "fixed_asset_investment"),  # XINHUANG_2010: 总额 as 完成额
    ],
)
def test_lead_verbs_stop_words_and_end_words_leave_the_subject_the_catalogue_knows(sentence, text, indicator):
    assert _fact(sentence, text)["indicator"] == indicator


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("许家湖镇党委在72个村级党支部开展“支部主题党日”活动", "72个", "村级党支部"),  # XUJIAHU_PARTY_DAY
        ("镇党委对13个机关党支部开展督查", "13个", "机关党支部"),  # XUJIAHU_PARTY_DAY
    ],
)
def test_a_count_after_a_preposition_is_of_the_noun_after_its_number(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("在全镇15个村、3个社区开办“远教课堂”", "3个", "社区"),  # ZHONGDU_CLASSROOMS
        ("全镇15个村、42个村民小组均开通远程教育站点", "42个", "村民小组"),  # ZHONGDU_CLASSROOMS
    ],
)
def test_a_count_listed_after_the_townships_villages_counts_the_units_named_after_it(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("今年全市种植花生25万亩,亩产比去年增产40公斤左右,总产达到9万吨", "9万吨", "花生总产"),  # LAIXI_PEANUTS
        # PEANUT_BRIGADE: the change and the base between the crop and its 总产 name no crop
        ("全大队一千二百亩花生平均亩产三百四十八斤,比一九七五年的二百九十四斤增产五十四斤,总产四十二万斤",
         "四十二万斤", "花生总产"),
    ],
)
def test_a_total_output_alone_is_the_output_of_the_crop_named_before_it(sentence, text, label):
    fact = _fact(sentence, text)
    assert fact["label"] == label and fact["indicator"] != "grain_output"


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("镇里成立股份经济合作联合社。12个村与企业结成联建对子18对。", "12个", "村"),  # WUSHAN_JOINT_VILLAGES
        ("全年实现零上访，48个村中有35个村获评“无访村”。", "48个", "村"),  # TAIPING_GOVERNANCE
    ],
)
def test_a_clause_opening_with_a_count_of_villages_counts_villages(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text",
    [
        ("村级设立60个网格工作室，为41个村配备视频监控平台。", "41个"),  # TAIPING_GOVERNANCE
        ("乡党委下辖28个支部，其中：15个村支部、11个乡直单位支部。", "15个"),  # CHUANSHI_BRANCHES
        ("全乡9个行政村中，有4个村仍无集体经济收入。", "4个"),  # BAIGUO_SURVEY
        ("全年实现零上访，48个村中有35个村获评“无访村”。", "35个"),  # TAIPING_GOVERNANCE
    ],
)
def test_villages_that_a_clause_names_after_other_words_are_not_the_townships_village_count(sentence, text):
    assert _fact(sentence, text)["indicator"] != "village_count"


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("全镇粮食产量稳定在1.2万吨以上。", "1.2万吨以上", "粮食产量"),  # QINBAOL_2021
        ("空气质量优良天数比例保持在92%以上。", "92%以上", "空气质量优良天数比例"),  # QINBAOL_2021
        ("人口自然增长率控制在8‰以内。", "8‰以内", "人口自然增长率"),  # HEYUAN_BIRTHS
        ("确保粮食播种面积稳定在2.8万亩以上。", "2.8万亩以上", "粮食播种面积"),  # QINBAOL_2021
    ],
)
def test_a_level_kept_or_held_within_is_the_level_of_its_subject(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text",
    [
        ("河口镇是一个有着38个村、2.7万人口的农业大镇。", "2.7万人口"),  # DAMUJIA_GOVERNANCE
        ("该乡有着21个村、1.9万人口。", "1.9万人口"),  # DAMUJIA_GOVERNANCE
    ],
)
def test_a_count_of_renkou_with_no_words_before_it_is_the_population(sentence, text):
    fact = _fact(sentence, text)
    assert (fact["label"], fact["unit"], fact["indicator"]) == ("人口", "人", "population")


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("完成南庄、北岭等4个省级美丽乡村建设。", "4个", "省级美丽乡村建设"),  # HUGOU_2023
        ("整合综治、司法、信访等6个科室力量。", "6个", "科室力量"),  # TAIPING_GOVERNANCE
        ("完成市容环境等6类21项社区实事项目。", "6类", "市容环境等"),  # YANGPU_SUMMARY: no words after it
    ],
)
def test_examples_before_deng_leave_the_subject_to_the_words_after_the_number(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "label,expected",
    [
        ("一九七二年种双季稻", "种双季稻"),  # a year in Chinese numerals, as 1972年
        ("1972年种双季稻", "种双季稻"),
    ],
)
def test_a_year_before_the_subject_is_no_part_of_it_in_digits_or_chinese_numerals(label, expected):
    assert _subject_words(label) == ("", expected)


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("其中上报至镇级网格中心的74件。", "74件", "上报至镇级网格中心的"),  # LIYANG_GRID: a verb and its object
        ("争取县级以上项目资金26.4万元。", "26.4万元", "县级以上项目资金"),  # SANMING_TRAINING: a level, not a place
        ("1月至10月救助各类困难对象5120人次。", "5120人次", "救助各类困难对象"),  # YANGPU_SUMMARY: months
        ("辖区企业640多家。", "640多家", "企业"),  # TAIPING_GOVERNANCE: 辖区 is a scope
    ],
)
def test_scope_words_months_and_places_before_a_subject_are_set_aside_and_nothing_else(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("全镇现有人民调解委员会19个。", "19个", "人民调解委员会"),  # MEDIATION_COMMITTEES
        ("村内道路硬化里程42.5公里。", "42.5公里", "村内道路硬化里程"),  # HUGOU_2023
        ("平均办理时限缩短30%。", "30%", "平均办理时限缩短"),  # YANGPU_SUMMARY
    ],
)
def test_a_lead_verb_before_a_noun_it_makes_stays_in_the_label(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("县里还安排了驻村干部,并安排15名县级领导参与结对帮扶。", "15名", "县级领导"),  # QINGYUAN_WEAK_VILLAGES
        ("镇里抽调机关干部,组成8个驻村工作组。", "8个", "驻村工作组"),  # XIANTAO_THREE_VILLAGES
        ("经摸底排查,确定3个软弱涣散村党组织。", "3个", "软弱涣散村党组织"),  # PARTY_BRANCH_STANDARDS
    ],
)
def test_a_count_whose_words_before_are_only_a_verb_of_its_object_is_of_the_noun_after_its_number(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,indicator",
    [
        ("今年已完成全年培训任务800人的一半。", "800人", "trainees_target"),  # HUAIMA_TRAINING
        ("县里下达高素质农民培训任务150人。", "150人", "trainees_target"),  # HUAIMA_TRAINING
    ],
)
def test_a_lead_verb_before_its_task_stays_in_the_label(sentence, text, indicator):
    fact = _fact(sentence, text)
    assert fact["label"].endswith("培训任务") and fact["indicator"] == indicator


@pytest.mark.parametrize(
    "words,expected",
    [
        ("2023 年全县村级集体经济总收入", "村级集体经济总收入"),  # HUNAN_COLLECTIVE: a space before 年
        ("2022 年度村集体经营性收入", "村集体经营性收入"),  # JIANGSU_COLLECTIVE_2023
    ],
)
def test_a_year_written_with_a_space_before_its_nian_is_no_part_of_the_subject(words, expected):
    assert _subject_words(words) == ("", expected)


@pytest.mark.parametrize(
    "sentence,text,indicator",
    [
        ("全县城乡居民收入比由上年的2.45:1缩小为2.39:1。", "2.39:1", "urban_rural_income_ratio"),  # YOUYANG_2022
        ("全乡耕牛由一百二十头减少为六十八头。", "六十八头", "cattle_stock"),  # JIANYANG_PIGS: a level in words
    ],
)
def test_a_change_word_with_wei_before_a_figure_states_the_level_reached_of_the_subject_before(sentence, text, indicator):
    fact = _fact(sentence, text)
    assert fact["label"].endswith("为") and fact["indicator"] == indicator


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("严格实行包村制度，镇班子成员分包12个村(居)、40个网格。", "12个", "村"),  # BAOZHEN_GOVERNANCE
        ("镇级配备3名专职调解员，村级落实信息员。", "3名", "专职调解员"),  # DAMUJIA_GOVERNANCE
        ("村级落实96名调解信息员。", "96名", "调解信息员"),  # DAMUJIA_GOVERNANCE
        ("参训党员被编4个志愿服务小组。", "4个", "志愿服务小组"),  # NINGXIA_TRAINING
        ("半天时间走了12个网格点。", "12个", "网格点"),  # GRID_WALK
        # a count per unit keeps its unit (TAIZHOU_GRID), an amount is no count (ZHEJIANG_WEAK_VILLAGES)
        ("每个片区安排2名帮包领导。", "2名", "每个片区安排"),
        ("县财政每年安排800万元专项资金。", "800万元", "县财政每年安排"),
    ],
)
def test_a_count_after_a_verb_of_its_object_is_of_the_noun_after_its_number(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("柳河镇是一个有着28个村、3.2万人口的山区镇。", "28个", "村"),  # DAMUJIA_GOVERNANCE
        ("该村拥有2家农产品加工企业。", "2家", "农产品加工企业"),  # DAMUJIA_GOVERNANCE
    ],
)
def test_a_count_after_a_verb_of_having_is_of_the_noun_after_its_number(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("收入刚过10万元的村5个，占62.5%，8个村集体经济收入均达到10万元以上。", "8个", "村"),  # VILLAGE_INCOME_REPORT
        ("全镇12个村集体经济收入全部超过5万元。", "12个", "村"),  # VILLAGE_INCOME_REPORT
    ],
)
def test_a_count_of_villages_before_their_collective_income_counts_villages(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text",
    [
        ("一年来，镇党委、镇政府团结带领全镇4.6万人民，攻坚克难。", "4.6万人"),  # DAUMLOAN_GOV_REPORT
        ("过去五年，乡政府带领全乡1.8万人民，奋力拼搏。", "1.8万人"),  # DAUMLOAN_GOV_REPORT
    ],
)
def test_the_people_of_the_whole_township_are_its_population(sentence, text):
    fact = _fact(sentence, text)
    assert fact["label"] == "人口" and fact["indicator"] == "population"


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("从乡镇看，12 个乡镇中富裕乡镇3 个、薄弱乡镇4 个。", "12 个", "乡镇"),  # JIANGSU_COLLECTIVE_2023
        ("全县20个村中薄弱村6个。", "20个", "村"),  # JIANGSU_COLLECTIVE_2023
        ("建成3个村中心小学。", "3个", "建成村中心小学"),  # 中心 is a word, not among
    ],
)
def test_a_count_before_zhong_and_its_noun_again_counts_that_noun(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,indicator",
    [
        ("去年，调查组对东川区7个乡镇的98个行政村进行了走访。", "7个", "townships"),  # PINGCHUAN_SURVEY
        ("镇司法所对全镇64名人民调解员进行了轮训。", "64名", "mediators"),  # MEDIATION_COMMITTEES
        ("在全县186名村党组织书记中，大专以上学历的有102名。", "186名", "village_party_secretaries"),  # YINZHOU_PARTY
    ],
)
def test_a_count_after_a_preposition_and_a_place_is_of_the_noun_after_its_number(sentence, text, indicator):
    assert _fact(sentence, text)["indicator"] == indicator


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        # COUNTY_GRAIN_1984: two bases of one subject, in words
        ("全县粮食总产量达到三亿二千万斤，比一九七八年二亿四千万斤增长百分之三十三，是一九五○年九千万斤的三倍多。",
         "九千万斤", "粮食总产量是一九五○年"),
        ("全镇粮食总产量1.2万吨，是2000年6000吨的两倍。", "6000吨", "粮食总产量是2000年"),  # COUNTY_GRAIN_1984
    ],
)
def test_a_figure_after_shi_and_a_year_is_the_level_of_the_subject_before_it_that_year(sentence, text, label):
    fact = _fact(sentence, text)
    assert fact["label"] == label and fact["indicator"] == "grain_output"


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("我们红旗大队有九个生产队，一个林业队。", "九个", "生产队"),  # DONGPING_BRIGADE
        ("石门村共有6个村民小组。", "6个", "村民小组"),  # DONGPING_BRIGADE
    ],
)
def test_a_count_after_a_place_and_a_verb_of_having_is_of_the_noun_after_its_number(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("全乡村两委顺利完成换届。换届后12名村党组织书记平均年龄44岁。", "12名", "村党组织书记"),  # QYFGJ_ELECTION
        ("全镇开展集中整顿。整顿后6个村党支部全部晋位升级。", "6个", "村党支部"),  # QYFGJ_ELECTION
    ],
)
def test_a_count_after_only_an_event_and_hou_is_of_the_noun_after_its_number(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("2023年，全县村组两级总收入18.2亿元（村级14.6亿元），同比增长4.3%。", "4.3%", "村组两级总收入同比增长"),  # XIUZHIBEN_COLLECTIVE
        ("全镇财政收入5200万元(其中税收3100万元),比上年增长6.2%。", "6.2%", "财政收入比上年增长"),  # XIUZHIBEN_COLLECTIVE
    ],
)
def test_a_change_after_a_bracket_is_of_the_subject_before_the_bracket(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,indicator",
    [
        ("18名发展对象全部经过不少于5天的集中培训。", "不少于5天", "training_days_per_trainee"),  # CHUANSHI_BRANCHES
        ("今年9名入党积极分子全部经过不少于3天的集中培训。", "不少于3天", "training_days_per_trainee"),  # CHUANSHI_BRANCHES
    ],
)
def test_a_figure_after_only_jingguo_is_of_what_is_gone_through(sentence, text, indicator):
    assert _fact(sentence, text)["indicator"] == indicator


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("村级供销社开展农资代购服务，目前销售额已达12.4万元。", "12.4万元", "销售额"),  # SICHUAN_SUPPLY_COOP
        ("今年村集体经营性收入已达到35万元。", "35万元", "村集体经营性收入"),  # SICHUAN_SUPPLY_COOP
    ],
)
def test_yi_before_a_link_word_is_no_part_of_the_label(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        # XIUZHIBEN_COLLECTIVE: the spending of collectives by kind
        ("全县村级组织总支出9.8亿元，其中公益性基础设施建设支出3.1亿元，占31.6%。", "3.1亿元", "公益性基础设施建设支出"),
        ("全镇今年道路建设支出1200万元。", "1200万元", "道路建设支出"),  # XIUZHIBEN_COLLECTIVE
    ],
)
def test_zhichu_after_a_lead_verb_makes_the_verb_part_of_the_noun(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("三、整顿后进。去年排查出的3个后进村党支部全部晋位升级。", "3个", "后进村党支部"),  # WENKE_RECTIFY
        ("对排查出的4个软弱涣散村党组织，逐村选派第一书记。", "4个", "软弱涣散村党组织"),  # WENKE_RECTIFY
    ],
)
def test_a_count_after_only_a_lead_verb_and_de_is_of_the_noun_after_its_number(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("今年先后举办“春风行动”等5场用工招聘会，提供岗位800个。", "5场", "用工招聘会"),  # FWSIR_TOWN_REPORT
        ("全镇举办“就业援助月”、“春风行动”等9场用工招聘会。", "9场", "用工招聘会"),  # FWSIR_TOWN_REPORT
    ],
)
def test_a_lead_verb_before_examples_and_deng_is_no_part_of_the_noun_after_the_number(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("每名班子成员牵头1个调研课题，近三年形成调研报告31篇。", "31篇", "形成调研报告"),  # WNWK_STUDY
        ("近五年累计建成高标准农田1.2万亩。", "1.2万亩", "高标准农田"),  # WNWK_STUDY
        ("近年来全镇培育致富带头人56名。", "56名", "培育致富带头人"),  # WNWK_STUDY
    ],
)
def test_jin_n_nian_is_a_scope_word(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("年末各项存贷款余额达1.2亿元和6800万元，同比增长9.1%和5.3%。", "1.2亿元", "各项存款余额"),  # TOWN_REPORT_35331
        ("年末各项存贷款余额达1.2亿元和6800万元，同比增长9.1%和5.3%。", "6800万元", "各项贷款余额"),  # TOWN_REPORT_35331
        ("年末各项存贷款余额达1.2亿元和6800万元，同比增长9.1%和5.3%。", "5.3%", "各项贷款余额同比增长"),  # TOWN_REPORT_35331
        ("全镇中小学在校学生1860人和2430人。", "2430人", "小学在校学生"),  # TOWN_REPORT_35331
        ("全镇各项存贷款余额3.5亿元。", "3.5亿元", "各项存贷款余额"),  # TOWN_REPORT_35331: one figure of both
    ],
)
def test_two_nouns_written_as_one_word_label_two_figures_joined_by_he_in_turn(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("乡党委把农民技术学校建设纳入议事日程，先后三次召开专题会议研究办学问题。", "三次", "召开专题会议"),  # LIULIN_FARMER_SCHOOL
        ("全镇有3名研究生到村任职。", "3名", "研究生到村任职"),  # LIULIN_FARMER_SCHOOL: 研究生 is a noun
    ],
)
def test_yanjiu_ends_the_phrase_after_a_number_but_yanjiusheng_does_not(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("全县安排15个部门单位，结对帮扶9个乡镇（街道）的40个薄弱村。", "9个", "乡镇"),  # QINGYUAN_WEAK_VILLAGES
        ("全县安排15个部门单位，结对帮扶9个乡镇（街道）的40个薄弱村。", "40个", "薄弱村"),  # QINGYUAN_WEAK_VILLAGES
        ("全镇党员干部帮扶困难群众120户。", "120户", "困难群众"),  # QINGYUAN_WEAK_VILLAGES: its object before the number
    ],
)
def test_a_lead_verb_of_the_object_after_with_nothing_after_it_is_no_part_of_the_label(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("全年共举办田间课堂86场次，培训农民超6800人次。", "超6800人次", "培训农民"),  # CHENGDU_FIELD_SCHOOL
        ("今年以来累计轮训村干部1500余人次。", "1500余人次", "轮训村干部"),  # CHENGDU_FIELD_SCHOOL
        ("全年培训农民420人。", "420人", "农民"),  # CHENGDU_FIELD_SCHOOL: a count of people, not of person-times
        ("全年接待游客12.5万人次。", "12.5万人次", "游客"),  # CHENGDU_FIELD_SCHOOL: 接待 is no training verb
    ],
)
def test_a_person_times_count_of_training_keeps_the_training_verb(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


def test_a_level_said_to_be_common_is_the_level_of_its_subject():
    # modelled on http://homekey.cn/News_Show/20588.html
    assert _fact("稳定就业的有150人，月收入普遍在3500元至5000元之间。", "3500元至5000元")["label"] == "月收入"


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("疏浚河道15公里，新建和维修涵闸8座。", "8座", "涵闸"),  # NX899_TOWNSHIP: two verbs joined by 和
        ("维修村组道路12公里。", "12公里", "村组道路"),  # NX899_TOWNSHIP
    ],
)
def test_verbs_joined_by_he_are_no_part_of_their_object(sentence, text, label):
    assert _fact(sentence, text)["label"] == label


@pytest.mark.parametrize(
    "sentence,text",
    [
        ("全年化解邻里等矛盾纠纷85起。", "85起"),  # BEIPIAO_MEDIATION: the examples go, the verb that resolves stays
        ("今年以来调处邻里等矛盾纠纷37起。", "37起"),
    ],
)
def test_disputes_resolved_keep_their_verb_when_examples_come_before_deng(sentence, text):
    assert _fact(sentence, text)["indicator"] == "disputes_resolved"
