"""Every raw file is accounted for: read, passed over because it is not data, or listed as not read.

The made-up project below holds, beside the shipped report, one of each file that used to stop
a build (or vanish from it without a word): an office lock file, a macOS companion, hidden
files, a notes file with no year, a CSV with one bad cell, a truncated Word file, a Word file
over 20 MB because of its photos, and a workbook whose formulas have no stored values.
"""

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT
from lxw_analysis import LxwError, extract_facts, load_facts, read_table
from lxw_analysis.rawfiles import inventory, listing
from test_build import tree_digest

BUILD = [sys.executable, "-m", "lxw_analysis", "build"]
REPORT_TEXT = "2023年，拉西瓦镇开展党委理论学习中心组学习12次，组织农牧民技能培训300人次。"


def madeup_docx(text: str, photo_bytes: int = 0) -> bytes:
    """A Word report with ``text``; ``photo_bytes`` of incompressible picture data inside it."""
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    if photo_bytes:
        with zipfile.ZipFile(buffer, "a") as archive:
            archive.writestr("word/media/image1.png", os.urandom(photo_bytes))
    return buffer.getvalue()


def madeup_formula_workbook(path: Path, total: str = "=SUM(B2:B3)") -> None:
    """A workbook written by a program (openpyxl): formulas with no stored values, as Excel never saved it."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["村名", "2024年村集体经济收入（万元）"])
    sheet.append(["上庄村", "=10+2.5"])
    sheet.append(["下庄村", 30])
    sheet.append(["合计", total])
    book.save(path)


@pytest.fixture
def messy_project(raw_copy):
    """The shipped data plus every kind of file a real project folder holds."""
    town = raw_copy / "laxiwa"
    (town / "~$2024.docx").write_bytes(b"\x0cAdministrator" + bytes(150))  # Word's lock file
    (town / "._2024.txt").write_bytes(b"\x00\x05\x16\x07Mac OS X        ")  # macOS AppleDouble
    (raw_copy / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (raw_copy / ".git").mkdir()
    (raw_copy / ".git" / "notes.txt").write_text("not data", encoding="utf-8")
    (town / "说明.txt").write_text("这些是拉西瓦镇的工作报告，来源见 SOURCES.md。", encoding="utf-8")
    (town / "madeup_villages_2023.csv").write_text(
        "村名,2023年村集体经济收入（万元）\n上庄村,12\n下庄村,约十几\n", encoding="utf-8"
    )
    (town / "2022.docx").write_bytes(madeup_docx(REPORT_TEXT.replace("2023", "2022"))[:900])  # cut short
    (town / "2023.docx").write_bytes(madeup_docx(REPORT_TEXT, photo_bytes=21 * 2**20))
    madeup_formula_workbook(town / "madeup_incomes_2024.xlsx")
    os.mkfifo(town / "2021.txt")  # a pipe: reading it would wait for ever
    return raw_copy


@pytest.fixture
def messy_build(messy_project, tmp_path):
    raw_digest = tree_digest(messy_project)
    out = {"processed": tmp_path / "processed", "reports": tmp_path / "reports"}
    args = ["--raw", str(messy_project), "--processed", str(out["processed"]), "--reports", str(out["reports"])]
    result = subprocess.run(BUILD + args, capture_output=True, text=True, cwd=ROOT)
    assert tree_digest(messy_project) == raw_digest, "the raw folder was changed"
    return result, out, messy_project


NOT_READ = {
    "说明.txt": "cannot tell the year",
    "madeup_villages_2023.csv": "which is not a number",
    "2022.docx": "cannot be read as a Word document",
    "2021.txt": "not a regular file",
}


def test_one_build_lists_every_file_it_could_not_read_and_exits_non_zero(messy_build):
    result, _, raw = messy_build
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    for name, reason in NOT_READ.items():
        line = next((x for x in result.stderr.splitlines() if f"NOT READ: {raw / 'laxiwa' / name}" in x), "")
        assert reason in line, f"{name}: {line or 'not listed'}"
    assert f"{len(NOT_READ)} raw file(s) not read" in result.stderr


def test_the_rest_of_the_project_is_built_including_the_large_word_report(messy_build):
    _, out, _ = messy_build
    facts = load_facts(out["processed"])
    years = facts.groupby("year").size().to_dict()
    assert years.get(2024, 0) > 39, "the shipped report and the formula workbook"
    assert facts.query("year == 2023 and unit == '人次'")["value"].tolist() == [300.0], "the 21 MB Word report"
    assert (out["reports"] / "index.html").exists()


def test_the_index_lists_each_file_not_read_with_its_reason(messy_build):
    _, out, _ = messy_build
    index = (out["reports"] / "index.html").read_text(encoding="utf-8")
    section = index.split("Files not read", 1)[1].split("<h2", 1)[0]
    for name, reason in NOT_READ.items():
        assert f"raw/laxiwa/{name}" in section and reason in section


def test_lock_files_and_hidden_files_are_passed_over_without_a_word(messy_build):
    result, out, _ = messy_build
    index = (out["reports"] / "index.html").read_text(encoding="utf-8")
    for name in ["~$2024.docx", "._2024.txt", ".DS_Store", ".git"]:
        assert name not in result.stderr and name not in index


def test_a_file_that_names_no_year_gets_advice_that_works_for_lxw_build(messy_build):
    result, _, _ = messy_build
    line = next(x for x in result.stderr.splitlines() if "NOT READ" in x and "说明.txt" in x)
    assert "data/raw/files.csv" in line and "data/raw/.lxwignore" in line


def test_the_ignore_file_and_the_listing_file_are_followed(messy_project, tmp_path):
    (messy_project / ".lxwignore").write_text("# notes, not reports\n说明.txt\n*/madeup_villages_*.csv\n", encoding="utf-8")
    (messy_project / "laxiwa" / "2022.docx").unlink()
    (messy_project / "laxiwa" / "2021.txt").unlink()  # the pipe
    (messy_project / "laxiwa" / "madeup_undated.docx").write_bytes(madeup_docx(REPORT_TEXT.replace("2023年，", "")))
    (messy_project / "files.csv").write_text("file,township,year\nlaxiwa/madeup_undated.docx,拉西瓦镇,2022\n", encoding="utf-8")
    args = ["--raw", str(messy_project), "--processed", str(tmp_path / "p"), "--reports", str(tmp_path / "r")]
    result = subprocess.run(BUILD + args, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "NOT READ" not in result.stderr and "说明.txt" not in result.stderr
    facts = load_facts(tmp_path / "p")
    assert facts.query("year == 2022")["value"].tolist() == [12.0, 300.0]


def test_an_unreadable_folder_is_listed_not_skipped(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    (raw / "laxiwa").mkdir(parents=True)
    (raw / "laxiwa" / "2024.txt").write_text(REPORT_TEXT, encoding="utf-8")
    (raw / "gonghe").mkdir()
    real_scandir = os.scandir

    def scandir_denied(folder):  # as root here, chmod cannot take the right away
        if str(folder) == str(raw / "gonghe"):
            raise PermissionError(13, "Permission denied", str(folder))
        return real_scandir(folder)

    monkeypatch.setattr("lxw_analysis.rawfiles.os.scandir", scandir_denied)
    found = inventory(raw, {".txt"})
    assert found.files == [raw / "laxiwa" / "2024.txt"]
    assert [str(r.path) for r in found.refused] == [str(raw / "gonghe")]
    assert "cannot be opened (Permission denied)" in found.refused[0].reason


def test_files_are_listed_in_the_order_of_their_paths_a_folder_at_its_name_s_place(tmp_path):
    raw = tmp_path / "raw"
    for name in ["b/2024.txt", "a.txt", "a/2024.txt", "b/c/2022.txt", "B.txt", ".hidden/2020.txt", "b/2023.txt"]:
        (raw / name).parent.mkdir(parents=True, exist_ok=True)
        (raw / name).write_text(REPORT_TEXT, encoding="utf-8")
    found = inventory(raw, {".txt"}).files
    assert [p.relative_to(raw).as_posix() for p in found] == [
        "B.txt", "a/2024.txt", "a.txt", "b/2023.txt", "b/2024.txt", "b/c/2022.txt"
    ]
    assert found == sorted(found)


@pytest.mark.parametrize("written", ["raw", "./raw", "raw/", "./raw//"])
def test_a_listing_as_text_names_the_files_as_their_paths_write_them(tmp_path, monkeypatch, written):
    (tmp_path / "raw" / "laxiwa").mkdir(parents=True)
    (tmp_path / "raw" / "laxiwa" / "2024.txt").write_text(REPORT_TEXT, encoding="utf-8")
    (tmp_path / "raw" / "2023.txt").write_text(REPORT_TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    listed = listing(Path(written) if written == "raw" else written, {".txt"})
    assert listed == ["raw/2023.txt", "raw/laxiwa/2024.txt"]
    assert listed == [str(p) for p in inventory(Path("raw"), {".txt"}).files]


def test_special_files_and_links_out_of_the_project_are_refused(tmp_path):
    raw = tmp_path / "project" / "raw"
    raw.mkdir(parents=True)
    os.mkfifo(raw / "2024.txt")  # reading it would wait for ever
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(REPORT_TEXT, encoding="utf-8")
    (raw / "2023.txt").symlink_to(outside)
    inside = tmp_path / "project" / "kept.txt"
    inside.write_text(REPORT_TEXT, encoding="utf-8")
    (raw / "2022.txt").symlink_to(inside)
    found = inventory(raw, {".txt"})
    assert found.files == [raw / "2022.txt"]
    reasons = {r.path.name: r.reason for r in found.refused}
    assert "not a regular file" in reasons["2024.txt"] and "outside the project" in reasons["2023.txt"]


def test_formula_cells_without_stored_values_are_computed(tmp_path):
    path = tmp_path / "拉西瓦镇" / "madeup_incomes_2024.xlsx"
    path.parent.mkdir()
    madeup_formula_workbook(path)
    facts = read_table(path)
    values = dict(zip(facts["village"].fillna("合计"), facts["value"]))
    assert values == {"上庄村": 125_000.0, "下庄村": 300_000.0, "合计": 425_000.0}  # 万元 read as 元


def test_a_formula_that_cannot_be_computed_is_named_with_its_cell(tmp_path):
    path = tmp_path / "拉西瓦镇" / "madeup_incomes_2024.xlsx"
    path.parent.mkdir()
    madeup_formula_workbook(path, total="=NOSUCHFUNCTION(B2:B3)")
    with pytest.raises(LxwError, match=r"cell Sheet!B4 holds the formula =NOSUCHFUNCTION\(B2:B3\) but no value"):
        read_table(path)


LINE_ENDS = {"LF": "\n", "CRLF": "\r\n", "CR": "\r"}
#: Made-up lines without closing punctuation, as table-like report lines often are.
UNPUNCTUATED = "一、集体经济\n全镇村集体经济收入50万元以上的村3个\n二、技能培训\n培训农牧民120人次\n"


@pytest.mark.parametrize("ending", LINE_ENDS, ids=list(LINE_ENDS))
def test_cr_crlf_and_lf_all_end_lines(ending):
    lf = extract_facts(UNPUNCTUATED, year=2024, township="拉西瓦镇")
    other = extract_facts(UNPUNCTUATED.replace("\n", LINE_ENDS[ending]), year=2024, township="拉西瓦镇")
    assert other["section"].tolist() == lf["section"].tolist() == ["集体经济", "技能培训"]
    assert [q.strip() for q in other["quote"]] == [q.strip() for q in lf["quote"]]
    assert other["value"].tolist() == [3.0, 120.0]


def test_the_listing_file_gives_a_table_its_township_and_year(tmp_path):
    raw = tmp_path / "data" / "raw"
    (raw / "incoming").mkdir(parents=True)
    (raw / "incoming" / "madeup_villages.csv").write_text("村名,村集体经济收入（万元）\n上庄村,12\n", encoding="utf-8")
    with pytest.raises(LxwError, match="files.csv"):
        read_table(raw / "incoming" / "madeup_villages.csv", data_dir=raw.parent)
    (raw / "files.csv").write_text("file,township,year\nincoming/madeup_villages.csv,拉西瓦镇,2023\n", encoding="utf-8")
    facts = read_table(raw / "incoming" / "madeup_villages.csv", data_dir=raw.parent)
    assert facts[["township", "year", "value"]].values.tolist() == [["拉西瓦镇", 2023, 120_000.0]]
