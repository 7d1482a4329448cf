"""Statistics of village collective-economy reports and of the tables set in township texts land
on their catalogue id, worded as those pages word them.

Every sentence here is made up; each is modelled on the wording of the public page named in the
comment above it (the page the phrasing was seen on, as the catalogue's ``seen`` column records).
"""

import pytest

from lxw_analysis.indicators import match_indicator
from test_catalogue_phrasings import check

# modelled on https://www.datiyi.cn/article/1851795.html (a 村集体经济组织收益分配统计表 set in the text)
DISTRIBUTION_TABLE = (
    "2022年末，柳坪镇“村集体经济组织收益分配统计表”汇总如下（单位 万元）：\n"
    "指标名称 代码 数量 指标名称 代码 数量\n"
    "一、总收入 1 312.6 3.其他支出 10 20.4\n"
    "1.经营收入 2 118.3 三、本年收益 11 96.2\n"
    "2.发包及上交收入 3 60.5 四、年初未分配收益 12 18.7\n"
    "3.投资收益 4 14.1 五、可分配收益 13 114.9\n"
    "4.补助收入 5 85.2 1.提取公积公益金 14 30.2\n"
    "5.其他收入 6 34.5 2.提取应付福利费 15 12.8\n"
    "二、总支出 7 216.4 3.农户分配 16 40.6\n"
    "1.经营支出 8 121.9 六、年末未分配收益 17 31.3\n"
    "2.管理费用 9 74.1\n"
)


@pytest.mark.parametrize(
    "number,indicator",
    [
        ("312.6", "collective_income_total"),
        ("216.4", "collective_expenditure_total"),
        ("96.2", "collective_net_income"),
    ],
)
def test_the_rows_of_a_collective_income_distribution_table_are_the_collectives(number, indicator):
    check(DISTRIBUTION_TABLE, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://xiuzhiben.com/ns_news/620162123168676
        ("分区域看，南塘街道总收入8.4亿元，居全区首位。", "8.4亿元", "collective_income_total"),
        ("从支出用途看，管理费用1.6亿元，占18.2%。", "1.6亿元", "collective_management_expenses"),
        ("从支出用途看，管理费用1.6亿元，占18.2%。", "18.2%", "collective_management_expenses_share"),
    ],
)
def test_collective_totals_and_the_share_of_management_expenses(sentence, number, indicator):
    check(sentence, number, indicator)


def test_a_total_expenditure_outside_the_collectives_stays_the_budgets():
    # modelled on http://dayao.gov.cn/info/egovinfo/1007/overt_centent/dyx009-/2024-0516001.htm
    check("全年财政总支出1860万元，比上年增长5.2%。", "1860万元", "budget_expenditure")
    check("全年总支出1860万元，比上年增长5.2%。", "1860万元", "budget_expenditure")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://zcf.org.cn/news/view/id/5280
        ("经逐级摸底，全市共有相对薄弱乡镇12个。", "12个"),
        ("全县有薄弱乡镇6个、相对薄弱村41个。", "6个"),
    ],
)
def test_weak_townships_are_counted_apart_from_weak_villages(sentence, number):
    check(sentence, number, "weak_townships")


@pytest.mark.parametrize(
    "number",
    [
        # modelled on http://bx2200.com/renkoupc/xibei/2200_3.html
        "超过800户的村有3个",
        "不足300户的村有2个",
    ],
)
def test_villages_in_a_bracket_of_households_are_no_income_bracket(number):
    check("全镇常住户数超过800户的村有3个，不足300户的村有2个。", number, "villages_in_household_band")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://fx361.cc/page/2023/1228/22921247.shtml
        ("2022年，村平年经营性收入比全省均值高20%以上的县市区有18个。", "20%以上的县市区有18个"),
        ("从乡镇看，村平集体经济收入比全市均值低20%以上的乡镇有6个。", "20%以上的乡镇有6个"),
    ],
)
def test_townships_or_counties_in_a_bracket_above_or_below_the_mean(sentence, number):
    check(sentence, number, "areas_in_percent_band")


def test_working_groups_set_up_under_a_leading_group():
    # modelled on http://scpc.gov.cn/ywdt/xzdt/13971819.html
    check("镇里成立产业发展工作领导小组，下设4个工作组，分片包村推进。", "4个", "working_groups")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://xiuzhiben.com/ns_news/620162123168676
        ("2021年，全市村组两级总收入40.2亿元（村级31.6亿元），同比增长3.9%。", "31.6亿元", "collective_income_total_village_level"),
        ("2021年，全市村组两级总收入40.2亿元（村级31.6亿元），同比增长3.9%。", "40.2亿元", "collective_income_total"),
        ("全市经营性收入25.1亿元（村级2.8亿元），同比增长4.1%。", "2.8亿元", None),
    ],
)
def test_the_village_level_part_in_brackets_after_the_total_of_villages_and_groups(sentence, number, indicator):
    check(sentence, number, indicator)


def test_small_and_micro_enterprises_are_counted_as_such():
    # modelled on http://news.gqsoso.com/bia/202108/17106285.html
    check("截至6月底，全县小微企业累计达到1.2万家，占全部企业数的90%以上。", "1.2万家", "small_micro_enterprises")


@pytest.mark.parametrize(
    "unit,indicator",
    [
        # modelled on http://xiuzhiben.com/ns_news/620162123168676 (公益性基础设施建设支出X亿元，占Y%)
        ("元", "collective_public_infrastructure_expenditure"),
        ("%", "collective_public_infrastructure_expenditure_share"),
    ],
)
def test_public_infrastructure_spending_of_the_collectives_and_its_share(unit, indicator):
    assert match_indicator("公益性基础设施建设支出", unit) == indicator


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on http://zjnews.zjol.com.cn/system/2013/02/27/019174398.shtml
        ("一年来，集体经济收入在50万元以上的村由8个增加到20个，翻了一番多。", "翻了一番多"),
        ("收入30万元以上的村比上年增长25%。", "30万元以上的村比上年增长25%"),
    ],
)
def test_the_growth_rate_of_the_villages_in_a_bracket_is_its_own_id(sentence, number):
    check(sentence, number, "collective_income_band_villages_growth_rate")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://m.fx361.cc/news/2023/0302/21564268.html
        ("2022年，全县无收入的“空壳村”占比降至3.1%。", "3.1%"),
        ("全县空壳村占比为12.5%。", "12.5%"),
    ],
)
def test_the_share_of_shell_villages_outside_any_income_bracket(sentence, number):
    check(sentence, number, "shell_villages_share")


@pytest.mark.parametrize(
    "number,indicator",
    [
        # modelled on https://scholarmate.com/S/57AzSZ
        ("12个", "weak_villages_change"),
        ("40%", "weak_villages_growth_rate"),
    ],
)
def test_weak_villages_fall_in_number_and_by_a_rate(number, indicator):
    check("全市集体经济薄弱村比上年减少12个，下降40%。", number, indicator)


def test_the_growth_of_the_average_operating_income_per_village():
    # modelled on https://fx361.cc/page/2023/1228/22921247.shtml (村平年经营性收入) and
    # http://nirmalhimaltrade.com/news/redian/2023/05/2023-05-27500637.html (村均经营性收入…同比增长)
    sentence = "全省村级集体经济组织经营性收入合计120亿元，村平42.3万元，较上年增长12.5%。"
    check(sentence, "42.3万元", "collective_operating_income_average")
    check(sentence, "12.5%", "collective_operating_income_average_growth_rate")


def test_one_village_collectives_operating_income_and_its_rise():
    # modelled on https://www.datiyi.cn/article/1851795.html
    sentence = "2022年，该村村集体经营收入56.2万元，比上年增加8.4万元。"
    check(sentence, "56.2万元", "village_collective_operating_income")
    check(sentence, "8.4万元", "village_collective_operating_income_change")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://news.solarbe.com/201912/17/318207.html
        ("截至目前，全县已建成12座村级光伏电站，装机容量6.5兆瓦。", "6.5兆瓦"),
        # modelled on http://m-anluyun.cjyun.org/p/36612.html
        ("东岗村光伏电站于5月并网，装机120千瓦。", "120千瓦"),
    ],
)
def test_installed_photovoltaic_capacity_of_village_stations(sentence, number):
    check(sentence, number, "pv_capacity")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://dawenge.com/jinqigengxin/684300.html
        ("分析阶段交叉核对数据，召开村民座谈会4场，梳理出主要问题。", "4场"),
        ("调研期间共召开座谈会5次。", "5次"),
    ],
)
def test_discussion_meetings_held_during_a_survey(sentence, number):
    check(sentence, number, "symposiums_held")


def test_sales_of_a_village_supply_and_marketing_cooperative():
    # modelled on http://scpc.gov.cn/ywdt/xzdt/13971819.html
    check("村级供销社开展农资代购等服务，已实现销售额6.2万元。", "6.2万元", "sales_revenue")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://www.ahlx.gov.cn/OpennessContent/show/3397531.html
        ("今年整合各级资金800万元，其中省级财政补助资金200万元（扶持村4个，每村补助50万元）。", "50万元"),
        # modelled on https://czj.huaibei.gov.cn/cwdt/gzdt/57829243.html
        ("补助资金覆盖全部20个扶持村，每村获得10万元资金支持。", "10万元"),
    ],
)
def test_support_funds_granted_to_each_village(sentence, number):
    check(sentence, number, "support_funds_per_village")


@pytest.mark.parametrize(
    "sentence",
    [
        # modelled on http://epaper.ssxww.com.cn/sh/2022/0329/85984.html
        "日前，省委农办、省委组织部、省财政厅、省农业农村厅等4部门联合印发《2023年发展壮大农村集体经济工作方案》。",
        "近日，市农业农村局等4部门联合印发实施方案。",
    ],
)
def test_the_departments_that_jointly_issue_a_policy_document(sentence):
    check(sentence, "4部门", "departments_jointly_issuing")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on http://scxb.com.cn/html/2022-09/26/content_338587.htm
        ("全镇12个村实现企业联建全覆盖，结成联建关系15对。", "15对"),
        ("9个村与企业结成联建关系11对。", "11对"),
    ],
)
def test_village_enterprise_partnerships_are_counted_in_pairs(sentence, number):
    check(sentence, number, "village_enterprise_pairs")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on http://yexian.gov.cn/contents/6157/308724.html
        ("今年村里连片种植艾草80亩，一年可收获三茬。", "三茬"),
        # modelled on http://zxr.ahnews.com.cn/news/2022/05/11/c_219388.htm
        ("村集体在闲置地种植艾草120余亩，每年可收割3茬。", "3茬"),
    ],
)
def test_harvests_a_year_of_a_collective_crop(sentence, number):
    check(sentence, number, "harvests_per_year")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on http://qynews.zjol.com.cn/qynews/system/2017/12/14/030579872.shtml
        ("攻坚中，26名县级领导、70个单位联系15个乡镇62个薄弱村。", "70个"),
        # modelled on https://m.77cn.com.cn/cehua/shishi/66446_2.html
        ("全县共有45个帮扶单位参与结对帮扶。", "45个"),
    ],
)
def test_departments_and_units_paired_with_villages(sentence, number):
    check(sentence, number, "paired_units")


def test_the_growth_of_the_average_operating_income_worded_in_full():
    # modelled on http://nirmalhimaltrade.com/news/redian/2023/05/2023-05-27500637.html
    check("全市村均经营性收入48.2万元，同比增长15.6%。", "15.6%", "collective_operating_income_average_growth_rate")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://fx361.cc/page/2021/1122/12468476.shtml (按照每个村不低于50万元的标准)
        ("2019年以来，按照每个村不低于30万元的标准，累计投入扶持资金2.6亿元。", "不低于30万元"),
        ("今年下达扶持资金240万元，按每村20万元标准，支持12个薄弱村发展增收项目。", "20万元"),
    ],
)
def test_a_standard_set_per_village_is_the_support_funds_each_village_gets(sentence, number):
    check(sentence, number, "support_funds_per_village")


def test_the_capacity_of_each_station_is_not_the_total_capacity():
    # modelled on http://ah.sina.com.cn/news/2019-07-12/detail-ihytcerm3176673.shtml (每座电站至少100千瓦)
    sentence = "全县建成村级光伏电站96座（每座电站至少60千瓦），每村集体经济年收入均达到5万元以上。"
    check(sentence, "至少60千瓦", "pv_capacity_per_station")
    check("全县已建成96座村级光伏电站，装机容量5.8兆瓦。", "5.8兆瓦", "pv_capacity")
