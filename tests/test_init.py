"""`lxw init DIR` creates an analysis project for another county, the project is found from any
folder inside it, and `make report` there builds it."""

import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import LAXIWA_2024, ROOT
from lxw_analysis import config, load_facts
from lxw_analysis.project import PROJECT_MARKER, REFERENCE_TABLES
from lxw_analysis.reports import extract_files

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def lxw(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "LXW_PROJECT_DIR"}
    return subprocess.run([sys.executable, "-m", "lxw_analysis", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env)


def package_header(table: str) -> str:
    lines = (ROOT / "lxw_analysis" / "data" / table).read_text(encoding="utf-8").splitlines()
    return next(line for line in lines if line.strip() and not line.startswith("#"))


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("county") / "guide"
    result = lxw("init", folder)
    assert result.returncode == 0, result.stderr
    assert str(folder) in result.stderr and "make report" in result.stderr
    return folder


@pytest.mark.parametrize(
    "path",
    [
        PROJECT_MARKER, "README.md", "Makefile", ".gitignore",
        "data/raw/README.md", "data/raw/files.csv", "data/raw/SOURCES.md", "data/processed/README.md",
        "references/README.md", *(f"references/{t}" for t in REFERENCE_TABLES), "reports/README.md",
        *(f"notebooks/{nb.name}" for nb in NOTEBOOKS),
    ],
)
def test_init_lays_out_the_project(made, path):
    assert (made / path).is_file()


def test_init_writes_nothing_else_and_no_outputs(made):
    assert sorted(p.name for p in (made / "data").iterdir()) == ["processed", "raw"]
    assert sorted(p.name for p in (made / "data" / "processed").iterdir()) == ["README.md"]
    assert sorted(p.name for p in (made / "reports").iterdir()) == ["README.md"]


@pytest.mark.parametrize("table", REFERENCE_TABLES)
def test_the_references_hold_the_package_tables_header_and_no_rows(made, table):
    assert (made / "references" / table).read_text(encoding="utf-8").splitlines() == [package_header(table)]


def test_the_listing_of_files_holds_its_header(made):
    assert (made / "data" / "raw" / "files.csv").read_text(encoding="utf-8").splitlines() == ["file,township,year"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_notebooks_are_copies_of_the_projects(made, notebook):
    assert (made / "notebooks" / notebook.name).read_bytes() == notebook.read_bytes()


@pytest.mark.parametrize(
    "path, words",
    [
        ("data/raw/README.md", ["<township>/<year>.<ext>", "files.csv", "file,township,year", ".lxwignore"]),
        ("references/README.md", ["read over", "package's rows", "only its header changes nothing"]),
        ("README.md", ["make report", "lxw-project.toml", "LXW_PROJECT_DIR", "guide"]),
    ],
)
def test_the_readmes_say_how_to_use_the_project(made, path, words):
    text = re.sub(r"\s+", " ", (made / path).read_text(encoding="utf-8"))
    for w in words:
        assert w in text, w


def test_the_makefile_has_a_report_target_and_no_test_target(made):
    result = subprocess.run(["make", "-s", "help"], capture_output=True, text=True, cwd=made)
    assert result.returncode == 0, result.stderr
    targets = re.findall(r"make (\S+)\s", result.stdout)
    assert "report" in targets and "test" not in targets
    makefile = (made / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^report:.*\n\t\$\(LXW\) build \$\(BUILD_ARGS\)$", makefile, re.M)
    assert f"PYTHON ?= {sys.executable}" in makefile


@pytest.mark.parametrize("kind", ["a folder holding a file", "a file"])
def test_init_refuses_what_is_not_a_new_or_empty_folder(tmp_path, kind):
    folder = tmp_path / "taken"
    if kind == "a file":
        folder.write_text("notes", encoding="utf-8")
    else:
        folder.mkdir()
        (folder / "notes.txt").write_text("notes", encoding="utf-8")
    before = tree(tmp_path)
    result = lxw("init", folder)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert str(folder) in result.stderr
    assert ("not empty (notes.txt)" if kind != "a file" else "is a file, not a folder") in result.stderr
    assert tree(tmp_path) == before and sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_init_fills_an_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    result = lxw("init", tmp_path / "empty")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "empty" / PROJECT_MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]  # no staging folder left behind


def test_init_without_notebooks_to_copy_is_refused_and_creates_nothing(tmp_path):
    (tmp_path / "none").mkdir()
    result = lxw("init", tmp_path / "new", "--notebooks", tmp_path / "none")
    assert result.returncode == 2 and "no notebooks (.ipynb) to copy" in result.stderr and "--notebooks" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["none"]


@pytest.mark.parametrize("inside", [".", "notebooks", "data/raw"])
def test_the_project_is_found_from_any_folder_inside_it(made, monkeypatch, inside):
    monkeypatch.delenv("LXW_PROJECT_DIR", raising=False)
    monkeypatch.chdir(made / inside)
    assert config.project_dir() == made.resolve()
    assert config.raw_dir() == made.resolve() / "data" / "raw"


def test_lxw_project_dir_wins_over_the_marker(made, tmp_path, monkeypatch):
    monkeypatch.setenv("LXW_PROJECT_DIR", str(tmp_path))
    monkeypatch.chdir(made)
    assert config.project_dir() == tmp_path.resolve()


def test_outside_any_project_the_repository_of_the_editable_install_is_the_project(tmp_path, monkeypatch):
    monkeypatch.delenv("LXW_PROJECT_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    assert config.project_dir() == ROOT


def test_make_report_builds_the_new_project(tmp_path):
    folder = tmp_path / "guide"
    assert lxw("init", folder).returncode == 0
    (folder / "data" / "raw" / "laxiwa").mkdir()
    shutil.copyfile(LAXIWA_2024, folder / "data" / "raw" / "laxiwa" / "2024.txt")
    raw_before = tree(folder / "data" / "raw")
    env = {k: v for k, v in os.environ.items() if k not in ("LXW_PROJECT_DIR", "MAKEFLAGS", "MAKELEVEL")}
    result = subprocess.run(["make", "report"], capture_output=True, text=True, cwd=folder, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert str(folder / "reports") in result.stderr  # this project's, not the repository's
    expected = extract_files([LAXIWA_2024])
    facts = load_facts(folder / "data" / "processed")
    assert len(facts) == len(expected) > 0
    assert sorted(facts["quote"].unique()) == sorted(expected["quote"].unique())
    overview = html.unescape((folder / "reports" / "laxiwa" / "01_overview.html").read_text(encoding="utf-8"))
    assert "拉西瓦镇" in overview
    for quote in expected["quote"].head(5):
        assert quote in overview
    index = (folder / "reports" / "index.html").read_text(encoding="utf-8")
    for notebook in NOTEBOOKS:
        assert f"{notebook.stem}.html" in index
    assert tree(folder / "data" / "raw") == raw_before
