"""The built reports say what their numbers are, made-up data of a second township in hand:
brackets short of the village total, a village-income table, years without a figure, a range.

Every table gives each number's quote (a table's row) and source (a table's cell), writes
numbers for reading, and the pages say what cannot be read from the data rather than
showing a part as the whole.
"""

import re
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import RAW, ROOT

MADEUP = "新寨乡"
MADEUP_2021 = (
    "新寨乡2021年党建工作总结（虚构示例，用于测试）\n"
    "2021年，新寨乡党员轮训2期，轮训率达90%。全乡共有8个行政村，其中10万至20万的村3个、20万以上的村5个。"
    "排查各类矛盾纠纷20起，化解18起。在上庄村投资20万元安装太阳能路灯40盏。\n"
)
MADEUP_2024 = (
    "新寨乡2024年党建工作总结（虚构示例，用于测试）\n"
    "2024年，新寨乡党员轮训3期，轮训率达96%。全乡共有8个行政村，其中50万以上的村2个。"
    "排查各类矛盾纠纷28起，化解27起。在上庄村投资30万元安装太阳能路灯60盏。在下庄村投资20万至50万元建设文化广场。\n"
)
MADEUP_TABLE = (
    "新寨乡各村集体经济收入统计表（虚构示例）,,\n,,单位：万元\n序号,村名,2024年收入\n"
    "1,上庄村,52\n2,下庄村,12.5\n3,河口村,8\n4,东坡村,61\n5,西岭村,15\n6,南沟村,22\n7,北山村,9.5\n8,中川村,30\n"
)


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, BeautifulSoup]:
    """The made-up township's four reports, built beside the shipped data."""
    root = tmp_path_factory.mktemp("reports")
    raw = root / "data" / "raw"
    shutil.copytree(RAW, raw)
    (raw / MADEUP).mkdir()
    (raw / MADEUP / "madeup_2021.txt").write_text(MADEUP_2021, encoding="utf-8")
    (raw / MADEUP / "madeup_2024.txt").write_text(MADEUP_2024, encoding="utf-8")
    (raw / MADEUP / "madeup_villages.csv").write_text(MADEUP_TABLE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lxw_analysis", "build", "--raw", raw, "--processed", root / "p", "--reports", root / "r"],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    folder = root / "r" / MADEUP
    return {p.stem[:2]: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in sorted(folder.glob("0*.html"))}


def tables(page: BeautifulSoup) -> list[tuple[list[str], list[list[str]]]]:
    """Each report table's header and rows, as the reader sees the cells."""
    found = []
    for t in page.select("table.lxw-table"):
        head = [th.get_text(strip=True) for th in t.select("thead th")]
        rows = [[td.get_text(strip=True) for td in tr.select("td")] for tr in t.select("tbody tr")]
        found.append((head, rows))
    return found


def rows_of(page, *columns) -> list[dict]:
    """Rows, as dicts, of the tables that have all ``columns``."""
    return [dict(zip(head, row)) for head, rows in tables(page) if set(columns) <= set(head) for row in rows]


def text(page) -> str:
    return page.get_text(" ", strip=True)


def test_brackets_short_of_the_stated_total_get_a_finding_on_the_page(pages):
    note = pages["02"].select_one(".lxw-findings").get_text(" ", strip=True)
    assert "2024: the brackets count 2 villages, the report states 8 villages, so 6 are in no stated bracket" in note


def test_the_gap_is_a_not_stated_bracket_and_shares_are_of_the_total(pages):
    rows = [r for r in rows_of(pages["02"], "band", "villages", "share") if r["year"] == "2024"]
    assert [(r["band"], r["villages"], r["share"]) for r in rows] == [("50万以上", "2", "25%"), ("未说明 not stated", "6", "75%")]


def test_a_threshold_the_left_out_villages_may_reach_is_a_range_not_a_hundred_percent(pages):
    rows = [r for r in rows_of(pages["02"], "label", "villages", "share") if r["year"] == "2024"]
    assert {(r["label"], r["villages"], r["share"]) for r in rows} == {("10万以上", "2–8", "25–100%"), ("50万以上", "2–8", "25–100%")}


def test_brackets_counted_from_the_village_table_stand_beside_the_stated_ones(pages):
    rows = rows_of(pages["02"], "stated", "counted")
    assert [(r["band"], r["stated"], r["counted"]) for r in rows] == [("50万以下", "", "6"), ("50万以上", "2", "2")]
    assert rows[1]["quote"] == "counted: 上庄村 52万、东坡村 61万"
    assert re.fullmatch(r"derived: raw/新寨乡/madeup_villages\.csv#R4C3, #R7C3", rows[1]["source"])
    assert "the village table places villages in brackets the report does not state: 6 at 50万以下" in text(pages["02"])


def test_a_change_across_years_without_a_figure_names_its_base_year_and_says_so(pages):
    training = [r for r in rows_of(pages["03"], "change") if r["year"] == "2024" and r["unit"] == "%"]
    assert training[0]["change"] == "+6 pp on 2021 (90%; no figure for 2022–2023)"
    lights = [r for r in rows_of(pages["04"], "change", "village") if r["unit"] == "盏" and r["year"] == "2024"]
    assert lights[0]["change"] == "+20 (+50%) on 2021 (40 盏; no figure for 2022–2023)"
    assert "(+6 percentage points on 2021; no figure for 2022–2023)" in text(pages["03"])


def test_investments_are_in_wan_yuan_as_the_chart_and_a_range_shows_both_ends(pages):
    rows = rows_of(pages["04"], "万元", "place")
    assert [(r["year"], r["place"], r["万元"]) for r in rows] == [
        ("2021", "上庄村", "20"), ("2024", "上庄村", "30"), ("2024", "下庄村", "20–50"),
    ]  # fmt: skip
    statistics = rows_of(pages["01"], "value", "text")
    assert any(r["text"] == "20万至50万元" and r["value"] == "200,000–500,000" for r in statistics)


def test_a_tables_statistics_are_headed_by_the_table(pages):
    heading = next(h for h in pages["01"].select("h3") if h.get_text(strip=True) == "表格 table madeup_villages.csv")
    table = heading.find_next("table")
    source = [th.get_text(strip=True) for th in table.select("thead th")].index("source")
    rows = table.select("tbody tr")
    assert [tr.select("td")[source].get_text(strip=True) for tr in rows] == [
        f"raw/新寨乡/madeup_villages.csv#R{r}C3" for r in range(4, 12)
    ]


@pytest.mark.parametrize("name", ["01", "02", "03", "04"])
def test_every_table_gives_each_numbers_quote_and_source(pages, name):
    for head, rows in tables(pages[name]):
        assert "source" in head, f"{name}: a table without sources: {head}"
        if "kind" not in head:  # the table of the source files themselves
            assert {"quote", "stated_quote"} & set(head), f"{name}: a table without quotes: {head}"
        assert rows, f"{name}: an empty table {head}"


@pytest.mark.parametrize("name", ["01", "02", "03", "04"])
def test_numbers_are_written_for_reading(pages, name):
    for head, rows in tables(pages[name]):
        for row in rows:
            cells = dict(zip(head, row))
            numeric = [v for k, v in cells.items() if k not in ("quote", "stated_quote", "text", "source", "message")]
            assert not any(re.search(r"\d\.\d{3,}", v) for v in numeric), f"{name}: too many decimals in {row}"
            assert not any(re.fullmatch(r"\d{4,}(\.\d+)?", v) and len(v.split(".")[0]) > 4 for v in numeric), row
            for key in ("year", "base_year"):
                assert re.fullmatch(r"(\d{4})?", cells.get(key, "")), f"{name}: {key} {cells.get(key)!r}"


def test_every_chart_has_alt_text_saying_what_it_shows(pages):
    for name, page in pages.items():
        images = page.select("img")
        assert images, name
        for img in images:
            alt = img.get("alt", "")
            assert len(alt) > 40 and "No description" not in alt, f"{name}: {alt!r}"
    (chart,) = [i["alt"] for i in pages["04"].select("img") if "project investment" in i["alt"]]
    assert chart.startswith("Grouped bar chart by year") and "上庄村 20" in chart and "2024: 上庄村 30" in chart


def test_each_report_links_back_to_the_index(pages):
    for page in pages.values():
        assert page.select_one("nav a.lxw-index")["href"] == "../index.html"
