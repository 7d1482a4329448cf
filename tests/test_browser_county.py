"""The county comparison and the project's front page, as a reader sees them in headless Chromium.

Built from the made-up example (three fictitious townships, `lxw build --example`): the front
page lists the county comparison first and every township's reports, and every link on it
opens its page; the county page's charts load, show at a readable size and say in their alt
text what they show; nothing is logged as an error; both pages say the data are made up.
Full-page screenshots of both are saved into the pytest tmp dir.

Uses the browser of tests/test_browser.py (system Chromium through Playwright, no web access).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from lxw_analysis import county, load_facts
from lxw_analysis.build import EXAMPLE_BANNER
from test_browser import (  # noqa: F401  (browser is a fixture)
    CJK_FONT,
    FIND_VISIBLE_TEXT_JS,
    IMAGES_JS,
    LINKS_JS,
    MIN_CHART_PX,
    MIN_SCREENSHOT_BYTES,
    VIEWPORT,
    browser,
    open_page,
    platform_fonts,
    png_size,
    run_build,
)

TOWNSHIPS = ["云岭乡", "白杨镇", "青石乡"]
COUNTY_PAGE = "05_county_comparison.html"
NO_ALT = "No description has been provided for this image"


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> tuple[Path, Path]:
    """The made-up example, built once for this module: (processed, reports)."""
    out = tmp_path_factory.mktemp("county-build")
    result = run_build("--example", "--processed", out / "processed", "--reports", out / "reports")
    assert result.returncode == 0, result.stderr
    return out / "processed", out / "reports"


@pytest.fixture(scope="module")
def reports(example) -> Path:
    return example[1]


@pytest.fixture(scope="module")
def seen(browser, reports, tmp_path_factory):  # noqa: F811
    """``seen(name)``: what the browser did with one page, its images, links, screenshot and the
    fonts its township names are drawn with, remembered for the module."""
    shots = tmp_path_factory.mktemp("county-screenshots")
    visits: dict[str, dict] = {}

    def _seen(name: str) -> dict:
        if name not in visits:
            page, record = open_page(browser, reports / name)
            try:
                shot = shots / ("county_front.png" if name == "index.html" else "county_05.png")
                page.screenshot(path=shot, full_page=True)
                fonts = {}
                for township in TOWNSHIPS:
                    page.evaluate("document.querySelectorAll('[data-lxw-probe]').forEach(e => e.removeAttribute('data-lxw-probe'))")
                    if page.evaluate(FIND_VISIBLE_TEXT_JS, township):
                        fonts[township] = platform_fonts(browser, page, "[data-lxw-probe]")
                visits[name] = {
                    "record": record, "images": page.evaluate(IMAGES_JS), "links": page.evaluate(LINKS_JS),
                    "alts": page.evaluate("Array.from(document.images, img => img.getAttribute('alt'))"),
                    "text": page.locator("body").inner_text(), "fonts": fonts, "screenshot": shot,
                    "height": page.evaluate("document.documentElement.scrollHeight"),
                    "hrefs": page.evaluate("Array.from(document.querySelectorAll('a[href]'), a => a.getAttribute('href'))"),
                }
            finally:
                page.close()
        return visits[name]

    return _seen


def built_pages(reports: Path) -> list[str]:
    return sorted(p.relative_to(reports).as_posix() for p in reports.rglob("*.html"))


def test_the_example_builds_one_county_page_and_every_townships_reports(reports):
    pages = built_pages(reports)
    assert COUNTY_PAGE in pages
    assert {p.split("/")[0] for p in pages if "/" in p} == set(TOWNSHIPS)


@pytest.mark.parametrize("name", ["index.html", COUNTY_PAGE])
def test_page_opens_without_console_errors_or_failed_requests(seen, name):
    record = seen(name)["record"]
    assert record.status == 200
    assert record.console_errors == [] and record.page_errors == [], name
    assert record.failed_requests == [] and record.other_requests == [], f"{name}: fetches something"
    assert record.dialogs == []


@pytest.mark.parametrize("name", ["index.html", COUNTY_PAGE])
def test_page_says_the_data_are_made_up_and_names_every_township_in_a_cjk_font(seen, name):
    page = seen(name)
    assert EXAMPLE_BANNER in page["text"]
    assert set(page["fonts"]) == set(TOWNSHIPS), f"{name}: township names not visible"
    for township, fonts in page["fonts"].items():
        assert any(CJK_FONT.search(f) for f in fonts), f"{name}: {township} drawn with {fonts}"


def test_front_page_lists_the_county_comparison_first_then_every_report(seen, reports):
    front = seen("index.html")
    hrefs = front["hrefs"]
    assert hrefs[0] == COUNTY_PAGE
    assert sorted(hrefs) == [p for p in built_pages(reports) if p != "index.html"]
    text = front["text"]
    assert text.index("乡镇对比 County comparison") < text.index("乡镇与年份 Townships and years")


def test_front_page_grid_shows_every_township_and_year_with_its_statistics(example, browser):  # noqa: F811
    processed, reports = example
    grid = county.townships_by_year(load_facts(processed))
    page, _ = open_page(browser, reports / "index.html")
    try:
        rows = page.locator("table.grid tr").all_inner_texts()[1:]
    finally:
        page.close()
    shown = [row.split("\t")[:3] for row in rows]
    assert shown == [[t, str(y), str(n)] for t, y, n in zip(grid["township"], grid["year"], grid["statistics"])]
    assert {t for t, _, _ in shown} == set(TOWNSHIPS) and len(shown) == 9


def test_every_link_on_the_front_page_opens_its_page(browser, reports):  # noqa: F811
    page, record = open_page(browser, reports / "index.html")
    try:
        links = page.locator("a[href]")
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        for i, href in enumerate(hrefs):
            with page.expect_navigation() as navigation:
                page.locator("a[href]").nth(i).click()
            response = navigation.value
            assert response is not None and response.ok, f"index.html → {href}"
            assert page.url == (reports / href).as_uri()
            assert page.locator("h1").first.is_visible()
            page.go_back()
        assert record.console_errors == [] and record.failed_requests == []
    finally:
        page.close()


@pytest.mark.parametrize("name", ["index.html", COUNTY_PAGE])
def test_links_on_the_page_lead_to_pages_of_the_build(seen, reports, name):
    for link in seen(name)["links"]:
        if link["fragment"] is not None:
            assert link["target"], f"{name}: {link['href']} points at no element"
        elif link["protocol"] == "file:":
            target = Path(unquote(urlsplit(link["url"]).path))
            assert target.is_file() and reports in target.parents, f"{name}: {link['href']}"


def test_county_charts_load_at_a_readable_size_and_say_what_they_show(seen, example):
    processed, _ = example
    page = seen(COUNTY_PAGE)
    images, alts = page["images"], page["alts"]
    assert [img for img in images if not (img["complete"] and img["naturalWidth"] > 0)] == []
    charts = [img for img in images if img["chart"]]
    headline = county.headline_by_year(load_facts(processed))
    assert len(charts) == headline["indicator"].nunique() + 1 + 3  # headline, thresholds, three rates
    assert [img for img in charts if img["width"] < MIN_CHART_PX or img["height"] < MIN_CHART_PX] == []
    assert all(alt and alt != NO_ALT for alt in alts), alts
    small_multiples = [alt for alt in alts if alt.startswith("Small multiples, one panel per township")]
    assert len(small_multiples) == headline["indicator"].nunique() + 1
    assert all(all(f"{t}:" in alt for t in TOWNSHIPS) for alt in small_multiples)
    assert any("培训覆盖率" in alt and "白杨镇: not stated" in alt for alt in small_multiples)


def test_county_page_shows_each_section_and_traces_its_numbers(seen):
    text = seen(COUNTY_PAGE)["text"]
    for heading in ("最新一年", "主要指标逐年", "村集体经济收入", "培训覆盖率与矛盾纠纷化解率", "报告覆盖"):
        assert heading in text
    assert "3 townships: 云岭乡 (2023–2024), 白杨镇 (2022–2024), 青石乡 (2021–2024)." in text
    assert "党员轮训率 in 2024: 青石乡 100%, 白杨镇 97%, 云岭乡 95%." in text
    assert "矛盾纠纷调处成功率达到百分之九十三点八" in text and "raw/云岭乡/madeup_2024.txt" in text


@pytest.mark.parametrize("name", ["index.html", COUNTY_PAGE])
def test_full_page_screenshot_is_saved_as_a_real_png(seen, name):
    page = seen(name)
    data = page["screenshot"].read_bytes()
    width, height = png_size(data)
    assert len(data) > MIN_SCREENSHOT_BYTES
    assert width == VIEWPORT["width"] and abs(height - max(page["height"], VIEWPORT["height"])) <= 2
