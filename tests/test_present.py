"""Reader-facing tables and charts: numbers for reading, ranges with both ends, every statistic
with its quote and source, tables as CSV downloads, charts with alt text."""

import base64
import io
import re
from unittest import mock

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from lxw_analysis import extract_facts, formats, overview, plots, present  # noqa: E402

NAN = float("nan")


def cells(html: str) -> list[list[str]]:
    """The body cells of the first table in ``html``, as text."""
    frame = pd.read_html(io.StringIO(html), keep_default_na=False, thousands=None)[0]
    return frame.astype(str).values.tolist()


def header(html: str) -> list[str]:
    return list(pd.read_html(io.StringIO(html), keep_default_na=False, thousands=None)[0].columns)


def test_a_range_shows_both_ends():
    facts = extract_facts("2024年,新寨乡投资20万至50万元建设广场。", township="新寨乡")
    html = present.table(facts[["label", "value", "upper", "unit"]]).data
    assert header(html) == ["label", "value", "unit"]
    assert cells(html)[0][1:] == ["200,000–500,000", "元"]


@pytest.mark.parametrize(
    "value,percent,shown", [(8.333333333333, False, "8.33"), (1500000.0, False, "1,500,000"), (33.33333, True, "33.3%")]
)
def test_table_numbers_are_written_for_reading(value, percent, shown):
    html = present.table(pd.DataFrame({"share": [value]}), percent=["share"] if percent else ()).data
    assert cells(html) == [[shown]]


@pytest.mark.parametrize("column", ["year", "base_year", "previous_year"])
def test_years_are_written_without_a_thousands_separator(column):
    html = present.table(pd.DataFrame({column: [2021, 2024], "villages": [1200, 8]})).data
    assert cells(html) == [["2021", "1,200"], ["2024", "8"]]


def test_a_range_of_a_derived_column_shows_both_ends():
    html = present.table(pd.DataFrame({"share": [25.0], "share_upper": [100.0]}), percent=["share"]).data
    assert header(html) == ["share"] and cells(html) == [["25–100%"]]


def csv_of(html: str) -> tuple[str, bytes]:
    name, data = re.search(r'download="([^"]+)" href="data:text/csv;charset=utf-8;base64,([^"]+)"', html).groups()
    return name, base64.b64decode(data)


def test_a_table_downloads_as_csv_with_a_bom_and_its_numbers_unrounded():
    table = pd.DataFrame({"year": [2024], "村": ["上坪村"], "value": [8.333333333333]})
    name, data = csv_of(present.table(table, "青石乡_brackets").data)
    assert name == "青石乡_brackets.csv" and data.startswith(b"\xef\xbb\xbf")
    pd.testing.assert_frame_equal(pd.read_csv(io.BytesIO(data), encoding="utf-8-sig"), table)


def test_tables_by_section_download_as_one_csv():
    table = pd.DataFrame({"section": ["一", "二", "二"], "value": [1.0, 2.0, 3.0]})
    html = present.tables_by(table, "section", name="all").data
    assert html.count("<table") == 2 and html.count("download=") == 1
    assert len(pd.read_csv(io.BytesIO(csv_of(html)[1]), encoding="utf-8-sig")) == 3


def test_a_tables_statistics_are_headed_by_the_table_not_the_introduction():
    facts = pd.DataFrame({"section": ["", "", "一、党建"], "source": ["raw/x/madeup_v.csv#R4C3", "raw/x/2024.txt", "raw/x/2024.txt"]})
    assert overview.section_titles(facts).tolist() == ["表格 table madeup_v.csv", overview.INTRODUCTION, "一、党建"]


def test_the_statistics_table_traces_each_number_to_its_quote_and_source():
    facts = extract_facts("2024年,新寨乡投资20万至50万元建设广场。", township="新寨乡").assign(source="raw/x/2024.txt")
    table = overview.statistics_table(facts)
    assert {"quote", "source", "upper"} <= set(table.columns)
    assert table[["quote", "source"]].values.tolist() == [["2024年,新寨乡投资20万至50万元建设广场", "raw/x/2024.txt"]]


def test_findings_name_the_quote_and_files_of_their_rows():
    facts = pd.DataFrame({"quote": ["甲", "乙", "丙"], "source": ["a.txt", "b.csv#R2C2", "b.csv#R3C2"]})
    findings = pd.DataFrame({"severity": ["warning"], "rule": ["r"], "year": [2024], "message": ["m"], "rows": ["1,2"]})
    assert overview.findings_table(findings, facts)[["quote", "source"]].values.tolist() == [["乙", "b.csv#R2C2, b.csv#R3C2"]]


def test_a_finding_of_many_cells_names_five_sources_and_counts_the_rest():
    facts = pd.DataFrame({"quote": ["甲"] * 1000, "source": [f"b.csv#R{n}C2" for n in range(1000)]})
    rows = ",".join(map(str, range(1000)))
    findings = pd.DataFrame({"severity": ["info"], "rule": ["r"], "year": [2024], "message": ["m"], "rows": [rows]})
    source = overview.findings_table(findings, facts)["source"].iloc[0]
    assert source == "b.csv#R0C2, b.csv#R1C2, b.csv#R2C2, b.csv#R3C2, b.csv#R4C2 … and 995 more"


def test_findings_show_as_a_list_of_escaped_sentences():
    html = present.findings(["2024: <b>6</b> villages are in no stated bracket."]).data
    assert "<li>2024: &lt;b&gt;6&lt;/b&gt; villages" in html and "lxw-findings" in html
    assert present.findings([], none="All add up.").data == "<p>All add up.</p>"


def test_a_chart_is_shown_as_a_png_with_its_alt_text():
    fig = plots.by_year(pd.DataFrame({"year": [2023, 2024], "s": ["甲", "甲"], "v": [1.0, 2.0]}), "s", "v", "标题", "个")
    with mock.patch("IPython.display.display") as display:
        present.figure(fig)
    (image,), _ = display.call_args
    data, metadata = image._repr_png_()
    assert base64.b64decode(data).startswith(b"\x89PNG") and metadata["alt"] == plots.alt_text(fig) and "标题" in metadata["alt"]
    assert metadata["width"] > 200


def test_chart_says_why_when_there_is_nothing_to_draw():
    with mock.patch("IPython.display.display") as display:
        present.chart(pd.DataFrame(), lambda t: None, "No brackets to draw.")
    assert display.call_args.args[0].data == "<p>No brackets to draw.</p>"


@pytest.mark.parametrize("value,text", [(6.0, "+6"), (-3.0, "-3"), (0.0, "±0"), (NAN, "")])
def test_changes_are_written_with_their_sign(value, text):
    assert formats.signed(value) == text


def test_a_long_table_shows_its_first_rows_and_downloads_them_all():
    from lxw_analysis import config

    df = pd.DataFrame({"village": [f"试{i:04d}村" for i in range(config.MAX_SHOWN_ROWS + 50)], "value": 1.0})
    html = present.table(df, "madeup_long").data
    assert len(cells(html)) == config.MAX_SHOWN_ROWS
    assert f"The first {config.MAX_SHOWN_ROWS} of {config.MAX_SHOWN_ROWS + 50} rows are shown" in html
    _, data = csv_of(html)
    assert data.decode("utf-8-sig").count("\n") == config.MAX_SHOWN_ROWS + 51


def test_a_table_too_large_to_carry_says_where_every_row_is(monkeypatch):
    from lxw_analysis import config

    monkeypatch.setattr(config, "MAX_DOWNLOAD_BYTES", 1000)
    html = present.table(pd.DataFrame({"village": ["上庄村"] * 200, "value": 1.0}), "madeup_big").data
    assert "download=" not in html and "too large to carry in this page" in html and "facts.csv" in html


def test_tables_by_stops_after_ten_tables_worth_of_rows(monkeypatch):
    from lxw_analysis import config

    monkeypatch.setattr(config, "MAX_SHOWN_ROWS", 5)
    df = pd.DataFrame({"section": [f"第{i}部分" for i in range(30) for _ in range(5)], "value": 1.0})
    html = present.tables_by(df, "section", name="madeup_sections").data
    assert html.count("<table") == 10 and "20 more parts are not shown" in html


@pytest.mark.parametrize("asked", ["拉西瓦镇", "laxiwa", "LAXIWA"])
def test_a_report_page_takes_its_township_by_name_or_folder_slug(tmp_path, asked):
    from lxw_analysis.facts import write_facts

    facts = extract_facts("拉西瓦镇2024年工作总结。开展学习17次。", year=2024)
    write_facts(pd.concat([facts, facts.assign(township="新寨乡")], ignore_index=True), tmp_path)
    with mock.patch("IPython.display.display"):
        chosen_facts, chosen = present.start(asked, data_dir=tmp_path)
    assert chosen == "拉西瓦镇" and set(chosen_facts["township"]) == {"拉西瓦镇"} and len(chosen_facts) == len(facts)


def test_a_report_page_for_a_township_the_data_do_not_hold_names_those_they_do(tmp_path):
    from lxw_analysis import LxwError
    from lxw_analysis.facts import write_facts

    write_facts(extract_facts("拉西瓦镇2024年工作总结。开展学习17次。", year=2024), tmp_path)
    with mock.patch("IPython.display.display"), pytest.raises(LxwError, match="the data hold 拉西瓦镇"):
        present.start("新寨乡", data_dir=tmp_path)


def test_the_statistics_table_and_the_findings_name_facts_by_their_id():
    from lxw_analysis import validate

    facts = extract_facts("2024年,新寨乡党员轮训率120%。", township="新寨乡", source="raw/x/2024.txt")
    assert overview.statistics_table(facts)["fact_id"].tolist() == facts["fact_id"].tolist()
    table = overview.findings_table(validate(facts), facts)
    assert table.loc[table["rule"] == "rate_over_100", "facts"].tolist() == facts["fact_id"].tolist()
