"""`lxw build --township/--years/--notebook` renders part of the project, `-p name=value` gives
the notebooks parameters, and the index keeps listing every page built so far.

The project here is the shipped 拉西瓦镇 report (2024) beside the made-up 青石乡 (2021–2024), with
three small made-up notebooks that print what they were given, so each render is quick. It is
built once; each test works on its own copy of the built project."""

import hashlib
import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from conftest import RAW, ROOT
from lxw_analysis.build import PAGES_FILE, choose, parse_parameter
from lxw_analysis.config import example_dir
from lxw_analysis.errors import LxwError
from lxw_analysis.outputs import MARKER

PARAMETERS = 'township = None\nyears = None\ndata_dir = None\nbanner = None\n'


def _notebook(title: str, parameters: str, body: str, project: bool = False) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell(f"# {title}"),
            nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]}),
            nbformat.v4.new_code_cell(body),
        ]
    )
    if project:
        nb.metadata["lxw"] = {"scope": "project"}
    return nb


NOTEBOOKS = {
    "10_madeup_echo": _notebook(
        "Echo",
        PARAMETERS + 'greeting = "hello"  # e.g. 500000\n',
        'print(f"ECHO township={township!r} years={years!r} greeting={greeting!r} type={type(greeting).__name__}")',
    ),
    "20_madeup_plain": _notebook("Plain", PARAMETERS, 'print(f"PLAIN township={township!r} years={years!r}")'),
    "30_madeup_county": _notebook(
        "County",
        PARAMETERS.replace("township = None", "townships = None"),
        'print(f"COUNTY townships={townships!r} years={years!r}")',
        project=True,
    ),
}
TOWNSHIP_PAGES = [f"{slug}/{nb}.html" for slug in ("laxiwa", "青石乡") for nb in ("10_madeup_echo", "20_madeup_plain")]
PAGES = ["30_madeup_county.html", *TOWNSHIP_PAGES]


def lxw_build(project: Path, *args) -> subprocess.CompletedProcess:
    command = [
        sys.executable, "-m", "lxw_analysis", "build",
        "--raw", project / "data" / "raw", "--notebooks", project / "notebooks",
        "--processed", project / "data" / "processed", "--reports", project / "reports", *args,
    ]
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, cwd=ROOT)


def rendered(result) -> list[str]:
    """The pages a build ran a notebook for, as notebook@whom."""
    return [f"{nb}@{whom}" for nb, whom in re.findall(r"\] rendering (\S+) for (.+)", result.stderr)]


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def page(project: Path, name: str) -> str:
    return html.unescape((project / "reports" / name).read_text(encoding="utf-8"))


def index_rows(project: Path) -> dict[str, str]:
    """Each page the index links, with the text of its row."""
    index = (project / "reports" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr><td><a href="([^"]+)">.*?</tr>', index, re.S)
    texts = re.findall(r'(<tr><td><a href="[^"]+">.*?</tr>)', index, re.S)
    return {href: html.unescape(re.sub(r"<[^>]+>", " ", text)) for href, text in zip(rows, texts)}


@pytest.fixture(scope="module")
def built_once(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("selection")
    raw = project / "data" / "raw"
    shutil.copytree(RAW / "laxiwa", raw / "laxiwa")
    shutil.copytree(example_dir() / "raw" / "青石乡", raw / "青石乡")
    (project / "notebooks").mkdir()
    for name, nb in NOTEBOOKS.items():
        nbformat.write(nb, project / "notebooks" / f"{name}.ipynb")
    result = lxw_build(project)
    assert result.returncode == 0, result.stderr
    assert len(rendered(result)) == len(PAGES)
    return project


@pytest.fixture
def project(built_once, tmp_path) -> Path:
    """A copy of the built project (its outputs and build cache too), for one test to change."""
    copy = tmp_path / "project"
    shutil.copytree(built_once, copy, symlinks=True)
    return copy


@pytest.mark.parametrize("asked", ["拉西瓦镇", "laxiwa", "LAXIWA"])
def test_a_township_is_chosen_by_its_name_or_its_folder(built_once, asked):
    facts = pd.DataFrame({"township": ["拉西瓦镇", "青石乡"], "year": [2024, 2021]})
    chosen = choose(built_once / "notebooks", built_once / "data" / "raw", townships=[asked]).narrowed(facts)
    assert chosen.townships == ["拉西瓦镇"]


def test_build_of_one_township_keeps_the_other_pages_in_the_index(built_once, project):
    before = digest(project / "reports")
    result = lxw_build(project, "--township", "laxiwa", "-p", "greeting=again")
    assert result.returncode == 0, result.stderr
    assert rendered(result) == ["10_madeup_echo.ipynb@拉西瓦镇"]  # 20 is unchanged: the cache gives its page
    assert "greeting='again'" in page(project, "laxiwa/10_madeup_echo.html")
    after = digest(project / "reports")
    for kept in ["30_madeup_county.html", "青石乡/10_madeup_echo.html", "青石乡/20_madeup_plain.html"]:
        assert after[kept] == before[kept], f"{kept} changed"
    rows = index_rows(project)
    assert sorted(rows) == sorted(PAGES)
    assert "built earlier" in rows["青石乡/10_madeup_echo.html"] and "built earlier" not in rows["laxiwa/10_madeup_echo.html"]
    assert "greeting='again'" in rows["laxiwa/10_madeup_echo.html"]
    listed = json.loads((project / "reports" / MARKER).read_text(encoding="utf-8"))["files"]
    assert set(PAGES) <= set(listed), "a kept page is no longer the build's own"
    assert (project / "data" / "processed" / "text" / "青石乡" / "2021.txt").is_file(), "the processed data lost a township"


def test_build_for_some_years_gives_the_notebooks_those_years_and_passes_over_townships_without_them(project):
    before = digest(project / "reports")
    result = lxw_build(project, "--years", "2021", "2022")
    assert result.returncode == 0, result.stderr
    assert sorted(rendered(result)) == [
        "10_madeup_echo.ipynb@青石乡", "20_madeup_plain.ipynb@青石乡", "30_madeup_county.ipynb@the whole project",
    ]
    assert "拉西瓦镇: no statistics of 2021, 2022; its pages are kept" in result.stderr
    assert "PLAIN township='青石乡' years=[2021, 2022]" in page(project, "青石乡/20_madeup_plain.html")
    assert "years=[2021, 2022]" in page(project, "30_madeup_county.html")
    assert digest(project / "reports")["laxiwa/20_madeup_plain.html"] == before["laxiwa/20_madeup_plain.html"]
    rows = index_rows(project)
    assert sorted(rows) == sorted(PAGES)
    assert "2021, 2022" in rows["青石乡/20_madeup_plain.html"] and "every year" in rows["laxiwa/20_madeup_plain.html"]


@pytest.mark.parametrize("name", ["20_madeup_plain", "20_madeup_plain.ipynb"])
def test_build_of_one_notebook_renders_it_alone(project, name):
    result = lxw_build(project, "--notebook", name, "--years", "2024")
    assert result.returncode == 0, result.stderr
    assert sorted(rendered(result)) == ["20_madeup_plain.ipynb@拉西瓦镇", "20_madeup_plain.ipynb@青石乡"]
    assert sorted(index_rows(project)) == sorted(PAGES)


def test_project_wide_pages_are_kept_under_township_unless_named(project):
    kept = lxw_build(project, "--township", "青石乡", "--years", "2023")
    assert kept.returncode == 0, kept.stderr
    assert not [r for r in rendered(kept) if "30_madeup_county" in r]
    named = lxw_build(project, "--township", "青石乡", "--notebook", "30_madeup_county")
    assert named.returncode == 0, named.stderr
    assert rendered(named) == ["30_madeup_county.ipynb@the whole project"]
    assert "COUNTY townships=['青石乡']" in page(project, "30_madeup_county.html")


def test_an_earlier_page_says_when_its_data_have_changed_since(project):
    report = project / "data" / "raw" / "青石乡" / "madeup_2024.txt"
    report.write_text(report.read_text(encoding="utf-8") + "\n全乡新建公厕3座。\n", encoding="utf-8")
    result = lxw_build(project, "--township", "laxiwa")
    assert result.returncode == 0, result.stderr
    rows = index_rows(project)
    assert "changed since" in rows["青石乡/10_madeup_echo.html"] and "changed since" in rows["30_madeup_county.html"]
    assert "changed since" not in rows["laxiwa/10_madeup_echo.html"]


def test_a_full_build_after_a_partial_one_lists_every_page_as_its_own(project):
    assert lxw_build(project, "--township", "laxiwa").returncode == 0
    result = lxw_build(project)
    assert result.returncode == 0, result.stderr
    rows = index_rows(project)
    assert sorted(rows) == sorted(PAGES) and not [h for h, row in rows.items() if "built earlier" in row]


def test_a_reports_folder_without_its_list_of_pages_keeps_them_all(project):
    reports = project / "reports"
    (reports / PAGES_FILE).unlink()
    marker = json.loads((reports / MARKER).read_text(encoding="utf-8"))
    marker["files"].remove(PAGES_FILE)  # as a build before lists of pages wrote it
    (reports / MARKER).write_text(json.dumps(marker), encoding="utf-8")
    result = lxw_build(project, "--township", "laxiwa", "--notebook", "20_madeup_plain")
    assert result.returncode == 0, result.stderr
    assert sorted(index_rows(project)) == sorted(PAGES)
    assert all((reports / p).is_file() for p in PAGES)


@pytest.mark.parametrize(
    "args, said, reads",
    [
        (["--township", "nowhere"], ["--township nowhere: no such township", "拉西瓦镇 (folder laxiwa)", "青石乡"], False),
        (["--township", "新寨乡"], ["新寨乡: the data hold no statistics of this township", "拉西瓦镇 (folder laxiwa), 青石乡"], True),
        (["--years", "1999"], ["--years 1999: the data hold no statistics of this year; they hold 2021, 2022, 2023, 2024"], True),
        (["--township", "laxiwa", "--years", "2021"], ["the data of 拉西瓦镇 hold no statistics of this year; they hold 2024"], True),
        (["--notebook", "99_missing"], ["--notebook 99_missing: no such notebook", "10_madeup_echo, 20_madeup_plain, 30_madeup_county"], False),
        (["-p", "colour=red"], ["no notebook being built takes a parameter 'colour'", "10_madeup_echo: years, banner, greeting"], False),
        (["--notebook", "20_madeup_plain", "-p", "greeting=hi"], ["parameter 'greeting'", "20_madeup_plain: years, banner."], False),
        (["-p", "township=青石乡"], ["-p township=…", "--township instead"], False),
        (["-p", "data_dir=/tmp"], ["-p data_dir=…", "--processed instead"], False),
        (["-p", "greeting"], ["-p 'greeting': give a parameter as name=value"], False),
        (["-p", "years=[2023]", "--years", "2024"], ["give them once"], False),
        (["-p", "years=soon"], ["'soon' is not a year"], False),
    ],
    ids=["township", "township-not-in-data", "year", "year-not-of-township", "notebook", "parameter",
         "parameter-of-another-notebook", "p-township", "p-data-dir", "p-without-value", "years-twice", "p-years-text"],
)
def test_unknown_values_are_refused_naming_the_known_ones_before_anything_is_written(project, args, said, reads):
    before = digest(project / "reports"), digest(project / "data" / "processed")
    result = lxw_build(project, *args)
    assert result.returncode == 2, result.stderr
    for words in said:
        assert words in result.stderr
    assert "Traceback" not in result.stderr and "rendering" not in result.stderr
    assert ("Reading" in result.stderr) == reads  # refused before anything is read, unless only the data can tell
    assert (digest(project / "reports"), digest(project / "data" / "processed")) == before


@pytest.mark.parametrize(
    "given, value",
    [
        ("threshold=500000", 500000),
        ("rate=0.85", 0.85),
        ("years=[2023,2024]", [2023, 2024]),
        ("flag=True", True),
        ("nothing=None", None),
        ("title=拉西瓦镇", "拉西瓦镇"),
        ("quoted='500000'", "500000"),
        ("text=a=b", "a=b"),
        ("date=2024-01-01", "2024-01-01"),
        ("empty=", ""),
    ],
)
def test_a_parameter_value_is_a_python_literal_when_it_reads_as_one_else_text(given, value):
    name, parsed = parse_parameter(given)
    assert name == given.split("=", 1)[0] and parsed == value and type(parsed) is type(value)


@pytest.mark.parametrize("bad", ["noequals", "=5", "two words=1", "class=1"])
def test_a_parameter_without_a_name_is_refused(bad):
    with pytest.raises(LxwError, match="name=value"):
        parse_parameter(bad)


@pytest.mark.parametrize("given, shown", [("greeting=500000", "greeting=500000 type=int"), ("greeting=你好", "greeting='你好' type=str")])
def test_a_parameter_reaches_the_notebook(project, given, shown):
    result = lxw_build(project, "--township", "青石乡", "--notebook", "10_madeup_echo", "-p", given)
    assert result.returncode == 0, result.stderr
    assert shown in page(project, "青石乡/10_madeup_echo.html")


def test_a_changed_parameter_renders_the_page_again_and_the_same_one_does_not(project):
    args = ["--township", "laxiwa", "--notebook", "10_madeup_echo"]
    first = lxw_build(project, *args, "-p", "greeting=one")
    assert rendered(first) == ["10_madeup_echo.ipynb@拉西瓦镇"], first.stderr
    same = lxw_build(project, *args, "-p", "greeting=one")
    assert rendered(same) == [] and "unchanged 10_madeup_echo.ipynb for 拉西瓦镇" in same.stderr, same.stderr
    changed = lxw_build(project, *args, "-p", "greeting=two")
    assert rendered(changed) == ["10_madeup_echo.ipynb@拉西瓦镇"], changed.stderr
    assert "greeting='two'" in page(project, "laxiwa/10_madeup_echo.html")


def test_a_parameter_goes_only_to_the_notebooks_that_take_it(project):
    result = lxw_build(project, "-p", "greeting=all")
    assert result.returncode == 0, result.stderr
    assert sorted(rendered(result)) == ["10_madeup_echo.ipynb@拉西瓦镇", "10_madeup_echo.ipynb@青石乡"]
    assert "unchanged 20_madeup_plain.ipynb for 青石乡" in result.stderr
