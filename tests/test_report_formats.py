"""Word and PDF reports go through extraction and the build like text reports."""

import subprocess
import sys

import pandas as pd

from conftest import ROOT
from lxw_analysis.documents import read_document
from test_documents import PARAGRAPHS, REPORT, layout, save_docx, save_pdf

COMPARED = ["value", "unit", "qualifier", "label", "section", "band_low", "band_high"]


def lxw(*args):
    return subprocess.run([sys.executable, "-m", "lxw_analysis", *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def extracted(path, tmp_path) -> pd.DataFrame:
    out = tmp_path / f"{path.name}.csv"
    result = lxw("extract", path, "-o", out)
    assert result.returncode == 0, result.stderr
    return pd.read_csv(out, encoding="utf-8-sig")


def test_word_and_pdf_reports_give_the_facts_of_their_text_twin(tmp_path):
    txt = tmp_path / "madeup_yunling_2023.txt"
    txt.write_text(REPORT, encoding="utf-8")
    docx_path = save_docx(tmp_path / "madeup_yunling_2023.docx")
    pdf_path = save_pdf(tmp_path / "madeup_yunling_2023.pdf", layout(PARAGRAPHS, lines_per_page=5))
    expected = extracted(txt, tmp_path)[COMPARED]
    assert len(expected) >= 15
    for path in (docx_path, pdf_path):
        pd.testing.assert_frame_equal(extracted(path, tmp_path)[COMPARED], expected)


def test_pdf_facts_name_the_page_they_are_on(tmp_path):
    pdf_path = save_pdf(tmp_path / "madeup_yunling_2023.pdf", layout(PARAGRAPHS, lines_per_page=5))
    sources = extracted(pdf_path, tmp_path)["source"]
    pages = {int(s.rsplit("#page=", 1)[1]) for s in sources}
    assert pages >= {1, 2, 3} and all(s.split("#")[0].endswith("madeup_yunling_2023.pdf") for s in sources)


def test_build_keeps_the_text_each_document_was_read_as_and_offsets_index_it(tmp_path, raw_copy):
    folder = raw_copy / "云岭乡"
    folder.mkdir()
    docx_path = folder / "madeup_2023.docx"
    save_docx(docx_path)
    result = lxw("build", "--raw", raw_copy, "--processed", tmp_path / "p", "--reports", tmp_path / "r")
    assert result.returncode == 0, result.stderr
    kept = (tmp_path / "p" / "text" / "云岭乡" / "2023.txt").read_text(encoding="utf-8")
    assert kept == read_document(docx_path).text
    facts = pd.read_parquet(tmp_path / "p" / "facts.parquet")
    mine = facts[facts["township"] == "云岭乡"]
    assert len(mine) >= 15 and set(mine["source"]) == {"raw/云岭乡/madeup_2023.docx"}
    assert all(kept[s:e] == t for s, e, t in zip(mine["start"], mine["end"], mine["text"]))
    assert (tmp_path / "p" / "text" / "laxiwa" / "2024.txt").read_bytes() == (raw_copy / "laxiwa" / "2024.txt").read_bytes()


def test_a_scanned_pdf_is_listed_as_not_read_while_the_rest_is_built(tmp_path, raw_copy):
    import numpy as np
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    scan = raw_copy / "laxiwa" / "madeup_scan_2023.pdf"
    with PdfPages(scan) as pdf:  # an image and no text: a scan
        fig = Figure(figsize=(3, 3))
        fig.figimage(np.random.default_rng(0).random((60, 60)))
        pdf.savefig(fig)
    result = lxw("build", "--raw", raw_copy, "--processed", tmp_path / "p", "--reports", tmp_path / "r")
    assert result.returncode == 1
    assert "madeup_scan_2023.pdf" in result.stderr and "no text layer" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "p" / "facts.csv").exists() and (tmp_path / "r" / "index.html").exists()


def test_a_table_of_villages_in_a_word_report_becomes_rows_like_a_spreadsheet(tmp_path):
    table = [
        ["序号", "村名", "2023年收入（万元）", "2024年收入（万元）"],
        ["1", "上庄村", "12.5", "15"],
        ["2", "下河村", "—", "8"],
        ["合计", "", "12.5", "23"],
    ]
    path = save_docx(tmp_path / "madeup_yunling_2024.docx", table=table)
    facts = extracted(path, tmp_path)
    rows = facts[facts["indicator"] == "village_collective_income"]
    assert sorted(zip(rows["village"].fillna("合计"), rows["year"], rows["value"])) == [
        ("上庄村", 2023, 125000.0), ("上庄村", 2024, 150000.0), ("下河村", 2024, 80000.0),
        ("合计", 2023, 125000.0), ("合计", 2024, 230000.0),
    ]  # fmt: skip
    assert all("#表1!" in s for s in rows["source"])
