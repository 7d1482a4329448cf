"""Statistics of governance reports (mediation, petitions and mailbox letters, the 12345 hotline,
safety supervision) and of townships' annual summaries land on their catalogue id, worded as those
pages word them.

Every sentence here is made up; each is modelled on the wording of the public page named in the
comment above it (the page the phrasing was seen on, as the catalogue's ``seen`` column records).
"""

import pytest

from lxw_analysis.indicators import match_indicator
from test_catalogue_phrasings import check


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://fj.sina.com.cn/news/b/2020-11-04/detail-iiznezxr9928391.shtml?from=fj_ydph
        ("今年以来，全镇调委会受理各类纠纷215件，其中家庭纠纷64件、邻里纠纷98件。", "64件", "marriage_family_disputes"),
        ("今年以来，全镇调委会受理各类纠纷215件，其中家庭纠纷64件、邻里纠纷98件。", "98件", "neighbour_disputes"),
        # modelled on https://www.cdzfw.gov.cn/zhdt/zfdt/qxdt/content_98072
        ("联调小组共调处各类纠纷31件，成功31件，其中医疗纠纷2件，邻里纠纷19件。", "19件", "neighbour_disputes"),
    ],
)
def test_disputes_by_kind_land_on_their_kind(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on http://fj.sina.com.cn/news/b/2020-11-04/detail-iiznezxr9928391.shtml?from=fj_ydph
        ("本季度村调解室化解邻里纠纷12起。", "12起"),
        # modelled on https://zzsj.com.cn/9425ohnb.shtml
        ("今年以来，该村调解小组参与调解邻里纠纷9起，成功率100%。", "9起"),
    ],
)
def test_neighbour_disputes_resolved_count_as_disputes_resolved_not_as_the_kind(sentence, number):
    check(sentence, number, "disputes_resolved")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.ganyu.gov.cn/gyqzf/xxtj/content/36bff61b-e1ed-4eec-af78-f23006434ce3.html
        ("按内容分类：城乡建设18件、农村农业6件、交通运输3件、其他5件。", "5件", "letters_on_other_matters"),
        ("按信访目的分类：求决40件、意见建议6件、其他2件。", "2件", None),
    ],
)
def test_other_letters_are_an_id_only_in_the_breakdown_by_content(sentence, number, indicator):
    check(sentence, number, indicator)


def test_assigned_hotline_requests_dealt_with():
    # modelled on https://www.tangshan.gov.cn/zhuzhan/12345zwfwbmrxtjsj/20241212/1621850.html
    check("本月受理省派工单1860件，已处理完毕1577件，处于办结时限内正在办理283件。", "1577件",
          "hotline_supervised_requests_completed")


def test_supervisory_inspections_are_counted():
    # modelled on https://public.huiji.gov.cn/02JB/1284950.jhtml
    check("镇安委办对各村和重点企业实行“周查月报”，全年开展督查48次。", "48次", "supervision_inspections")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://dyrmt.com/article-10142-1.html
        ("全年受理热线工单3120件，同比增长6.2%。", "6.2%"),
        # modelled on https://siseiken.net/News/show/1395742.html
        ("本月共受理群众诉求1964件，较上月同比增长2.7%。", "2.7%"),
    ],
)
def test_growth_in_hotline_requests_is_an_id_of_its_own(sentence, number):
    check(sentence, number, "hotline_requests_growth_rate")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.jxpxzx.gov.cn/?p=2686
        ("该乡今年新增农家乐4家，游客接待能力明显增强。", "4家", "farmhouses"),
        # modelled on https://njllm.com/lvyouzixun/22111
        ("全区今年新增三星级农家乐5家。", "5家", "star_farmhouses"),
        # modelled on https://big5.cri.cn/gate/big5/gx.cri.cn/2022-03-04/cadbadd1-f805-e17c-2078-db331d1f899a.html
        ("下半年力争新增星级农家乐2家以上。", "2家以上", "star_farmhouses_target"),
    ],
)
def test_farm_stays_star_rated_ones_and_their_target(sentence, number, indicator):
    check(sentence, number, indicator)


def test_community_cultural_and_sports_events_are_cultural_events():
    # modelled on https://m.wenke99.com/p-5368545.html
    check("春节期间，街道各社区共举办社区文体活动26场。", "26场", "cultural_events")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://max.book118.com/html/2026/0127/8131031022010041.shtm
        ("全年受理群众诉求2.4万件，工单平均响应时长压缩至12分钟，同比缩短16%。", "12分钟",
         "hotline_average_response_minutes"),
        ("全年受理群众诉求2.4万件，工单平均响应时长压缩至12分钟，同比缩短16%。", "16%",
         "hotline_average_response_time_growth_rate"),
        # modelled on https://ayxjmx.com/www/hdjl/dcdb/59850461
        ("3月份受理热线工单980件，平均办结时长2.5天。", "2.5天", "hotline_average_resolution_days"),
        # modelled on https://jxyc12345.cn/yxtb/rxyb/2023/06/19191628541989.html
        ("全年承接12345政务服务便民热线转办工单2140件，同比增长7.5%。", "7.5%", "hotline_requests_growth_rate"),
    ],
)
def test_hotline_response_and_resolution_times_and_growth_of_assigned_requests(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.liyang.gov.cn/html/czly/2019/AAHAAKIF_1230/1250.html
        ("本月网格员共上报事件5120件，其中上报至镇级网格中心的有64件，占比1.25%。", "64件",
         "grid_events_to_town_centre"),
        ("本月网格员共上报事件5120件，其中上报至镇级网格中心的有64件，占比1.25%。", "1.25%",
         "grid_events_to_town_centre_share"),
    ],
)
def test_grid_events_referred_to_the_town_grid_centre(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.ganyu.gov.cn/gyqzf/xxtj/content/6a01b2e0-cfca-4fc4-8e8a-c8aede96ad97.html
        ("本月共收到县委书记信箱、县长信箱来信52件，其中县长信箱38件，比上月增加5件。", "5件",
         "county_head_mailbox_letters_change"),
        ("本月来信已全部办结；平均办理时限4.1天，比上月缩短0.8天。", "0.8天", "letters_average_handling_days_change"),
        # modelled on http://www.wenshang.gov.cn/art/2025/7/30/art_62060_2785687.html?xxgkhide=1
        ("全年代办项目审批手续31件，平均办理时限缩短28%。", "28%", "average_handling_time_growth_rate"),
    ],
)
def test_changes_in_mailbox_letters_and_in_handling_times(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://yaoshang68.com/news/show-601.html
        ("该镇调整种植结构，全镇种植中药材1.2万亩。", "1.2万亩", "herb_area"),
        # modelled on http://rz55.com/news/show.php?itemid=13170
        ("今年新发展党参、黄芪等中药材860亩。", "860亩", "herb_area"),
        # modelled on https://nyncw.sh.gov.cn/xyyw/20220129/2a0a1176095241d58be6d4a075bf1fef.html
        ("确保全年粮食播种面积稳定在2.6万亩以上。", "2.6万亩以上", "grain_area_target"),
    ],
)
def test_herb_area_and_the_grain_area_to_be_kept(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.shebaoonline.com/shebaozhengce/854669
        ("全街道现有劳动年龄段人员9800人，社区劳动者就业率96%。", "96%", "community_employment_rate"),
        # modelled on http://www.ruyuan.gov.cn/zwgk/zwwgk/glgk/xzzfgk/content/post_2061284.html
        ("此次整治共检查车辆160台，查处扣押无牌无证车辆21台。", "21台", "unlicensed_vehicles_seized"),
        # modelled on http://v7time.com/?id=515715
        ("全县已获评省级美丽乡村示范村12个。", "12个", "provincial_beautiful_villages"),
        # modelled on https://www.guzhen.gov.cn/zfxxgk/public/26141/49541840.html
        ("今年完成南岗、北湖等4个省级美丽乡村建设。", "4个", "provincial_beautiful_villages"),
    ],
)
def test_community_employment_rate_vehicles_seized_and_provincial_beautiful_villages(sentence, number, indicator):
    check(sentence, number, indicator)


def test_three_wheelers_are_vehicles_seized_only_when_seized():
    # modelled on http://souzy.net/24733/24759/60240/content_2233357.html
    check("该村合作社新购置三轮车6台。", "6台", None)


def test_people_in_special_groups_visited_are_counted():
    # modelled on https://www.liyang.gov.cn/html/czly/2019/AAHAAKIF_1230/1250.html
    check("本月网格员对刑满释放、社区矫正等四类特殊人群中的820人开展了走访服务。", "820人",
          "special_population_visited")


def test_a_monthly_mailbox_report_gives_the_average_handling_time():
    # modelled on https://www.ganyu.gov.cn/gyqzf/xxtj/content/36bff61b-e1ed-4eec-af78-f23006434ce3.html
    check("其余2件正在办理；平均办理时限3.8天，比上月缩短0.4天。", "3.8天", "letters_average_handling_days")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://aipiwu.com/jyxd/85476.html
        ("全镇共有专职调解员5名、人民调解员86名。", "5名", "full_time_mediators"),
        ("全镇共有专职调解员5名、人民调解员86名。", "86名", "mediators"),
        # modelled on http://www.whlvshi.com/zh_6856.html
        ("目前全镇有法律顾问6名，均为执业律师。", "6名", "legal_advisers"),
        # modelled on https://public.huiji.gov.cn/02JB/1284950.jhtml
        ("全区共有安全生产督查组8个、督导组4个。", "8个", "safety_inspection_teams"),
    ],
)
def test_full_time_mediators_legal_advisers_and_inspection_teams(sentence, number, indicator):
    check(sentence, number, indicator)


def test_disputes_resolved_without_saying_which_kind_are_disputes_resolved():
    # modelled on https://www.scgw.gov.cn/mob/Detail.aspx?id=20231130173339646 (the extractor now
    # drops 化解 from the label, so the label is asked of directly)
    assert match_indicator("成功化解纠纷", "件") == "disputes_resolved"


def test_personal_mediation_studios_have_an_id_of_their_own():
    # modelled on https://aipiwu.com/jyxd/85476.html (the extractor now cuts 调解工作室 to 工作室,
    # so the label is asked of directly, with the clause it stands in)
    assert match_indicator("个人品牌调解工作室", "个", "建成个人品牌调解工作室4个") == "personal_mediation_studios"


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on http://zjfzb.zjol.com.cn/html/2020-12/22/content_2736092.htm?div=-1
        ("镇里鼓励骨干调解员设立个人调解工作室，目前已设立个人调解工作室3个。", "3个"),
        ("全镇另设立个人品牌调解工作室4个。", "4个"),
    ],
)
def test_mediation_studios_keep_their_id_when_the_label_is_cut_to_the_studio(sentence, number):
    check(sentence, number, "personal_mediation_studios")


def test_a_studio_that_is_no_mediation_studio_gets_no_mediation_id():
    # modelled on http://zjfzb.zjol.com.cn/html/2020-12/22/content_2736092.htm?div=-1
    assert match_indicator("工作室", "个", "建成名师工作室3个") is None


def test_people_reached_by_consumption_vouchers():
    # modelled on http://www.wenshang.gov.cn/art/2025/7/30/art_62060_2785687.html?xxgkhide=1
    check("上半年发放消费券惠及9000人次。", "9000人次", "consumption_voucher_beneficiaries")


def test_assigned_hotline_requests_still_being_handled():
    # modelled on https://www.tangshan.gov.cn/zhuzhan/12345zwfwbmrxtjsj/20241212/1621850.html (the
    # extractor now reads 正在办理 as 办理, so the label is asked of directly)
    assert match_indicator("正在办理", "件", "受理省派工单960件，已处理完毕812件，处于办结时限内正在办理148件") == (
        "hotline_supervised_requests_in_progress"
    )
    assert match_indicator("正在办理", "件", "其余3件正在办理") is None


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on http://bdpf.org.cn/n1544/n3223/n3278/c93739/content.html
        ("街道残联联合社区卫生服务中心安排95名残疾人免费体检。", "95名"),
        # modelled on https://wjw.changzhou.gov.cn/html/wsj/2014/IMNPOFCI_0520/19450.html
        ("全年完成残疾人健康体检420人。", "420人"),
    ],
)
def test_free_health_checks_of_disabled_people_are_their_own_count(sentence, number):
    check(sentence, number, "disabled_health_checks")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://www.bdfayi.com/zkkfq/sitesources/jjkfq/page_pc/dtyw/xwdt/article6093f553f6c74fc68e96c5086d59b478
        ("镇消防巡查组对14家单位开展消防安全检查，发现火灾隐患9处。", "14家"),
        # modelled on http://0594xyw.cn/news-22120.html
        ("节前，镇安办联合派出所对12家单位进行消防检查。", "12家"),
    ],
)
def test_units_given_fire_safety_inspections(sentence, number):
    check(sentence, number, "fire_safety_units_inspected")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://epaper.legaldaily.com.cn/fzrb/content/20210323/Articel11006GN.htm
        ("镇禁毒办联合社区民警开展禁毒宣传进校园活动6场次，覆盖师生1800余人。", "6场次", "anti_drug_events"),
        ("今年以来开展禁毒宣传进村入户、进校园活动12场次。", "12场次", "anti_drug_events"),
        ("全年开展法治宣传进村入户、进校园活动5场次。", "5场次", None),
    ],
)
def test_anti_drug_school_visits_count_as_anti_drug_events_only_when_about_drugs(sentence, number, indicator):
    check(sentence, number, indicator)


def test_vans_seized_with_three_wheelers_count_as_unlicensed_vehicles_seized():
    # modelled on http://scfzyj.com/jj/2018-11-29/18497.html
    check("开展道路交通隐患整治，查处无牌无证摩托车15辆、三轮车和面包车7台。", "7台", "unlicensed_vehicles_seized")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://www.scfzbs.com/llqy/202510/83147337.html
        ("镇公共法律服务站配备3名法律服务工作者。", "3名"),
        # modelled on https://zzwb.zynews.cn/html/2008-03/20/content_405259.htm
        ("各片区共安排9名法律工作者。", "9名"),
    ],
)
def test_legal_service_workers_are_counted_apart_from_legal_advisers(sentence, number):
    check(sentence, number, "legal_service_workers")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.shyp.gov.cn/yp-zwgk/zwgk/buffersInformation/details?id=8467bf80-32ac-4fdd-818f-de6ac9053c90
        ("1月至9月救助各类困难对象5120人次，支出助困金额302.6万元。", "5120人次", "relief_person_times"),
        ("1月至9月救助各类困难对象5120人次，支出助困金额302.6万元。", "302.6万元", "relief_funds_paid"),
    ],
)
def test_people_in_hardship_assisted_and_the_money_paid(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://www.wenshang.gov.cn/art/2025/7/30/art_62060_2785687.html?xxgkhide=1
        ("今年上半年获批专项债0.6亿元。", "0.6亿元", "special_bonds_secured"),
        ("深入开展助企大走访，组织社区累计走访企业1.2万户。", "1.2万户", "enterprises_visited"),
        # modelled on http://ysy.023xyw.com/html/content/22/09/8090.shtml
        ("干部深入一线实地走访，截至目前共走访企业215家。", "215家", "enterprises_visited"),
        ("全镇共有各类企业320家。", "320家", "registered_enterprises"),
    ],
)
def test_enterprise_services_of_a_township(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on http://laixinews.com/lxbd/palx/2017-11-30/32646.html
        ("全乡现有社区戒毒康复人员12名。", "12名"),
        # modelled on http://legal.people.com.cn/n1/2019/1212/c42510-31502208.html
        ("禁毒专干对7名社区戒毒康复人员开展定期家访。", "7名"),
    ],
)
def test_people_in_community_drug_rehabilitation(sentence, number):
    check(sentence, number, "drug_rehabilitation_persons")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.3366ai.com/p-bca1e62af5855a78.html
        ("年初提出矛盾纠纷化解率提升5%、群众安全感满意度达97%以上两大目标。", "5%", "dispute_resolution_rate_growth_rate_target"),
        ("今年全镇矛盾纠纷化解率提升3%。", "3%", "dispute_resolution_rate_growth_rate"),
        ("全镇矛盾纠纷化解率同比提升2.1个百分点。", "2.1个百分点", "dispute_resolution_rate_change_pp"),
    ],
)
def test_a_rise_of_the_dispute_resolution_rate_in_per_cent_is_not_one_in_points(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.3366ai.com/p-bca1e62af5855a78.html
        ("明确提出群众安全感满意度达98%以上、基层治理力量下沉覆盖率达100%两大目标。", "100%", "governance_force_coverage_rate_target"),
        ("截至目前，全镇基层治理力量下沉覆盖率达95%。", "95%", "governance_force_coverage_rate"),
    ],
)
def test_coverage_of_governance_staff_sent_down_and_its_target(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.jszf.gov.cn/sxzs/201310/t20131011_3495091.shtml
        ("全镇每15户选聘1人，共选聘调解信息员128名。", "128名", "mediation_information_officers"),
        # the grid's information officers stay grid workers
        ("全镇共有网格信息员30名。", "30名", "grid_workers"),
    ],
)
def test_mediation_information_officers_are_not_grid_workers(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://www.56qq.top/article.asp?artid=171424
        ("截至目前，全县已累计创建省级水产健康养殖示范场12处。", "12处", "aquaculture_demo_farms"),
        # modelled on https://zhifu.ntv.cn/content/0/774/99774554.html
        ("至目前，全镇水产健康养殖示范场总数达到6家。", "6家", "aquaculture_demo_farms"),
        ("新创建省级畜禽标准化示范场3个、省级水产健康养殖示范场2个。", "3个", "livestock_demo_farms_created"),
        ("新创建省级畜禽标准化示范场3个、省级水产健康养殖示范场2个。", "2个", "aquaculture_demo_farms"),
    ],
)
def test_aquaculture_demonstration_farms_are_not_livestock_ones(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on http://www.xyxzfw.com/index/showInfoListByMiddle.action?infoPid=8&infoMid=20
        ("截至10月底，镇便民服务中心共办理各类事项1.2万件次。", "1.2万件"),
        # modelled on http://www.tmdps.cn/a3/201905122/cd6ecdb51bb8c2a9.html
        ("上半年，中心共受理各类行政服务事项4260件。", "4260件"),
    ],
)
def test_service_items_handled_by_a_service_centre(sentence, number):
    check(sentence, number, "service_items_handled")
