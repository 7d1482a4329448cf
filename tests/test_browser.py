"""The built reports as a reader sees them: opened in headless Chromium.

Each page is opened once (index.html and every report): its images load and charts show at a
readable size, nothing is logged as an error, nothing is fetched (the reports are
self-contained), the township's name is visible and drawn with a CJK font, its links lead
somewhere, and a full-page screenshot is saved into the pytest tmp dir. A made-up report full
of HTML, Markdown and LaTeX shows its text literally and runs nothing.

Needs Debian's Chromium and a CJK font (`chromium fonts-noto-cjk`, which `make test` installs) and
Playwright (a dev dependency); Playwright drives the system browser and never downloads one.
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import struct
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # reported by the browser fixture as a failure, never a skip
    sync_playwright = None

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
TOWNSHIP, SLUG = "拉西瓦镇", "laxiwa"


def page_of(notebook: Path) -> str:
    """Where the build writes a notebook's page: beside the index for a project-wide notebook
    (metadata ``"lxw": {"scope": "project"}``), else in the township's folder."""
    scope = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {}).get("lxw", {}).get("scope")
    return f"{notebook.stem}.html" if scope == "project" else f"{SLUG}/{notebook.stem}.html"


PAGES = ["index.html"] + [page_of(nb) for nb in NOTEBOOKS]
REPORTS = [p for p in PAGES if p.startswith(f"{SLUG}/")]

CHROMIUM = Path("/usr/bin/chromium")
# Headless, and quiet on a closed network: no background fetches, updates or sync.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}
MIN_CHART_PX = 100  # CSS pixels, each side
MIN_SCREENSHOT_BYTES = 20_000
CJK_FONT = re.compile(r"CJK|WenQuanYi|Hei|Song|Ming|Kai|Droid Sans Fallback|Noto Sans [ST]C", re.I)


def require_browser() -> None:
    """Fail, with the command that fixes it, when the browser or its driver is missing."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"Chromium is not installed ({CHROMIUM} not found): run `make system-packages` "
            "(or `apt-get install chromium fonts-noto-cjk`), as `make test` does.",
            pytrace=False,
        )
    if sync_playwright is None:
        pytest.fail(
            "Playwright is not installed: run `make install` (or `pip install -e '.[dev]'`). "
            "It drives the system Chromium; never run `playwright install`.",
            pytrace=False,
        )


def run_build(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lxw_analysis", "build", *map(str, args)], capture_output=True, text=True, cwd=ROOT
    )


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    """The shipped data, built once for this module."""
    out = tmp_path_factory.mktemp("browser-build")
    result = run_build("--processed", out / "processed", "--reports", out / "reports")
    assert result.returncode == 0, result.stderr
    return out / "reports"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless system Chromium with a fresh, empty profile; any request to the web is refused."""
    require_browser()
    playwright = sync_playwright().start()
    try:
        context = playwright.chromium.launch_persistent_context(
            tmp_path_factory.mktemp("chromium-profile"),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport=VIEWPORT,
        )
    except Exception:
        playwright.stop()
        raise
    context.set_default_timeout(30_000)
    context.route(re.compile(r"^(https?|wss?|ftp)://"), lambda route: route.abort())
    yield context
    context.close()
    playwright.stop()


@dataclass
class Seen:
    """What a reader's browser did with one page."""

    url: str
    status: int | None = None
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    @property
    def other_requests(self) -> list[str]:
        """Requests for anything but the page itself: a self-contained page makes none."""
        return [u for u in self.requests if u != self.url]


def open_page(context, path: Path):
    """Open ``path`` in a new tab, recording errors, requests and dialogs; wait for images and fonts."""
    page = context.new_page()
    seen = Seen(url=path.as_uri())
    page.on(
        "console",
        lambda m: m.type == "error"
        and seen.console_errors.append(f"{m.text} ({m.location.get('url', '')}:{m.location.get('lineNumber', '')})"),
    )
    page.on("pageerror", lambda e: seen.page_errors.append(str(e)))
    page.on("request", lambda r: seen.requests.append(r.url))
    page.on("requestfailed", lambda r: seen.failed_requests.append(f"{r.url[:120]}: {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and seen.failed_requests.append(f"{r.url[:120]}: HTTP {r.status}"))

    def on_dialog(dialog):
        seen.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    response = page.goto(seen.url, wait_until="load")
    seen.status = response.status if response else None
    page.wait_for_function("Array.from(document.images).every(img => img.complete)")
    page.evaluate("document.fonts.ready.then(() => true)")
    return page, seen


IMAGES_JS = """() => Array.from(document.images, (img, i) => {
    const box = img.getBoundingClientRect();
    return {
        index: i, src: (img.getAttribute('src') || '').slice(0, 40), complete: img.complete,
        naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight,
        width: box.width, height: box.height, alt: img.getAttribute('alt'),
        chart: img.closest('.jp-RenderedImage, .jp-OutputArea-output') !== null,
    };
})"""

# Marks the first visible element whose own text holds the name; returns its text, or null.
FIND_VISIBLE_TEXT_JS = """(name) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!node.data.includes(name) || !el) continue;
        const box = el.getBoundingClientRect();
        const shown = el.checkVisibility({opacityProperty: true, visibilityProperty: true,
                                          checkOpacity: true, checkVisibilityCSS: true});
        if (box.width > 0 && box.height > 0 && shown) {
            el.setAttribute('data-lxw-probe', '');
            return el.textContent;
        }
    }
    return null;
}"""

# Every link; a fragment is followed as a reader's click would be, and whether it lands on an element kept.
LINKS_JS = """() => Array.from(document.querySelectorAll('a[href]'), a => {
    const local = a.protocol === 'file:' && a.pathname === location.pathname && a.hash !== '';
    if (local) location.hash = a.hash;
    return {href: a.getAttribute('href'), url: a.href, protocol: a.protocol,
            fragment: local ? a.hash : null, target: local ? document.querySelector(':target') !== null : null};
})"""


@dataclass
class Visit:
    seen: Seen
    images: list[dict]
    township_text: str | None
    fonts: list[str]
    links: list[dict]
    screenshot: Path
    page_size: tuple[int, int]


def platform_fonts(context, page, selector: str) -> list[str]:
    """The fonts Chromium actually drew an element's text with (DevTools protocol)."""
    cdp = context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        return [f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]
    finally:
        cdp.detach()


@pytest.fixture(scope="module")
def visit(browser, reports, tmp_path_factory):
    """``visit("laxiwa/01_overview.html")``: one reader's visit per page, remembered for the module."""
    shots = tmp_path_factory.mktemp("screenshots")
    visits: dict[str, Visit] = {}

    def _visit(name: str) -> Visit:
        if name not in visits:
            path = reports / name
            assert path.is_file(), f"the build wrote no {name}"
            page, seen = open_page(browser, path)
            try:
                township_text = page.evaluate(FIND_VISIBLE_TEXT_JS, TOWNSHIP)
                fonts = platform_fonts(browser, page, "[data-lxw-probe]") if township_text else []
                screenshot = shots / (name.replace("/", "__").removesuffix(".html") + ".png")
                page.screenshot(path=screenshot, full_page=True)
                size = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
                images, links = page.evaluate(IMAGES_JS), page.evaluate(LINKS_JS)
                visits[name] = Visit(seen, images, township_text, fonts, links, screenshot, tuple(size))
            finally:
                page.close()
        return visits[name]

    return _visit


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", "not a PNG file"
    return struct.unpack(">II", data[16:24])


def test_headless_chromium_is_installed_for_these_tests():
    require_browser()


def test_every_built_page_is_opened_by_these_tests(reports):
    built = sorted(p.relative_to(reports).as_posix() for p in reports.rglob("*.html"))
    assert built == sorted(PAGES)


@pytest.mark.parametrize("name", PAGES)
def test_page_opens_without_console_errors_or_failed_requests(visit, name):
    seen = visit(name).seen
    assert seen.status == 200, f"{name}: opened with status {seen.status}"
    assert seen.console_errors == [], f"{name}: console errors"
    assert seen.page_errors == [], f"{name}: uncaught script errors"
    assert seen.failed_requests == [], f"{name}: failed requests"
    assert seen.other_requests == [], f"{name}: fetches other files, so it is not self-contained"
    assert seen.dialogs == [], f"{name}: opened dialogs"


@pytest.mark.parametrize("name", PAGES)
def test_every_image_loads_and_charts_show_at_a_readable_size(visit, name):
    images = visit(name).images
    broken = [img for img in images if not (img["complete"] and img["naturalWidth"] > 0)]
    assert broken == [], f"{name}: images that did not load"
    charts = [img for img in images if img["chart"]]
    if name in REPORTS:  # a project-wide page of a one-township project may have none (tests/test_browser_county.py)
        assert charts, f"{name}: a report shows at least one chart"
    small = [img for img in charts if img["width"] < MIN_CHART_PX or img["height"] < MIN_CHART_PX]
    assert small == [], f"{name}: charts drawn smaller than {MIN_CHART_PX}×{MIN_CHART_PX} CSS px"


@pytest.mark.parametrize("name", PAGES)
def test_township_name_is_visible_text(visit, name):
    assert visit(name).township_text, f"{name}: {TOWNSHIP} is not visible anywhere on the page"


@pytest.mark.parametrize("name", PAGES)
def test_chinese_text_is_drawn_with_a_cjk_font(visit, name):
    v = visit(name)
    assert v.township_text, f"{name}: {TOWNSHIP} is not visible anywhere on the page"
    assert any(CJK_FONT.search(f) for f in v.fonts), (
        f"{name}: {v.township_text!r} is drawn with {v.fonts}, no CJK font (apt-get install fonts-noto-cjk)"
    )


@pytest.mark.parametrize("name", PAGES)
def test_chinese_text_is_drawn_with_the_simplified_chinese_font(visit, name):
    fonts = visit(name).fonts
    assert any(re.search(r"CJK SC|Han Sans SC", f) for f in fonts), f"{name}: drawn with {fonts}, not a Simplified Chinese font"


@pytest.mark.parametrize("name", PAGES)
def test_full_page_screenshot_is_saved_as_a_real_png(visit, name):
    v = visit(name)
    data = v.screenshot.read_bytes()
    width, height = png_size(data)
    assert len(data) > MIN_SCREENSHOT_BYTES, f"{v.screenshot}: {len(data)} bytes, a blank page?"
    assert width == VIEWPORT["width"] and abs(height - max(v.page_size[1], VIEWPORT["height"])) <= 2, (
        f"{v.screenshot}: {width}×{height}, not the full page {v.page_size}"
    )


@pytest.mark.parametrize("name", PAGES)
def test_links_on_the_page_lead_somewhere(visit, reports, name):
    for link in visit(name).links:
        if link["fragment"] is not None:
            assert link["target"], f"{name}: {link['href']} points at no element on the page"
        elif link["protocol"] == "file:":
            target = Path(unquote(urlsplit(link["url"]).path))
            assert target.is_file(), f"{name}: {link['href']} leads to a missing file"
            assert reports in target.parents, f"{name}: {link['href']} leads out of the reports folder"


def test_index_links_open_every_report(browser, reports):
    page, seen = open_page(browser, reports / "index.html")
    try:
        links = page.locator("a[href]")
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        assert sorted(hrefs) == sorted(p for p in PAGES if p != "index.html")
        for i, href in enumerate(hrefs):
            with page.expect_navigation() as navigation:
                page.locator("a[href]").nth(i).click()
            response = navigation.value
            assert response is not None and response.ok, f"index.html → {href}: {response and response.status}"
            assert page.url == (reports / href).as_uri()
            expect(page.locator("h1").first).to_be_visible()
            page.go_back()
        assert seen.console_errors == [] and seen.failed_requests == [] and seen.dialogs == []
    finally:
        page.close()


HOSTILE_REPORT = (
    "2024年，新寨乡开展学习<script>alert(1)</script>12次。<img src=x onerror=alert(2)>\n"
    "全年举办**bold**培训$x$期共8期，<b>粗体</b>新建`code`道路\\(y\\) 3公里。\n"
    "新建<img src=x onerror=alert(3)>水渠5处，投入<i>资金</i> 20万元。\n"
)
# Each must show literally on the overview: it is report text, not markup, Markdown or LaTeX.
LITERALS = [
    "<script>alert(1)</script>",
    "**bold**",
    "$x$",
    "<b>粗体</b>",
    "`code`",
    "\\(y\\)",
    "<img src=x onerror=alert(3)>",
    "<i>资金</i>",
]


def test_report_text_shows_as_text_and_never_runs_as_markup(tmp_path, raw_copy, browser):
    township = raw_copy / "新寨乡"
    township.mkdir()
    (township / "2024.txt").write_text(HOSTILE_REPORT, encoding="utf-8")
    out = tmp_path / "reports"
    result = run_build("--raw", raw_copy, "--processed", tmp_path / "processed", "--reports", out)
    assert result.returncode == 0, result.stderr
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert "新寨乡/01_overview.html" in pages

    for name in pages:
        page, seen = open_page(browser, out / name)
        try:
            assert seen.dialogs == [], f"{name}: report text ran as script"
            assert seen.failed_requests == [] and seen.other_requests == [], f"{name}: report text fetched something"
            injected = page.evaluate(
                """() => ({
                    scripts: Array.from(document.scripts, s => s.outerHTML.slice(0, 120))
                        .filter(s => /alert\\(/.test(s)),
                    handlers: Array.from(document.querySelectorAll('[onerror], img[src="x"]'), e => e.outerHTML),
                    tags: Array.from(document.querySelectorAll('b, i, strong, em, code, .MathJax, mjx-container'))
                        .map(e => e.textContent.trim()).filter(t => /^(粗体|资金|bold|code|x|y)$/.test(t)),
                })"""
            )
            assert injected == {"scripts": [], "handlers": [], "tags": []}, f"{name}: report text became markup"
            if name == "新寨乡/01_overview.html":
                text = page.locator("body").inner_text()
                missing = [s for s in LITERALS if s not in text]
                assert missing == [], f"{name}: not shown literally"
                expect(page.get_by_text("<script>alert(1)</script>").first).to_be_visible()
        finally:
            page.close()


# --- what a reader can check and take away: alt text, the way back, the tables as CSV ---------

NO_ALT = "No description has been provided for this image"


@pytest.mark.parametrize("name", REPORTS)
def test_every_chart_says_in_its_alt_text_what_it_shows(visit, name):
    charts = [img for img in visit(name).images if img["chart"]]
    assert charts, f"{name}: no chart"
    for img in charts:
        alt = img["alt"] or ""
        assert alt != NO_ALT and len(alt) > 40 and re.search(r"chart", alt), f"{name}: image {img['index']} alt {alt!r}"
        assert re.search(r"\d", alt), f"{name}: the alt text gives no figure: {alt!r}"


@pytest.mark.parametrize("name", REPORTS)
def test_each_report_links_back_to_the_index(browser, reports, name):
    page, seen = open_page(browser, reports / name)
    try:
        link = page.locator("nav a.lxw-index")
        expect(link).to_be_visible()
        with page.expect_navigation() as navigation:
            link.click()
        assert navigation.value is not None and navigation.value.ok
        assert page.url == (reports / "index.html").as_uri()
        expect(page.locator("h1").first).to_be_visible()
        assert seen.console_errors == [] and seen.failed_requests == []
    finally:
        page.close()


TABLE_ROWS_JS = """() => Array.from(document.querySelectorAll('table.lxw-table'), t => t.querySelectorAll('tbody tr').length)"""


@pytest.mark.parametrize("name", REPORTS)
def test_report_tables_download_as_csv_with_a_bom(browser, reports, name, tmp_path):
    import pandas as pd

    page, seen = open_page(browser, reports / name)
    try:
        links = page.locator("p.lxw-download a[download]")
        assert links.count() > 0, f"{name}: no table offers a CSV download"
        rows = 0
        for i in range(links.count()):
            with page.expect_download() as download:
                links.nth(i).click()
            saved = tmp_path / download.value.suggested_filename
            download.value.save_as(saved)
            data = saved.read_bytes()
            assert saved.suffix == ".csv" and data.startswith(b"\xef\xbb\xbf"), f"{name}: {saved.name} is no UTF-8 CSV with BOM"
            table = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
            assert {"quote", "source"} <= set(table.columns) or "kind" in table.columns, f"{name}: {saved.name}"
            rows += len(table)
        assert rows == sum(page.evaluate(TABLE_ROWS_JS)), f"{name}: the downloads hold other rows than the tables"
        assert seen.console_errors == [] and seen.failed_requests == []
    finally:
        page.close()


def test_a_downloaded_csv_holds_the_numbers_unrounded(browser, reports, tmp_path):
    page, _ = open_page(browser, reports / f"{SLUG}/01_overview.html")
    try:
        href = page.locator("p.lxw-download a[download]").first.get_attribute("href")
        data = base64.b64decode(href.split(",", 1)[1])
        assert "1500000" in data.decode("utf-8-sig"), "150万元 is 1500000 yuan in the CSV, as in facts.csv"
    finally:
        page.close()
