"""Statistics of statistical bulletins, collective-economy reports and older county and commune
writing land on their catalogue id, worded as those pages word them.

Every sentence here is made up; each is modelled on the wording of the public page named in the
comment above it (the page the phrasing was seen on, as the catalogue's ``seen`` column records).
"""

import pytest

from lxw_analysis import extract_facts
from test_catalogue_phrasings import check, indicator_of


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://tjj.qinghai.gov.cn/infoAnalysis/tjMessage/202004/t20200422_243594.html
        ("1-4月，限上批发业销售额21.5亿元，同比下降8.2%，降幅比1-3月收窄1.1个百分点；限上零售业销售额0.42亿元，"
         "同比增长5.1%，增幅比1-3月回落0.6个百分点。", "1.1个百分点", "wholesale_sales_above_quota_growth_change_pp"),
        ("1-4月，限上批发业销售额21.5亿元，同比下降8.2%，降幅比1-3月收窄1.1个百分点；限上零售业销售额0.42亿元，"
         "同比增长5.1%，增幅比1-3月回落0.6个百分点。", "0.6个百分点", "retail_trade_sales_above_quota_growth_change_pp"),
        ("1-4月，限上餐饮业营业额0.12亿元，同比下降9.4%，降幅比1-3月扩大1.7个百分点。", "1.7个百分点",
         "catering_revenue_above_quota_growth_change_pp"),
        # modelled on http://tjj.qinghai.gov.cn/infoAnalysis/tjMessage/202004/t20200422_243594.html
        ("一季度，全县社会消费品零售总额同比下降6.1%，降幅比1-2月收窄3.2个百分点。", "3.2个百分点",
         "retail_sales_growth_change_pp"),
        # modelled on http://tjj.quanzhou.gov.cn/tjzl/sjjd/202211/t20221123_2804133.htm
        ("1-10月，园区规模工业增加值增长6.4%，增速比1-9月加快0.5个百分点。", "0.5个百分点",
         "park_industrial_value_added_growth_change_pp"),
    ],
)
def test_a_change_in_percentage_points_without_its_subject_is_the_sentences_measure(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://www.ruyuan.gov.cn/zwgk/tjxx/content/post_2640498.html
        ("1-4月，全县工业投资下降12.5%，制造业投资下降20.1%。", "12.5%", "industrial_investment_growth_rate"),
        # modelled on http://www.dachuan.gov.cn/news-show-148689.html
        ("从房地产开发看，房地产开发投资同比下降8.7%。", "8.7%", "real_estate_investment_growth_rate"),
        # modelled on https://scholarmate.com/S/YCOLDf
        ("1-4月，全县基础设施投资同比增长4.1%。", "4.1%", "infrastructure_investment_growth_rate"),
        # modelled on http://chongqing.chinagdp.org/jjfz/201612/382.html
        ("1-11月，全县规模工业增加值增长7.3%。", "7.3%", "above_scale_industrial_value_added_growth_rate"),
        # modelled on http://yc.xinxuanze.com.cn/2017/1127/12482.html
        ("前10个月，全县园区规模工业增加值增长6.1%。", "6.1%", "park_industrial_value_added_growth_rate"),
        # modelled on https://qianinfo.com/index/34/48/4441132.html
        ("年末生猪存栏12.6万头，比上年末增长3.5%。", "3.5%", "pigs_stock_growth_rate"),
    ],
)
def test_growth_rates_of_investment_industry_and_stock(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://longyang.gov.cn/info/4976/9863569.htm
        ("全年农作物总播种面积46210亩，比上年增加1250亩。", "1250亩", "crop_area_change"),
        # modelled on http://www.claytorial.com/lysc/scfx/xm/202303/t20230301_67603.html
        ("全年玉米种植面积8.2万亩，比上年减少0.6万亩。", "0.6万亩", "maize_area_change"),
        ("小麦种植面积3.1万亩，比上年增加0.2万亩。", "0.2万亩", "wheat_area_change"),
        # modelled on https://api.weihengag.com/home/article/detail/id/22706.html
        ("粮食亩产382公斤，比上年增加4.5公斤。", "382公斤", "grain_yield"),
        ("粮食亩产382公斤，比上年增加4.5公斤。", "4.5公斤", "grain_yield_per_mu_change"),
    ],
)
def test_changes_in_crop_area_and_yield_are_ids_of_their_own(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://bx2200.com/tjgongbao/xibei/10086_5.html
        ("年末有星级宾馆35个，医院48个，自然保护区3个。", "35个", "star_hotels"),
        ("年末有星级宾馆35个，医院48个，自然保护区3个。", "48个", "hospitals"),
        ("年末有星级宾馆35个，医院48个，自然保护区3个。", "3个", "nature_reserves"),
        ("全年接待国内外游客812万人次，比上年增长1.3倍。", "812万人次", "tourist_visits"),
        ("全年接待国内外游客812万人次，比上年增长1.3倍。", "1.3倍", "tourist_visits_growth_multiple"),
        ("实现旅游总收入56.2亿元，比上年增长1.8倍。", "1.8倍", "tourism_revenue_growth_multiple"),
        ("湿地面积12.4万公顷。", "12.4万公顷", "wetland_area"),
        ("规模以上工业清洁能源发电量52.3亿千瓦时。", "52.3亿千瓦时", "clean_energy_generation"),
        # modelled on http://m.xbqs.cn/29/7674.html
        ("全年人口自然增长率为-1.6‰，比上年下降0.9个千分点。", "0.9个千分点", "natural_growth_rate_change"),
        # modelled on http://m.mnw.cn/news/china/2117181.html
        ("总人口性别比为104.2:100。", "104.2:100", "sex_ratio"),
    ],
)
def test_bulletin_counts_areas_and_multiples(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.stats.gov.cn/sj/pcsj/nypc/nypc2/ny/html/010410.htm
        ("全县农业经营户实际经营耕地中，转入耕地占12.8%。", "12.8%", "farmland_transferred_in_share"),
    ],
)
def test_farmland_composition_shares_of_the_agricultural_census(sentence, number, indicator):
    check(sentence, number, indicator)


# modelled on https://www.stats.gov.cn/sj/pcsj/nypc/nypc2/ny/html/010410.htm
CENSUS_TABLE = """1-4-10  全县按地势分的农业经营户经营耕地面积构成
单位：%
                    实际经营耕地   其中：转入耕地   承包地、自留地
合    计              100.00          11.19           88.81
    山区              100.00           8.38           91.62
"""


@pytest.mark.parametrize(
    "number,indicator",
    [("100.00", "farmland_operated_share"), ("11.19", "farmland_transferred_in_share"),
     ("8.38", "farmland_transferred_in_share"), ("91.62", "farmland_contracted_own_share")],
)
def test_farmland_composition_table_columns_get_their_ids(number, indicator):
    facts = extract_facts(CENSUS_TABLE)
    assert set(facts.loc[facts["text"] == number, "indicator"]) == {indicator}


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.ppdoc.com/periodical/fb128d1dbcae982d5af57d45bb8c0e7d.html
        ("七四年粮食亩产六百零八斤，人平分粮五百八十四斤，每人平均农副业收入一百三十五元。", "五百八十四斤", "grain_distributed_per_capita"),
        ("七四年粮食亩产六百零八斤，人平分粮五百八十四斤，每人平均农副业收入一百三十五元。", "一百三十五元", "sideline_income_per_capita"),
        # modelled on https://www.ppdoc.com/periodical/a24d0895fcf436c9dbef1c3379cf90be.html
        ("全大队每户售粮七千斤，每亩提供商品粮五百多斤。", "七千斤", "grain_sold_per_household"),
        ("全大队每户售粮七千斤，每亩提供商品粮五百多斤。", "五百多斤", "grain_sold_per_mu"),
        ("几年来，造林一千三百亩，封山育林二千四百亩。", "二千四百亩", "hill_closure_area"),
        ("水田面积二千九百六十五亩，每人平均水田面积二亩五分。", "二亩五分", "paddy_area_per_capita"),
        # modelled on http://www.zpzvwot.cn/zx/show-1268.html
        ("今年全县花生平均亩产一百六十公斤。", "一百六十公斤", "peanut_yield_per_mu"),
        # modelled on http://anhua.gov.cn/16/17/19/content_1426853.html
        ("全县现有茶园面积三十六万亩。", "三十六万亩", "tea_garden_area"),
    ],
)
def test_commune_and_brigade_figures_in_chinese_numerals(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://n.yam.com/Article/20230111159117
        ("鄉公所公庫盈餘約有13億多元，真正累積盈餘3億2仟827萬元。", "約有13億多元", "township_treasury_surplus"),
        ("鄉公所公庫盈餘約有13億多元，真正累積盈餘3億2仟827萬元。", "3億2仟827萬元", "township_usable_surplus"),
    ],
)
def test_a_township_offices_treasury_in_traditional_script(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://wenmijiayuan.com/doc/22650.html
        ("2021年扶持村集体经济项目3个，预计带动村集体增收25%以上。", "25%以上",
         "collective_income_total_growth_rate_target"),
        ("2022年全乡村集体增收18%。", "18%", "collective_income_total_growth_rate"),
    ],
)
def test_collective_income_growth_reached_and_expected(sentence, number, indicator):
    check(sentence, number, indicator)


def test_tiantu_is_cultivated_land():
    # modelled on https://www.ppdoc.com/periodical/fb128d1dbcae982d5af57d45bb8c0e7d.html
    check("全大队共有二百八十七户，田土六百八十多亩。", "六百八十多亩", "cultivated_land")


def test_cash_handed_out_to_each_resident():
    # modelled on http://n.yam.com/Article/20211207894459
    check("鄉公所再發放振興禮金，每人發放2千元。", "2千元", "cash_handout_per_person")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://fx361.cc/page/2020/0409/18180315.shtml
        ("全县已建成各类水库98座，水库总库容8953万立方米。", "8953万立方米", "reservoir_capacity"),
        # modelled on http://tjj.fujian.gov.cn/tongjinianjian/dz2021/cn-en/html/0610.htm
        ("上半年，农村居民人均工资性收入占可支配收入的45.1%。", "45.1%", "rural_wage_income_share"),
        # modelled on https://www.ppdoc.com/periodical/fb128d1dbcae982d5af57d45bb8c0e7d.html
        ("现有一千一百九十八户，每人平均土地一亩三分多。", "一亩三分多", "land_per_capita"),
        # modelled on https://wenmijiayuan.com/doc/22650.html
        ("两村合办加工公司，目前村集体已注资60万元。", "60万元", "collective_capital_invested"),
        # modelled on https://xmybk.com/baike/58324.htm
        ("改种夏茬花生后，亩均收入1200余元。", "1200余元", "income_per_mu"),
    ],
)
def test_storage_wage_share_land_and_collective_capital(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://tjgb.hongheiku.com/xjtjgb/xj2020/28755.html
        ("全年种植业产值186420万元，同比增长6.3%。", "186420万元", "crop_farming_output_value"),
        ("全年种植业产值186420万元，同比增长6.3%。", "6.3%", "crop_farming_output_value_growth_rate"),
        ("烤烟播种面积41200亩，比上年增加800亩。", "800亩", "tobacco_area_change"),
        ("烤烟产量5260吨，比上年增加120吨。", "120吨", "tobacco_output_change"),
    ],
)
def test_crop_farming_output_and_tobacco_changes(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://soolun.net/periodical/659dabac71f3158a3465065360bcc540.html
        ("全县耕地72.5万亩，中低产田占耕地的72%。", "72%", "low_medium_yield_field_share"),
        # modelled on https://fx361.cc/page/2021/1122/12468476.shtml
        ("村集体经济组织经营性收入占总收入的52.63%。", "52.63%", "collective_operating_income_share_of_total"),
    ],
)
def test_shares_of_low_yield_land_and_of_operating_income(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://anhua.gov.cn/16/17/19/content_1426853.html
        ("全县油菜播种面积30.97万亩，油菜籽总产量3.31万吨。", "30.97万亩", "rapeseed_area"),
        ("全县油菜播种面积30.97万亩，油菜籽总产量3.31万吨。", "3.31万吨", "rapeseed_output"),
        # modelled on https://www.hhlx.gov.cn/info/1121/365321.htm
        ("种植油料18000亩，产量288万公斤。", "18000亩", "oilseed_area"),
        # modelled on https://xmybk.com/baike/58324.htm and http://www.zpzvwot.cn/zx/show-1268.html
        ("今年全乡种植花生3.2万亩，花生总产9600吨。", "3.2万亩", "peanut_area"),
        ("今年全乡种植花生3.2万亩，花生总产9600吨。", "9600吨", "peanut_output"),
    ],
)
def test_rapeseed_and_peanuts_are_not_the_whole_oilseed_crop(sentence, number, indicator):
    check(sentence, number, indicator)


def test_a_bare_total_output_after_a_crop_is_not_grain_output():
    # modelled on http://m.iichatc.com/dm_110746/ (豆类播种面积…，总产…): the 总产 of the crop named before it
    assert indicator_of("全乡豆类播种面积1807亩，总产204吨。", "204吨") != "grain_output"


def test_a_supported_collective_projects_revenue_is_not_enterprise_revenue():
    # modelled on https://wenmijiayuan.com/doc/22650.html
    check("2020年扶持壮大村集体经济项目为湖田村民宿，当年营业收入近36万元。", "近36万元",
          "collective_project_operating_income")



@pytest.mark.parametrize(
    "number,indicator",
    [("20人", "party_member_recruitment_quota"), ("24人", "party_member_recruitment_plan")],
)
def test_a_party_recruitment_quota_and_plan_in_traditional_script(number, indicator):
    # modelled on https://www.mingyanjiaju.org/fanwen/dangtuangongzuozongjie/1332904593524454.htm
    check("今年市下達指導數20人，我鄉計畫發展24人。", number, indicator)


def test_party_branches_of_township_offices():
    # modelled on https://www.mingyanjiaju.org/fanwen/dangtuangongzuozongjie/1332904593524454.htm
    check("鄉黨委下轄29個支部，其中鄉直單位支部14個。", "14個", "township_unit_party_branches")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://newton.com.tw/wiki/%E6%9C%83%E5%B1%B1%E9%A0%AD%E8%87%AA%E7%84%B6%E6%9D%91/1912169
        ("全村共拥有汽车12辆，拖拉机1辆；装有太阳能农户28户。", "12辆", "cars_owned"),
        ("全村共拥有汽车12辆，拖拉机1辆；装有太阳能农户28户。", "28户", "households_with_solar_heaters"),
    ],
)
def test_a_village_profiles_cars_and_solar_heaters(sentence, number, indicator):
    check(sentence, number, indicator)


def test_publicity_display_boards():
    # modelled on http://hegsty.fun/dn/tuijian/399972.html and http://m.xomn.cn/html/2021/hefei_0511/243423.html
    check("共设置反诈宣传展板8块，发放宣传资料400余份。", "8块", "publicity_display_boards")


def test_villages_whose_operating_income_is_zero_are_zero_income_villages():
    # modelled on https://m.fx361.cc/news/2023/0302/21564268.html (villages without operating revenue), worded with 经营性收入
    check("全县经营性收入为零的村还有12个。", "12个", "zero_income_villages")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://m.fx361.cc/news/2023/0302/21564268.html
        ("调查共涵盖308个行政村，每个行政村平均访问了12户。", "12户", "survey_households_per_village"),
        ("2019年调查中，共访问农户1 512户。", "1 512户", "survey_households"),
    ],
)
def test_a_surveys_households_visited(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://200zi.50zi.cn/fw/3/195/P34YjGEl0j.html
        ("全市拥有国家4A级景区3个、国家3A级景区2个。", "3个", "scenic_spots_4a"),
        ("全市拥有国家4A级景区3个、国家3A级景区2个。", "2个", "scenic_spots_3a"),
        # modelled on http://bx2200.com/tjgongbao/xibei/10086_5.html
        ("年末有5A级景区4个，星级宾馆272个。", "4个", "scenic_spots_5a"),
    ],
)
def test_rated_tourist_sites_are_counted_by_grade(sentence, number, indicator):
    check(sentence, number, indicator)
