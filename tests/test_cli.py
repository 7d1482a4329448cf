"""The `lxw extract` command as a user runs it."""

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from conftest import LAXIWA_2024, ROOT
from lxw_analysis import FACT_COLUMNS

FIXTURES = ROOT / "tests" / "fixtures"


def lxw(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "lxw_analysis", *map(str, args)], capture_output=True, text=True, cwd=cwd
    )


def test_console_script_is_installed():
    script = Path(sys.executable).parent / "lxw"
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "extract" in result.stdout and "build" in result.stdout


def test_extract_writes_the_facts_table_as_csv_with_bom(tmp_path):
    out = tmp_path / "facts.csv"
    result = lxw("extract", LAXIWA_2024, "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert list(df.columns) == FACT_COLUMNS
    assert len(df) == 39
    assert set(df["township"]) == {"拉西瓦镇"} and set(df["year"]) == {2024}
    assert set(df["source"]) == {"raw/laxiwa/2024.txt"}


def test_extract_writes_parquet_when_the_output_ends_in_parquet(tmp_path):
    out = tmp_path / "facts.parquet"
    result = lxw("extract", LAXIWA_2024, "-o", out)
    assert result.returncode == 0, result.stderr
    df = pd.read_parquet(out)
    assert list(df.columns) == FACT_COLUMNS and len(df) == 39
    assert str(df["value"].dtype) == "float64" and str(df["start"].dtype) == "Int64"
    assert not list(tmp_path.glob(".*.tmp"))


def test_extract_of_several_files_shows_progress_and_the_last_file(tmp_path):
    files = [LAXIWA_2024, FIXTURES / "madeup_xinzhai_2023_numbered.txt"]
    result = lxw("extract", *files, "-o", tmp_path / "facts.csv")
    assert result.returncode == 0, result.stderr
    assert "[1/2] extracting" in result.stderr and "[2/2] extracting" in result.stderr
    assert "Wrote " in result.stderr.splitlines()[-1]


def test_extract_to_standard_output(tmp_path):
    result = lxw("extract", LAXIWA_2024)
    assert result.returncode == 0
    assert result.stdout.lstrip("\ufeff").splitlines()[0] == ",".join(FACT_COLUMNS)


def test_year_and_township_flags_win(tmp_path):
    out = tmp_path / "facts.csv"
    lxw("extract", LAXIWA_2024, "--year", "2023", "--township", "某某乡", "-o", out)
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert set(df["year"]) == {2023} and set(df["township"]) == {"某某乡"}


def test_year_and_township_from_the_text_of_a_file_outside_data(tmp_path):
    out = tmp_path / "facts.csv"
    result = lxw("extract", FIXTURES / "madeup_xinzhai_2023_numbered.txt", "-o", out)
    assert result.returncode == 0, result.stderr
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert set(df["year"]) == {2023} and set(df["township"]) == {"新寨乡"}


def test_unknown_year_stops_with_a_message_naming_the_file(tmp_path):
    report = tmp_path / "madeup_notes.txt"
    report.write_text("开展学习17次。", encoding="utf-8")
    result = lxw("extract", report, "-o", tmp_path / "out.csv")
    assert result.returncode != 0
    assert str(report) in result.stderr and "--year" in result.stderr and "--township" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.csv").exists()


def test_two_files_for_one_township_and_year_are_refused(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "2024.txt").write_text("2024年,某某镇开展学习17次。", encoding="utf-8")
    result = lxw("extract", tmp_path / "a" / "2024.txt", tmp_path / "b" / "2024.txt")
    assert result.returncode != 0 and "both the 2024 report of 某某镇" in result.stderr


@pytest.mark.parametrize("name,content", [("missing.txt", None), ("empty.txt", b""), ("table.xls", b"x")])
def test_unreadable_input_gets_a_clear_message(tmp_path, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = lxw("extract", path)
    assert result.returncode != 0 and str(path) in result.stderr and "Traceback" not in result.stderr


def test_debug_shows_the_traceback(tmp_path):
    result = lxw("--debug", "extract", tmp_path / "missing.txt")
    assert "Traceback" in result.stderr


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-16", "utf-8-sig"])
def test_report_in_another_encoding_reads_like_its_utf8_twin(tmp_path, encoding):
    text = "2024年,某某镇开展党委理论学习17次,交流发言50余人。全镇10个村,其中10万至20万的村3个。"
    (tmp_path / "utf8.txt").write_text(text, encoding="utf-8")
    (tmp_path / "other.txt").write_bytes(text.encode(encoding))
    a, b = lxw("extract", tmp_path / "utf8.txt"), lxw("extract", tmp_path / "other.txt")
    assert a.returncode == b.returncode == 0, b.stderr
    assert len(a.stdout.splitlines()) == 5  # the header and four statistics
    read = lambda out: pd.read_csv(io.StringIO(out.lstrip("\ufeff"))).drop(columns=["fact_id", "source"])  # noqa: E731
    pd.testing.assert_frame_equal(read(a.stdout), read(b.stdout))  # ids and sources name the file


def test_an_unexpected_fault_is_one_plain_message_without_traceback(tmp_path):
    code = (
        "import sys, lxw_analysis.reports as s, lxw_analysis.cli as c\n"
        "def broken(*a, **k): raise RuntimeError('simulated fault')\n"
        "s.extract_files = broken\n"
        f"sys.exit(c.main(['extract', {str(LAXIWA_2024)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "unexpected error (RuntimeError: simulated fault)" in result.stderr and "--debug" in result.stderr
    assert "Traceback" not in result.stderr


def test_progress_of_many_files_shows_the_first_and_last_not_every_one():
    from lxw_analysis.cli import _every_second

    shown = []
    show = _every_second(shown.append)
    for i in range(1, 1001):
        show(f"[{i}/1000] extracting {i}.txt")
    assert shown[0] == "[1/1000] extracting 1.txt" and shown[-1] == "[1000/1000] extracting 1000.txt"
    assert len(shown) < 10


def test_extract_of_a_folder_reads_every_report_below_it(tmp_path):
    folder = tmp_path / "reports"
    (folder / "xinzhai").mkdir(parents=True)
    names = ["madeup_xinzhai_2023_numbered.txt", "madeup_donggou_2023_simplified.txt"]
    for name in names:
        (folder / "xinzhai" / name).write_bytes((FIXTURES / name).read_bytes())
    (folder / "notes.md").write_text("# not a report", encoding="utf-8")
    by_folder, by_files = tmp_path / "folder.csv", tmp_path / "files.csv"
    assert lxw("extract", folder, "-o", by_folder).returncode == 0
    assert lxw("extract", *sorted((folder / "xinzhai").glob("*.txt")), "-o", by_files).returncode == 0
    assert by_folder.read_bytes() == by_files.read_bytes()
    assert len(pd.read_csv(by_folder, encoding="utf-8-sig")) > 10


def test_a_folder_without_reports_is_named_in_the_error(tmp_path):
    (tmp_path / "notes.md").write_text("# not a report", encoding="utf-8")
    result = lxw("extract", tmp_path)
    assert result.returncode == 2
    assert f"{tmp_path}: no .docx, .pdf, .txt files in this folder" in result.stderr


def test_extract_writes_an_excel_workbook_when_the_output_ends_in_xlsx(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "facts.xlsx"
    result = lxw("extract", LAXIWA_2024, "-o", out)
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == FACT_COLUMNS and len(rows) - 1 == len(pd.read_csv(lxw_csv(tmp_path)))
    assert sheet.freeze_panes == "A2"  # the header stays in view
    letter = {name: cell.column_letter for name, cell in zip(rows[0], sheet[1])}
    assert sheet.column_dimensions[letter["quote"]].width > sheet.column_dimensions[letter["year"]].width


def lxw_csv(tmp_path):
    out = tmp_path / "facts.csv"
    assert lxw("extract", LAXIWA_2024, "-o", out).returncode == 0
    return out


@pytest.mark.parametrize("name", ["facts.json", "facts.xls", "facts"])
def test_an_output_suffix_that_is_not_written_is_refused_before_reading(tmp_path, name):
    result = lxw("extract", LAXIWA_2024, "-o", tmp_path / name)
    assert result.returncode == 2 and "not one of .csv, .parquet, .xlsx" in result.stderr
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_missing_input_is_reported_as_missing(tmp_path, command):
    result = lxw(command, tmp_path / "nowhere" / "2024.txt")
    assert result.returncode == 2 and "no such file or folder" in result.stderr
    assert str(tmp_path / "nowhere" / "2024.txt") in result.stderr


def test_a_file_name_and_text_that_disagree_on_the_year_are_named_in_a_warning(tmp_path):
    path = tmp_path / "data" / "raw" / "laxiwa" / "2025.txt"
    path.parent.mkdir(parents=True)
    path.write_text("拉西瓦镇2023年党建工作总结（虚构示例）\n全年开展学习17次。\n", encoding="utf-8")
    result = lxw("extract", path)
    assert result.returncode == 0, result.stderr
    warning = [line for line in result.stderr.splitlines() if line.startswith("lxw extract: warning: ")]
    assert len(warning) == 1 and "says 2025" in warning[0] and "begins with 2023" in warning[0]
    assert set(pd.read_csv(io.StringIO(result.stdout.lstrip("\ufeff")))["year"]) == {2025}  # the name wins


@pytest.mark.parametrize("confirm", ["flag", "files.csv"])
def test_a_year_given_or_listed_silences_the_disagreement(tmp_path, confirm):
    path = tmp_path / "data" / "raw" / "laxiwa" / "2025.txt"
    path.parent.mkdir(parents=True)
    path.write_text("拉西瓦镇2023年党建工作总结（虚构示例）\n全年开展学习17次。\n", encoding="utf-8")
    if confirm == "files.csv":
        (tmp_path / "data" / "raw" / "files.csv").write_text("file,township,year\nlaxiwa/2025.txt,拉西瓦镇,2025\n", encoding="utf-8")
    result = lxw("extract", path, *(["--year", "2025"] if confirm == "flag" else []))
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
