"""Statistics of older commune and county writing in Chinese numerals, and of pages in
traditional script, land on their catalogue id, worded as those pages word them.

Every sentence here is made up; each is modelled on the wording of the public page named in the
comment above it (the page the phrasing was seen on, as the catalogue's ``seen`` column records).
Traditional-script sentences are matched against the simplified phrasings the catalogue stores.
"""

import pytest

from test_catalogue_phrasings import check


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://222.198.130.40:81/Qikan/Article/Detail?id=678777176199902018
        ("到一九八四年底，全县有效灌溉面积占耕地总面积的百分之四十八点六。", "百分之四十八点六", "irrigated_area_share"),
        ("全县有效灌溉面积三十二万亩，占耕地面积的百分之四十一。", "百分之四十一", "irrigated_area_share"),
        # modelled on https://lm263.com/news/show-43053-1.html
        ("一年来，全乡科技示范户发展到八十六户，带动周边农户六百多户。", "八十六户", "sci_tech_demonstration_households"),
        ("全镇现有农民科技示范户215户。", "215户", "sci_tech_demonstration_households"),
    ],
)
def test_county_and_township_farming_figures_in_chinese_numerals(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://fubaore.com/shehui/20211231/1001105295.html
        ("今年以来，全县电信网络诈骗发案数同比下降18.4%。", "18.4%", "telecom_fraud_cases_growth_rate"),
        ("今年以來，轄區電信網絡詐騙發案數同比下降9.2%。", "9.2%", "telecom_fraud_cases_growth_rate"),
        # modelled on http://www.kbqmt.com/Article/detail/id/14241.html
        ("一季度，全市电信网络诈骗案件立案数同比下降31.5%，财产损失数同比下降12.1%。", "31.5%",
         "telecom_fraud_cases_growth_rate"),
    ],
)
def test_the_change_in_fraud_cases_is_a_growth_rate_of_its_own(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://tw.news.yahoo.com/%E5%90%89%E5%AE%89%E6%9D%91%E9%95%B7%E6%A5%AD%E5%8B%99%E6%9C%83%E5%A0%B1-%E5%8F%97%E7%90%8638%E9%A0%85%E6%8F%90%E6%A1%88-122624581.html
        ("本次會議共受理新提案二十六項，以道路改善類最多。", "二十六項"),
        ("本次会议共受理提案三十一项，其中建设类十八项。", "三十一项"),
    ],
)
def test_proposals_received_at_a_township_meeting(sentence, number):
    check(sentence, number, "proposals_received")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://yi.voc.com.cn/m/view.php?cid=26&tid=25563
        ("5月12日，全区13.6万亩油菜基本收完，平均亩产达到138公斤，其中高产片区平均亩产达205公斤。", "205公斤",
         "high_yield_plot_yield_per_mu"),
        ("5月12日，全区13.6万亩油菜基本收完，平均亩产达到138公斤，其中高产片区平均亩产达205公斤。", "138公斤",
         "grain_yield"),
        # modelled on http://moment.rednet.cn/rednetcms/news/localNews/20150427/107508.html
        ("今年全县油菜亩产预计在115公斤左右，示范片平均亩产可达到145公斤左右。", "145公斤左右",
         "high_yield_plot_yield_per_mu"),
        ("全大队出现了二十亩亩产八百一十斤的丰产田。", "八百一十斤", "high_yield_plot_yield_per_mu"),
        ("公社农科站试验田十亩，亩产达到九百二十斤。", "九百二十斤", "high_yield_plot_yield_per_mu"),
    ],
)
def test_the_yield_of_a_high_yield_plot_named_in_its_clause_is_not_the_average_yield(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://tw.news.yahoo.com/%E5%90%89%E5%AE%89%E6%9D%91%E9%95%B7%E6%A5%AD%E5%8B%99%E6%9C%83%E5%A0%B1-%E5%8F%97%E7%90%8638%E9%A0%85%E6%8F%90%E6%A1%88-122624581.html
        ("鄉公所去年完成道路鋪面改善28處，新設路燈96盞。", "28處"),
    ],
)
def test_road_surfaces_improved_in_a_taiwanese_township(sentence, number):
    check(sentence, number, "road_surface_improvements")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on http://www.tccu.edu.cn/wgy/2019/0517/c2280a17618/page.htm
        ("党支部确定发展对象后，要张榜公布，公示时间不少于5个工作日。", "不少于5个工作日"),
        ("發展對象經集中培訓合格，公示期滿5個工作日後提交支部大會討論。", "5個工作日"),
    ],
)
def test_the_length_of_a_public_notice_in_working_days(sentence, number):
    check(sentence, number, "publicity_period")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.ppdoc.com/periodical/a24d0895fcf436c9dbef1c3379cf90be.html
        ("一九七三年全大队种双季稻一千五百亩，占水稻面积百分之六十八。", "一千五百亩", "double_cropping_rice_area"),
        ("一九七三年全大队种双季稻一千五百亩，占水稻面积百分之六十八。", "百分之六十八", "double_cropping_rice_share"),
        # modelled on https://www.ppdoc.com/periodical/75f08ca606b1e8fad39428444585eef6.html
        ("到一九七三年，全县双季稻面积已发展到九千八百亩。", "九千八百亩", "double_cropping_rice_area"),
        # modelled on https://hljszw.org.cn/home/book/info/get_id/347585.html
        ("当年全队种植大豆420公顷，经济作物65公顷。", "65公顷", "cash_crop_area"),
        # modelled on https://www.ppdoc.com/periodical/da6042ad30a3fe10a67ca22e4737cbb0.html
        ("这一年全场收获粮食八千多斤，副业收入五百多元。", "五百多元", "sideline_income"),
    ],
)
def test_commune_crop_areas_and_sideline_income_in_chinese_numerals(sentence, number, indicator):
    check(sentence, number, indicator)


def test_forestry_teams_of_a_brigade_are_counted_apart_from_its_production_teams():
    # modelled on https://soolun.net/periodical/da8ddbcda05db699779de1c4a386abe2.html
    check("全大队九个生产队，两个林业队，四百一十户。", "两个", "forestry_teams")
    check("全大队九个生产队，两个林业队，四百一十户。", "九个", "production_teams")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://udn.com/news/story/7326/9197320
        ("依全鄉約2.4萬人換算，每人發放3000元，公庫支出約7200萬元。", "約7200萬元", "cash_handout_total"),
        # modelled on https://news-demo.cts.com.tw/cna/local/202512/202512112542702.html
        ("全镇约1.5万人，每人发2000元公库支出约3000万元。", "约3000万元", "cash_handout_total"),
    ],
)
def test_what_a_township_cash_handout_costs_its_treasury(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://ryehollerboys.com/linfen/djll/98625.html
        ("今年全镇发展党员21名，在新发展的党员中，致富能手占62%。", "62%", "new_party_members_wealth_leaders_share"),
        ("從身份結構看，致富能手12人，占30.8%。", "12人", "new_party_members_wealth_leaders"),
        ("從身份結構看，致富能手12人，占30.8%。", "30.8%", "new_party_members_wealth_leaders_share"),
        ("在新发展的党员中，致富能手有18名。", "18名", "new_party_members_wealth_leaders"),
    ],
)
def test_entrepreneurs_among_new_party_members(sentence, number, indicator):
    check(sentence, number, indicator)


def test_entrepreneurs_among_village_secretaries_stay_secretaries():
    # modelled on https://qyfgj.cn/fanwen/149719.html
    check("全县共有村党组织书记210名，其中致富能手95人。", "95人", "village_secretaries_entrepreneurs")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://delmunsoft.com/news/show-222502.html
        ("今年以来，镇村两级共排查矛盾纠纷42起，化解调处30起，矛盾纠纷调解率达95%。", "95%", "dispute_mediation_rate"),
        ("今年以來，鎮、村兩級共排查矛盾糾紛42起，化解調處30起，全鎮矛盾糾紛調解率達95%，信訪案件呈下降趨勢。", "95%",
         "dispute_mediation_rate"),
        # modelled on http://www.nkb.com.cn/2024/1118/490621.html
        ("全年调处矛盾纠纷120件，调解成功率达98%。", "98%", "mediation_success_rate"),
    ],
)
def test_the_share_of_disputes_mediated_is_not_the_success_rate_of_mediation(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.mingyanjiaju.org/fanwen/dangtuangongzuozongjie/1332904593524454.htm
        ("今年我乡发展党员18人，文化结构方面，高中及以上文化7人，占38.9%；国中及以下文化11人，占61.1%。", "7人",
         "new_party_members_high_school_or_above"),
        ("今年我乡发展党员18人，文化结构方面，高中及以上文化7人，占38.9%；国中及以下文化11人，占61.1%。", "38.9%",
         "new_party_members_high_school_or_above_share"),
        ("今年我乡发展党员18人，文化结构方面，高中及以上文化7人，占38.9%；国中及以下文化11人，占61.1%。", "11人",
         "new_party_members_junior_high_or_below"),
        ("今年我乡发展党员18人，文化结构方面，高中及以上文化7人，占38.9%；国中及以下文化11人，占61.1%。", "61.1%",
         "new_party_members_junior_high_or_below_share"),
    ],
)
def test_the_schooling_of_new_party_members(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://www.weibianwang.cn/news/content/3202084c7.html
        ("全年我镇發展黨員15人，其中大專及以上文化6人，高中（中專）文化5人。", "6人", "new_party_members_college"),
        ("全年我镇發展黨員15人，其中大專及以上文化6人，高中（中專）文化5人。", "5人", "new_party_members_high_school"),
        ("從文化結構看，高中（中專）文化5人，占33.3%。", "33.3%", "new_party_members_high_school_share"),
        # modelled on http://szb.sxworker.com/content/2013-04/02/093077.html
        ("今年共发展党员20名，其中退役军人4名、返乡创业青年3名。", "4名", "new_party_members_veterans"),
        # modelled on http://zggqgc.com/a/news/854.html
        ("今年共发展党员20名，其中退役军人4名、返乡创业青年3名。", "3名", "new_party_members_returnee_youth"),
    ],
)
def test_the_schooling_and_background_of_new_party_members(sentence, number, indicator):
    check(sentence, number, indicator)


def test_shared_meal_points_for_the_elderly():
    # modelled on https://cna.com.tw/news/aloc/201704050266.aspx
    check("2024年，全鄉老人共餐據點達到8個。", "8個", "elderly_dining_points")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://toucheng.e-land.gov.tw/News_Content.aspx?n=157B836F6D6FE037&s=2E4AE409FAEA55E1
        ("去年鎮公所完成溝渠清疏12公里，新設路燈80盞。", "12公里"),
        # modelled on https://cnews.com.tw/tag/%e9%87%8e%e6%ba%aa%e6%b8%85%e7%96%8f%e6%94%b9%e5%96%84%e5%b7%a5%e7%a8%8b
        ("今年全區完成野溪清疏9公里。", "9公里"),
    ],
)
def test_drains_cleared_are_counted_by_length(sentence, number):
    check(sentence, number, "drains_cleared")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on http://www.healthxt.com/dynamic/1/2016-03-21/11764.html
        ("全乡桑园面积达到一千二百亩，养蚕户三百余户。", "一千二百亩"),
        # modelled on http://www.j3b16l47.com/esilk/news_show.aspx?id=29742
        ("一九八〇年，蚕桑发展到二百多亩，茶园三百亩。", "二百多亩"),
    ],
)
def test_mulberry_land_is_counted_as_sericulture_area(sentence, number):
    check(sentence, number, "sericulture_area")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://360doc.cn/article/59805275_1083641101.html
        ("一九七五年，全公社有农科队十二个，农科组八十多个。", "十二个"),
        # modelled on https://max.book118.com/html/2019/0723/7013002136002042.shtm
        ("一九七五年，全公社有农科队十二个，农科组八十多个。", "八十多个"),
    ],
)
def test_farm_science_teams_of_brigades(sentence, number):
    check(sentence, number, "agricultural_science_teams")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://cna.com.tw/news/aloc/202010310111.aspx
        ("鄉公所今年發放全鄉每人1千元振興禮金，所需經費800萬元。", "1千元", "cash_handout_per_person"),
        ("全鄉每人1千元。", "1千元", None),
    ],
)
def test_each_resident_is_a_cash_handout_only_in_a_clause_of_a_handout(sentence, number, indicator):
    check(sentence, number, indicator)


def test_grain_output_given_as_times_a_base_year_is_a_multiple_not_a_tonnage():
    # modelled on http://politics.people.com.cn/n1/2019/0805/c1001-31277169.html
    check("一九八〇年全公社粮食总产量是一九五二年的三倍多。", "三倍多", "grain_output_multiple")


def test_pigs_raised_growing_a_number_of_times_is_a_growth_multiple():
    # modelled on http://m.wybk.com/sannong/bb379f33d81555053d812591dea2ea0e.html
    check("包产到户后，全公社生猪饲养量增长两倍多。", "两倍多", "pigs_raised_growth_multiple")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://ccrd2023.github.io/HTML/2/6/5/000099.htm
        ("这个大队存栏毛猪三百头左右，平均每户近三头。", "近三头"),
        # modelled on https://ccrd2023.github.io/HTML/2/6/5/000099.htm
        ("土改以后家家养猪，平均每户养猪两头。", "两头"),
    ],
)
def test_pigs_per_household_is_its_own_indicator(sentence, number):
    check(sentence, number, "hogs_per_household")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://soolun.net/periodical/807d3796c2d1eabd72f99476aea7e91f.html
        ("全县专业户已达一万二千多户，占农户的百分之十三点八。", "一万二千多户", "specialised_households"),
        ("全县专业户已达一万二千多户，占农户的百分之十三点八。", "百分之十三点八", "specialised_households_share"),
        # modelled on https://www.bookuu.com/xsd/ebook.php?act=detail&page_id=0&id=137951&sn=53&cid=1154741
        ("今年上半年，全县专业户发展到两万多个。", "两万多个", "specialised_households"),
    ],
)
def test_specialised_households_and_their_share_of_all_households(sentence, number, indicator):
    check(sentence, number, indicator)


def test_the_usual_peanut_sowing_area_is_the_peanut_area():
    # modelled on http://tianganghuasheng.tankehu.com/a1article-938107-1.html
    check("全县花生常年播种面积二十五万亩，占总耕地的三成。", "二十五万亩", "peanut_area")
