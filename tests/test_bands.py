"""Income brackets: as reports state them, and counted from per-village incomes."""

import math

import pandas as pd
import pytest

from lxw_analysis import extract_facts, income_bands
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
