"""Income brackets: as reports state them, and counted from per-village incomes."""

import math

import pandas as pd
import pytest

from lxw_analysis import bands, extract_facts, income_bands
from lxw_analysis.bands import band_label, band_table, brackets
from lxw_analysis.facts import as_facts, fact_row
from lxw_analysis.indicators import BAND_VILLAGES, VILLAGE_INCOME

NAN = float("nan")


def incomes(*villages, township="新寨乡", year=2024):
    """Made-up per-village incomes (yuan) as facts from a table."""
    return as_facts(
        fact_row(township=township, year=year, section="", village=v, indicator=VILLAGE_INCOME, label="收入",
                 value=y, unit="元", qualifier="exact", text="", quote="", source="raw/madeup.csv#R2C2")
        for v, y in villages
    )


def test_band_table_lists_the_brackets_a_report_states(laxiwa_text):
    table = band_table(extract_facts(laxiwa_text))
    assert table["band"].tolist() == ["10万–20万", "20万–30万", "30万–40万", "50万以上"]
    assert table["villages"].tolist() == [3, 1, 1, 5]


@pytest.mark.parametrize(
    "low,high,label", [(100000, 200000, "10万–20万"), (500000, NAN, "50万以上"), (NAN, 50000, "5万以下"), (15000, 25000, "1.5万–2.5万")]
)
def test_band_label_reads_like_a_report(low, high, label):
    assert band_label(low, high) == label


def test_counts_from_incomes_have_the_shape_of_reported_brackets():
    counted = income_bands(incomes(("甲村", 150000.0), ("乙村", 120000.0), ("丙村", 600000.0)), [100000, 200000, 500000])
    expected = pd.DataFrame(
        {"band_low": [NAN, 100000.0, 200000.0, 500000.0], "band_high": [100000.0, 200000.0, 500000.0, NAN], "value": [0.0, 2.0, 0.0, 1.0]}
    )
    pd.testing.assert_frame_equal(counted[["band_low", "band_high", "value"]], expected)
    assert set(counted["indicator"]) == {BAND_VILLAGES} and set(counted["unit"]) == {"个"}
    assert list(counted.columns) == list(extract_facts("").columns)


def test_an_income_on_an_edge_belongs_to_the_bracket_above():
    counted = income_bands(incomes(("甲村", 200000.0)), [100000, 200000])
    assert counted.loc[counted["value"] == 1, ["band_low", "band_high"]].values.tolist()[0][0] == 200000


def test_empty_brackets_can_be_left_out():
    counted = income_bands(incomes(("甲村", 150000.0)), [100000, 200000], keep_empty=False)
    assert counted["value"].tolist() == [1.0]


def test_a_bracket_of_many_villages_names_twenty_and_counts_the_rest():
    counted = income_bands(incomes(*((f"示例{n:04d}村", 150000.0) for n in range(5000))), [100000, 200000])
    quote = counted.loc[counted["value"] == 5000, "quote"].iloc[0]
    assert quote.startswith("counted from 5000 villages' incomes: 示例0000村 15万、") and quote.endswith("… and 4,980 more")
    assert len(quote) < 400


def test_each_township_and_year_is_counted_apart():
    both = pd.concat([incomes(("甲村", 150000.0), year=2023), incomes(("甲村", 250000.0), ("乙村", 50000.0), year=2024)])
    counted = income_bands(both, [100000])
    assert counted.groupby("year")["value"].sum().to_dict() == {2023: 1.0, 2024: 2.0}


def test_other_indicators_and_total_rows_are_not_counted():
    facts = pd.concat([incomes(("甲村", 150000.0)), incomes((None, 150000.0))])
    assert income_bands(facts, [100000])["value"].sum() == 1


def test_input_is_left_unchanged():
    facts = incomes(("甲村", 150000.0))
    before = facts.copy()
    income_bands(facts, [100000])
    pd.testing.assert_frame_equal(facts, before)


@pytest.mark.parametrize("edges", [[], [200000, 100000], [100000, 100000]])
def test_edges_must_ascend(edges):
    with pytest.raises(ValueError):
        brackets(edges)


def test_brackets_are_open_below_the_first_edge_and_above_the_last():
    (low, first), *_, (last, high) = brackets([1, 2, 3])
    assert math.isnan(low) and first == 1 and last == 3 and math.isnan(high)


# --- the village total, shares and villages no stated bracket holds ---------------------------

def report(*texts, township="新寨乡"):
    """Facts of made-up report sentences (each names its year)."""
    return pd.concat([extract_facts(t, township=township) for t in texts], ignore_index=True)


#: Brackets read in part: two villages of the eight the report states.
PARTIAL = "2024年,新寨乡全乡共有8个行政村,其中50万以上的村2个。"


@pytest.mark.parametrize("sentence", ["2024年,新寨乡辖8个行政村,其中50万以上的村2个。", PARTIAL])
def test_shares_divide_by_the_stated_village_total(sentence):
    got = bands.villages_at_or_above(report(sentence), [500000])
    assert got[["villages", "total", "basis", "share"]].values.tolist() == [[2.0, 8.0, "stated", 25.0]]


def test_villages_left_out_of_the_brackets_make_a_threshold_a_range():
    got = bands.villages_at_or_above(report(PARTIAL), [100000])
    assert got[["villages", "villages_upper", "share", "share_upper"]].values.tolist() == [[2.0, 8.0, 25.0, 100.0]]


def test_without_a_stated_total_the_village_table_gives_it():
    facts = pd.concat([report("2024年,新寨乡其中50万以上的村2个。"), incomes(*[(f"{c}村", 1e5) for c in "甲乙丙丁戊己庚辛"])])
    totals = bands.village_totals(facts)
    assert totals[["year", "total", "basis"]].values.tolist() == [[2024, 8.0, "village table"]]
    assert bands.band_table(facts)["share"].tolist() == [25.0]


def test_without_any_total_shares_are_unknown_not_a_hundred_percent():
    facts = report("2024年,新寨乡其中50万以上的村2个。")
    assert bands.village_totals(facts)["basis"].tolist() == ["unknown"]
    assert bands.villages_at_or_above(facts, [500000])["share"].isna().all()
    assert bands.band_table(facts)["share"].isna().all()
    assert "not stated, so no share is known" in bands.describe_bands(bands.band_table(facts))


def test_brackets_short_of_the_total_show_the_gap_as_not_stated():
    table = bands.band_table(report(PARTIAL), not_stated=True)
    assert table[["band", "villages", "share", "stated"]].values.tolist() == [
        ["50万以上", 2.0, 25.0, True], [bands.NOT_STATED, 6.0, 75.0, False],
    ]  # fmt: skip
    assert bands.describe_bands(table) == (
        "2024: 2 villages in brackets: 2 at 50万以上; the report states 8 villages, so 6 are in no stated bracket."
    )


@pytest.mark.parametrize(
    "sentence,finding",
    [
        (PARTIAL, "2024: the brackets count 2 villages, the report states 8 villages, so 6 are in no stated bracket"),
        ("2024年,新寨乡全乡共有3个行政村,其中50万以上的村5个。", "2024: the brackets count 5 villages, the report states only 3 villages"),
        ("2024年,新寨乡其中50万以上的村2个。", "the number of villages is not stated, so no share is known"),
    ],
)
def test_a_year_whose_brackets_do_not_add_up_gets_a_finding(sentence, finding):
    (message,) = bands.bracket_findings(report(sentence))["finding"]
    assert message.startswith(finding) or finding in message


def test_brackets_that_add_up_get_no_finding():
    assert bands.bracket_findings(report("2024年,新寨乡全乡共有3个行政村,其中50万以上的村3个。")).empty


TWO_BRACKETS = "2024年,新寨乡全乡共有3个行政村,其中10万至20万的村2个、20万以上的村1个。"


def test_brackets_counted_from_the_village_table_stand_beside_the_stated_ones():
    facts = pd.concat([report(TWO_BRACKETS), incomes(("甲村", 150000.0), ("乙村", 120000.0), ("丙村", 600000.0))])
    got = bands.compare_brackets(facts)
    assert got[["band", "stated", "counted"]].values.tolist() == [["10万–20万", 2.0, 2.0], ["20万以上", 1.0, 1.0]]
    assert got["quote"].tolist() == ["counted: 甲村 15万、乙村 12万", "counted: 丙村 60万"]
    assert got["source"].iloc[0] == "derived: raw/madeup.csv#R2C2, #R2C2"
    assert bands.bracket_findings(facts).empty


def test_a_village_table_that_disagrees_with_the_stated_brackets_gets_a_finding():
    facts = pd.concat([report(TWO_BRACKETS), incomes(("甲村", 150000.0), ("乙村", 320000.0), ("丙村", 600000.0))])
    got = bands.compare_brackets(facts)
    assert got[["band", "stated", "counted"]].values.tolist() == [["10万–20万", 2.0, 1.0], ["20万以上", 1.0, 2.0]]
    (finding,) = bands.bracket_findings(facts)["finding"]
    assert finding == (
        "2024: the village table disagrees with the stated brackets: 10万–20万: the report states 2, the table "
        "counts 1; 20万以上: the report states 1, the table counts 2."
    )


def test_a_village_the_table_lacks_that_year_is_named():
    facts = pd.concat([
        report(TWO_BRACKETS), incomes(("甲村", 150000.0), ("丙村", 600000.0)), incomes(("乙村", 110000.0), year=2023),
    ])  # fmt: skip
    (finding,) = bands.bracket_findings(facts)["finding"]
    assert finding == (
        "2024: the village table has no income for 乙村; its other villages fall in the stated brackets, "
        "which hold 1 at 10万–20万 more."
    )


def test_a_counted_bracket_no_report_states_is_listed():
    facts = pd.concat([report(TWO_BRACKETS), incomes(("甲村", 150000.0), ("乙村", 50000.0), ("丙村", 600000.0))])
    first = bands.compare_brackets(facts).iloc[0]
    assert (first["band"], first["counted"], first["quote"]) == ("10万以下", 1.0, "counted: 乙村 5万")
    assert math.isnan(first["stated"])
    assert "10万以下: the report states none, the table counts 1" in bands.bracket_findings(facts)["finding"].iloc[0]


def test_bracket_functions_leave_their_input_unchanged():
    facts = pd.concat([report(PARTIAL), incomes(("甲村", 150000.0))])
    before = facts.copy()
    bands.band_table(facts, not_stated=True), bands.compare_brackets(facts), bands.bracket_findings(facts)
    bands.villages_at_or_above(facts), bands.village_totals(facts)
    pd.testing.assert_frame_equal(facts, before)


def test_a_village_table_placing_the_villages_the_brackets_leave_out_says_where():
    facts = pd.concat([report("2024年,新寨乡全乡共有3个行政村,其中50万以上的村1个。"),
                       incomes(("甲村", 150000.0), ("乙村", 80000.0), ("丙村", 600000.0))])
    assert bands.bracket_findings(facts)["finding"].tolist() == [
        "2024: the brackets count 1 village, the report states 3 villages, so 2 are in no stated bracket "
        "(2024年,新寨乡全乡共有3个行政村,其中50万以上的村1个).",
        "2024: the village table places villages in brackets the report does not state: 2 at 50万以下.",
    ]
