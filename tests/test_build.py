"""`lxw build`, the main job, on the shipped data, and the Makefile targets that run it."""

import hashlib
import html
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from conftest import RAW, ROOT
from lxw_analysis import FACT_COLUMNS, load_facts, load_findings
from lxw_analysis.build import notebook_scope

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
PROJECT_NOTEBOOKS = [nb for nb in NOTEBOOKS if notebook_scope(nb) == "project"]  # rendered once, beside the index
TOWNSHIP_NOTEBOOKS = [nb for nb in NOTEBOOKS if nb not in PROJECT_NOTEBOOKS]


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run_build(*args):
    return subprocess.run(
        [sys.executable, "-m", "lxw_analysis", "build", *map(str, args)], capture_output=True, text=True, cwd=ROOT
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    before = tree_digest(RAW)
    result = run_build("--processed", out / "processed", "--reports", out / "reports")
    assert result.returncode == 0, result.stderr
    assert tree_digest(RAW) == before, "the build changed data/raw/"
    return out, result


def test_build_writes_the_facts_table(built):
    out, _ = built
    csv = out / "processed" / "facts.csv"
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")
    facts = load_facts(out / "processed")
    assert list(facts.columns) == FACT_COLUMNS and len(facts) == 39
    pd.testing.assert_frame_equal(facts, load_facts(csv))


def test_build_writes_the_quality_findings_and_the_overview_shows_them(built):
    out, result = built
    findings = load_findings(out / "processed")
    assert list(findings.columns) == ["rule", "severity", "township", "year", "message", "rows", "facts"]
    assert "quality checks:" in result.stderr
    overview = (out / "reports" / "laxiwa" / "01_overview.html").read_text(encoding="utf-8")
    assert "数据质量 Data quality" in overview
    for message in findings["message"]:
        assert html.escape(message) in overview


@pytest.mark.parametrize("notebook", TOWNSHIP_NOTEBOOKS, ids=lambda p: p.stem)
def test_one_report_per_notebook_with_township_and_chart_and_no_code(built, notebook):
    out, _ = built
    html = (out / "reports" / "laxiwa" / f"{notebook.stem}.html").read_text(encoding="utf-8")
    assert "拉西瓦镇" in html
    assert re.search(r'<img[^>]+src="data:image/png;base64,', html)
    assert "load_facts" not in html and "hl-ipython3" not in html
    assert "<script src=" not in html  # self-contained: nothing fetched from the web
    assert '<html lang="zh">' in html


def test_index_links_every_report_with_sources_and_build_time(built):
    out, _ = built
    index = (out / "reports" / "index.html").read_text(encoding="utf-8")
    for notebook in TOWNSHIP_NOTEBOOKS:
        assert f'href="laxiwa/{notebook.stem}.html"' in index
    for notebook in PROJECT_NOTEBOOKS:
        assert f'href="{notebook.stem}.html"' in index
        assert (out / "reports" / f"{notebook.stem}.html").is_file()
    assert "raw/laxiwa/2024.txt" in index and "拉西瓦镇" in index
    assert re.search(r"Built \d{4}-\d{2}-\d{2} \d{2}:\d{2}", index)


def test_build_shows_progress_and_says_where_the_reports_are(built):
    out, result = built
    assert "[1/1] extracting" in result.stderr
    assert f"[1/{len(NOTEBOOKS)}] rendering" in result.stderr
    assert str(out / "reports") in result.stderr


def test_show_code_keeps_code_cells(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    (notebooks / NOTEBOOKS[0].name).write_bytes(NOTEBOOKS[0].read_bytes())
    result = run_build("--processed", tmp_path / "p", "--reports", tmp_path / "r", "--notebooks", notebooks, "--show-code")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "r" / "laxiwa" / f"{NOTEBOOKS[0].stem}.html").read_text(encoding="utf-8")
    assert re.search(r"present</span>.{0,60}start</span>", html) and "hl-ipython3" in html


def test_failing_notebook_is_named_and_marked_while_the_others_render(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    (notebooks / NOTEBOOKS[0].name).write_bytes(NOTEBOOKS[0].read_bytes())
    broken = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("1 / 0")])
    nbformat.write(broken, notebooks / "99_madeup_broken.ipynb")
    result = run_build("--processed", tmp_path / "p", "--reports", tmp_path / "r", "--notebooks", notebooks)
    assert result.returncode == 1
    assert "99_madeup_broken.ipynb: cell 2 failed" in result.stderr  # counted as the notebook counts, without the injected parameters
    assert "ZeroDivisionError" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "r" / "laxiwa" / f"{NOTEBOOKS[0].stem}.html").exists()
    index = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "failed" in index and "99_madeup_broken" in index


def test_build_reads_tables_beside_reports(tmp_path, raw_copy):
    table = ROOT / "tests" / "fixtures" / "madeup_tables" / "madeup_xinzhai_villages.csv"
    (raw_copy / "新寨乡").mkdir()
    (raw_copy / "新寨乡" / table.name).write_bytes(table.read_bytes())
    result = run_build("--raw", raw_copy, "--processed", tmp_path / "p", "--reports", tmp_path / "r")
    assert result.returncode == 0, result.stderr
    assert "1 report(s) and 1 table(s)" in result.stderr
    facts = load_facts(tmp_path / "p")
    from_table = facts[facts["source"].str.startswith("raw/新寨乡/madeup_xinzhai_villages.csv#")]
    assert set(from_table["township"]) == {"新寨乡"} and set(from_table["year"]) == {2023, 2024}
    assert (tmp_path / "r" / "新寨乡" / "01_overview.html").exists()


def test_build_refuses_to_write_inside_raw(tmp_path, raw_copy):
    result = run_build("--raw", raw_copy, "--processed", raw_copy / "processed")
    assert result.returncode == 2 and "lies inside the raw data folder" in result.stderr
    assert not (raw_copy / "processed").exists()


def test_make_help_lists_the_targets():
    result = subprocess.run(["make", "-s", "help"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    for target in ("report", "test", "lab", "install"):
        assert re.search(rf"make {target}\s+\S", result.stdout), target


def make_build(target: str, out: Path) -> subprocess.CompletedProcess:
    """``make <target>`` with this environment's Python, building into ``out``."""
    args = f"--processed {out / 'p'} --reports {out / 'r'}"
    return subprocess.run(
        ["make", target, "INSTALL=", f"LXW={sys.executable} -m lxw_analysis", f"BUILD_ARGS={args}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_make_report_runs_the_build(tmp_path):
    result = make_build("report", tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r" / "index.html").exists() and (tmp_path / "p" / "facts.parquet").exists()


def test_make_bench_prints_throughput_against_the_baseline():
    import importlib.util

    result = subprocess.run(
        ["make", "bench", "INSTALL=", f"BIN={Path(sys.executable).parent}", "BENCH_ARGS=--quick"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Corpus: GENERATED, made up" in out
    num = r"[\d,]+(?:\.\d+)?"
    # 1. throughput table, one row per corpus size: reports, characters, planted, seconds, chars/s, s per 1,000, rows
    for n in ("20", "100"):
        assert re.search(rf"^ +{n} +{num} +{num} +{num} +{num} +{num} +{num} +\d+%$", out, re.M), n
    # 2. each method's throughput (lxw both ways), the speed ratios, the share of planted statistics found
    assert re.search(rf"lxw_analysis \(every statistic\) +100 +{num} +{num} +{num}$", out, re.M)
    assert re.search(rf"baseline plain regex +100 +{num} +{num} +{num}$", out, re.M)
    assert re.search(rf"lxw, a table per report +100 +{num} +{num} +{num}$", out, re.M)
    for how in ("all reports in one table", "a table per report"):
        assert re.search(rf"speed of lxw \({how}\) / baseline plain regex, chars/s: 20 reports {num}x; 100 reports {num}x", out)
    share = rf"+100 +{num} +{num} +{num}% +{num} +{num}$"
    assert re.search(rf"lxw_analysis, every statistic {share}", out, re.M)
    assert re.search(rf"baseline plain regex, every stat\. {share}", out, re.M)
    if importlib.util.find_spec("jionlp"):
        assert re.search(rf"jionlp extract_money \(money\) +100 +{num} +{num} +{num}$", out, re.M)
        for how in ("all reports in one table", "a table per report"):
            assert re.search(rf"speed of lxw \({how}\) / jionlp extract_money, chars/s: 20 reports {num}x; 100 reports {num}x", out)
        assert re.search(rf"lxw_analysis, money \(元\) {share}", out, re.M)
        assert re.search(rf"jionlp extract_money, money \(元\) {share}", out, re.M)
    else:
        assert "jionlp extract_money: skipped, jionlp is not installed" in out
    # 3. the largest corpus through `lxw extract --jobs 2 -o facts.parquet`; 4 and 5 are left out of the quick run
    # files, wall s, CPU s, MB text/s, peak PSS MB, peak RSS MB, rows, parquet MB, samples
    assert re.search(rf"^ +100 +{num} +{num} +{num} +{num} +{num} +[1-9][\d,]* +{num} +\d+$", out, re.M)
    assert "peak PSS: all processes together" in out
    assert "lxw build timings: skipped in --quick mode" in out
    assert "--jobs timings: skipped in --quick mode" in out
    # 6. oversized reports: size, characters, seconds, chars/s, share of the ordinary rate, rows, memory, longest quote
    for label in ("one line, no 。 \\(made up\\)", "1 MB report \\(made up\\)"):
        row = re.search(rf"^   {label} +{num} +{num} +{num} +{num} +(\d+)% +{num} +{num} +({num})$", out, re.M)
        assert row, label
        assert int(row[2].replace(",", "")) <= 400  # quotes stay bounded on one endless line
    # 7. a made-up table through lxw build: exit, wall time, peak memory
    assert re.search(rf"^   {num} MB CSV; exit 0; wall time {num} s; peak {num} MB PSS, all processes$", out, re.M)


MADEUP_2023 = (
    "拉西瓦镇2023年党建工作情况（虚构示例，用于测试）\n"
    "2023年，拉西瓦镇开展党委理论学习15次；党员轮训2期，轮训率达92%。"
    "全镇10个村村集体经济收益全部达5万元以上，其中5万至10万的村2个、10万至20万的村4个、20万以上的村4个。"
    "排查各类矛盾纠纷30起，化解26起。在曲卜藏村投资20万元安装太阳能路灯40盏。\n"
)


def test_a_second_year_dropped_into_raw_gives_trends_with_no_code_change(tmp_path, raw_copy):
    (raw_copy / "laxiwa" / "madeup_2023.txt").write_text(MADEUP_2023, encoding="utf-8")
    result = run_build("--raw", raw_copy, "--processed", tmp_path / "p", "--reports", tmp_path / "r")
    assert result.returncode == 0, result.stderr
    assert set(load_facts(tmp_path / "p")["year"]) == {2023, 2024}
    reports = tmp_path / "r" / "laxiwa"
    training = (reports / "03_training_coverage.html").read_text(encoding="utf-8")
    assert "2 years of data (2023–2024)" in training
    assert "党员轮训率: 100% in 2024 (+8 percentage points on 2023)." in training
    bands = (reports / "02_income_bands.html").read_text(encoding="utf-8")
    assert "2023: 10 villages in brackets" in bands and "2024: 10 villages in brackets" in bands
    assert len(re.findall(r'<img[^>]+src="data:image/png', bands)) >= 2
    governance = (reports / "04_governance_livelihood.html").read_text(encoding="utf-8")
    assert "2023: 86.7% (disputes resolved of disputes found)." in governance


def test_make_example_builds_the_madeup_township_with_every_trend_chart(tmp_path):
    result = make_build("example", tmp_path)
    assert result.returncode == 0, result.stderr
    assert "9 report(s) and 1 table(s)" in result.stderr
    index = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "made-up example data" in index and all(t in index for t in ("青石乡", "白杨镇", "云岭乡"))
    for notebook in PROJECT_NOTEBOOKS:
        html = (tmp_path / "r" / f"{notebook.stem}.html").read_text(encoding="utf-8")
        assert "made-up example data" in html and "3 townships" in html
        assert re.search(r'<img[^>]+src="data:image/png', html)
    for notebook in TOWNSHIP_NOTEBOOKS:
        html = (tmp_path / "r" / "青石乡" / f"{notebook.stem}.html").read_text(encoding="utf-8")
        assert "made-up example data" in html
        assert "4 years of data (2021–2024)" in html or notebook.stem == "01_overview"
        assert re.search(r'<img[^>]+src="data:image/png', html)
    training = (tmp_path / "r" / "青石乡" / "03_training_coverage.html").read_text(encoding="utf-8")
    assert "党员轮训率: 100% in 2024 (+4 percentage points on 2023)." in training


@pytest.mark.parametrize("listed", [False, True], ids=["named-only", "confirmed-in-files.csv"])
def test_a_report_whose_name_and_text_disagree_on_the_year_is_a_warning_and_a_finding(tmp_path, raw_copy, listed):
    report = raw_copy / "laxiwa" / "2025.txt"
    report.write_text("拉西瓦镇2023年党建工作总结（虚构示例）\n全年开展学习17次。\n", encoding="utf-8")
    if listed:
        (raw_copy / "files.csv").write_text("file,township,year\nlaxiwa/2025.txt,拉西瓦镇,2025\n", encoding="utf-8")
    result = run_build("--raw", raw_copy, "--processed", tmp_path / "p", "--reports", tmp_path / "r")
    assert result.returncode == 0, result.stderr
    found = load_findings(tmp_path / "p")
    disagree = found[found["rule"] == "year_name_text_disagree"]
    if listed:  # the listing says the name is right: nothing to warn of
        assert disagree.empty and "WARNING" not in result.stderr
        return
    assert result.stderr.count("WARNING: ") == 1 and "says 2025 but its text begins with 2023" in result.stderr
    assert "lxw build: warning" not in result.stderr  # said once, as the finding
    (finding,) = disagree.to_dict("records")
    assert (finding["severity"], finding["township"], finding["year"]) == ("warning", "拉西瓦镇", 2025)
    facts = load_facts(tmp_path / "p")
    assert set(finding["facts"].split(",")) == set(facts.loc[facts["source"] == "raw/laxiwa/2025.txt", "fact_id"])
