"""Statistical tables (CSV, XLSX) read into the facts table, quirks of real spreadsheets included.

Every township, village and figure here is made up (新寨乡, 上庄村 …), except where the
拉西瓦镇 gazetteer is the point of the test.
"""

import csv
import io
import subprocess
import sys
import zipfile

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from conftest import ROOT
from lxw_analysis import FACT_COLUMNS, LxwError
from lxw_analysis.errors import LxwWarning
from lxw_analysis.facts import FACT_DTYPES
from lxw_analysis.tables import read_table, read_tables
from lxw_analysis.validate import table_total_mismatches, table_totals

FIXTURES = ROOT / "tests" / "fixtures" / "madeup_tables"
TITLE = "新寨乡2024年各村集体经济收入统计表"
WIDE = [
    [TITLE],
    ["序号", "村名", "2023年收入（万元）", "2024年收入（万元）"],
    ["1", "上庄村", "12.5", "15"],
    ["2", "下庄村", "8", "9.5"],
    ["合计", "", "20.5", "24.5"],
]


def write_csv(folder, rows, name="madeup_table.csv", encoding="utf-8"):
    """A CSV file of ``rows`` (lists of cell texts) in ``folder``."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(folder, sheets, name="madeup_table.xlsx", merge_title=True, formats=None):
    """A workbook with one sheet per ``sheets`` item (name → rows); a one-cell first row is merged as a title."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append([None if cell == "" else cell for cell in row])
        if merge_title and rows and len(rows[0]) == 1 and len(rows) > 1:
            sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[1]))
        for address, number_format in (formats or {}).items():
            sheet[address].number_format = number_format
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def table(rows, tmp_path, kind="csv", **options):
    """The facts of ``rows`` written as a CSV or an XLSX file."""
    path = write_csv(tmp_path, rows) if kind == "csv" else write_xlsx(tmp_path, {"Sheet1": rows})
    return read_table(path, **options)


def by_village(facts, year=None):
    """{village: value} of the village rows (of one year)."""
    rows = facts[facts["village"].notna() & ((facts["year"] == year) if year else True)]
    return dict(zip(rows["village"], rows["value"]))


both_kinds = pytest.mark.parametrize("kind", ["csv", "xlsx"])


# --- layout of the sheet ----------------------------------------------------------------------


@both_kinds
def test_title_row_above_header_is_skipped(tmp_path, kind):
    facts = table(WIDE, tmp_path, kind)
    assert TITLE not in set(facts["village"].dropna())
    assert by_village(facts, 2024) == {"上庄村": 150_000, "下庄村": 95_000}


@both_kinds
def test_several_title_rows_and_a_unit_row_above_the_header(tmp_path, kind):
    rows = [["新寨乡各村集体经济收入统计表"], ["", "", "单位：万元"], ["村名", "2024年收入"], ["上庄村", "3"]]
    facts = table(rows, tmp_path, kind)
    assert facts[["township", "year", "value", "unit"]].values.tolist() == [["新寨乡", 2024, 30_000, "元"]]


@pytest.mark.parametrize("header", ["村名", "村", "村庄", "行政村", "村名称", "单位", "名称", "村 名", "村　名"])
def test_village_column_is_found_by_its_header(tmp_path, header):
    facts = table([[TITLE], [header, "收入（元）"], ["上庄村", "100"]], tmp_path)
    assert by_village(facts) == {"上庄村": 100}


@both_kinds
def test_title_gives_township_and_year(tmp_path, kind):
    facts = table([["东沟镇2022年村级收入统计"], ["村名", "收入（元）"], ["河口村", "100"]], tmp_path, kind)
    assert facts[["township", "year"]].values.tolist() == [["东沟镇", 2022]]


def test_columns_that_only_describe_the_row_are_not_read(tmp_path):
    rows = [[TITLE], ["序号", "村名", "负责人", "收入（元）", "备注"], ["1", "上庄村", "张某某", "100", "已核实"]]
    facts = table(rows, tmp_path)
    assert facts["label"].tolist() == ["收入（元）"]


def test_notes_below_the_table_are_not_villages(tmp_path):
    rows = [[TITLE], ["村名", "收入（元）"], ["上庄村", "100"], ["注：数据由各村上报", ""], ["填表人：某某", ""]]
    assert by_village(table(rows, tmp_path)) == {"上庄村": 100}


def test_every_sheet_with_a_header_is_read_and_named_in_section(tmp_path):
    sheets = {
        "说明": [["本表为虚构示例"]],
        "2023": [["村名", "收入（元）"], ["上庄村", 10]],
        "2024": [["村名", "收入（元）"], ["上庄村", 20]],
    }
    facts = read_table(write_xlsx(tmp_path, sheets, merge_title=False), township="新寨乡")
    assert facts[["section", "year", "value"]].values.tolist() == [["2023", 2023, 10], ["2024", 2024, 20]]


def test_tab_separated_csv_is_read(tmp_path):
    path = tmp_path / "madeup_tabs.csv"
    path.write_text(f"{TITLE}\n村名\t收入（元）\n上庄村\t1,500\n", encoding="utf-8")
    assert by_village(read_table(path)) == {"上庄村": 1500}


# --- units and years ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "header,cell,value,unit",
    [
        ("收入（万元）", "12.5", 125_000, "元"),
        ("收入(万元)", "12.5", 125_000, "元"),
        ("收入（万元)", "12.5", 125_000, "元"),
        ("收入【万元】", "12.5", 125_000, "元"),
        ("收入（单位：万元）", "12.5", 125_000, "元"),
        ("金额(元)", "1500", 1500, "元"),
        ("2024年（元）", "1500", 1500, "元"),
        ("收入（亿元）", "1.2", 120_000_000, "元"),
        ("户数（户）", "35", 35, "户"),
        ("党员（名）", "12", 12, "人"),
        ("村民小组（个）", "4", 4, "个"),
        ("覆盖率（%）", "98.5", 98.5, "%"),
        ("覆盖率%", "98.5", 98.5, "%"),
        ("人均收入（元/人）", "8000", 8000, "元/人"),
    ],
)
def test_wan_yuan_header_converts_to_yuan(tmp_path, header, cell, value, unit):
    facts = table([[TITLE], ["村名", header], ["上庄村", cell]], tmp_path)
    assert facts[["value", "unit", "label"]].values.tolist() == [[pytest.approx(value), unit, header]]


def test_percent_formatted_xlsx_cell_is_kept_as_0_to_100(tmp_path):
    rows = [[TITLE], ["村名", "覆盖率（%）"], ["上庄村", 0.985]]
    path = write_xlsx(tmp_path, {"Sheet1": rows}, formats={"B3": "0.0%"})
    facts = read_table(path)
    assert facts[["value", "unit", "text"]].values.tolist() == [[98.5, "%", "98.5%"]]


@both_kinds
def test_wide_year_columns_become_long(tmp_path, kind):
    facts = table(WIDE, tmp_path, kind)
    villages = facts[facts["village"].notna()]
    assert villages[["village", "year", "value"]].values.tolist() == [
        ["上庄村", 2023, 125_000],
        ["上庄村", 2024, 150_000],
        ["下庄村", 2023, 80_000],
        ["下庄村", 2024, 95_000],
    ]


def test_year_column_of_a_long_table_gives_each_row_its_year(tmp_path):
    rows = [["新寨乡各村收入统计表"], ["村名", "年份", "收入（元）"], ["上庄村", "2023", "10"], ["上庄村", "2024年", "20"]]
    assert table(rows, tmp_path)[["year", "value"]].values.tolist() == [[2023, 10], [2024, 20]]


@pytest.mark.parametrize(
    "title,name,year,expected",
    [
        ("新寨乡各村收入统计表", "madeup_table.csv", 2021, 2021),  # the argument
        ("新寨乡各村收入统计表", "2022_madeup_villages.csv", None, 2022),  # the file's name
        ("新寨乡2020年各村收入统计表", "madeup_table.csv", None, 2020),  # the title
        ("新寨乡2020年各村收入统计表", "2022_madeup_villages.csv", None, 2022),  # the name before the title
    ],
)
def test_one_value_column_takes_its_year_from_argument_path_or_title(tmp_path, title, name, year, expected):
    path = write_csv(tmp_path, [[title], ["村名", "收入（元）"], ["上庄村", "100"]], name=name)
    assert read_table(path, year=year)["year"].tolist() == [expected]


def test_year_argument_is_the_year_of_a_header_that_names_none(tmp_path):
    facts = table([[TITLE], ["村名", "收入（元）"], ["上庄村", "100"]], tmp_path, year=2025)
    assert facts["year"].tolist() == [2025]


def test_township_argument_wins_over_folder_and_title(tmp_path):
    folder = tmp_path / "data" / "raw" / "东沟镇"
    path = write_csv(folder, WIDE)
    assert set(read_table(path)["township"]) == {"东沟镇"}
    assert set(read_table(path, township="河湾乡")["township"]) == {"河湾乡"}


# --- cells ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell,value",
    [
        ("１２．５", 12.5),
        ("1,500", 1500),
        ("１，５００", 1500),
        ("1 500", 1500),
        ("十二", 12),
        ("一百二十", 120),
        (" 15 ", 15),
        ("-3", -3),
        ("0", 0),
        ("1500元", 1500),
        ("1.2万元", 12_000),
    ],
)
def test_written_numbers_are_read(tmp_path, cell, value):
    facts = table([[TITLE], ["村名", "收入（元）"], ["上庄村", cell]], tmp_path)
    assert facts[["value", "text"]].values.tolist() == [[value, cell.strip()]]


@pytest.mark.parametrize("cell", ["—", "——", "-", "－", "/", "／", "无", "", "  ", "NA", "n/a"])
@both_kinds
def test_missing_cells_give_no_row_not_zero(tmp_path, cell, kind):
    facts = table([[TITLE], ["村名", "收入（元）"], ["上庄村", cell], ["下庄村", "0"]], tmp_path, kind)
    assert by_village(facts) == {"下庄村": 0}


def test_numbers_stored_in_xlsx_keep_their_written_text(tmp_path):
    rows = [[TITLE], ["村名", "收入（万元）"], ["上庄村", 12.5], ["下庄村", 3]]
    facts = read_table(write_xlsx(tmp_path, {"Sheet1": rows}))
    assert facts[["text", "value"]].values.tolist() == [["12.5", 125_000], ["3", 30_000]]


# --- total rows -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "total_row",
    [["合计", "", "20.5"], ["", "合计", "20.5"], ["", "合 计", "20.5"], ["", "总计", "20.5"], ["", "全乡合计", "20.5"]],
)
def test_total_row_is_a_fact_without_village_labelled_total(tmp_path, total_row):
    rows = [[TITLE], ["序号", "村名", "收入（万元）"], ["1", "上庄村", "12.5"], ["2", "下庄村", "8"], total_row]
    facts = table(rows, tmp_path)
    total = facts[facts["village"].isna()]
    assert total[["label", "value"]].values.tolist() == [["合计 收入（万元）", 205_000]]
    assert facts["village"].dropna().tolist() == ["上庄村", "下庄村"]


@both_kinds
def test_table_totals_compare_the_total_row_with_the_village_sum(tmp_path, kind):
    rows = [*WIDE[:-1], ["合计", "", "20.5", "30"]]
    totals = table_totals(table(rows, tmp_path, kind))
    assert totals[["year", "total", "village_sum", "villages", "matches"]].values.tolist() == [
        [2023, 205_000, 205_000, 2, True],
        [2024, 300_000, 245_000, 2, False],
    ]
    mismatches = table_total_mismatches(table(rows, tmp_path, kind))
    assert mismatches["year"].tolist() == [2024] and mismatches["indicator"].tolist() == ["village_collective_income"]


@pytest.mark.parametrize(
    "villages,total,matches",
    [
        (["600000", "400000"], "1000000", True),
        (["600000", "400000"], "1004000", True),  # within 0.5%
        (["600000", "400000"], "1006000", False),
        (["60", "40"], "101", True),  # within 1 元
        (["60", "40"], "102", False),
    ],
)
def test_totals_agree_within_half_a_percent_or_one_yuan(tmp_path, villages, total, matches):
    rows = [[TITLE], ["村名", "收入（元）"], ["上庄村", villages[0]], ["下庄村", villages[1]], ["合计", total]]
    assert table_totals(table(rows, tmp_path))["matches"].tolist() == [matches]


def test_table_without_total_row_has_nothing_to_compare(tmp_path):
    assert table_totals(table(WIDE[:-1], tmp_path)).empty


# --- villages and indicators ------------------------------------------------------------------


def test_known_village_gets_its_gazetteer_name(tmp_path):
    rows = [["拉西瓦镇各村集体经济收入统计表"], ["村名", "2024年收入（万元）"], ["叶后浪", "25"], ["多拉村委会", "30"]]
    assert by_village(table(rows, tmp_path)) == {"叶后浪村": 250_000, "多拉村": 300_000}


def test_unknown_village_is_kept_as_written(tmp_path):
    rows = [["拉西瓦镇各村集体经济收入统计表"], ["村名", "2024年收入（万元）"], ["新建村", "5"]]
    assert by_village(table(rows, tmp_path)) == {"新建村": 50_000}


@pytest.mark.parametrize(
    "title,header,indicator",
    [
        (TITLE, "2024年收入（万元）", "village_collective_income"),
        (TITLE, "村集体经济收入（万元）", "village_collective_income"),
        (TITLE, "集体经济收入(元)", "village_collective_income"),
        ("新寨乡2024年各村集体经济收入统计表", "金额（万元）", "village_collective_income"),
        ("新寨乡2024年各村集体经济收入统计表", "2024年（元）", "village_collective_income"),
        ("新寨乡2024年各村统计表", "谷仓数（座）", None),
    ],
)
def test_indicator_comes_from_the_header_words_or_the_title(tmp_path, title, header, indicator):
    facts = table([[title], ["村名", header], ["上庄村", "5"]], tmp_path)
    assert facts["indicator"].tolist() == [indicator if indicator else pd.NA]


# --- the facts-table contract -----------------------------------------------------------------


def test_xlsx_rows_fill_every_column_of_the_facts_table(tmp_path):
    path = write_xlsx(tmp_path / "data" / "raw" / "新寨乡", {"村级收入": WIDE}, name="2024_villages.xlsx")
    facts = read_table(path, data_dir=tmp_path / "data")
    assert list(facts.columns) == FACT_COLUMNS and facts.dtypes.astype(str).to_dict() == FACT_DTYPES
    first = facts.iloc[0]
    assert first["township"] == "新寨乡" and first["section"] == "村级收入"
    assert first["label"] == "2023年收入（万元）" and first["qualifier"] == "exact" and first["text"] == "12.5"
    assert first["quote"] == "1 | 上庄村 | 12.5 | 15"
    assert first["source"] == "raw/新寨乡/2024_villages.xlsx#村级收入!C3"
    assert facts[["upper", "band_low", "band_high", "start", "end"]].isna().all().all()


def test_slug_folder_gives_the_laxiwa_township_and_its_gazetteer(tmp_path):
    rows = [["各村集体经济收入统计表"], ["村名", "收入（万元）"], ["叶后浪", "25"], ["仍果村", "12"]]
    path = write_xlsx(tmp_path / "data" / "raw" / "laxiwa", {"Sheet1": rows}, name="2024_villages.xlsx")
    facts = read_table(path, data_dir=tmp_path / "data")
    assert facts[["township", "year", "village"]].values.tolist() == [["拉西瓦镇", 2024, "叶后浪村"], ["拉西瓦镇", 2024, "仍果村"]]
    assert facts["source"].tolist() == ["raw/laxiwa/2024_villages.xlsx#Sheet1!B3", "raw/laxiwa/2024_villages.xlsx#Sheet1!B4"]


def test_csv_source_names_row_and_column_as_excel_numbers_them(tmp_path):
    facts = read_table(write_csv(tmp_path / "data" / "raw" / "新寨乡", WIDE), data_dir=tmp_path / "data")
    assert facts["source"].tolist()[:2] == ["raw/新寨乡/madeup_table.csv#R3C3", "raw/新寨乡/madeup_table.csv#R3C4"]
    assert set(facts["section"]) == {""}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_gb18030_csv_reads_like_utf8(tmp_path, encoding):
    utf8 = read_table(write_csv(tmp_path, WIDE, name="madeup_a.csv"))
    other = read_table(write_csv(tmp_path, WIDE, name="madeup_b.csv", encoding=encoding))
    pd.testing.assert_frame_equal(utf8.drop(columns=["fact_id", "source"]), other.drop(columns=["fact_id", "source"]))


def test_fixture_file_reads(tmp_path):
    facts = read_table(FIXTURES / "madeup_xinzhai_villages.csv")
    assert set(facts["township"]) == {"新寨乡"} and set(facts["year"]) == {2023, 2024}
    assert table_total_mismatches(facts).empty


def test_large_table_is_read_whole(tmp_path):
    rows = [[TITLE], ["村名", "2023年收入（元）", "2024年收入（元）"]]
    rows += [[f"上庄{i}村", str(i), "—" if i % 10 == 0 else str(i + 1)] for i in range(20_000)]
    facts = table(rows, tmp_path)
    assert len(facts) == 20_000 + 18_000 and facts["value"].sum() == sum(range(20_000)) + sum(
        i + 1 for i in range(20_000) if i % 10
    )


def test_several_tables_in_one_facts_table(tmp_path):
    a = write_csv(tmp_path, WIDE, name="madeup_a.csv")
    b = write_xlsx(tmp_path, {"Sheet1": WIDE}, name="madeup_b.xlsx")
    assert len(read_tables([a, b])) == 2 * len(read_table(a))


# --- bad input --------------------------------------------------------------------------------


def _error(path, **options) -> str:
    with pytest.raises(LxwError) as caught:
        read_table(path, **options)
    message = str(caught.value)
    assert str(path) in message and "\n" not in message
    return message


@pytest.mark.parametrize("name", ["madeup_empty.csv", "madeup_empty.xlsx"])
def test_empty_file_is_refused(tmp_path, name):
    (tmp_path / name).write_bytes(b"")
    assert "empty" in _error(tmp_path / name)


@both_kinds
def test_table_without_a_village_header_is_refused(tmp_path, kind):
    rows = [["项目", "金额"], ["道路", "100"]]
    path = write_csv(tmp_path, rows) if kind == "csv" else write_xlsx(tmp_path, {"Sheet1": rows})
    assert "no header row found" in _error(path) and "村名" in _error(path)


def test_ragged_csv_row_names_its_line(tmp_path):
    path = tmp_path / "madeup_ragged.csv"
    path.write_text(f"{TITLE}\n村名,收入（元）\n上庄村,100\n下庄村,1,500\n", encoding="utf-8")
    message = _error(path)
    assert "row 4" in message and '"1,500"' in message


def test_trailing_empty_cells_are_not_ragged(tmp_path):
    path = tmp_path / "madeup_padded.csv"
    path.write_text(f"{TITLE},,,\n村名,收入（元）,,\n上庄村,100,,\n", encoding="utf-8")
    assert by_village(read_table(path)) == {"上庄村": 100}


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_cell_that_is_not_a_number_is_named(tmp_path, kind):
    rows = [[TITLE], ["村名", "收入（元）"], ["上庄村", "100"], ["下庄村", "约十几万"]]
    path = write_csv(tmp_path, rows) if kind == "csv" else write_xlsx(tmp_path, {"收入": rows})
    message = _error(path)
    assert "约十几万" in message and "B4" in message and "收入（元）" in message


def test_corrupt_xlsx_is_refused(tmp_path):
    good = write_xlsx(tmp_path, {"Sheet1": WIDE}).read_bytes()
    path = tmp_path / "madeup_truncated.xlsx"
    path.write_bytes(good[: len(good) // 2])
    assert "cannot be read as an Excel workbook" in _error(path)


def test_xlsx_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "madeup_renamed.xlsx"
    path.write_text("村名,收入\n上庄村,1\n", encoding="utf-8")
    assert "not a zip archive" in _error(path)


def test_password_protected_xlsx_is_refused(tmp_path):
    path = tmp_path / "madeup_locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le"))
    assert "password" in _error(path)


def test_workbook_saved_as_csv_is_refused(tmp_path):
    path = tmp_path / "madeup_workbook.csv"
    path.write_bytes(write_xlsx(tmp_path, {"Sheet1": WIDE}).read_bytes())
    assert "Excel workbook" in _error(path)


def test_unsupported_file_type_is_refused(tmp_path):
    path = tmp_path / "madeup_old.xls"
    path.write_bytes(b"x")
    assert ".xlsx" in _error(path)


def test_missing_township_asks_for_the_flag(tmp_path):
    path = write_csv(tmp_path, [["村名", "2024年收入（元）"], ["上庄村", "1"]])
    assert "--township" in _error(path)


def test_missing_year_names_the_column_and_asks_for_the_flag(tmp_path):
    path = write_csv(tmp_path, [["村名", "收入（元）"], ["上庄村", "1"]])
    message = _error(path, township="新寨乡")
    assert "--year" in message and "收入（元）" in message


def test_reading_writes_nothing(tmp_path):
    path = write_csv(tmp_path, WIDE)
    before = sorted(tmp_path.rglob("*"))
    read_table(path)
    with pytest.raises(LxwError):
        read_table(write_csv(tmp_path, [["x"]], name="madeup_bad.csv"))
    assert sorted(tmp_path.rglob("*")) == sorted([*before, tmp_path / "madeup_bad.csv"])


# --- any input: a facts table or a clear error ---------------------------------------------


def _facts_or_lxw_error(path):
    try:
        facts = read_table(path, township="新寨乡", year=2024)
    except LxwError as err:
        assert str(path) in str(err)
    else:
        assert list(facts.columns) == FACT_COLUMNS


_PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_PROPERTY
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_any_bytes_give_a_facts_table_or_a_clear_error(tmp_path, data, suffix):
    path = tmp_path / f"madeup_any{suffix}"
    path.write_bytes(data)
    _facts_or_lxw_error(path)


@_PROPERTY
@given(cells=st.lists(st.lists(st.text(max_size=8), min_size=1, max_size=4), max_size=6))
def test_any_cells_below_a_header_give_a_facts_table_or_a_clear_error(tmp_path, cells):
    rows = [[TITLE], ["村名", "2023年收入（万元）", "2024年收入（万元）"], *cells]
    path = tmp_path / "madeup_cells.csv"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    _facts_or_lxw_error(path)


_GOOD_XLSX = io.BytesIO()
Workbook().save(_GOOD_XLSX)


@_PROPERTY
@given(position=st.integers(min_value=0), byte=st.integers(0, 255), cut=st.booleans())
def test_damaged_workbook_gives_a_facts_table_or_a_clear_error(tmp_path, position, byte, cut):
    data = bytearray(_GOOD_XLSX.getvalue())
    position %= len(data)
    data = data[:position] if cut else data[:position] + bytes([byte]) + data[position + 1 :]
    path = tmp_path / "madeup_damaged.xlsx"
    path.write_bytes(bytes(data))
    _facts_or_lxw_error(path)


def test_damaged_sheet_inside_a_valid_archive_gives_a_clear_error(tmp_path):
    good = write_xlsx(tmp_path, {"Sheet1": WIDE})
    path = tmp_path / "madeup_bad_sheet.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[:-40] if item.filename.endswith("sheet1.xml") else data)
    assert "cannot be read as an Excel workbook" in _error(path)


# --- lxw ingest -------------------------------------------------------------------------------


def lxw(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "lxw_analysis", *map(str, args)], capture_output=True, text=True, cwd=cwd
    )


def test_ingest_writes_the_facts_table_as_csv_with_bom(tmp_path):
    xlsx = write_xlsx(tmp_path, {"Sheet1": WIDE})
    out = tmp_path / "facts.csv"
    result = lxw("ingest", FIXTURES / "madeup_xinzhai_villages.csv", xlsx, "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert list(df.columns) == FACT_COLUMNS
    assert len(df) == len(read_table(FIXTURES / "madeup_xinzhai_villages.csv")) + len(read_table(xlsx))


def test_ingest_writes_parquet_when_the_output_ends_in_parquet(tmp_path):
    out = tmp_path / "facts.parquet"
    result = lxw("ingest", FIXTURES / "madeup_xinzhai_villages.csv", "-o", out)
    assert result.returncode == 0, result.stderr
    pd.testing.assert_frame_equal(pd.read_parquet(out), read_table(FIXTURES / "madeup_xinzhai_villages.csv"))


def test_ingest_to_standard_output_with_flags(tmp_path):
    result = lxw("ingest", write_csv(tmp_path, [["村名", "收入（万元）"], ["上庄村", "12"]]), "--year", "2022", "--township", "河湾乡")
    assert result.returncode == 0, result.stderr
    df = pd.read_csv(io.StringIO(result.stdout.lstrip("\ufeff")))
    assert list(df.columns) == FACT_COLUMNS and set(df["year"]) == {2022} and set(df["township"]) == {"河湾乡"}


def test_ingest_error_names_the_file_without_a_traceback(tmp_path):
    path = write_csv(tmp_path, [[TITLE], ["村名", "收入（元）"], ["上庄村", "很多"]])
    result = lxw("ingest", path, "-o", tmp_path / "out.csv")
    assert result.returncode == 2
    assert str(path) in result.stderr and "很多" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out.csv").exists()


# --- a given year fills, never overrides ---------------------------------------------------------


def test_a_given_year_is_the_year_only_of_columns_that_name_none(tmp_path):
    path = tmp_path / "madeup_two_years.csv"
    path.write_text("村名,2023年收入（万元）,2024年收入（万元）,收入（万元）\n上庄村,10,12,13\n", encoding="utf-8")
    with pytest.warns(LxwWarning, match=r"column C \(2024年收入（万元）\) names the year 2024, not 2023 as given"):
        facts = read_table(path, township="新寨乡", year=2023)
    assert sorted(zip(facts["label"], facts["year"])) == [
        ("2023年收入（万元）", 2023), ("2024年收入（万元）", 2024), ("收入（万元）", 2023),
    ]  # fmt: skip


def test_a_given_year_that_a_year_column_contradicts_warns_once_and_keeps_the_rows_years(tmp_path):
    path = tmp_path / "madeup_long.csv"
    path.write_text("村名,年份,收入（万元）\n上庄村,2023,10\n上庄村,2024,12\n下庄村,2024,6\n", encoding="utf-8")
    with pytest.warns(LxwWarning) as caught:
        facts = read_table(path, township="新寨乡", year=2023)
    assert facts["year"].tolist() == [2023, 2024, 2024]
    assert len({str(w.message) for w in caught}) == 1 and "the year column (B) names the year 2024" in str(caught[0].message)


def test_lxw_ingest_prints_the_contradiction_as_one_warning_line(tmp_path):
    path = tmp_path / "madeup_two_years.csv"
    path.write_text("村名,2023年收入（万元）,2024年收入（万元）\n上庄村,10,12\n", encoding="utf-8")
    result = lxw("ingest", path, "--year", "2023", "--township", "新寨乡")
    assert result.returncode == 0
    lines = [line for line in result.stderr.splitlines() if "warning" in line]
    assert lines == [lines[0]] and lines[0].startswith("lxw ingest: warning: ") and "2024" in lines[0]
    assert "warnings.warn" not in result.stderr
    assert sorted(pd.read_csv(io.StringIO(result.stdout.lstrip("\ufeff")))["year"]) == [2023, 2024]
