"""Word documents and PDFs are read into the same report text as a .txt file.

Every document here is made up from an invented report of a fictitious township (云岭乡): in
the test itself, saved as madeup_* in a temporary folder, except the PDF an office program
exported, tests/fixtures/madeup_yunling_2023_office.pdf, made once from the test's .docx.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from importlib import resources

import docx
import matplotlib
import matplotlib.lines
import pdfplumber
import pikepdf
import pytest
from docx.oxml import parse_xml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

import lxw_analysis.plots as plots
from conftest import ROOT
from lxw_analysis import LxwError, extract_facts
from lxw_analysis.documents import DOCUMENT_SUFFIXES, Document, page_of, read_document

TITLE = "云岭乡2023年工作总结（虚构示例）"
PARAGRAPHS = [
    TITLE,
    "一、抓理论学习，强化思想武装",
    "全年开展党委理论学习17次，组织党员干部集中培训1,200人次，举办专题讲座约30场，参训率达98.5%。"
    "认真学习“两个维护”和中央八项规定精神，周三集中学习。",
    "二、抓产业发展，壮大集体经济",
    "（一）项目投资。全乡争取各类项目资金1.2亿元，其中在上庄村投资3,500万元建设蔬菜大棚260座，在下河村新建牛舍15栋。",
    "（二）集体经济。全乡12个村中，村集体经济收入5万元以下的村2个、5万至10万元的村4个、10万元以上的村6个。",
    "三、抓民生保障",
    "发放临时救助金万余元，惠及群众3.5万人次，新增就业岗位不少于200个，农民人均可支配收入同比增长7.5%。",
]
REPORT = "\n".join(PARAGRAPHS) + "\n"
HEADINGS = {p for p in PARAGRAPHS if re.match("[一二三]、", p)}
ROW = ["value", "unit", "qualifier", "label", "section"]


def rows(text: str) -> list[tuple]:
    facts = extract_facts(text)
    return [tuple(r) for r in facts[ROW].astype(object).itertuples(index=False)]


@pytest.fixture(scope="module")
def txt_rows() -> list[tuple]:
    found = rows(REPORT)
    assert len(found) >= 15  # the made-up report is full of statistics
    return found


# --- Word -----------------------------------------------------------------------------------


def save_docx(path, paragraphs=PARAGRAPHS, table=None):
    doc = docx.Document()
    for text in paragraphs:
        if text == TITLE:
            doc.add_heading(text, level=0)
        elif text in HEADINGS:
            doc.add_heading(text, level=1)
        else:
            doc.add_paragraph(text)
        doc.add_paragraph("")  # empty paragraphs, as authors leave them, are dropped
    if table:
        grid = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, values in enumerate(table):
            for c, value in enumerate(values):
                grid.cell(r, c).text = value
        doc.add_paragraph("以上数据截至2023年底。")
    doc.save(path)
    return path


def test_docx_reads_as_the_same_text_and_facts_as_the_txt_report(tmp_path, txt_rows):
    doc = read_document(save_docx(tmp_path / "madeup_yunling_2023.docx"))
    assert doc.kind == "docx" and doc.pages == ()
    assert doc.text == REPORT
    assert rows(doc.text) == txt_rows


def test_docx_headings_are_own_lines_and_listed_with_their_level(tmp_path):
    doc = read_document(save_docx(tmp_path / "madeup_yunling_2023.docx"))
    lines = doc.text.splitlines()
    assert [(level, title) for _, level, title in doc.headings] == [
        (0, TITLE),
        (1, "一、抓理论学习，强化思想武装"),
        (1, "二、抓产业发展，壮大集体经济"),
        (1, "三、抓民生保障"),
    ]
    for offset, _, title in doc.headings:
        assert doc.text[offset:].startswith(title + "\n") and title in lines
    assert set(extract_facts(doc.text)["section"]) >= {"抓理论学习，强化思想武装", "抓民生保障"}


def test_docx_table_rows_come_through_as_lines_with_cells_joined(tmp_path):
    table = [["村名", "项目", "投资"], ["上庄村", "蔬菜大棚", "15万元"], ["下河村", "牛舍", "20万元"]]
    doc = read_document(save_docx(tmp_path / "madeup_villages.docx", PARAGRAPHS[:3], table))
    lines = doc.text.splitlines()
    table_at = lines.index("村名，项目，投资")
    assert lines[table_at : table_at + 4] == [
        "村名，项目，投资",
        "上庄村，蔬菜大棚，15万元",
        "下河村，牛舍，20万元",
        "以上数据截至2023年底。",
    ]
    assert lines[:3] == PARAGRAPHS[:3]  # document order: paragraphs, then the table, then the rest
    money = extract_facts(doc.text).query("unit == '元'")["value"].tolist()
    assert 150000 in money and 200000 in money


def test_docx_merged_cells_give_their_text_once(tmp_path):
    path = tmp_path / "madeup_merged.docx"
    document = docx.Document()
    grid = document.add_table(rows=3, cols=3)
    for r, values in enumerate([["村名", "项目", "投资"], ["上庄村", "蔬菜大棚", "15万元"], ["", "牛舍", "20万元"]]):
        for c, value in enumerate(values):
            grid.cell(r, c).text = value
    grid.cell(1, 0).merge(grid.cell(2, 0))  # 上庄村 spans two rows
    grid.cell(0, 1).merge(grid.cell(0, 2))  # one header over two columns
    document.save(path)
    lines = read_document(path).text.splitlines()
    assert lines[0].count("项目") == 1
    assert lines[1:] == ["上庄村，蔬菜大棚，15万元", "牛舍，20万元"]


_CHINESE_LIST = """
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="90">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>
</w:numbering>
"""


def test_docx_automatic_chinese_list_numbers_are_written_out_so_headings_become_sections(tmp_path):
    document = docx.Document()
    numbering = document.part.numbering_part.element
    definitions = parse_xml(_CHINESE_LIST)
    for child in definitions.findall("{*}abstractNum"):
        numbering.insert(0, child)
    for child in definitions.findall("{*}num"):
        numbering.append(child)

    def numbered(text, level):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(
                '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f'<w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
            )
        )

    numbered("抓理论学习", 0)
    document.add_paragraph("全年开展党委理论学习17次。")
    numbered("抓产业发展", 0)
    numbered("项目投资。在下河村新建牛舍15栋。", 1)
    numbered("集体经济。全乡12个村均有集体收入。", 1)
    path = tmp_path / "madeup_numbered.docx"
    document.save(path)
    doc = read_document(path)
    assert doc.text.splitlines() == [
        "一、抓理论学习",
        "全年开展党委理论学习17次。",
        "二、抓产业发展",
        "（一）项目投资。在下河村新建牛舍15栋。",
        "（二）集体经济。全乡12个村均有集体收入。",
    ]
    assert extract_facts(doc.text)["section"].tolist() == ["抓理论学习", "抓产业发展 / 项目投资", "抓产业发展 / 集体经济"]


def test_traditional_character_docx_gives_the_same_facts_as_its_txt(tmp_path):
    text = (ROOT / "tests" / "fixtures" / "madeup_donggou_2023_traditional.txt").read_text(encoding="utf-8")
    doc = read_document(save_docx(tmp_path / "madeup_donggou_2023.docx", text.splitlines()))
    assert doc.text == text
    assert rows(doc.text) == rows(text) and len(rows(text)) >= 5


# --- PDF ------------------------------------------------------------------------------------

FONT = FontProperties(fname=str(resources.files("mplfonts").joinpath("fonts", plots.CJK_FONT_FILE)), size=11)
PAGE_W, PAGE_H, MARGIN = 300.0, 260.0, 30.0  # points: a small page, so the report runs over several
LINE_H = 18.0
HEADER = "云岭乡人民政府（虚构示例）"


def _width(text: str) -> float:
    return TextToPath().get_text_width_height_descent(text, FONT, ismath=False)[0]


def wrap(paragraph: str, width: float) -> list[str]:
    """Lines as a word processor sets them: full to the margin; numbers are never split."""
    lines, line = [], ""
    for token in re.findall(r"[A-Za-z0-9.,%]+|.", paragraph):
        if line and _width(line + token) > width:
            lines.append(line)
            line = ""
        line += token
    return lines + [line]


def layout(paragraphs, lines_per_page: int) -> list[list[str]]:
    width = PAGE_W - 2 * MARGIN
    lines = [line for p in paragraphs for line in wrap(p, width)]
    return [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]


def save_pdf(path, pages, header=HEADER, footer="- {n} -"):
    """A PDF with a text layer: each page has a running header, its lines and a page number."""
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        for n, lines in enumerate(pages, 1):
            fig = Figure(figsize=(PAGE_W / 72, PAGE_H / 72))

            def put(text, y, x=MARGIN, size=None, fig=fig):
                font = FONT.copy()
                if size:
                    font.set_size(size)
                fig.text(x / PAGE_W, 1 - y / PAGE_H, text, fontproperties=font, va="top")

            if header:
                put(header, 10, size=8)
            for i, line in enumerate(lines):
                put(line, 40 + i * LINE_H)
            if footer:
                put(footer.format(n=n, total=len(pages)), PAGE_H - 20, x=PAGE_W / 2 - 10, size=8)
            pdf.savefig(fig)
    return path


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory):
    pages = layout(PARAGRAPHS, lines_per_page=5)
    path = save_pdf(tmp_path_factory.mktemp("pdf") / "madeup_yunling_2023.pdf", pages)
    return path, pages


def test_pdf_fixture_is_several_pages_with_a_sentence_broken_across_pages(report_pdf):
    _, pages = report_pdf
    assert len(pages) >= 3
    broken = [p[-1] for p in pages[:-1] if not p[-1].endswith("。") and p[-1] not in HEADINGS and p[-1] != TITLE]
    assert broken  # some page ends in the middle of a sentence


def test_pdf_reads_as_the_same_text_and_facts_as_the_txt_report(report_pdf, txt_rows):
    path, _ = report_pdf
    doc = read_document(path)
    assert doc.kind == "pdf"
    assert doc.text == REPORT
    assert rows(doc.text) == txt_rows


def test_pdf_running_header_and_page_numbers_are_dropped_and_sentences_rejoined(report_pdf):
    path, pages = report_pdf
    doc = read_document(path)
    assert HEADER not in doc.text
    assert not re.search(r"- ?\d+ ?-", doc.text)
    for paragraph in PARAGRAPHS:  # every paragraph whole on its line, across line and page breaks
        assert paragraph in doc.text.splitlines()


def test_page_of_gives_the_page_a_fact_is_on(report_pdf):
    path, pages = report_pdf
    doc = read_document(path)
    assert [number for _, _, number in doc.pages] == list(range(1, len(pages) + 1))
    facts = extract_facts(doc.text)
    for text in ("17次", "15栋", "200个"):
        fact = facts[facts["text"].str.contains(text)].iloc[0]
        expected = next(n for n, lines in enumerate(pages, 1) if any(text in line for line in lines))
        assert page_of(doc, int(fact["start"])) == expected
    assert page_of(doc, int(facts[facts["text"].str.contains("15栋")].iloc[0]["start"])) >= 2
    assert page_of(doc, -1) is None and page_of(doc, len(doc.text)) is None


@pytest.mark.parametrize("footer", ["第 {n} 页", "{n}/{total}", "{n}", "第{n}页 共{total}页", "Page {n} of {total}"])
def test_pdf_page_number_styles_are_dropped(tmp_path, footer):
    pages = layout(PARAGRAPHS, lines_per_page=6)
    doc = read_document(save_pdf(tmp_path / "madeup_footer.pdf", pages, header=None, footer=footer))
    assert doc.text == REPORT


def test_pdf_running_footer_with_the_page_number_inside_is_dropped(tmp_path):
    pages = layout(PARAGRAPHS, lines_per_page=6)
    doc = read_document(save_pdf(tmp_path / "madeup_footer.pdf", pages, footer="云岭乡工作总结 第{n}页"))
    assert doc.text == REPORT


def test_pdf_title_repeated_in_the_small_running_header_is_kept(tmp_path):
    pages = layout(PARAGRAPHS, lines_per_page=5)
    doc = read_document(save_pdf(tmp_path / "madeup_header.pdf", pages, header=TITLE))
    assert doc.text == REPORT


def test_pdf_paragraphs_starting_with_a_year_or_wrapping_a_numbered_clause_stay_as_written(tmp_path):
    paragraphs = [
        "云岭乡工作总结",
        "2023年，全乡开展党委理论学习17次。",
        "（一）项目投资，全乡争取各类项目资金1.2亿元，其中在上庄村投资3,500万元建设蔬菜大棚260座，在下河村新建牛舍15栋。",
        "三、抓民生保障",
        "2,500户群众受益。",
    ]
    doc = read_document(save_pdf(tmp_path / "madeup_wrap.pdf", layout(paragraphs, lines_per_page=4)))
    assert doc.text.splitlines() == paragraphs


def test_pdf_radical_code_points_read_as_the_ideographs_they_show(tmp_path):
    pages = [["全镇⼯作⼈员参加培训3次。"]]  # ⼯ ⼈: Kangxi radicals, as some PDF exporters map 工 人
    doc = read_document(save_pdf(tmp_path / "madeup_radicals.pdf", pages, header=None, footer=None))
    assert doc.text == "全镇工作人员参加培训3次。\n"


def test_pdf_pages_that_are_only_images_are_listed(tmp_path):
    import numpy as np

    path = tmp_path / "madeup_mixed.pdf"
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        fig = Figure(figsize=(3, 3))
        fig.text(0.1, 0.5, "全年开展党委理论学习17次。", fontproperties=FONT)
        pdf.savefig(fig)
        fig = Figure(figsize=(3, 3))
        fig.figimage(np.random.default_rng(0).random((60, 60)))
        pdf.savefig(fig)
    doc = read_document(path)
    assert doc.text == "全年开展党委理论学习17次。\n" and doc.image_only_pages == (2,)


def test_pdf_hyphenated_latin_word_is_joined(tmp_path):
    pages = [["全乡推广应用物联网（Inter-", "net of Things）技术，建成智慧大棚12座。"]]
    doc = read_document(save_pdf(tmp_path / "madeup_latin.pdf", pages, header=None, footer=None))
    assert doc.text == "全乡推广应用物联网（Internet of Things）技术，建成智慧大棚12座。\n"


def test_pdf_ruled_table_rows_come_through_as_lines(tmp_path):
    path = tmp_path / "madeup_table.pdf"
    rows_ = [["村名", "项目", "投资"], ["上庄村", "蔬菜大棚", "15万元"], ["下河村", "牛舍", "20万元"]]
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        fig = Figure(figsize=(PAGE_W / 72, PAGE_H / 72))
        fig.text(MARGIN / PAGE_W, 1 - 30 / PAGE_H, "各村投资情况如下：", fontproperties=FONT, va="top")
        xs, top, h = [MARGIN, 100, 180, 260], 60, 22
        for r, values in enumerate(rows_):
            for c, value in enumerate(values):
                fig.text((xs[c] + 4) / PAGE_W, 1 - (top + r * h + 5) / PAGE_H, value, fontproperties=FONT, va="top")
        for r in range(len(rows_) + 1):
            fig.add_artist(matplotlib.lines.Line2D([xs[0] / PAGE_W, xs[-1] / PAGE_W], [1 - (top + r * h) / PAGE_H] * 2, color="k"))
        for x in xs:
            y0, y1 = 1 - top / PAGE_H, 1 - (top + len(rows_) * h) / PAGE_H
            fig.add_artist(matplotlib.lines.Line2D([x / PAGE_W] * 2, [y0, y1], color="k"))
        pdf.savefig(fig)
    doc = read_document(path)
    assert doc.text.splitlines() == ["各村投资情况如下：", "村名，项目，投资", "上庄村，蔬菜大棚，15万元", "下河村，牛舍，20万元"]


def test_pdf_page_border_is_not_taken_for_a_table(tmp_path):
    path = tmp_path / "madeup_border.pdf"
    pages = layout(PARAGRAPHS, lines_per_page=7)
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        for lines in pages:
            fig = Figure(figsize=(PAGE_W / 72, PAGE_H / 72))
            for i, line in enumerate(lines):
                fig.text(MARGIN / PAGE_W, 1 - (40 + i * LINE_H) / PAGE_H, line, fontproperties=FONT, va="top")
            rule = 1 - (40 + LINE_H - 2) / PAGE_H  # under the first line: the frame has two boxes
            for xs, ys in [([0.05, 0.95], [0.05] * 2), ([0.05, 0.95], [0.95] * 2), ([0.05, 0.95], [rule] * 2),
                           ([0.05] * 2, [0.05, 0.95]), ([0.95] * 2, [0.05, 0.95])]:
                fig.add_artist(matplotlib.lines.Line2D(xs, ys, color="k"))
            pdf.savefig(fig)
    with pdfplumber.open(path) as pdf:
        assert pdf.pages[0].find_tables()  # pdfplumber alone would take the framed text for a table
    assert read_document(path).text == REPORT


def test_scanned_pdf_without_text_layer_is_refused_with_a_clear_message(tmp_path):
    import numpy as np

    path = tmp_path / "madeup_scan.pdf"
    with PdfPages(path) as pdf:
        for _ in range(2):
            fig = Figure(figsize=(3, 3))
            fig.figimage(np.random.default_rng(0).random((60, 60)))
            pdf.savefig(fig)
    with pytest.raises(LxwError) as err:
        read_document(path)
    message = str(err.value)
    assert str(path) in message and "no text layer" in message and "OCR" in message
    assert "text PDF" in message and "Word" in message


OFFICE_PDF = ROOT / "tests" / "fixtures" / "madeup_yunling_2023_office.pdf"


def save_office_docx(path):
    """The made-up report as an office user lays it out; OFFICE_PDF is LibreOffice's export of it.

    Justified text, indented paragraphs, a page header, a PAGE field footer and a ruled table.
    A change here needs the PDF made again, as tests/fixtures/README.md says.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(16)
    for text in PARAGRAPHS[:1] + PARAGRAPHS[1:] * 3:
        paragraph = document.add_paragraph(text)
        if text == TITLE:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.runs[0].font.size = Pt(22)
        else:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Pt(32)
    table = document.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for r, values in enumerate([["村名", "项目", "投资"], ["上庄村", "蔬菜大棚", "15万元"], ["下河村", "牛舍", "20万元"]]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER
    footer = section.footer.paragraphs[0]
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    footer._p.append(parse_xml(f'<w:r {w}><w:t xml:space="preserve">— </w:t></w:r>'))
    footer._p.append(parse_xml(f'<w:fldSimple {w} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    footer._p.append(parse_xml(f'<w:r {w}><w:t xml:space="preserve"> —</w:t></w:r>'))
    document.save(path)
    return path


def test_pdf_exported_by_an_office_program_reads_as_its_docx(tmp_path):
    """LibreOffice's PDF of the .docx save_office_docx makes reads as the same text and facts."""
    with pikepdf.open(OFFICE_PDF) as exported:
        assert "LibreOffice" in str(exported.docinfo.get("/Producer", ""))  # an office program's export
        assert len(exported.pages) >= 2
    source = read_document(save_office_docx(tmp_path / "madeup_yunling_2023_office.docx"))
    pdf = read_document(OFFICE_PDF)
    assert len(pdf.pages) >= 2 and HEADER not in pdf.text
    assert pdf.text == source.text
    assert rows(pdf.text) == rows(source.text) and len(rows(source.text)) >= 45
    assert "上庄村，蔬菜大棚，15万元" in pdf.text.splitlines()


# --- broken files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("madeup_broken.docx", b"PK\x03\x04 this is not really a zip archive", "cannot be read as a Word document"),
        ("madeup_broken.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "password"),
        ("madeup_broken.docx", b"%PDF-1.7\n", "looks like a PDF"),
        ("madeup_broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage", "cannot be read as a PDF"),
        ("madeup_broken.pdf", b"just some text", "not a PDF"),
        ("madeup_empty.pdf", b"", "empty"),
    ],
)
def test_corrupt_files_raise_a_clear_error_naming_the_file(tmp_path, name, data, says):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LxwError) as err:
        read_document(path)
    assert str(path) in str(err.value) and says in str(err.value)
    assert err.value.__cause__ is None and (err.value.__context__ is None or err.value.__suppress_context__)


def test_truncated_pdf_and_docx_raise_a_clear_error(tmp_path, report_pdf):
    docx_bytes = save_docx(tmp_path / "madeup_full.docx").read_bytes()
    for name, data in [("madeup_cut.pdf", report_pdf[0].read_bytes()), ("madeup_cut.docx", docx_bytes)]:
        path = tmp_path / name
        path.write_bytes(data[: len(data) // 3])
        with pytest.raises(LxwError, match=re.escape(str(path))):
            read_document(path)


def test_password_protected_pdf_says_so_and_a_permissions_only_pdf_reads(tmp_path, report_pdf):
    locked, permissions = tmp_path / "madeup_locked.pdf", tmp_path / "madeup_permissions.pdf"
    for user, target in (("secret", locked), ("", permissions)):
        with pikepdf.open(report_pdf[0]) as pdf:  # 256-bit AES (R=6), an owner password, and the user's
            pdf.save(target, encryption=pikepdf.Encryption(user=user, owner="owner", R=6))
    with pikepdf.open(permissions) as pdf:
        assert pdf.is_encrypted and pdf.encryption.bits == 256
    with pytest.raises(LxwError, match="password-protected"):
        read_document(locked)
    assert read_document(permissions).text == REPORT


def test_docx_without_text_says_so(tmp_path):
    path = tmp_path / "madeup_blank.docx"
    docx.Document().save(path)
    with pytest.raises(LxwError, match="contains no text"):
        read_document(path)


def test_unsupported_suffix_and_txt(tmp_path):
    with pytest.raises(LxwError, match=r"save it as \.docx first"):
        read_document(tmp_path / "madeup_old.doc")
    path = tmp_path / "madeup_yunling_2023.txt"
    path.write_bytes(REPORT.encode("gb18030"))
    assert read_document(path) == Document(REPORT, "txt", path)
    assert DOCUMENT_SUFFIXES == {".txt", ".docx", ".pdf"}


def _valid_files():
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


_EMPTY_DOCX = _valid_files()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    suffix=st.sampled_from([".docx", ".pdf"]),
    prefix=st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", _EMPTY_DOCX[:200]]),
    data=st.binary(max_size=600),
)
def test_arbitrary_bytes_give_a_document_or_a_clear_error(tmp_path, suffix, prefix, data):
    path = tmp_path / f"madeup_fuzz{suffix}"
    path.write_bytes(prefix + data)
    try:
        assert isinstance(read_document(path), Document)
    except LxwError as err:
        assert str(path) in str(err)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_damaged_real_files_give_a_document_or_a_clear_error(tmp_path, report_pdf, data):
    """Real files with some bytes overwritten: still a Document or an LxwError, never a crash."""
    original = data.draw(st.sampled_from([report_pdf[0].read_bytes(), _EMPTY_DOCX]))
    damaged = bytearray(original)
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(damaged) - 1))
        damaged[at] = data.draw(st.integers(0, 255))
    suffix = ".pdf" if original.startswith(b"%PDF") else ".docx"
    path = tmp_path / f"madeup_damaged{suffix}"
    path.write_bytes(bytes(damaged))
    try:
        assert isinstance(read_document(path), Document)
    except LxwError as err:
        assert str(path) in str(err)


def test_zip_that_is_not_a_word_document_is_refused(tmp_path):
    path = tmp_path / "madeup_sheet.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(LxwError, match="cannot be read as a Word document"):
        read_document(path)


if __name__ == "__main__":  # writes the .docx that tests/fixtures/madeup_yunling_2023_office.pdf is made from
    save_office_docx(sys.argv[1])
