"""Parallel extraction gives the serial result; a rebuild redoes only what changed."""

import re
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from conftest import LAXIWA_2024, ROOT
from lxw_analysis.reports import extract_files

FIXTURES = [p for p in sorted((ROOT / "tests" / "fixtures").glob("madeup_*.txt")) if "traditional" not in p.name]
BUILD = [sys.executable, "-m", "lxw_analysis", "build"]


def test_parallel_extraction_gives_the_serial_result():
    paths = [LAXIWA_2024, *FIXTURES]
    serial = extract_files(paths, jobs=1)
    parallel = extract_files(paths, jobs=2)
    pd.testing.assert_frame_equal(parallel, serial)
    assert len(serial) > 60


def test_parallel_extraction_reports_a_bad_file_like_the_serial_run(tmp_path):
    empty = tmp_path / "madeup_empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(Exception, match="madeup_empty.txt: the file is empty"):
        extract_files([LAXIWA_2024, empty, *FIXTURES], jobs=2)


@pytest.fixture
def project(tmp_path, raw_copy):
    """A raw copy, a notebooks copy and output folders, built once."""
    notebooks = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks)
    args = ["--raw", raw_copy, "--notebooks", notebooks, "--processed", tmp_path / "p", "--reports", tmp_path / "r"]
    first = build(args)
    assert first.count("rendering") == len(list(notebooks.glob("*.ipynb")))
    return args, raw_copy, notebooks


def build(args, *extra) -> str:
    result = subprocess.run(BUILD + [str(a) for a in args] + list(extra), capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result.stderr


def test_a_rebuild_with_no_change_redoes_nothing(project):
    args, _, notebooks = project
    log = build(args)
    assert "extracting" not in log and "rendering" not in log and "unchanged" not in log
    pages = len(list(notebooks.glob("*.ipynb")))
    assert f"Nothing changed since the last build: its 39 statistics and {pages} page(s) are as it left them" in log
    assert "quality checks: 1 warning (quality.csv)" in log


def test_a_changed_input_that_changes_no_page_reuses_each_file_and_page(project):
    args, _, notebooks = project
    quality = args[args.index("--processed") + 1] / "quality.csv"
    findings = quality.read_bytes()
    (notebooks / "README.md").write_text("Notes on the notebooks.", encoding="utf-8")
    log = build(args)
    assert quality.read_bytes() == findings  # the findings kept from the last build, not checked again
    assert "Nothing changed" not in log and "extracting" not in log and "rendering" not in log
    assert log.count("unchanged") == 1 + len(list(notebooks.glob("*.ipynb")))


@pytest.mark.parametrize("how", ["deleted", "edited"])
def test_a_report_page_deleted_or_edited_after_the_build_is_written_again(project, how):
    args, _, _ = project
    page = args[args.index("--reports") + 1] / "laxiwa" / "01_overview.html"
    before = page.read_bytes()
    page.unlink() if how == "deleted" else page.write_text("edited by hand", encoding="utf-8")
    log = build(args)
    assert "Nothing changed" not in log and "rendering" not in log
    assert page.read_bytes() == before
    assert "Nothing changed" in build(args)


def test_a_build_with_a_file_not_read_says_so_again_next_time(project):
    args, raw, _ = project
    (raw / "laxiwa" / "madeup_empty.txt").write_bytes(b"")
    for _ in range(2):
        log = subprocess.run(BUILD + [str(a) for a in args], capture_output=True, text=True, cwd=ROOT).stderr
        assert f"NOT READ: {raw / 'laxiwa' / 'madeup_empty.txt'}" in log and "Nothing changed" not in log


def test_a_changed_notebook_is_the_only_one_run_again(project):
    args, _, notebooks = project
    changed = notebooks / "03_training_coverage.ipynb"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Year by year", "Each year"), encoding="utf-8")
    log = build(args)
    assert re.findall(r"rendering (\S+)", log) == ["03_training_coverage.ipynb"]
    assert "extracting" not in log


def test_a_new_raw_file_is_the_only_one_read_and_its_township_reports_run_again(project):
    args, raw, notebooks = project
    (raw / "laxiwa" / "madeup_2023.txt").write_text("2023年,拉西瓦镇开展党委理论学习15次,轮训率达92%。", encoding="utf-8")
    log = build(args)
    assert re.findall(r"extracting (\S+)", log) == [str(raw / "laxiwa" / "madeup_2023.txt")]
    assert "unchanged " + str(raw / "laxiwa" / "2024.txt") in log
    assert log.count("rendering") == len(list(notebooks.glob("*.ipynb")))


def test_force_redoes_everything(project):
    args, _, notebooks = project
    log = build(args, "--force")
    assert "unchanged" not in log
    assert log.count("rendering") == len(list(notebooks.glob("*.ipynb"))) and "extracting" in log


def test_one_file_extracts_like_a_list_of_one():
    from lxw_analysis.reports import extract_file

    pd.testing.assert_frame_equal(extract_file(LAXIWA_2024), extract_files([LAXIWA_2024]))
