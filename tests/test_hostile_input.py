"""Hostile and oversized input: archives that expand past the limits of config.py, one endless
line, endless numerals, undecodable bytes, and text a spreadsheet would run as a formula.

Every input here is made up by the test, at small scale with the limits lowered, so the suite
stays fast; each is refused with a message naming the file, or read within bounds.
"""

from __future__ import annotations

import codecs
import io
import math
import subprocess
import sys
import zipfile

import docx
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from conftest import ROOT
from lxw_analysis import LxwError, config, extract_facts, load_facts
from lxw_analysis.documents import read_document
from lxw_analysis.facts import write_facts
from lxw_analysis.numbers import parse_number
from lxw_analysis.tables import read_table
from lxw_analysis.text import decode_bytes, read_text

STATISTIC = "拉西瓦镇开展理论学习17次，培训党员300余人"


def lxw(*args):
    return subprocess.run(
        [sys.executable, "-m", "lxw_analysis", *map(str, args)], capture_output=True, text=True, cwd=ROOT
    )


def _docx_bytes(text: str) -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph(text)
    document.save(buffer)
    return buffer.getvalue()


def _xlsx_bytes(rows) -> bytes:
    buffer = io.BytesIO()
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(buffer)
    return buffer.getvalue()


def _with_part(archive: bytes, name: str, data: bytes) -> bytes:
    """A copy of a zip archive with one part replaced (or added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != name:
                dst.writestr(item, src.read(item))
        dst.writestr(name, data)
    return out.getvalue()


def _with_parts(archive: bytes, count: int) -> bytes:
    out = archive
    for n in range(count):
        out = _with_part(out, f"customXml/madeup{n}.xml", b"<x/>")
    return out


def _read(path):
    return read_table(path, township="新寨乡", year=2024) if path.suffix == ".xlsx" else read_document(path)


# --- archives that expand past the limits ------------------------------------------------------

_WORDS = "".join(f"<w:p><w:r><w:t>第{n}段</w:t></w:r></w:p>" for n in range(30_000)).encode()
_BODY = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'


@pytest.mark.parametrize(
    "suffix, part, data, limit, value, words",
    [
        (
            ".docx",
            "word/document.xml",
            _BODY + _WORDS + b"</w:body></w:document>",
            "MAX_UNZIPPED_BYTES",
            2**20,
            "expands to",
        ),
        (
            ".docx",
            "word/document.xml",
            _BODY + b"<w:p/>" * 400_000 + b"</w:body></w:document>",
            "MAX_ZIP_RATIO",
            200,
            "expands",
        ),
        (
            ".xlsx",
            "xl/sharedStrings.xml",
            b"<sst>" + b"<si><t>a</t></si>" * 200_000 + b"</sst>",
            "MAX_ZIP_RATIO",
            200,
            "expands",
        ),
        (
            ".xlsx",
            "xl/worksheets/sheet1.xml",
            b"<worksheet>" + _WORDS + b"</worksheet>",
            "MAX_UNZIPPED_BYTES",
            2**20,
            "expands to",
        ),
    ],
    ids=["docx-total-size", "docx-ratio", "xlsx-shared-strings-ratio", "xlsx-sheet-total-size"],
)
def test_an_archive_that_expands_past_the_limit_is_refused_before_parsing(
    tmp_path, monkeypatch, suffix, part, data, limit, value, words
):
    monkeypatch.setattr(config, limit, value)
    base = _docx_bytes("第一段") if suffix == ".docx" else _xlsx_bytes([["村名", "2024年收入（万元）"], ["上庄村", 12]])
    path = tmp_path / f"madeup_bomb{suffix}"
    path.write_bytes(_with_part(base, part, data))
    with pytest.raises(LxwError, match=words) as raised:
        _read(path)
    assert str(path) in str(raised.value) and "not read" in str(raised.value)


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_an_archive_of_too_many_parts_is_refused(tmp_path, monkeypatch, suffix):
    monkeypatch.setattr(config, "MAX_ZIP_PARTS", 20)
    base = _docx_bytes("第一段") if suffix == ".docx" else _xlsx_bytes([["村名"]])
    path = tmp_path / f"madeup_parts{suffix}"
    path.write_bytes(_with_parts(base, 20))
    with pytest.raises(LxwError, match="parts"):
        _read(path)


def test_a_word_document_declaring_entities_is_read_without_expanding_them(tmp_path):
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "hahahahahahahahahaha">'
        + b"".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">'.encode() for p, c in zip("abcdefg", "bcdefgh"))
        + b"]>"
        + _BODY
        + "<w:p><w:r><w:t>&h;</w:t></w:r></w:p><w:p><w:r><w:t>培训17次</w:t></w:r></w:p></w:body></w:document>".encode()
    )
    path = tmp_path / "madeup_laughs.docx"
    path.write_bytes(_with_part(_docx_bytes(""), "word/document.xml", laughs))
    try:
        text = read_document(path).text
    except LxwError as err:
        assert str(path) in str(err)
    else:
        assert len(text) < 1000 and "hahahaha" * 10 not in text


# --- one endless line --------------------------------------------------------------------------


def test_a_report_of_one_line_gives_bounded_quotes_with_exact_offsets():
    text = "，".join([STATISTIC] * 3_000)  # 78,000 characters without a 。
    facts = extract_facts(text)
    assert len(facts) == 6_000
    assert facts["quote"].str.len().max() <= config.MAX_QUOTE_CHARS
    assert all(text[s:e] == t for s, e, t in zip(facts["start"], facts["end"], facts["text"]))
    assert all(q in text for q in facts["quote"].head(50))
    once = extract_facts(STATISTIC + "。")
    assert facts["label"].head(2).tolist() == once["label"].tolist()  # read as in an ordinary sentence


def test_one_line_without_any_punctuation_is_read_linearly():
    text = "".join(["开展学习17次培训党员300人"] * 5_000)
    facts = extract_facts(text)
    assert facts["quote"].str.len().max() <= config.MAX_QUOTE_CHARS
    assert (facts["value"] == 17).sum() == 5_000


# --- endless numerals --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "run",
    ["九" * 320, "9" * 400, "9" * 41, "一" * 100_000, "9" * 1_000_000],
    ids=["320-chinese-numerals", "400-digits", "41-digits", "100k-numerals", "1M-digits"],
)
def test_a_run_of_numerals_longer_than_any_statistic_is_not_a_value(run):
    facts = extract_facts(f"拉西瓦镇2024年投资{run}万元，培训党员12人。")
    assert facts["value"].map(math.isfinite).all()
    assert facts["value"].abs().max() <= config.MAX_VALUE
    assert (facts["value"] == 12).any()


@pytest.mark.parametrize("text", ["九" * 320, "9" * 41, "1" + "0" * 20])
def test_parse_number_refuses_what_no_statistic_is(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize("cell", ["9" * 400, "1e400", 1e308])
def test_a_table_cell_beyond_any_statistic_names_the_cell(tmp_path, cell):
    path = tmp_path / "madeup_huge.xlsx"
    path.write_bytes(_xlsx_bytes([["村名", "2024年村集体经济收入（万元）"], ["上庄村", cell]]))
    with pytest.raises(LxwError, match=r"B2.*(not a number|larger than any statistic)"):
        read_table(path, township="新寨乡", year=2024)


# --- undecodable text --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, offset",
    [
        (codecs.BOM_UTF16_LE + "培训党员".encode("utf-16-le") + b"\x00\xd8" + "人".encode("utf-16-le"), "byte 10"),
        (codecs.BOM_UTF8 + "培训".encode() + b"\xff\xfe\xfd" + "党员".encode(), "byte 9"),
    ],
    ids=["utf16-lone-surrogate", "utf8-bom-then-garbage"],
)
def test_an_undecodable_report_names_the_file_and_the_byte(tmp_path, data, offset):
    path = tmp_path / "madeup_broken_2024.txt"
    path.write_bytes(data)
    with pytest.raises(LxwError, match=offset) as raised:
        read_text(path)
    assert str(path) in str(raised.value)
    result = lxw("extract", path)
    assert result.returncode == 2 and str(path) in result.stderr and offset in result.stderr
    assert "Traceback" not in result.stderr and "unexpected" not in result.stderr


# --- text a spreadsheet would run --------------------------------------------------------------

INJECTED = '=HYPERLINK("http://example.invalid","点此")开展学习12次。'


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\t", "\r"])
def test_text_starting_a_formula_is_written_to_csv_behind_an_apostrophe(tmp_path, trigger):
    facts = extract_facts("拉西瓦镇2024年。开展学习12次。")
    facts["quote"] = f"{trigger}SUM(A1)开展学习12次"
    write_facts(facts, tmp_path)
    cells = pd.read_csv(tmp_path / "facts.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert cells["quote"].str.startswith("'").all()
    assert (load_facts(tmp_path / "facts.csv")["quote"] == f"{trigger}SUM(A1)开展学习12次").all()
    assert (load_facts(tmp_path / "facts.parquet")["quote"] == f"{trigger}SUM(A1)开展学习12次").all()


def test_text_that_already_starts_with_an_apostrophe_comes_back_as_written(tmp_path):
    facts = extract_facts("拉西瓦镇2024年。开展学习12次。")
    quotes = ["'=A1开展学习12次", "'开展学习12次", "''+1开展学习12次"]
    facts = pd.concat([facts] * 3, ignore_index=True).assign(quote=quotes)
    write_facts(facts, tmp_path)
    assert load_facts(tmp_path / "facts.csv")["quote"].tolist() == quotes


def test_lxw_extract_writes_an_excel_workbook_without_a_single_formula(tmp_path):
    report = tmp_path / "madeup_injected_2024.txt"
    report.write_text(f"拉西瓦镇2024年工作总结\n{INJECTED}\n+培训党员300人。\n", encoding="utf-8")
    out = tmp_path / "facts.xlsx"
    result = lxw("extract", report, "-o", out)
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(out).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    quotes = [c.value for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert quotes and all(q.startswith("=HYPERLINK") for q in quotes)  # the text as written, stored as text
    assert all(c.quotePrefix for c in cells if isinstance(c.value, str) and c.value[:1] in "=+-@")


def test_lxw_extract_to_standard_output_neutralises_formulas(tmp_path):
    report = tmp_path / "madeup_injected_2024.txt"
    report.write_text(f"拉西瓦镇2024年工作总结\n{INJECTED}\n", encoding="utf-8")
    result = lxw("extract", report)
    assert result.returncode == 0, result.stderr
    assert ",'=HYPERLINK" in result.stdout.replace('"', "")
    assert ",=HYPERLINK" not in result.stdout.replace('"', "")


# --- never crashes -----------------------------------------------------------------------------

_FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
_PIECES = st.sampled_from(
    ["拉西瓦镇", "2024年", "培训", "17次", "九" * 50, "9" * 45, "万元", "，", "。", "\r", "=", "余", "%"]
)


@_FUZZ
@given(st.binary(max_size=3000), st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE]))
def test_any_bytes_decode_to_text_or_a_clear_error(data, bom):
    try:
        assert isinstance(decode_bytes(bom + data, "madeup_fuzz.txt"), str)
    except LxwError as err:
        assert "madeup_fuzz.txt" in str(err)


@_FUZZ
@given(st.lists(_PIECES, max_size=400).map("".join))
def test_any_report_text_gives_finite_values_and_bounded_quotes(text):
    facts = extract_facts(text)
    assert facts["value"].map(math.isfinite).all()
    assert (facts["quote"].str.len() <= config.MAX_QUOTE_CHARS).all()
    assert all(text[s:e] == t for s, e, t in zip(facts["start"], facts["end"], facts["text"]))


@_FUZZ
@given(
    st.lists(st.lists(st.one_of(st.text(max_size=12), st.floats(), st.integers()), min_size=1, max_size=4), max_size=6)
)
def test_any_workbook_gives_finite_facts_or_a_clear_error(tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("fuzz") / "madeup_fuzz.xlsx"
    try:
        path.write_bytes(_xlsx_bytes([["村名", "2024年村集体经济收入（万元）"], *rows]))
    except Exception:  # noqa: BLE001 - openpyxl refuses some text (control characters) when writing
        return
    try:
        facts = read_table(path, township="新寨乡", year=2024)
    except LxwError as err:
        assert str(path) in str(err)
    else:
        assert facts["value"].dropna().map(math.isfinite).all()
