"""Statistics of Party-building reports and of training reports (Party member education, farmer and
migrant-worker skills training) land on their catalogue id, worded as those pages word them.

Every sentence here is made up; each is modelled on the wording of the public page named in the
comment above it (the page the phrasing was seen on, as the catalogue's ``seen`` column records).
"""

import pytest

from test_catalogue_phrasings import check


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://jixi.dbw.cn/system/2017/04/06/057594086.shtml
        ("近年来，镇党员志愿服务队深入各村开展便民服务活动120余次，服务群众达1.5万余人次。", "1.5万余人次", "people_served"),
    ],
)
def test_people_served_by_service_activities_are_person_times_of_their_own(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://farm.00-net.com/news/10/2012-03-19/129096.html
        ("截至今年2月，全镇有2140名农民工获得30多个工种的职业技能等级证书，其中初级1690人、中级450人。", "1690人",
         "skill_certificates_junior"),
        ("截至今年2月，全镇有2140名农民工获得30多个工种的职业技能等级证书，其中初级1690人、中级450人。", "450人",
         "skill_certificates_intermediate"),
        # modelled on https://kxting.com/article/20221207/3703601.html
        ("学员参加技能鉴定后，取得中级证书的96人、高级证书的18人。", "18人", "skill_certificates_senior"),
    ],
)
def test_skill_certificates_by_level_named_only_by_the_level(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://m.jiaoyim.cn/html/news/taixing/2011/0422/27446.html
        ("今年，镇里将扎实开展职业农民培训工程，力争全年培训人数达到1500人以上。", "1500人以上", "trainees_target"),
        ("去年，全镇培训人数达到1320人。", "1320人", "trainees"),
    ],
)
def test_the_number_of_people_to_be_trained_is_a_target_not_the_people_trained(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.chaxiaohao.com/read-1751902235l5543960.html
        ("今年对照标准逐项验收，18个党支部通过验收，达标率从80%提升至94.7%。", "80%", "standardized_party_branch_rate"),
        ("今年对照标准逐项验收，18个党支部通过验收，支部达标率从80%提升至94.7%。", "80%", "standardized_party_branch_rate"),
        ("全镇生活污水处理达标率达到95%。", "95%", "sewage_treatment_rate"),
    ],
)
def test_the_share_of_branches_meeting_the_standard_needs_a_branch_in_its_clause(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://cnews.chinadaily.com.cn/2015-04/15/content_20441481_2.htm
        ("学历:高中(中专)以上52人,占71.2%。", "52人", "village_cadres_high_school_or_above"),
        ("学历:高中(中专)以上52人,占71.2%。", "71.2%", "village_cadres_high_school_share"),
        ("学历：高中（中专）以上52人，占71.2%。", "52人", "village_cadres_high_school_or_above"),
        ("新一届村两委成员中，具有高中以上文化程度的45人。", "45人", "village_cadres_high_school_or_above"),
        ("村党组织书记中，高中(中专)以上学历的14人，占87.5%。", "14人", None),
    ],
)
def test_education_of_village_leaders_under_a_heading_of_an_election_summary(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://tangshan.huanbohainews.com.cn/system/2018/03/12/011789502.shtml
        ("镇就业服务所增设家政服务类培训专业，全年培训学员210人，其中育婴员、养老护理员分别为126、84人。", "126",
         "trainees_childcare"),
        ("镇就业服务所增设家政服务类培训专业，全年培训学员210人，其中育婴员、养老护理员分别为126、84人。", "84人",
         "trainees_eldercare"),
        ("2023年，全镇培训育婴员96人，其中71人当年实现就业。", "96人", "trainees_childcare"),
        ("全镇现有养老机构3家，聘用养老护理员42人。", "42人", None),
    ],
)
def test_home_service_trainees_by_trade_need_training_in_their_sentence(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://www.goschool.org.cn/xxnmjyxx/xxzynmjyx/2016-11-30/13507.html
        ("完成生产经营型培训240人，认定生产经营型职业农民226人，认定率94.2%。", "226人", "certified_professional_farmers"),
        ("完成生产经营型培训240人，经认定的生产经营型职业农民226人，认定率94.2%。", "226人",
         "certified_professional_farmers"),
        ("完成生产经营型培训240人，认定生产经营型职业农民226人，认定率94.2%。", "240人", "trainees_business_type"),
    ],
)
def test_farmers_certified_after_training_are_not_the_farmers_trained(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://cnews.chinadaily.com.cn/2015-04/15/content_20441481_2.htm
        ("新一届村两委成员中，大专学历的23人，本科及以上学历的9人。", "23人", "village_cadres_college_diploma"),
        ("新一届村两委成员中，大专学历的23人，本科及以上学历的9人。", "9人", "village_cadres_bachelor_or_above"),
        ("村党组织书记、村委会主任“一肩挑”的村15个，比例达到100%。", "100%", "secretary_director_rate"),
        ("村党组织书记、村委会主任“一肩挑”的村15个，比例达到100%。", "15个", "secretary_director_villages"),
    ],
)
def test_degrees_and_one_person_posts_of_an_election_summary(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://cnxxpl.com/content/2018/07/26/8674646.html
        ("全年发展党员152名，其中大专及以上学历的64名，占42.1%。", "64名", "new_party_members_college"),
        ("全年发展党员152名，其中大专及以上学历的64名，占42.1%。", "42.1%", "new_party_members_college_share"),
        ("截至年底，全镇大专及以上学历党员1260名，占38.5%。", "1260名", "graduate_party_members"),
    ],
)
def test_graduates_among_new_party_members_are_not_all_graduate_party_members(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.soulun.net/periodical/28b24d4d0b3db0aa09116f2f375c014b.html
        ("在本次调查的420名农民中，初中及以下文化程度的296人，占70.5%。", "296人", "junior_high_or_below_people"),
        ("在本次调查的420名农民中，初中及以下文化程度的296人，占70.5%。", "70.5%", "junior_high_or_below_people_share"),
        ("全镇党员860名，其中初中及以下文化程度的410人。", "410人", "party_members_junior_high_or_below"),
    ],
)
def test_schooling_of_people_surveyed_is_the_party_members_only_beside_party_members(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://homekey.cn/News_Show/20588.html
        ("镇就业服务站开展家政技能培训，培训学员96人，其中保洁员40人。", "40人", "trainees_cleaners"),
        # modelled on http://198.44.248.91:8089/newsView/h2scjy400mnmgjkth2_241
        ("镇里举办农民工技能培训班，培训农民工120多人。", "120多人", "trainees_migrant_workers"),
        ("全镇现有农民工3200人。", "3200人", None),
        # modelled on http://zgkjsz.com/page/2011/1229/25034715.shtml
        ("今年镇农技站共培训农民约600人。", "约600人", "trainees_farmers"),
    ],
)
def test_people_trained_named_by_who_they_are_need_training_in_their_clause(sentence, number, indicator):
    check(sentence, number, indicator)


def test_leaders_in_getting_rich_counted_in_an_income_bracket():
    # modelled on https://cnxxpl.com/content/2018/07/26/8674646.html
    check("全村年收入10万元以上的致富带头人25人。", "10万元以上的致富带头人25人", "wealth_leaders_income_band")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://shandong-chorography.org/database/d70/section/2/article/18/
        ("全乡党员512名，其中大专以上文化114人。", "114人", "graduate_party_members"),
        ("从文化结构看，大专及以上文化9人。", "9人", None),
    ],
)
def test_graduates_named_by_schooling_alone_are_party_members_only_in_a_sentence_of_party_members(
    sentence, number, indicator
):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://soolun.net/periodical/a6bb4f185237e2c6068f2b1fe6a928e5.html
        ("全年举办村两委成员专题培训8期，培训310人次。", "310人次", "village_cadre_training_person_times"),
        ("全年举办各类培训班12期，培训1500人次。", "1500人次", "training_person_times"),
    ],
)
def test_person_times_of_training_for_village_leaders_are_their_own(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://liuxuequn.com/k_%E6%9D%91%E4%B8%A4%E5%A7%94%E4%BC%9A%E6%8D%A2%E5%B1%8A%E9%80%89%E4%B8%BE%E5%B7%A5%E4%BD%9C%E6%80%BB%E7%BB%93
        ("全镇22个村委会按期完成换届选举，成功率达到100%。", "100%", "village_election_success_rate"),
        ("全镇创业担保贷款申请成功率为85%。", "85%", None),
    ],
)
def test_the_success_rate_of_village_elections_needs_an_election_in_its_clause(sentence, number, indicator):
    check(sentence, number, indicator)


def test_backward_village_party_branches_are_the_weak_ones_rectified():
    # modelled on http://soolun.net/periodical/51167d07158e8791747fe9c4c2808553.html
    check("全镇现有后进村党支部3个。", "3个", "weak_party_organisations")


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://sucai198.com/diaoyanbaogao/2023/04/55874_36.html
        ("班子成员每人牵头1个课题，全年形成调研报告14篇。", "14篇"),
        ("全年共撰写调研报告12篇，其中5篇被县委采纳。", "12篇"),
    ],
)
def test_research_reports_written_by_the_leadership(sentence, number):
    check(sentence, number, "research_reports")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://xing528.com/lilun/1159553.html
        ("调查共发放问卷100份，有效回收率为100%。", "100%", "questionnaire_valid_rate"),
        ("本次调查共发放问卷300份，收回有效问卷282份，有效率为94%。", "94%", "questionnaire_valid_rate"),
        ("本次调查共发放问卷300份，收回有效问卷282份，有效率为94%。", "282份", "questionnaires_returned"),
    ],
)
def test_the_share_of_questionnaires_returned_valid(sentence, number, indicator):
    check(sentence, number, indicator)


def test_village_leaders_in_an_age_bracket():
    # modelled on http://cnews.chinadaily.com.cn/2015-04/15/content_20441481_2.htm
    check("新一届村两委成员35岁以下的14人。", "35岁以下的14人", "village_cadres_age_band")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://news.cnnb.com.cn/system/2014/06/18/008089648.shtml
        ("新一届村两委中女性成员占25%，其中4个村女性成员比例达到30%以上。", "4个村女性成员比例达到30%以上",
         "villages_in_female_share_band"),
        ("全镇参选率达到95%以上的村12个。", "95%以上的村12个", None),
    ],
)
def test_villages_in_a_bracket_of_the_share_of_women_on_their_committees(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://cnxxpl.com/content/2018/07/26/8674646.html
        ("全县党员12860名，党的基层组织632个，比上年增加14个。", "14个", "grassroots_party_organisations_increase"),
        ("全县党员12860名，党的基层组织632个，比上年增加14个。", "632个", "grassroots_party_organisations"),
        ("全县党员总数较上年增加215名。", "215名", "party_members_net_increase"),
    ],
)
def test_net_increases_in_party_members_and_organisations_are_not_their_totals(sentence, number, indicator):
    check(sentence, number, indicator)


def test_cadres_seconded_to_work_in_the_villages():
    # modelled on http://wx.heze.cn/a/7107.html
    check("今年全镇抽调干部24名，进驻8个后进村。", "24名", "cadres_dispatched")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://pysfq.xinxiang.gov.cn/htmls/bumendongtai/20120615/f3d689cd1c0d4d8c826e0dad54aa77bf.html
        ("本期共有320名农民参加养殖、电工两个工种的培训，分设三个培训点。", "三个", "training_sites"),
        ("经县人社部门组织考试，预计共有290人通过鉴定。", "290人", "skill_appraisal_passed"),
        # modelled on http://m.jiaoyim.cn/html/news/taixing/2011/0920/30382.html
        ("全镇共有412名学员通过职业技能鉴定考试。", "412名", "skill_appraisal_passed"),
    ],
)
def test_training_sites_and_people_passing_the_skill_appraisal(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://d3x3.com/hmsrmzf/jzqk/content/ce32d38e-f088-4f92-b03d-cc9f4adbd4c6.html
        ("上半年举办培训班6期，培训高素质农民315人，完成全年培训任务800人的39.38%。", "39.38%",
         "training_task_completion_rate"),
        ("上半年举办培训班6期，培训高素质农民315人，完成全年培训任务800人的39.38%。", "800人", "trainees_target"),
        ("下半年用好3个市级实训基地，组织学员现场实训。", "3个", "municipal_training_bases"),
        ("全区共有省级实训基地2个。", "2个", "provincial_training_bases"),
    ],
)
def test_the_share_of_the_training_task_done_and_training_bases_by_level(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://www.zhengzhongguoji.com/article/2522102_45547621.html
        ("全村党员46名，其中女性9名。", "9名", "female_party_members"),
        ("全村常住人口1320人，其中女性640人。", "640人", None),
    ],
)
def test_women_among_the_party_members_named_only_as_women(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://zggqgc.com/a/news/854.html
        ("新当选的村两委成员中，党员比例为72.6%，与上届相比上升了4个百分点。", "4个百分点",
         "village_cadres_party_member_share_change_pp"),
        ("具有高中以上文化程度的达到58.4%，较上届提高近9个百分点。", "近9个百分点",
         "village_cadres_high_school_share_change_pp"),
        ("全镇村民平均参选率为90.2%，比上届上升了1.8个百分点。", "1.8个百分点", "voter_turnout_change_pp"),
    ],
)
def test_changes_against_the_last_election_are_told_apart_by_what_changed(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://cnxxpl.com/content/2018/07/26/8674646.html
        ("截至去年底，全区共有党员15320名，较上年净增268名。", "268名", "party_members_net_increase"),
        ("党的基层组织846个，较上年净增21个。", "21个", "grassroots_party_organisations_increase"),
    ],
)
def test_net_increases_whose_subject_the_sentence_names_before(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://d3x3.com/hmsrmzf/jzqk/content/ce32d38e-f088-4f92-b03d-cc9f4adbd4c6.html
        ("明年计划新建县级田间学校3个。", "3个", "field_schools_built"),
        ("目前全镇已建成农民田间学校7所。", "7所", "farmer_field_schools"),
    ],
)
def test_field_schools_newly_set_up_are_not_all_the_field_schools(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on http://finance.sina.com.cn/g/20051110/0849392164.shtml
        ("党委先后研究制定了中心组学习、三会一课等六项规章制度。", "六项"),
        # modelled on https://www.360docs.net/doc/ee19019848.html
        ("全镇各村党组织统一落实任期目标、党员议事等制度10项。", "10项"),
    ],
)
def test_rules_set_up_are_counted_by_the_item(sentence, number):
    check(sentence, number, "party_rules_established")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on http://cnews.chinadaily.com.cn/2015-04/15/content_20441481_2.htm
        ("新一届村两委成员中，大专学历的占31.2%。", "31.2%", "village_cadres_college_diploma_share"),
        ("新一届村两委成员中，本科及以上学历的占9.5%。", "9.5%", "village_cadres_bachelor_or_above_share"),
        ("新一届村两委成员中，本科及以上学历的7人。", "7人", "village_cadres_bachelor_or_above"),
    ],
)
def test_degree_shares_of_village_leaders_are_not_their_head_counts(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://heilongjiang.dbw.cn/system/2011/08/30/053367565.shtml
        ("截至9月底，全镇共培训农民工4300多人次。", "4300多人次", "employment_skills_training_person_times"),
    ],
)
def test_person_times_of_the_migrant_workers_trained(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://tangshan.huanbohainews.com.cn/system/2018/03/12/011789502.shtml
        ("养老护理员专业完成培训210人，160人当年实现就业，月薪2500元至6000元不等。", "2500元至6000元"),
    ],
)
def test_monthly_pay_of_trainees_in_work(sentence, number):
    check(sentence, number, "trainee_monthly_income")


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://shandong-chorography.org/database/d70/section/2/article/18/
        ("全年发展党员32名；大专及以上学历的19名，占59.4%。", "19名", "new_party_members_college"),
        ("全年发展党员32名；大专及以上学历的19名，占59.4%。", "59.4%", "new_party_members_college_share"),
        # a full stop ends what the words before say
        ("全年发展党员32名。大专及以上学历的19名，占59.4%。", "19名", None),
    ],
)
def test_whose_figures_a_sentence_says_before_its_semicolon_holds_after_it(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number,indicator",
    [
        # modelled on https://www.soulun.net/periodical/aa8951c55e5b0485519afa04d33a359a.html
        ("全乡现有各类教学班9个，学员420人。", "9个", "training_classes"),
        ("全乡分设三个培训点、六个教学班。", "六个", "training_classes"),
        ("全乡分设三个培训点、六个教学班。", "三个", "training_sites"),
    ],
)
def test_teaching_classes_of_a_course_are_counted_apart_from_its_sites(sentence, number, indicator):
    check(sentence, number, indicator)


@pytest.mark.parametrize(
    "sentence,number",
    [
        # modelled on https://www.zjvaa.edu.cn/xwzx/xwzx-zydt/200805/12408.html
        ("本期培训班考核合格，结业学员58人。", "58人"),
        # modelled on https://news.hnust.edu.cn/pub/news/kdyw/29634.htm
        ("经过认真考勤考核，42名学员顺利结业。", "42名"),
    ],
)
def test_trainees_who_completed_a_course_are_counted_apart_from_those_trained(sentence, number):
    check(sentence, number, "trainees_completed")
