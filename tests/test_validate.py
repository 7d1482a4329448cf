"""Validation of a facts table: the contract, and numbers that disagree with each other.

Tables are built here, row by row, in made-up townships and villages (新寨乡, 上庄村);
only the gazetteer checks use the real Laxiwa rows of lxw_analysis/data/villages.csv.
"""

import math

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from lxw_analysis.facts import FACT_COLUMNS, FACT_DTYPES, as_facts, fact_row
from lxw_analysis.validate import (
    FINDING_DTYPES,
    RULES,
    SEVERITIES,
    bands_do_not_sum,
    conflicting_values,
    findings,
    rate_over_100,
    resolved_exceeds_found,
    schema,
    table_totals,
    total_row_mismatch,
    validate,
    village_not_in_gazetteer,
)

NAN = math.nan
XINZHAI_VILLAGES = [
    {"township": "新寨乡", "name": "上庄村", "aliases": "上庄"},
    {"township": "新寨乡", "name": "下庄村", "aliases": ""},
]


def fact(**overrides) -> tuple:
    """One facts-table row: a plain township-level count, with ``overrides``."""
    row = {
        "township": "新寨乡",
        "year": 2024,
        "section": "一、党的建设",
        "label": "开展学习",
        "value": 10.0,
        "unit": "次",
        "qualifier": "exact",
        "text": "10次",
        "start": 4,
        "end": 7,
        "quote": "开展学习10次",
        "source": "raw/新寨乡/2024.txt",
    }
    return fact_row(**(row | overrides))


def table(*rows) -> pd.DataFrame:
    return as_facts(rows)


def band(count, low, high, **overrides) -> tuple:
    """A count of villages in an income bracket."""
    defaults = {"indicator": "collective_income_band_villages", "label": "村", "unit": "个"}
    return fact(**defaults | {"value": count, "band_low": low, "band_high": high} | overrides)


def villages(count, **overrides) -> tuple:
    """The number of villages of the township."""
    return fact(**{"indicator": "village_count", "label": "行政村", "unit": "个", "value": count} | overrides)


def rate(value, label="轮训率", **overrides) -> tuple:
    return fact(**{"label": label, "unit": "%", "value": value} | overrides)


def disputes(found, resolved, **overrides) -> list[tuple]:
    return [
        fact(**{"indicator": "disputes_found", "label": "矛盾纠纷", "unit": "起", "value": found} | overrides),
        fact(**{"indicator": "disputes_resolved", "label": "化解", "unit": "起", "value": resolved} | overrides),
    ]


def income(value, village=None, label="村集体经济收入", **overrides) -> tuple:
    """A village's collective income (or a total, without village) from a spreadsheet."""
    defaults = {"indicator": "village_collective_income", "unit": "元", "source": "tables/新寨乡收入.xlsx#Sheet1", "start": None, "end": None}
    return fact(**defaults | {"value": value, "village": village, "label": label} | overrides)


def only(found: pd.DataFrame, rule: str) -> dict:
    """The one finding of ``rule``, as a dict."""
    mine = found[found["rule"] == rule]
    assert len(mine) == 1, mine.to_string()
    return mine.iloc[0].to_dict()


def clean_table() -> pd.DataFrame:
    """A table that breaks no rule, with something for every rule to look at."""
    return table(
        villages(10),
        villages(10, label="村", start=40, end=43),  # stated twice, the same
        band(3, 100_000, 200_000),
        band(2, 200_000, 500_000),
        band(5, 500_000, NAN),
        rate(100),
        rate(150, label="村集体经济收入同比增长"),
        *disputes(28, 27),
        fact(village="上庄村", label="修建卫生厕所", unit="处", value=1.0),
        fact(village="上庄", label="安装路灯", unit="盏", value=80.0),
        income(300_000, "上庄村"),
        income(200_000, "下庄村"),
        income(500_000, label="合计"),
        fact(year=2023, value=12.0),
        fact(label="开展学习", value=12.0, indicator=None),
        fact(value=5.0, upper=8.0, qualifier="range", text="5至8次"),
    )


# --- the whole table -------------------------------------------------------------------


def test_a_clean_table_has_no_findings():
    found = validate(clean_table(), gazetteer=XINZHAI_VILLAGES)
    assert found.empty, found.to_string()


def test_no_findings_still_have_the_findings_columns_and_dtypes():
    found = validate(table())
    assert list(found.columns) == ["rule", "severity", "township", "year", "message", "rows", "facts"]
    assert found.dtypes.astype(str).to_dict() == FINDING_DTYPES | {"facts": "string"}


def test_every_rule_on_an_empty_table_gives_an_empty_findings_table():
    empty = validate(table())
    for rule in (bands_do_not_sum, conflicting_values, rate_over_100, resolved_exceeds_found, schema, total_row_mismatch, village_not_in_gazetteer):
        assert_frame_equal(rule(table()), empty.drop(columns="facts"))


def test_validation_does_not_modify_the_table():
    facts = table(band(9, 0, NAN), villages(10), rate(120), *disputes(1, 2), fact(village="某某村"), income(1, "上庄村"), income(5, label="合计"))
    facts.index = range(100, 100 + len(facts))
    before = facts.copy(deep=True)
    validate(facts)
    for rule in (bands_do_not_sum, conflicting_values, rate_over_100, resolved_exceeds_found, schema, total_row_mismatch, village_not_in_gazetteer):
        rule(facts)
    assert_frame_equal(facts, before)


def test_findings_are_schema_first_then_by_severity_township_and_year():
    facts = table(
        villages(10, township="新寨乡", year=2024),
        band(9, 0, NAN, township="新寨乡", year=2024),
        rate(120, township="东沟乡", year=2023),
        rate(130, township="新寨乡", year=2022),
        villages(5, township="东沟乡", year=2024),
        band(4, 0, NAN, township="东沟乡", year=2024),
        fact(qualifier="about"),
    )
    found = validate(facts)
    assert found[["rule", "township", "year"]].values.tolist() == [
        ["schema", "新寨乡", 2024],
        ["rate_over_100", "东沟乡", 2023],
        ["rate_over_100", "新寨乡", 2022],
        ["bands_do_not_sum", "东沟乡", 2024],
        ["bands_do_not_sum", "新寨乡", 2024],
    ]
    assert found["severity"].tolist() == ["error", "error", "error", "warning", "warning"]


def test_findings_keeps_rule_order_and_validate_sorts():
    facts = table(villages(10), band(9, 0, NAN), rate(120))
    assert findings(facts)["rule"].tolist() == ["bands_do_not_sum", "rate_over_100"]
    assert validate(facts)["rule"].tolist() == ["rate_over_100", "bands_do_not_sum"]


def test_every_finding_names_a_known_rule_and_severity():
    facts = table(villages(10), band(9, 0, NAN), rate(120), *disputes(1, 2), fact(village="某某村"), fact(qualifier="about"))
    found = validate(facts)
    assert set(found["rule"]) <= set(RULES) and set(found["severity"]) <= set(SEVERITIES)
    assert {rule.severity for rule in RULES.values()} <= set(SEVERITIES)


def test_rows_are_positions_whatever_the_index():
    facts = table(fact(), rate(120))
    facts.index = ["a", "b"]
    assert only(validate(facts), "rate_over_100")["rows"] == "1"


# --- schema ----------------------------------------------------------------------------


def test_a_missing_column_is_reported_and_the_rules_on_the_numbers_are_skipped():
    facts = table(rate(120)).drop(columns="quote")
    found = validate(facts)
    assert found["rule"].tolist() == ["schema"]
    assert only(found, "schema")["message"] == "the facts table has no column 'quote'"
    assert only(found, "schema")["rows"] == ""


def test_an_extra_column_is_reported():
    found = schema(table(fact()).assign(note="x"))
    assert found["message"].tolist() == ["column 'note' is not a facts-table column"]


def test_columns_out_of_order_are_reported():
    facts = table(fact())
    found = schema(facts[["fact_id", "year", "township", *FACT_COLUMNS[3:]]])
    assert found["message"].str.contains("out of order").all() and len(found) >= 1
    assert "'year'" in found["message"].iloc[0]


@pytest.mark.parametrize(
    "column,dtype",
    [("township", object), ("year", "float64"), ("start", "float64"), ("value", "Int64")],
)
def test_a_column_with_another_dtype_is_reported(column, dtype):
    found = schema(table(fact()).astype({column: dtype}))
    assert found["message"].tolist() == [f"column '{column}' has dtype {pd.api.types.pandas_dtype(dtype)}, expected {FACT_DTYPES[column]}"]
    assert found["severity"].tolist() == ["error"]


def test_text_stored_in_python_rather_than_pyarrow_is_still_a_string_column():
    facts = table(fact())
    facts["label"] = facts["label"].astype(pd.StringDtype("python"))
    assert schema(facts).empty


def test_an_unknown_qualifier_is_reported_with_its_row():
    found = schema(table(fact(), fact(qualifier="about")))
    finding = only(found, "schema")
    assert (finding["severity"], finding["rows"], finding["township"], finding["year"]) == ("error", "1", "新寨乡", 2024)
    assert finding["message"].startswith("row 1: qualifier is 'about', not one of exact, more_than")


def test_a_missing_qualifier_is_reported():
    found = schema(table(fact(qualifier=None, upper=5.0)))
    assert found["message"].tolist() == [
        "row 0: qualifier is missing; every fact needs one",
        "row 0: upper is 5 but qualifier is missing; upper is for ranges only",
    ]


def test_upper_without_a_range_is_reported():
    finding = only(schema(table(fact(upper=20.0))), "schema")
    assert finding["message"] == "row 0: upper is 20 but qualifier is 'exact'; upper is for ranges only"


def test_a_range_without_upper_is_reported():
    finding = only(schema(table(fact(qualifier="range"))), "schema")
    assert finding["message"] == "row 0: qualifier is 'range' but upper is missing"


def test_a_range_whose_upper_is_below_its_value_is_reported():
    finding = only(schema(table(fact(qualifier="range", value=20.0, upper=10.0))), "schema")
    assert finding["message"] == "row 0: upper 10 is below value 20 in a range"


def test_a_bracket_whose_low_bound_is_above_its_high_bound_is_reported():
    finding = only(schema(table(fact(), band(3, 200_000, 100_000))), "schema")
    assert (finding["rows"], finding["message"]) == ("1", "row 1: band_low 200000 is above band_high 100000")


def test_an_open_bracket_is_fine():
    assert schema(table(band(3, 500_000, NAN), band(2, NAN, 50_000))).empty


def test_a_missing_value_is_reported():
    finding = only(schema(table(fact(value=NAN))), "schema")
    assert finding["message"] == "row 0: value is missing; every fact needs one"


def test_start_not_before_end_is_reported():
    finding = only(schema(table(fact(start=9, end=9))), "schema")
    assert finding["message"] == "row 0: start 9 is not before end 9"


def test_facts_from_tables_have_no_offsets_and_that_is_fine():
    assert schema(table(fact(start=None, end=None))).empty


@pytest.mark.parametrize("year", [1948, 2101])
def test_an_implausible_year_is_reported(year):
    finding = only(schema(table(fact(year=year))), "schema")
    assert finding["message"] == f"row 0: year is {year}, outside 1949–2100"


@pytest.mark.parametrize("year", [1949, 2100])
def test_the_years_at_the_ends_of_the_range_are_fine(year):
    assert schema(table(fact(year=year))).empty


@pytest.mark.parametrize("township,message", [("", "row 0: township is blank ('')"), (" ", "row 0: township is blank (' ')"), (None, "row 0: township is missing; every fact needs one")])
def test_a_fact_without_a_township_is_reported(township, message):
    assert schema(table(fact(township=township)))["message"].tolist() == [message]


def test_each_schema_failure_is_one_finding():
    found = schema(table(fact(qualifier="about", year=1900), fact(), fact(value=NAN)))
    assert found["rows"].tolist() == ["0", "0", "2"]
    assert found["message"].str.contains("year|qualifier|value").all()


# --- bands_do_not_sum ------------------------------------------------------------------


def test_brackets_that_do_not_sum_to_the_village_total_are_reported():
    facts = table(villages(10), band(3, 100_000, 200_000), band(1, 200_000, 300_000), band(5, 500_000, NAN))
    finding = only(validate(facts), "bands_do_not_sum")
    assert finding["severity"] == "warning" and finding["rows"] == "0,1,2,3"
    assert finding["message"] == "2024 新寨乡: income brackets count 9 villages but the report states 10 villages"


def test_a_village_total_stated_twice_with_the_same_value_is_fine():
    facts = table(villages(10), band(4, 0, 200_000), band(6, 200_000, NAN), villages(10, label="村"))
    assert bands_do_not_sum(facts).empty


def test_brackets_are_summed_per_township_and_year():
    facts = table(villages(10), band(10, 0, NAN), villages(8, year=2023), band(7, 0, NAN, year=2023), villages(8, township="东沟乡"), band(8, 0, NAN, township="东沟乡"))
    finding = only(bands_do_not_sum(facts), "bands_do_not_sum")
    assert (finding["year"], finding["rows"]) == (2023, "2,3")
    assert "count 7 villages" in finding["message"] and "states 8 villages" in finding["message"]


def test_brackets_without_a_village_total_are_not_checked():
    assert bands_do_not_sum(table(band(3, 0, NAN))).empty


# --- rate_over_100 ---------------------------------------------------------------------


def test_a_rate_over_100_is_an_error():
    finding = only(validate(table(fact(), rate(120))), "rate_over_100")
    assert (finding["severity"], finding["rows"]) == ("error", "1")
    assert finding["message"] == "2024 新寨乡: 轮训率 is 120% (row 1); a share cannot exceed 100%"


def test_a_range_whose_upper_is_over_100_is_reported():
    finding = only(rate_over_100(table(rate(90, upper=110.0, qualifier="range"))), "rate_over_100")
    assert "90–110%" in finding["message"]


@pytest.mark.parametrize("label", ["村集体经济收入同比增长", "增幅", "收入提高", "人数上升"])
def test_growth_rate_over_100_is_not_a_finding(label):
    assert rate_over_100(table(rate(120, label=label))).empty


def test_a_count_over_100_is_not_a_rate():
    assert rate_over_100(table(fact(value=300.0, unit="项"))).empty


# --- resolved_exceeds_found ------------------------------------------------------------


def test_more_disputes_resolved_than_found_is_reported():
    finding = only(validate(table(fact(), *disputes(25, 27))), "resolved_exceeds_found")
    assert (finding["severity"], finding["rows"]) == ("warning", "1,2")
    assert finding["message"] == "2024 新寨乡: 27 disputes resolved but only 25 found"


def test_all_disputes_resolved_is_fine():
    assert resolved_exceeds_found(table(*disputes(28, 28))).empty


def test_disputes_of_different_years_are_not_compared():
    found_2024, _ = disputes(10, 9)
    _, resolved_2023 = disputes(30, 28, year=2023)
    assert resolved_exceeds_found(table(found_2024, resolved_2023)).empty


def test_disputes_of_one_village_are_compared_with_that_village_only():
    facts = table(*disputes(28, 20), *disputes(3, 5, village="上庄村"))
    finding = only(resolved_exceeds_found(facts), "resolved_exceeds_found")
    assert finding["rows"] == "2,3" and finding["message"] == "2024 新寨乡 上庄村: 5 disputes resolved but only 3 found"


# --- village_not_in_gazetteer ----------------------------------------------------------


def test_a_village_the_laxiwa_gazetteer_does_not_know_is_a_warning():
    facts = table(
        fact(township="拉西瓦镇", village="叶后浪村"),
        fact(township="拉西瓦镇", village="尼那"),  # an alias
        fact(township="拉西瓦镇", village="上庄村"),
        fact(township="拉西瓦镇", village="上庄村", value=3.0),
    )
    finding = only(validate(facts), "village_not_in_gazetteer")
    assert (finding["severity"], finding["township"], finding["year"], finding["rows"]) == ("warning", "拉西瓦镇", 2024, "2,3")
    assert finding["message"].startswith("2024 拉西瓦镇: 上庄村 is not in the gazetteer of 拉西瓦镇")
    assert "references/villages.csv" in finding["message"]


def test_a_township_without_a_gazetteer_gets_one_info_finding():
    facts = table(fact(village="上庄村"), fact(village="下庄村"), fact(village="上庄村", year=2023), fact())
    finding = only(validate(facts), "village_not_in_gazetteer")
    assert (finding["severity"], finding["township"], finding["rows"]) == ("info", "新寨乡", "0,1,2")
    assert pd.isna(finding["year"])
    assert "2 village name(s) (上庄村, 下庄村)" in finding["message"] and "references/villages.csv" in finding["message"]


def test_a_township_of_many_unknown_villages_names_ten_and_counts_the_rest():
    facts = table(*(fact(village=f"示例{n:05d}村") for n in range(50_000)))
    finding = only(validate(facts), "village_not_in_gazetteer")
    assert "50,000 village name(s) (示例00000村, 示例00001村," in finding["message"]
    assert finding["message"].count("村") < 20 and "示例00009村 … and 49,990 more)" in finding["message"]


def test_a_gazetteer_can_be_given():
    facts = table(fact(village="上庄"), fact(village="中庄村"))
    finding = only(village_not_in_gazetteer(facts, gazetteer=pd.DataFrame(XINZHAI_VILLAGES)), "village_not_in_gazetteer")
    assert (finding["severity"], finding["rows"]) == ("warning", "1")
    assert "中庄村 is not in the gazetteer of 新寨乡 (3 names known)" in finding["message"]


def test_township_level_facts_name_no_village_and_are_not_checked():
    assert village_not_in_gazetteer(table(fact(township="拉西瓦镇"))).empty


# --- total_row_mismatch ----------------------------------------------------------------


def test_a_total_row_that_differs_from_its_village_rows_is_reported():
    facts = table(income(300_000, "上庄村"), income(200_000, "下庄村"), income(600_000, label="合计"))
    finding = only(validate(facts, gazetteer=XINZHAI_VILLAGES), "total_row_mismatch")
    assert (finding["severity"], finding["rows"]) == ("warning", "0,1,2")
    assert finding["message"] == (
        "2024 新寨乡, tables/新寨乡收入.xlsx: the total row 合计 gives 600000 元 for village_collective_income "
        "but its 2 village rows add up to 500000 元"
    )


@pytest.mark.parametrize("total", [502_500, 497_600, 500_001])
def test_a_total_within_half_a_percent_or_one_yuan_is_fine(total):
    facts = table(income(300_000, "上庄村"), income(200_000, "下庄村"), income(total, label="总计"))
    assert total_row_mismatch(facts).empty


def test_a_small_count_total_off_by_one_is_reported():
    rows = [
        fact(indicator="public_toilets_built", unit="处", value=v, village=name, source=f"t.xlsx#Sheet1!B{r}")
        for r, (v, name) in enumerate([(2.0, "上庄村"), (3.0, "下庄村")], 2)
    ]
    facts = table(*rows, fact(indicator="public_toilets_built", unit="处", value=6.0, label="总计", source="t.xlsx#Sheet1!B4"))
    assert only(total_row_mismatch(facts), "total_row_mismatch")["rows"] == "0,1,2"


def test_village_rows_of_another_file_indicator_or_year_are_not_added():
    facts = table(
        income(300_000, "上庄村"),
        income(999_999, "下庄村", source="tables/其他.xlsx#Sheet1"),
        income(999_999, "下庄村", year=2023),
        income(999_999, "下庄村", indicator="project_investment"),
        income(300_000, label="合计"),
    )
    assert total_row_mismatch(facts).empty


def test_a_workbook_with_a_sheet_per_half_year_gets_no_false_warning():
    facts = table(
        income(300_000, "上庄村", source="tables/新寨乡收入.xlsx#上半年!B3"),
        income(200_000, "下庄村", source="tables/新寨乡收入.xlsx#上半年!B4"),
        income(500_000, label="合计", source="tables/新寨乡收入.xlsx#上半年!B5"),
        income(400_000, "上庄村", source="tables/新寨乡收入.xlsx#下半年!B3"),
        income(100_000, "下庄村", source="tables/新寨乡收入.xlsx#下半年!B4"),
        income(500_000, label="合计", source="tables/新寨乡收入.xlsx#下半年!B5"),
    )
    assert total_row_mismatch(facts).empty
    assert table_totals(facts)["matches"].tolist() == [True, True]
    rows = list(facts.drop(columns="fact_id").itertuples(index=False))
    broken = table(*rows[:5], income(600_000, label="合计", source="tables/新寨乡收入.xlsx#下半年!B5"))
    assert "(下半年)" in only(total_row_mismatch(broken), "total_row_mismatch")["message"]


def test_a_total_without_village_rows_is_not_checked():
    assert total_row_mismatch(table(income(300_000, label="合计"))).empty


# --- conflicting_values ----------------------------------------------------------------


def test_the_same_statistic_with_different_values_is_a_warning():
    facts = table(villages(10), fact(), villages(11, label="村"))
    finding = only(validate(facts), "conflicting_values")
    assert (finding["severity"], finding["rows"]) == ("warning", "0,2")
    assert finding["message"] == "2024 新寨乡: village_count is stated with different values: 10 (row 0), 11 (row 2)"


def test_the_same_bracket_with_different_counts_conflicts():
    facts = table(band(3, 100_000, 200_000), band(4, 100_000, 200_000), band(4, 200_000, NAN))
    finding = only(conflicting_values(facts), "conflicting_values")
    assert finding["rows"] == "0,1" and "in bracket 10万–20万" in finding["message"]


def test_a_village_and_the_township_may_differ():
    facts = table(fact(indicator="public_toilets_built", value=1.0), fact(indicator="public_toilets_built", value=3.0, village="上庄村"))
    assert conflicting_values(facts).empty


def test_a_village_stated_twice_with_different_values_conflicts():
    facts = table(*[fact(indicator="public_toilets_built", value=v, village="上庄村") for v in (1.0, 3.0)])
    assert "public_toilets_built of 上庄村" in only(conflicting_values(facts), "conflicting_values")["message"]


def test_facts_without_an_indicator_are_not_compared():
    assert conflicting_values(table(fact(value=1.0), fact(value=2.0))).empty


def test_different_years_do_not_conflict():
    assert conflicting_values(table(villages(10), villages(11, year=2023))).empty


def test_investments_that_add_up_are_not_a_conflict():
    rows = [fact(indicator="project_investment", village="上庄村", value=v, unit="元") for v in (200000.0, 400000.0)]
    assert conflicting_values(as_facts(rows)).empty
