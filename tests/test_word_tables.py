"""Tables inside a Word report become facts-table rows, read like spreadsheets.

Every document here is made up (township 新寨乡) and built with python-docx in the test.
"""

from __future__ import annotations

import docx
import pandas as pd
import pytest
from openpyxl import Workbook

from lxw_analysis import LxwError
from lxw_analysis.documents import read_document
from lxw_analysis.facts import as_facts
from lxw_analysis.tables import iter_document_table_facts, read_table
from lxw_analysis.validate import table_totals

SOURCE = "raw/新寨乡/2024.docx"
HEADER = ["序号", "村名", "2023年收入（万元）", "2024年收入（万元）"]
VILLAGES = [
    HEADER,
    ["1", "上庄村", "12.5", "15"],
    ["2", "下河村", "—", "8.2"],
    ["3", "东沟村", "20", "22.3"],
    ["合计", "", "32.5", "45.5"],
]
LAYOUT = [["填报单位：新寨乡人民政府", "日期：2025年1月"], ["负责人：张三", "联系电话：0971-1234567"]]
#: Village incomes of VILLAGES in 元, by (village, year); 下河村 has no 2023 figure (—).
INCOMES = {
    ("上庄村", 2023): 125_000.0,
    ("上庄村", 2024): 150_000.0,
    ("下河村", 2024): 82_000.0,
    ("东沟村", 2023): 200_000.0,
    ("东沟村", 2024): 223_000.0,
}


def add_table(document, rows):
    """A table filled row by row with the given texts."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    return table


def new_report():
    """A Word report with a heading and a paragraph of text, ready for tables."""
    document = docx.Document()
    document.add_heading("新寨乡2024年工作报告（虚构示例）", level=0)
    document.add_paragraph("2024年，全乡村集体经济持续壮大，各村集体经济收入见下表。")
    return document


@pytest.fixture
def report_path(tmp_path):
    """The made-up report: text, the village table (合计 merged over 序号 and 村名), a layout table."""
    document = new_report()
    villages = add_table(document, VILLAGES)
    villages.cell(4, 0).merge(villages.cell(4, 1))
    document.add_paragraph("以上数据由各村上报。")
    add_table(document, LAYOUT)
    path = tmp_path / "2024.docx"
    document.save(path)
    return path


def facts_of(path, **options) -> pd.DataFrame:
    options = {"source": SOURCE, "township": "新寨乡", "year": 2024, **options}
    return as_facts(iter_document_table_facts(read_document(path), **options))


def by_village(facts: pd.DataFrame) -> dict[tuple[str, int], float]:
    villages = facts[facts["village"].notna()]
    return {(v, int(y)): float(x) for v, y, x in zip(villages["village"], villages["year"], villages["value"])}


def save(document, tmp_path, name="2024.docx"):
    path = tmp_path / name
    document.save(path)
    return path


# --- the grid -------------------------------------------------------------------------------


def test_word_tables_are_kept_as_grids_with_empty_cells_and_one_entry_per_column(report_path):
    tables = read_document(report_path).tables
    assert tables == (
        tuple(tuple(row) for row in VILLAGES),  # the merged 合计 cell pads 村名 with ""
        tuple(tuple(row) for row in LAYOUT),
    )


def test_word_table_rows_still_come_through_as_text_lines(report_path):
    lines = read_document(report_path).text.splitlines()
    assert "序号，村名，2023年收入（万元），2024年收入（万元）" in lines
    assert "2，下河村，—，8.2" in lines


def test_text_document_has_no_tables(tmp_path):
    path = tmp_path / "2024.txt"
    path.write_text("全乡12个村集体经济收入均超过10万元。\n", encoding="utf-8")
    assert read_document(path).tables == ()


def test_table_nested_in_a_cell_is_not_a_table_of_its_own(tmp_path):
    document = new_report()
    outer = add_table(document, [["村名", "说明"], ["上庄村", ""]])
    add_table(outer.cell(1, 1), [["大棚", "牛舍"]])
    tables = read_document(save(document, tmp_path)).tables
    assert len(tables) == 1 and len(tables[0]) == 2 and tables[0][1][0] == "上庄村"


# --- facts ----------------------------------------------------------------------------------


def test_village_table_gives_one_fact_per_village_and_year_in_yuan(report_path):
    facts = facts_of(report_path)
    assert by_village(facts) == INCOMES
    assert set(facts["indicator"]) == {"village_collective_income"}
    assert set(facts["unit"]) == {"元"} and set(facts["township"]) == {"新寨乡"}
    assert set(facts["section"]) == {"表1"}


def test_report_year_does_not_override_the_years_the_headers_name(report_path):
    assert sorted(set(facts_of(report_path, year=2025)["year"])) == [2023, 2024]


def test_column_without_a_year_takes_the_report_year(tmp_path):
    document = new_report()
    add_table(document, [["村名", "集体经济收入（万元）"], ["上庄村", "15"]])
    facts = facts_of(save(document, tmp_path, "report.docx"), year=2024)
    assert by_village(facts) == {("上庄村", 2024): 150_000.0}


def test_total_row_is_labelled_total_and_agrees_with_the_villages(report_path):
    facts = facts_of(report_path)
    totals = facts[facts["village"].isna()]
    assert sorted(totals["label"]) == ["合计 2023年收入（万元）", "合计 2024年收入（万元）"]
    assert sorted(totals["value"]) == [325_000.0, 455_000.0]
    assert table_totals(facts)["matches"].all()


def test_sources_name_the_report_and_the_cell(report_path):
    facts = facts_of(report_path).set_index(["village", "year"])
    assert facts.loc[("上庄村", 2023), "source"] == SOURCE + "#表1!C2"
    assert facts.loc[("东沟村", 2023), "source"] == SOURCE + "#表1!C4"
    assert facts.loc[("东沟村", 2024), "source"] == SOURCE + "#表1!D4"
    assert facts.loc[("东沟村", 2024), "quote"] == "3 | 东沟村 | 20 | 22.3"


def test_layout_table_without_a_village_column_is_ignored(tmp_path):
    document = new_report()
    add_table(document, LAYOUT)
    add_table(document, VILLAGES)
    facts = facts_of(save(document, tmp_path))
    assert set(facts["section"]) == {"表2"}  # tables are numbered in document order, layout ones too
    only_layout = new_report()
    add_table(only_layout, LAYOUT)
    assert facts_of(save(only_layout, tmp_path, "layout.docx")).empty


def test_word_table_gives_the_same_facts_as_the_same_table_in_a_spreadsheet(report_path, tmp_path):
    book = Workbook()
    for row in VILLAGES:
        book.active.append(row)
    book.active.title = "表1"
    xlsx = tmp_path / "2024.xlsx"
    book.save(xlsx)
    same = ["township", "year", "section", "village", "indicator", "label", "value", "unit", "text", "quote"]
    from_word = facts_of(report_path)[same]
    from_sheet = read_table(xlsx, township="新寨乡")[same]
    pd.testing.assert_frame_equal(from_word.reset_index(drop=True), from_sheet.reset_index(drop=True))


# --- merged cells ---------------------------------------------------------------------------


def test_vertically_merged_village_cells_keep_the_village_on_every_row(tmp_path):
    document = new_report()
    table = add_table(
        document,
        [
            ["村名", "年份", "收入（万元）"],
            ["上庄村", "2023", "12.5"],
            ["", "2024", "15"],
            ["下河村", "2023", "7"],
            ["", "2024", "8.2"],
        ],
    )
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(3, 0).merge(table.cell(4, 0))
    path = save(document, tmp_path)
    assert [row[0] for row in read_document(path).tables[0]] == ["村名", "上庄村", "上庄村", "下河村", "下河村"]
    assert by_village(facts_of(path)) == {
        ("上庄村", 2023): 125_000.0,
        ("上庄村", 2024): 150_000.0,
        ("下河村", 2023): 70_000.0,
        ("下河村", 2024): 82_000.0,
    }


def test_merged_title_row_above_the_header_is_skipped_like_a_spreadsheet_title(tmp_path):
    document = new_report()
    title = "新寨乡各村集体经济收入统计表（单位：万元）"
    table = add_table(
        document,
        [[title, "", ""], ["村名", "2023年收入", "2024年收入"], ["上庄村", "12.5", "15"], ["下河村", "7", "8.2"]],
    )
    table.cell(0, 0).merge(table.cell(0, 2))
    path = save(document, tmp_path)
    assert read_document(path).tables[0][0] == (title, "", "")
    facts = facts_of(path)
    assert by_village(facts) == {
        ("上庄村", 2023): 125_000.0,  # the title's unit (万元) applies
        ("上庄村", 2024): 150_000.0,
        ("下河村", 2023): 70_000.0,
        ("下河村", 2024): 82_000.0,
    }
    assert set(facts["indicator"]) == {"village_collective_income"}
    assert facts["source"].str.endswith(("#表1!B3", "#表1!C3", "#表1!B4", "#表1!C4")).all()


# --- columns and cells that are not figures -------------------------------------------------


def test_column_of_text_in_a_word_table_is_not_read(tmp_path):
    document = new_report()
    add_table(
        document,
        [["村名", "2024年重点项目", "2024年收入（万元）"], ["上庄村", "建设蔬菜大棚", "15"], ["下河村", "无", "8.2"]],
    )
    facts = facts_of(save(document, tmp_path))
    assert by_village(facts) == {("上庄村", 2024): 150_000.0, ("下河村", 2024): 82_000.0}
    assert set(facts["label"]) == {"2024年收入（万元）"}


def test_figure_cell_that_is_not_a_number_is_named_with_its_table(tmp_path):
    document = new_report()
    add_table(document, [["村名", "2024年收入（万元）"], ["上庄村", "15"], ["下河村", "待统计"]])
    with pytest.raises(LxwError, match=r"2024\.docx, table 表1: cell B3.*待统计"):
        facts_of(save(document, tmp_path))
