"""Statistics worded as real township reports word them land on their catalogue id.

Every sentence here is made up; each is modelled on the wording of the public page named in the
comment above it (the page the phrasing was seen on, as the catalogue's ``seen`` column records).
"""

import pandas as pd
import pytest

from lxw_analysis import extract_facts
from lxw_analysis.indicators import match_indicator


def indicator_of(sentence: str, number: str):
    """The indicator id of the fact whose text is ``number`` in ``sentence``."""
    facts = extract_facts(sentence)
    rows = facts[facts["text"] == number]
    assert len(rows) == 1, f"{number!r} in {sentence!r}: {facts[['text', 'label']].to_dict('records')}"
    found = rows["indicator"].iloc[0]
    return None if pd.isna(found) else found


def check(sentence: str, number: str, indicator: str | None):
    assert indicator_of(sentence, number) == indicator


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://xjzj0807.com/jh15/27043.html
        ("全年共排查整改安全隐患57处。", "57处"),
        ("全年发现并整改火灾隐患13处。", "13处"),
        # modelled on https://max.book118.com/html/2025/0209/8001004116007030.shtm
        ("全年排查安全隐患126处，已整改到位120处。", "120处"),
        ("开展拉网式检查，整改安全隐患38处。", "38处"),
    ],
)
def test_hazards_rectified_in_any_wording(sentence, number):
    check(sentence, number, "safety_hazards_rectified")


def test_hazards_found_stay_found_beside_those_rectified():
    # modelled on https://max.book118.com/html/2025/0209/8001004116007030.shtm
    check("全年排查安全隐患126处，已整改到位120处。", "126处", "safety_hazards_found")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://m.iichajd.com/dm_109851 and http://2ndflr.com/dm/gaotaixian/931333.html
        ("全乡地处山区，平均海拔为1880米。", "1880米", "altitude"),
        ("全乡最高海拔1408米，最低海拔650米。", "1408米", "altitude_highest"),
        ("全乡最高海拔1408米，最低海拔650米。", "650米", "altitude_lowest"),
    ],
)
def test_altitude_average_highest_and_lowest_are_three_ids(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://www.xiaomilidoc.com/p-4385426.html
        ("全年完成财政收入1860万元，占计划的104.6%。", "104.6%"),
        ("完成财政总收入309万元，占目标任务的278%。", "278%"),
        # modelled on https://www.xiaomilidoc.com/p-4385426.html (财税任务)
        ("全年财政总收入完成309万元，占目标任务的78%。", "78%"),
    ],
)
def test_fiscal_revenue_plan_completion_rate_in_any_wording(sentence, number):
    check(sentence, number, "fiscal_revenue_plan_completion_rate")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://czj.huaibei.gov.cn/ztzl/czjrgl/18452191.html
        ("全年为22家企业协调过桥资金1.97亿元。", "22家", "enterprises_financed"),
        ("全年为22家企业协调过桥资金1.97亿元。", "1.97亿元", "financing_provided"),
        # modelled on http://www.195617.tw/news_view.php?id=16460
        ("搭建银企对接平台，帮助市场主体融资0.9亿元。", "0.9亿元", "financing_provided"),
        ("协调融资担保1.26亿元。", "1.26亿元", "financing_provided"),
    ],
)
def test_financing_for_enterprises_counts_firms_and_money_apart(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://qikanchina.com/thesis/view/2465247
        ("当年社员人均分配196.9元，比上年增加19元。", "196.9元", "distribution_per_capita"),
        ("当年社员人均分配196.9元，比上年增加19元。", "19元", "distribution_per_capita_change"),
        ("1977年人均分配123.54元。", "123.54元", "distribution_per_capita"),
    ],
)
def test_collective_distribution_per_member_and_its_change(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://cc5qn.com/article/4987236 and https://fx361.cc/page/2016/1203/20293213.shtml
        ("当年向国家交售商品粮120万斤。", "120万斤"),
        ("全年交售公余粮12万斤。", "12万斤"),
        ("全年出售商品粮30万斤。", "30万斤"),
    ],
)
def test_grain_sold_to_the_state_in_any_wording(sentence, number):
    check(sentence, number, "grain_sold_to_state")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on http://wzrbw.cmstop.cn/p/70202.html and http://121.196.12.253/shtml/ncxxb/20200115/88506.shtml
        ("光伏电站建成后，每村每年可分红8万元。", "8万元"),
        ("入股光伏电站的村，每村每年分红5万元。", "5万元"),
    ],
)
def test_dividend_per_village(sentence, number):
    check(sentence, number, "dividend_per_village")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://www.sz-shandao.com/gnyw/2008-11/14/content_128175.htm
        ("规模以上工业增加值增速提高2.1个百分点。", "2.1个百分点", "industrial_value_added_growth_change_pp"),
    ],
)
def test_changes_in_growth_rates_in_percentage_points_are_ids_of_their_own(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://difang.gmw.cn/nmg/2026-03/13/content_38646800.htm
        ("全年接收市派督办工单41件，均按期办结。", "41件"),
        ("全年重点督办热线工单26件。", "26件"),
    ],
)
def test_hotline_requests_put_under_supervision(sentence, number):
    check(sentence, number, "hotline_supervised_requests")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # the lines of a village collective's income-distribution statement, modelled on
        # https://www.datiyi.cn/article/1851795.html and http://www.heyang.gov.cn/zfxxgk/zc/xzgfxwj/1649310284389425154.html
        ("全镇村集体经营支出87.9万元，管理费用56.7万元。", "87.9万元", "collective_operating_expenditure"),
        ("全镇村集体经营支出87.9万元，管理费用56.7万元。", "56.7万元", "collective_management_expenses"),
        ("全镇村集体可分配收益105.3万元，其中农户分配36.9万元。", "105.3万元", "collective_distributable_income"),
        ("全镇村集体可分配收益105.3万元，其中农户分配36.9万元。", "36.9万元", "collective_distribution_to_households"),
        ("全区村组两级总支出19.7亿元。", "19.7亿元", "collective_expenditure_total"),
    ],
)
def test_a_collective_income_statement_keeps_its_lines_apart(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "label",
    # modelled on https://finance.sina.com.cn/china/gncj/2020-10-19/doc-iiznctkc6343334.shtml; labels as
    # written, since the extractor reads 固定资产投资增速比上年回落 as 增速比上年回落 for now
    ["固定资产投资增速回落", "全社会固定资产投资增幅提高", "固定资产投资增速比上年下降"],
)
def test_fixed_asset_investment_growth_change_in_points_is_its_own_id(label):
    assert match_indicator(label, "百分点") == "fixed_asset_investment_growth_change_pp"
    assert match_indicator(label.replace("回落", "增长"), "%") == "fixed_asset_investment_growth_rate"


def test_investment_income_is_not_project_investment():
    # modelled on https://www.datiyi.cn/article/1851795.html
    assert indicator_of("村集体投资收益12万元。", "12万元") != "project_investment"


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://m.7rdy.cn/news/94034.html (农民人均纯收入) and
        # http://cailiaogo.com/index/article/detail/detail_id/20632.html (农村居民人均可支配收入)
        ("全镇农民人均纯收入达到7385元。", "7385元", "rural_net_income"),
        ("农村居民人均可支配收入达到18764元。", "18764元", "rural_disposable_income"),
        ("农民人平纯收入11286元。", "11286元", "rural_net_income"),
    ],
)
def test_rural_net_income_and_disposable_income_are_two_series(sentence, number, indicator):
    """纯收入 (the measure before 2014) and 可支配收入 are defined differently: a change from one
    to the other is no year-over-year change."""
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.soulun.net/periodical/c6644539dc3ce4e4c8a03e389d24c357.html
        ("围绕培训需求发放调查问卷460份。", "460份", "questionnaires_distributed"),
        ("发放征求意见表40份。", "40份", "questionnaires_distributed"),
        # modelled on https://fx361.cc/page/2015/1218/23362997.shtml
        ("全县遴选承训机构3家，开展高素质农民培训。", "3家", "training_institutions"),
        # modelled on https://www.shangjiatang.cn/wenku/aeev/ndPG3z3eM2
        ("乡党委召开专题推进会6次。", "6次", "special_meetings"),
    ],
)
def test_questionnaires_training_providers_and_special_meetings(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://mkan.china.com/article/5550573.html
        ("村两委成员中大专以上学历的占23.8%。", "23.8%", "village_cadres_college_share"),
        ("村两委成员具有高中以上文化程度的占63.5%。", "63.5%", "village_cadres_high_school_share"),
    ],
)
def test_village_committee_education_shares(sentence, number, indicator):
    check(sentence, number, indicator)


def test_bare_bed_counts_are_hospital_beds():
    # modelled on the health section of a statistical bulletin,
    # https://tjgb.hongheiku.com/xjtjgb/xj2020/43861.html
    check("全县医疗卫生机构3个，床位684张。", "684张", "hospital_beds")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://m.iichajd.com/dm_109851
        ("全乡年平均气温11℃，无霜期150天左右，年降雨量约为1100毫米。", "11℃", "average_temperature"),
        ("全乡年平均气温11℃，无霜期150天左右，年降雨量约为1100毫米。", "150天左右", "frost_free_days"),
        ("全乡年平均气温11℃，无霜期150天左右，年降雨量约为1100毫米。", "约为1100毫米", "annual_precipitation"),
        ("乡政府驻地距县城54公里。", "54公里", "distance_to_county_seat"),
        # modelled on http://2ndflr.com/dm/gaotaixian/931333.html
        ("镇所在地距县城约25公里。", "约25公里", "distance_to_county_seat"),
    ],
)
def test_a_townships_climate_and_distances(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://redtowerstudio.com/xwzx/2023-03/09/content_405989.htm
        ("全年居民消费价格上涨1.9%，其中食品烟酒价格上涨2.3%。", "2.3%", "cpi_food_growth_rate"),
        ("衣着价格上涨0.8%，教育文化娱乐价格上涨1.5%。", "0.8%", "cpi_clothing_growth_rate"),
        ("衣着价格上涨0.8%，教育文化娱乐价格上涨1.5%。", "1.5%", "cpi_education_growth_rate"),
        # modelled on https://www.lg.gov.cn/bmzz/tjj/xxgk/tjsj/tjyb/2011n/4yf/content/post_2795816.html
        ("全年接待国内游客280.69万人次，入境游客5482人次。", "280.69万人次", "domestic_tourist_visits"),
        ("全年接待国内游客280.69万人次，入境游客5482人次。", "5482人次", "inbound_tourist_visits"),
    ],
)
def test_price_growth_by_category_and_tourists_by_origin(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://www.sm.gov.cn/zw/ztzl/zhlwgzlslbrw/gzbsycx/202111/t20211125_1730836.htm
        ("全年培训高素质农民520人，占年度任务数的104%。", "104%", "training_task_completion_rate"),
        ("全镇培训任务完成率达98%。", "98%", "training_task_completion_rate"),
        # modelled on http://xiping.gov.cn/portal/zwgk/zfwj/xzb/xzbq/webinfo/2017/09/1537049388171690.htm
        ("全镇一般公共预算收入2463万元，占目标任务的31%。", "31%", "general_budget_revenue_plan_completion_rate"),
    ],
)
def test_shares_of_the_years_task(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number",
    [
        # fiscal statements have lines of these names too, modelled on
        # http://www.jiedong.gov.cn/zfxxgkmlfg/jysjdqlpzrmzf/content/post_485384.html
        ("上半年上级补助收入4461万元。", "4461万元"),
        ("其他支出873万元。", "873万元"),
    ],
)
def test_fiscal_lines_are_not_read_as_a_village_collectives(sentence, number):
    assert indicator_of(sentence, number) not in {"collective_subsidy_income", "collective_other_expenditure"}


def test_a_village_collectives_other_income_is_its_own_line():
    # modelled on https://www.datiyi.cn/article/1851795.html
    check("全镇村集体其他收入25.8万元。", "25.8万元", "collective_other_income")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://m.70edu.com/shiyong/54596_3.html (县直部门、县级领导联乡包村)
        ("全县34名县级领导每人联系1至2个薄弱村，每月到村不少于一次。", "34名", "county_leaders_assigned"),
        ("全县34名县级领导每人联系1至2个薄弱村，每月到村不少于一次。", "不少于一次", "village_visits_per_month"),
    ],
)
def test_county_leaders_linked_to_villages_and_their_visits(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # the programme's kinds of trainee were renamed in 2019; modelled on
        # https://www.fx361.com/page/2022/1227/13595363.shtml
        ("完成生产经营型培训180人。", "180人", "trainees_business_type"),
        ("培训经营管理型学员127人。", "127人", "trainees_business_type"),
        ("完成专业服务型培训90人。", "90人", "trainees_service_type"),
        ("培训技能服务型学员38人。", "38人", "trainees_service_type"),
    ],
)
def test_kinds_of_trainee_keep_their_id_across_the_renaming(sentence, number, indicator):
    check(sentence, number, indicator)


def test_living_environment_spending():
    # modelled on http://www.neixiang.gov.cn/hlnx/zh/xz/2015-06-29/9547.html
    check("全年人居环境整治投入110余万元。", "110余万元", "environment_investment")


def test_hazards_not_yet_rectified_are_not_hazards_rectified():
    # modelled on https://www.ahtxq.gov.cn/zwgk/public/6615872/11098314.html
    sentence = "督查企业101家，已整改完成479个，未整改到位36个。"
    check(sentence, "479个", "safety_hazards_rectified")
    check(sentence, "36个", "safety_hazards_unrectified")


# modelled on http://ticketshut.com/21590/21595/content_501133.html (a hotline's monthly table)
HOTLINE_TABLE = """附件：12345热线工单办理情况统计表
村名 | 工单数 | 结案率 |
上庄村 | 40 | 97.5% |
下河村 | 25 | 96.0% |
"""


@pytest.mark.parametrize(
    "caption,indicator",
    [("附件：12345热线工单办理情况统计表", "hotline_completion_rate"), ("附件：办理情况统计表", "closure_rate")],
)
def test_a_table_cells_context_is_its_caption_and_row(caption, indicator):
    facts = extract_facts(HOTLINE_TABLE.replace("附件：12345热线工单办理情况统计表", caption))
    rates = facts[facts["unit"] == "%"]
    assert len(rates) == 2 and set(rates["indicator"]) == {indicator}


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://www.nkb.com.cn/2024/1118/490621.html
        ("截至目前，全镇到区访6批15人次，到市访2批4人次。", "6批", "petitions_to_district_batches"),
        ("截至目前，全镇到区访6批15人次，到市访2批4人次。", "15人次", "petitions_to_district_person_times"),
        ("截至目前，全镇到区访6批15人次，到市访2批4人次。", "2批", "petitions_to_city_batches"),
        ("今年以来赴省访1批3人次，均已稳控化解。", "3人次", "petitions_to_province_person_times"),
    ],
)
def test_petitions_taken_higher_up_by_level_batch_and_person_time(sentence, number, indicator):
    check(sentence, number, indicator)


def test_a_resolution_rate_after_petitions_taken_higher_up_is_the_petitions():
    # modelled on http://www.nkb.com.cn/2024/1118/490621.html
    check("全镇到区访5批12人次，已成功化解4批，化解率达80%。", "80%", "petition_resolution_rate")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.ganyu.gov.cn/gyqzf/xxtj/content/36bff61b-e1ed-4eec-af78-f23006434ce3.html
        ("按信件类型分类：咨询21件、投诉17件、举报4件。", "21件", "letters_consultation"),
        ("按信件类型分类：咨询21件、投诉17件、举报4件。", "17件", "letters_complaints"),
        ("按信访目的分类：求决类40件、揭发控告类3件。", "40件", "letters_request_type"),
        # modelled on https://www.tangshan.gov.cn/zhuzhan/12345zwfwbmrxtjsj/20241212/1621850.html
        ("其中，咨询类诉求620件，占40.1%。", "620件", "hotline_consultation_requests"),
        ("从诉求分布看，物业管理类205件、供暖类188件。", "205件", "hotline_property_management_requests"),
        ("从诉求分布看，物业管理类205件、供暖类188件。", "188件", "hotline_heating_requests"),
    ],
)
def test_mailbox_letters_and_hotline_requests_by_kind_are_ids_of_their_own(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://117.78.9.86:8080/was40/print?back=-2&channelid=33295&record=176
        ("全年防止可能引起民转刑案件4件11人。", "4件", "civil_to_criminal_cases_prevented"),
        ("全年防止可能引起民转刑案件4件11人。", "11人", "civil_to_criminal_persons_prevented"),
        ("司法所于调解后15日内回访当事人，回访率100%。", "100%", "mediation_follow_up_rate"),
        # modelled on https://max.book118.com/html/2026/0127/8131031022010041.shtm
        ("12345热线工单办结后逐件回访，回访率100%。", "100%", "hotline_response_rate"),
    ],
)
def test_mediation_figures_and_a_follow_up_rate_by_what_was_followed_up(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://qyfgj.cn/fanwen/149719.html
        ("按每村不少于2名的标准储备村级后备干部30名，其中女性8名。", "不少于2名", "reserve_cadres_per_village"),
        ("按每村不少于2名的标准储备村级后备干部30名，其中女性8名。", "8名", "reserve_cadres_female"),
        # modelled on http://zggqgc.com/a/news/854.html
        ("全乡共储备村级后备干部20名，其中返乡创业青年7名、大学毕业生4名。", "7名", "reserve_cadres_returnees"),
        ("全乡共储备村级后备干部20名，其中返乡创业青年7名、大学毕业生4名。", "4名", "reserve_cadres_graduates"),
        # modelled on http://cnews.chinadaily.com.cn/2015-04/15/content_20441481_2.htm
        ("同步储备村级后备力量24名，每村2名，平均年龄30岁。", "30岁", "reserve_cadres_average_age"),
    ],
)
def test_reserve_cadre_figures_are_reserve_cadres_by_their_sentence(sentence, number, indicator):
    check(sentence, number, indicator)


def test_an_average_age_without_reserve_cadres_stays_the_village_leaders():
    # modelled on http://zggqgc.com/a/news/854.html
    check("新一届班子平均年龄43.5岁，比上届降低2岁。", "43.5岁", "village_cadres_average_age")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://bbs.cnhubei.com/thread-2864076-1-1.html
        ("开展评星定级，评出五星级党群服务中心2个、四星级5个。", "5个", "four_star_service_centres"),
        # modelled on https://dfz.zj.gov.cn/zlyz/ossfs/h5/NJ-Z-331004-2022-001-0101/files/basic-html/page59.html
        ("全镇村（社区）党组织完成星级评定，其中五星级 4 个、四星级 7 个。", "7 个", "four_star_party_organizations"),
        ("建成片区党建联盟 3 家，吸纳成员单位 25 家。", "25 家", "party_building_alliance_members"),
    ],
)
def test_star_ratings_belong_to_what_was_rated(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://www.handmsg.com/page/2025/0912/29814278.shtml
        ("全市已建立农民田间学校12所，其中省级以上3所、市级4所、县级5所。", "4所", "municipal_field_schools"),
        # modelled on http://www.sm.gov.cn/zw/ztzl/zhlwgzlslbrw/gzbsycx/202111/t20211125_1730836.htm
        ("累计选送学历教育学员36人，其中大专学历教育22人、本科学历教育14人。", "14人", "cadres_in_bachelor_degree_programme"),
        # modelled on http://farm.00-net.com/news/10/2012-03-19/129096.html
        ("全年培训农民工1500多人，其中返乡农民工420人、脱贫户劳动力260人。", "420人", "trainees_returning_migrants"),
        # modelled on http://www.nx.xinhuanet.com/20260116/eb59cf705baf49bf9ab0c6664d6a6a34/c.html
        ("冬训开设政策解读课6讲、实用技术课10讲，录播回看补训85人次。", "85人次", "makeup_training_person_times"),
    ],
)
def test_training_figures_by_level_kind_and_way_of_teaching(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.xiaomilidoc.com/p-4387410.html
        ("1-6月份，民营经济营业收入3820万元，占年度目标任务的44%。", "3820万元", "private_economy_revenue"),
        ("1-6月份，民营经济营业收入3820万元，占年度目标任务的44%。", "44%", "private_economy_revenue_plan_completion_rate"),
        ("1-6月份，民营经济营业收入3100万元，占年度总目标的39%。", "39%", "private_economy_revenue_plan_completion_rate"),
        # modelled on https://78911.com.cn/GongZuoBaoGao/23322.html
        ("完成固定资产投资2.1亿元，占计划的104%。", "104%", "fixed_asset_investment_plan_completion_rate"),
        # modelled on http://6dgww.com/Article/4052320.html
        ("农村常住居民人均可支配收入达到15230元，比上年增加905元。", "905元", "rural_disposable_income_change"),
        # modelled on https://www.ahhy.gov.cn/zfxxgk/public/25011/51281164.html
        ("新农合参合率达98.2%，较上年提高0.6个百分点。", "0.6个百分点", "medical_insurance_coverage_change_pp"),
    ],
)
def test_shares_of_a_target_and_changes_are_ids_apart_from_the_level(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://guakaob.com/shiyongwendang/519316.html
        ("全年柑橘产量5200吨，实现柑橘产值1960万元。", "5200吨", "citrus_output"),
        ("全年柑橘产量5200吨，实现柑橘产值1960万元。", "1960万元", "citrus_output_value"),
        ("生猪产值7350万元，家禽产值2080万元。", "2080万元", "poultry_output_value"),
        # modelled on https://www.guzhen.gov.cn/zfxxgk/public/26141/49541840.html
        ("拆解三无渔船42艘，拆除河道围网6300米。", "42艘", "unlicensed_fishing_boats_dismantled"),
        ("拆解三无渔船42艘，拆除河道围网6300米。", "6300米", "river_nets_removed_length"),
        # modelled on https://www.shanghai-jy.com/fanwendaquan/zhenxingxiangzhen/48564.html
        ("完成房屋征收620户，集中安置人口3100人。", "620户", "households_expropriated"),
    ],
)
def test_township_report_outputs_and_clean_ups_get_their_own_ids(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.ganyu.gov.cn/gyqzf/xxtj/content/36bff61b-e1ed-4eec-af78-f23006434ce3.html
        ("其中按信访目的分类：揭发控告2件、求决48件。", "48件", "letters_request_type"),
        ("其中按信访目的分类：揭发控告2件、求决48件。", "2件", "letters_accusation_type"),
        # modelled on http://117.78.9.86:8080/was40/print?back=-2&channelid=33295&record=176
        ("全年制止群众集体上访12件260人。", "12件", "group_petitions_prevented"),
        # modelled on https://pds.gov.cn/contents/22086/438403.html
        ("12345热线中，咨询类2100件，表扬感谢9件。", "9件", "hotline_thanks_received"),
    ],
)
def test_the_kinds_of_letters_and_petitions_as_monthly_bulletins_word_them(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.ganyu.gov.cn/gyqzf/xxtj/content/36bff61b-e1ed-4eec-af78-f23006434ce3.html
        ("按内容分类：城乡建设20件、农村农业9件、卫生健康4件。", "9件", "letters_on_agriculture"),
        ("按内容分类：城乡建设20件、农村农业9件、卫生健康4件。", "4件", "letters_on_health"),
        ("本月来信已全部转办，办结60件，办结率95.2%。", "60件", "letters_resolved"),
        # modelled on https://www.tangshan.gov.cn/zhuzhan/12345zwfwbmrxtjsj/20241212/1621850.html
        ("当月受理12345热线工单2416件，办结2310件。", "2310件", "hotline_requests_completed"),
    ],
)
def test_letters_by_content_and_letters_dealt_with_are_not_hotline_requests(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.3366ai.com/p-bca1e62af5855a78.html
        ("全镇排查矛盾纠纷410起，化解396起，化解率96.6%，同比提升5.2个百分点。", "5.2个百分点", "dispute_resolution_rate_change_pp"),
        # modelled on https://www.liyang.gov.cn/html/czly/2019/AAHAAKIF_1230/1250.html
        ("本月网格员对四类特殊人群中的820人开展走访，走访率为100%。", "100%", "special_population_visit_rate"),
        # modelled on http://www.tzzx.net/1/51477/2024/01/30540219.html
        ("率先完成社会治安保险收缴任务，参保农户9800户。", "9800户", "public_security_insurance_households"),
    ],
)
def test_governance_changes_and_visits_by_what_they_count(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://www.nkb.com.cn/2024/1118/490621.html
        ("月均录入各类矛盾线索96条，化解成功率达97.9%。", "97.9%", "dispute_resolution_rate"),
        ("今年以来共开展人民调解38次，成功调处纠纷35起，调解成功率92.1%。", "92.1%", "mediation_success_rate"),
        # modelled on https://qyfgj.cn/fanwen/149719.html
        ("换届后12名村党组织书记平均年龄45.2岁，比上届下降3.6岁。", "45.2岁", "village_secretaries_average_age"),
        # modelled on http://zggqgc.com/a/news/854.html
        ("新一届班子平均年龄44.1岁，比上届降低3岁左右。", "44.1岁", "village_cadres_average_age"),
    ],
)
def test_rates_and_ages_belong_to_whom_the_sentence_names(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.liyang.gov.cn/html/czly/2019/AAHAAKIF_1230/1250.html
        ("全镇共划分综合网格80个，进入网格的党组织110个、党员2210名。", "2210名", "party_members_in_grids"),
        # modelled on http://www.nx.xinhuanet.com/20260116/eb59cf705baf49bf9ab0c6664d6a6a34/c.html
        ("按不低于60%的比例组织直管党员集中收看，累计培训党员1105名。", "1105名", "party_members_trained"),
        # modelled on https://m.wnwk.com/docdown/1624365.html
        ("镇党委下设4个党总支、48个党支部，共有党员1750名。", "1750名", "party_members_total"),
        # modelled on http://linyi.dzwww.com/junan/lnews/fqz/201906/t20190614_16952104.htm
        ("全镇各级党组织共组织党员志愿服务280余次，参与党员达2300余人次。", "2300余人次", "volunteer_participation"),
        # modelled on https://max.book118.com/html/2026/0127/8131031022010041.shtm
        ("开展专项整治，解决群众急难愁盼问题380件。", "380件", "residents_urgent_problems_solved"),
    ],
)
def test_party_members_and_matters_done_by_what_the_sentence_counts(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://nmwwt.org/html/4sndt/20131119/89790.html
        ("依托村级党群服务中心开设农家讲堂，全年授课80场次，听课群众4600余人次。", "80场次", "village_lecture_sessions"),
        ("依托村级党群服务中心开设农家讲堂，全年授课80场次，听课群众4600余人次。", "4600余人次", "village_lecture_audience"),
        # modelled on https://bqfwx.com/syw/jianbao/1m92k5.html
        ("全乡开展禁毒宣传进村入户活动19场次，受教育群众5200余人次。", "5200余人次", "anti_drug_publicity_audience"),
        ("开展普法宣传36场次，覆盖群众近3500人。", "近3500人", "legal_publicity_audience"),
        # modelled on http://35331.cn/lhd_67lg712uem3gzju6v8pq_1.html
        ("部门预算支出586万元，同比增长3%。", "586万元", "department_budget_expenditure"),
        # modelled on https://m.wenke99.com/p-4938289.html
        ("全乡户籍人口25100人，常年外出务工8300人。", "8300人", "migrant_workers_year_round"),
    ],
)
def test_narrower_figures_keep_apart_from_the_broad_id_they_resemble(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://fx361.cc/page/2020/1009/13316083.shtml
        ("受访农民中，男性240人，占61.2%。", "240人", "survey_respondents_male"),
        ("累计培训新型职业农民1800人，人均培训经费约2100元。", "约2100元", "training_funds_per_trainee"),
        # modelled on http://www.tzzx.net/1/51477/2024/01/30540219.html
        ("每个联建片区安排2名帮包领导，每个网格3名村党员干部包户。", "3名", "party_members_per_grid"),
        # modelled on https://max.book118.com/html/2026/0127/8131031022010041.shtm
        ("对一般诉求要求24小时内联系诉求人、5个工作日内办结反馈。", "5个工作日内", "hotline_resolution_time_limit"),
    ],
)
def test_survey_funding_assignment_and_time_limit_figures(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://fwsir.com/Article/html/Article_20151015105756_314928.html
        ("新增土地流转8000亩、农民专业合作社11个、家庭农场18个。", "11个", "farmer_cooperatives_new"),
        # modelled on http://guakaob.com/shiyongwendang/519316.html
        ("新培育养殖大户15户，在19个农民专业合作社中，成功创建市级示范社2个。", "19个", "farmer_cooperatives"),
        # modelled on https://fwsir.com/Article/html/Article_20151015105756_314928.html
        ("52家定报企业实现开票销售15.2亿元，入库税收3900万元。", "15.2亿元", "invoiced_sales_revenue"),
        ("52家定报企业实现开票销售15.2亿元，入库税收3900万元。", "3900万元", "enterprise_tax_paid"),
        # modelled on https://www.ahtxq.gov.cn/zwgk/public/6615872/11098314.html
        ("此次督查共检查企业120家，其中规上工业企业25家。", "25家", "above_scale_enterprises_inspected"),
        # modelled on https://78911.com.cn/GongZuoBaoGao/23322.html
        ("全镇规模企业达到28家。", "28家", "above_scale_industrial_enterprises"),
        # modelled on http://004km.cn/zongjie/qtzongjie/13ca15a99ebc176c.html
        ("高产攻关最高亩产玉米为705.3公斤、油菜为236.8公斤。", "236.8公斤", "rapeseed_max_yield_per_mu"),
    ],
)
def test_new_inspected_and_record_figures_keep_apart_from_the_level(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://m.7rdy.cn/news/94034.html
        ("五年来，预计实现GDP21.6亿元，比2019年底增长41.2%。", "41.2%", "gdp_growth_rate_since_base_year"),
        ("财政一般预算收入8100万元，比2019年底增长35.6%。", "35.6%", "fiscal_revenue_growth_rate_since_base_year"),
        # modelled on http://nx899.com/baogao/00541/5414144.html (a yearly rate stays the yearly id)
        ("实现地区生产总值36.2亿元，同比增长6.5%。", "6.5%", "gdp_growth_rate"),
        # modelled on http://guakaob.com/shiyongwendang/519316.html
        ("全镇5个村实施“一事一议”项目，共筹资36.5万元。", "5个", "villages_with_one_matter_projects"),
        # modelled on https://meipian.cn/3rjr4qbq
        ("综治中心全年受理各类诉求820件，办结801件，办结率97.7%。", "820件", "governance_centre_requests"),
        ("综治中心全年受理各类诉求820件，办结801件，办结率97.7%。", "97.7%", "governance_centre_resolution_rate"),
        # modelled on http://nmwwt.org/html/4sndt/20131119/89790.html
        ("开展应知应会测试2次，测试合格率100%。", "100%", "knowledge_test_pass_rate"),
    ],
)
def test_growth_since_a_base_year_and_centre_figures_are_ids_of_their_own(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://ah.movesh.com/p.asp?h=news%2F2026%2F0310%2F339487.shtml
        ("对照“工单回复率100%、按期办结率98%、满意回访率99%”的标准抓落实。", "98%", "on_time_closure_rate_target"),
        ("对照“工单回复率100%、按期办结率98%、满意回访率99%”的标准抓落实。", "99%", "hotline_satisfaction_rate_target"),
        # modelled on https://www.shyp.gov.cn/yp-zwgk/zwgk/buffersInformation/details?id=8467bf80-32ac-4fdd-818f-de6ac9053c90
        ("全面完成就业创业、为老服务等6类29项社区实事项目。", "29项", "livelihood_projects_completed"),
        # modelled on http://35331.cn/lhd_67lg712uem3gzju6v8pq_1.html
        ("投资15万元对通村通组道路开展日常养护。", "15万元", "road_maintenance_investment"),
    ],
)
def test_standards_community_projects_and_road_upkeep(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://m.wnwk.com/doc/1620832.html
        ("全年经济社会发展预期目标：全乡GDP达3.2亿元，比上年增加0.28亿元，增长9.5%。", "0.28亿元", "gdp_increase_target"),
        ("全乡GDP达3.2亿元，比上年增加0.28亿元，增长9.5%。", "0.28亿元", "gdp_increase"),
        ("全乡GDP达3.2亿元，比上年增加0.28亿元，增长9.5%。", "9.5%", "gdp_growth_rate"),
    ],
)
def test_a_rise_in_money_is_apart_from_the_growth_rate_and_a_target_from_the_rise(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.liyang.gov.cn/html/czly/2019/AAHAAKIF_1230/1250.html
        ("全镇共划分综合网格110个，其中进入网格的党组织数150个。", "150个", "party_organizations_in_grids"),
        ("十月份安全隐患类事件1500件，占总上报事件的17.2%。", "17.2%", "grid_events_safety_hazards_share"),
        # modelled on http://www.handmsg.com/page/2025/0912/29814278.shtml
        ("其中，省级以上农民田间学校18所、市级农民田间学校12所。", "18所", "provincial_field_schools"),
    ],
)
def test_grid_and_field_school_figures_as_bulletins_word_them(sentence, number, indicator):
    check(sentence, number, indicator)


def test_posters_shown_at_a_publicity_event():
    # modelled on https://bqfwx.com/syw/jianbao/1m92k5.html
    check("活动当天，悬挂横幅标语6幅、展出挂图15幅。", "15幅", "publicity_posters_displayed")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://fx361.cc/page/2020/1009/13316083.shtml
        ("2017年至2020年，该县累计培训新型职业农民2 310人。", "2 310人", "high_quality_farmers_trained_over_years"),
        # modelled on http://www.sm.gov.cn/zw/ztzl/zhlwgzlslbrw/gzbsycx/202111/t20211125_1730836.htm
        ("今年完成培训高素质农民286人，占任务数的102%。", "286人", "high_quality_farmers_trained"),
    ],
)
def test_farmers_trained_over_several_years_are_not_one_years_figure(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://fwsir.com/Article/html/Article_20151015105756_314928.html
        ("其中，销售超5000万元企业9家，税收超300万元企业6家。", "超5000万元企业9家", "enterprises_over_sales_threshold"),
        ("其中，销售超5000万元企业9家，税收超300万元企业6家。", "超300万元企业6家", "enterprises_over_tax_threshold"),
    ],
)
def test_enterprises_over_a_sales_or_tax_threshold(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://cqbn.gov.cn/bmjz/jz/mdz/zwgk_89391/zfxxgkml/zcwj/qtwj/202402/t20240222_12944703.html
        ("12件民生实事全部落地见效。", "12件", "livelihood_projects_completed"),
        # modelled on http://ah.movesh.com/p.asp?h=news%2F2026%2F0310%2F339487.shtml
        ("全年累计为群众办理民生实事800余件。", "800余件", "practical_matters_done"),
    ],
)
def test_the_years_livelihood_projects_are_not_the_matters_done_for_residents(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://farm.00-net.com/news/10/2012-03-19/129096.html
        ("聘请专职教师5名、兼职教师12名。", "5名", "full_time_trainers"),
        ("聘请专职教师5名、兼职教师12名。", "12名", "part_time_trainers"),
        # modelled on https://m.daumloan.com/p-128500754.html
        ("新增养殖规模户28户。", "28户", "livestock_scale_households"),
        # modelled on https://www.guzhen.gov.cn/zfxxgk/public/26141/49541840.html
        ("全年清理农业生产废弃物2100吨、清运农村生活垃圾4300吨。", "2100吨", "agri_waste_cleared"),
        ("全年清理农业生产废弃物2100吨、清运农村生活垃圾4300吨。", "4300吨", "garbage_cleared"),
    ],
)
def test_trainers_scale_farms_and_farm_waste_keep_apart_from_the_broad_ids(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://qyfgj.cn/fanwen/149719.html
        ("全年新上集体经济项目15个，实施项目40个。", "15个", "projects_newly_launched"),
        # modelled on https://wenmijiayuan.com/doc/22650.html
        ("争取扶持村集体经济项目4个，总投资约150万元。", "4个", "collective_economy_projects"),
    ],
)
def test_newly_launched_projects_are_not_the_projects_supported(sentence, number, indicator):
    check(sentence, number, indicator)
