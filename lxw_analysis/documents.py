"""Word documents and PDFs as report text: one paragraph per line, the way the extractor reads it.

``read_document(path)`` returns a :class:`Document` whose ``.text`` can be given to
``extract_facts`` exactly like the text of a ``.txt`` report: every paragraph is one line, so
numbered headings (一、 / （一） / 第X部分) and themed paragraphs (以…为…) start lines and
become sections. Offsets of facts are offsets into ``.text``; for a PDF, ``page_of`` tells
the page an offset lies on.

- ``.docx``: read by ``word.py``; ``.pdf`` with a text layer: read by ``pdf.py``;
- ``.txt``: as ``text.read_text`` reads it.

Every problem with a file (corrupt, encrypted, scanned, unsupported) is an ``LxwError``
naming the file.
"""

from __future__ import annotations

from pathlib import Path

from . import config
from .errors import LxwError
from .files import unsupported
from .paragraphs import Document, page_of
from .pdf import read_pdf
from .text import read_text
from .word import read_docx

__all__ = ["DOCUMENT_SUFFIXES", "Document", "page_of", "read_document", "size_limit"]

#: File types ``read_document`` reads.
DOCUMENT_SUFFIXES = {".txt", ".docx", ".pdf"}


def size_limit(path: Path) -> int:
    """The largest report file read: Word and PDF files carry photos, a text file only text.

    >>> size_limit(Path("2024.docx")) > size_limit(Path("2024.txt"))
    True
    """
    return config.MAX_DOCUMENT_BYTES if Path(path).suffix.lower() in {".docx", ".pdf"} else config.MAX_REPORT_BYTES


def read_document(path: str | Path) -> Document:
    """The report text of a ``.docx``, ``.pdf`` or ``.txt`` file (see the module docstring)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        hint = "Open it in Word or WPS and save it as .docx first." if suffix in {".doc", ".wps", ".rtf"} else ""
        raise unsupported(path, DOCUMENT_SUFFIXES, "reports", hint)
    if suffix == ".txt":
        return Document(read_text(path), "txt", path)
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            head = file.read(1024)
    except OSError as err:
        raise LxwError(f"{path}: cannot be read ({err.strerror or err}).") from err
    if not head:
        raise LxwError(f"{path}: the file is empty. Expected a report; check the file was saved or exported fully.")
    if size > size_limit(path):
        raise LxwError(
            f"{path}: {size / 2**20:,.0f} MB, more than a report is expected to be "
            f"(at most {size_limit(path) / 2**20:,.0f} MB). Save it with smaller pictures, or leave it out."
        )
    if suffix == ".docx":
        return read_docx(path, head)
    return read_pdf(path, head)
