"""Quality checks on whole reports: the real 2024 report, and a deliberately broken copy of it."""

import pytest

from lxw_analysis import extract_facts, validate

BREAKS = {
    "50万以上的村5个": "50万以上的村4个",  # brackets now count 9 of the 10 villages
    "化解27起": "化解29起",  # more disputes resolved than the 28 found
    "轮训率达100%": "轮训率达120%",  # a coverage rate over 100%
    "在曲卜藏村投资35万元": "在新庄村投资35万元",  # a village the gazetteer does not know
}


@pytest.fixture(scope="module")
def broken_findings(laxiwa_text):
    text = laxiwa_text
    for good, bad in BREAKS.items():
        assert good in text
        text = text.replace(good, bad)
    return validate(extract_facts(text, source="madeup_broken_copy_of_laxiwa_2024.txt"))


def test_real_report_brackets_sum_to_the_village_total(laxiwa_text):
    found = validate(extract_facts(laxiwa_text))
    assert "bands_do_not_sum" not in set(found["rule"])


def test_real_report_findings_are_only_its_own_ambiguity(laxiwa_text):
    found = validate(extract_facts(laxiwa_text))
    # The report says 清理挂牌机构12个、挂牌机构50个: one statistic, two values.
    assert found[["rule", "severity"]].values.tolist() == [["conflicting_values", "warning"]]
    assert "signboards_removed" in found["message"].iloc[0]


@pytest.mark.parametrize(
    "rule,numbers",
    [
        ("bands_do_not_sum", ["9", "10"]),
        ("resolved_exceeds_found", ["29", "28"]),
        ("rate_over_100", ["120"]),
        ("village_not_in_gazetteer", ["新庄村"]),
    ],
)
def test_broken_copy_raises_the_finding_it_should(broken_findings, rule, numbers):
    messages = broken_findings.loc[broken_findings["rule"] == rule, "message"].tolist()
    assert len(messages) == 1, broken_findings.to_string()
    for number in numbers:
        assert number in messages[0]
