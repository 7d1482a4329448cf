"""Statistics of governance reports (mediation, petitions and mailbox letters, the 12345 hotline,
safety supervision) and of townships' annual summaries land on their catalogue id, worded as those
pages word them.

Every sentence here is made up; each is modelled on the wording of the public page named in the
comment above it (the page the phrasing was seen on, as the catalogue's ``seen`` column records).
"""

import pytest

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


def test_neighbour_disputes_resolved_are_not_counted_as_the_kind():
    # modelled on http://fj.sina.com.cn/news/b/2020-11-04/detail-iiznezxr9928391.shtml?from=fj_ydph
    check("本季度村调解室化解邻里纠纷12起。", "12起", None)


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
