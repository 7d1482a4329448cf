"""Statistics of county statistical bulletins, monthly economic briefs and township government work
reports land on their catalogue id, worded as those pages word them.

Every sentence here is made up; each is modelled on the wording of the public page named in the
comment above it (the page the phrasing was seen on, as the catalogue's ``seen`` column records).
"""

import pytest

from test_catalogue_phrasings import check


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://www.lwx.gov.cn/tjxxtjfx/content_3227672.html
        ("1-11月，全县规模工业增加值同比增长3.9%，比1-10月提高0.4个百分点。", "0.4个百分点",
         "industrial_value_added_growth_change_pp"),
        ("1-11月，园区规模工业增加值同比增长4.2%，比1-10月提高0.2个百分点。", "0.2个百分点",
         "park_industrial_value_added_growth_change_pp"),
        # modelled on http://tjj.qinghai.gov.cn/infoAnalysis/tjMessage/202004/t20200422_243594.html
        ("1-4月，全县规模以上工业增加值6.21亿元，同比增长7.3%，增幅比1-3月提高1.4个百分点。", "1.4个百分点",
         "industrial_value_added_growth_change_pp"),
    ],
)
def test_a_change_of_growth_without_its_subject_is_the_measure_its_sentence_names(sentence, number, indicator):
    check(sentence, number, indicator)


def test_the_same_change_of_growth_after_retail_sales_is_no_industrial_change():
    # modelled on http://tjj.qinghai.gov.cn/infoAnalysis/tjMessage/202004/t20200422_243594.html
    check("1-4月，限上零售业销售额0.51亿元，同比增长3.8%，增幅比1-3月提高0.7个百分点。", "0.7个百分点",
          "retail_trade_sales_above_quota_growth_change_pp")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://gybag.com/fcsrmzf/tjxx/202406/27a3f6dde9f74bca97e03a2b1ecd6753.shtml
        ("分行业门类看，1-6月，采矿业同比增长6.7%；制造业增长4.3%。", "6.7%", "mining_value_added_growth_rate"),
        ("分行业门类看，1-6月，采矿业同比增长6.7%；制造业增长4.3%。", "4.3%", "manufacturing_value_added_growth_rate"),
        # modelled on https://tjj.changzhi.gov.cn/sjfx/202505/t20250507_3043836.html
        ("一季度，采矿业增加值同比增长8.1%，制造业增加值同比下降2.6%。", "8.1%", "mining_value_added_growth_rate"),
        ("一季度，采矿业增加值同比增长8.1%，制造业增加值同比下降2.6%。", "2.6%",
         "manufacturing_value_added_growth_rate"),
    ],
)
def test_growth_of_the_industrial_sections(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://szzy.7lue.cn/read/44a33cd5f56ff6b48e2c9ca070a2c75d/b5130f0f5e9a52e2b7d7bd55e4e17271.md
        ("在全县工业总产值中，轻工业占38.5%，重工业占61.5%。", "38.5%", "light_industry_share"),
        ("在全县工业总产值中，轻工业占38.5%，重工业占61.5%。", "61.5%", "heavy_industry_share"),
    ],
)
def test_light_and_heavy_industry_shares(sentence, number, indicator):
    check(sentence, number, indicator)


def test_poultry_raised_is_neither_stock_nor_slaughter():
    # modelled on http://ygsite.cn/m/show.asp?id=80764
    check("全镇家禽饲养量46万羽，比上年增长3.2%。", "46万羽", "poultry_raised")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://jizihe.com/page/2014/0417/1116593.shtml
        ("全乡农民人均纯收入达6920元，比上年增加640元，增长10.2%。", "640元", "rural_net_income_change"),
        # modelled on https://www.tjia.org.cn/article/show/14/31786
        ("明年的预期目标是：农民人均纯收入达8200元，增加700元。", "700元", "rural_net_income_change_target"),
    ],
)
def test_a_rise_in_rural_net_income_reached_and_set_as_a_target(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,indicator",
    [
        # modelled on https://a.lx.city/forum.php?mod=viewthread&tid=627
        ("年末全镇共有工业企业12家，从业人员560人。", "industrial_enterprise_employees"),
        # modelled on http://yueyang.gov.cn/yysqw/43332/43335/44289/46398/46724/content_1282790.html
        ("全镇个体工商户860户，从业人员560人。", None),
    ],
)
def test_people_working_are_industrys_only_beside_its_enterprises(sentence, indicator):
    check(sentence, "560人", indicator)


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on http://soolun.net/periodical/73eedfe7fe90d3cde3f606d2f3ce271a.html
        ("全县已建成年出栏50头以上生猪养殖大户2310户。", "50头以上生猪养殖大户2310户"),
        ("今年新培育年出栏200头以上养殖大户9户。", "200头以上养殖大户9户"),
    ],
)
def test_large_households_above_a_herd_size_are_livestock_farms_of_scale(sentence, number):
    check(sentence, number, "livestock_scale_households")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.ahshx.gov.cn/sjfb/sjjd/9201629.html
        ("一季度，全县城镇常住居民人均可支配收入比全市低1420元。", "1420元", "urban_disposable_income_gap_vs_city"),
        ("一季度，全县农村常住居民人均可支配收入比全市低185元。", "185元", "rural_disposable_income_gap_vs_city"),
        ("一季度，全县农村常住居民人均可支配收入比全市高96元。", "96元", "rural_disposable_income_gap_vs_city"),
    ],
)
def test_a_countys_income_against_the_citys_is_an_id_of_its_own(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://m.news.shi-fen.com/china/201903/50-221875.html
        ("今年全镇发展的主要预期目标是：城镇新增就业320人以上，城镇调查失业率5.5%左右。", "5.5%左右",
         "surveyed_unemployment_rate_target"),
        # modelled on http://m.jizihe.com/page/2018/0910/10683602.shtml
        ("一季度，全县城镇调查失业率为5.1%。", "5.1%", "surveyed_unemployment_rate"),
        # modelled on http://www.heyuanxw.com/2012/sz_0228/21473.html
        ("今年全乡力争人口自然增长率控制在6‰以内。", "6‰以内", "natural_growth_rate_target"),
    ],
)
def test_surveyed_unemployment_and_population_growth_set_as_targets(sentence, number, indicator):
    check(sentence, number, indicator)



@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.ahshx.gov.cn/sjfb/sjjd/9201629.html
        ("一季度，全县城镇常住居民人均可支配收入比全市低1420元（全市为16830元），比全省低2650元（全省为18060元）。",
         "2650元", "urban_disposable_income_gap_vs_province"),
        ("一季度，全县农村常住居民人均可支配收入比全市低185元（全市为7420元），比全省高530元（全省为6705元）。",
         "530元", "rural_disposable_income_gap_vs_province"),
    ],
)
def test_a_countys_income_against_the_provinces_after_the_citys_keeps_its_subject(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://zonecy.com/zkrb/html/2015-04/08/content_1679043.htm
        ("全镇做好春季植树造林工作，累计投入资金85万元，新栽植树木4.2万棵。", "85万元", "afforestation_investment"),
        ("完成植树造林620亩，投入资金12万元，对进村道路实施绿化。", "12万元", "afforestation_investment"),
        # modelled on http://ratnahitech.com/news/show.php?itemid=38807
        ("全年完成造林绿化投资3.2亿元，其中造林投资0.8亿元。", "0.8亿元", "afforestation_investment"),
        # the same wording, modelled on http://zonecy.com/zkrb/html/2015-04/08/content_1679043.htm, without afforestation
        ("全镇开展春季道路硬化工作，累计投入资金46万元。", "46万元", None),
    ],
)
def test_money_put_into_afforestation_is_its_own_spending(sentence, number, indicator):
    check(sentence, number, indicator)


def test_job_fairs_for_the_labour_enterprises_need():
    # modelled on https://news.jstv.com/a/20150224/79471.shtml
    check("春节后，全镇共组织用工招聘会5场，提供岗位1200个。", "5场", "job_fairs")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://jendow.com.tw/wiki/%E9%AD%8F%E5%AE%B6%E6%A9%8B%E9%84%89
        ("全乡粮食总产达1680吨，人均占有粮食405公斤。", "405公斤"),
        ("当年粮食总产4260吨，人均占有398公斤。", "398公斤"),
        # modelled on https://www.aboluowang.com/amp/2023/0719/1929157.html
        ("年末全县人均粮食462公斤。", "462公斤"),
    ],
)
def test_grain_per_head_is_no_grain_output(sentence, number):
    check(sentence, number, "grain_output_per_capita")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on http://www.huaian.gov.cn/col/16779_167867/art/202012/16086926990594yP4gQKu.html
        ("1-11月，全县在库项目98个，其中计划总投资5000万元以上的61个，完成投资增长12.6%。", "12.6%"),
        ("全镇列统重大项目17个，完成投资同比下降8.3%。", "8.3%"),
    ],
)
def test_growth_of_the_investment_completed_on_projects(sentence, number):
    check(sentence, number, "project_investment_growth_rate")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://dztj.dezhou.gov.cn/n3100530/n15894766/c16514459/content.html
        ("一季度，第三产业拉动GDP增长2.8个百分点。", "2.8个百分点", "tertiary_industry_growth_pull_pp"),
        # modelled on http://tjj.xjbt.gov.cn/2019nj/table/02-06.htm
        ("全年第一产业拉动经济增长0.4个百分点，第二产业拉动经济增长2.6个百分点。", "0.4个百分点",
         "primary_industry_growth_pull_pp"),
        ("全年第一产业拉动经济增长0.4个百分点，第二产业拉动经济增长2.6个百分点。", "2.6个百分点",
         "secondary_industry_growth_pull_pp"),
    ],
)
def test_the_points_of_growth_each_sector_pulls(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://nx899.com/baogao/00541/5414144.html
        ("全镇完成土地整理工程0.6万亩，新建和维修水闸12座。", "0.6万亩", "land_consolidation_area"),
        # modelled on http://m.7rdy.cn/news/94034.html
        ("五年来，全镇建成创业园区2个。", "2个", "startup_parks_built"),
    ],
)
def test_land_consolidated_and_start_up_parks_built(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://czsanmeng.cn/shown-898
        ("年末全镇金融机构各项存款余额为12.6亿元，同比增长9.8%。", "9.8%", "deposits_balance_growth_rate"),
        # modelled on http://finance1.ce.cn/rolling/201303/18/t20130318_209594.shtml
        ("各项贷款余额4.3亿元，比年初增加0.5亿元，各项贷款余额同比增长7.1%。", "7.1%",
         "loans_balance_growth_rate"),
    ],
)
def test_the_growth_of_a_deposit_or_loan_balance_is_its_own_growth_rate(sentence, number, indicator):
    check(sentence, number, indicator)


URBAN_VS_CITY = (
    "上半年本县城镇常住居民人均可支配收入比全市高860元（全市为23100元），比全省低2400元（全省为26360元）；"
    "增幅比全市高0.4个百分点（全市为5.1%），比全省低0.2个百分点（全省为5.7%）。"
)
RURAL_VS_CITY = (
    "上半年本县农村常住居民人均可支配收入比全市低410元（全市为14020元），比全省高930元（全省为12680元）；"
    "增幅比全市低0.6个百分点（全市为7.9%），比全省高0.5个百分点（全省为6.8%）。"
)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.ahshx.gov.cn/sjfb/sjjd/9201629.html
        (URBAN_VS_CITY, "23100元", "city_urban_disposable_income"),
        (URBAN_VS_CITY, "26360元", "province_urban_disposable_income"),
        (URBAN_VS_CITY, "5.1%", "city_urban_disposable_income_growth_rate"),
        (URBAN_VS_CITY, "5.7%", "province_urban_disposable_income_growth_rate"),
        (URBAN_VS_CITY, "0.4个百分点", "urban_disposable_income_growth_gap_vs_city_pp"),
        (URBAN_VS_CITY, "0.2个百分点", "urban_disposable_income_growth_gap_vs_province_pp"),
        (RURAL_VS_CITY, "14020元", "city_rural_disposable_income"),
        (RURAL_VS_CITY, "12680元", "province_rural_disposable_income"),
        (RURAL_VS_CITY, "7.9%", "city_rural_disposable_income_growth_rate"),
        (RURAL_VS_CITY, "6.8%", "province_rural_disposable_income_growth_rate"),
        (RURAL_VS_CITY, "0.6个百分点", "rural_disposable_income_growth_gap_vs_city_pp"),
        (RURAL_VS_CITY, "0.5个百分点", "rural_disposable_income_growth_gap_vs_province_pp"),
    ],
)
def test_the_city_and_province_figures_given_beside_a_county_income_are_their_own_ids(
    sentence, number, indicator
):
    check(sentence, number, indicator)


def test_a_city_figure_given_beside_a_county_income_in_brackets_is_the_citys_income():
    # modelled on http://www.huxianbbs.com/forum.php?goto=lastpost&mod=redirect&tid=30888
    check(
        "一季度城镇居民人均可支配收入5120元（全市6480元），同比增长9.6%。",
        "6480元",
        "city_urban_disposable_income",
    )


def test_gdp_growth_averaged_over_two_years_is_its_own_growth_rate():
    # modelled on https://tjgb.hongheiku.com/xjtjgb/xj2020/43861.html
    check(
        "初步核算，全年全县实现生产总值612300万元，比上年增长3.8%；与2020年相比，两年平均增长4.6%。",
        "4.6%",
        "gdp_growth_two_year_average",
    )
