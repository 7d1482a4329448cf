"""Every path the package uses, built in one place.

The project folder is the ``LXW_PROJECT_DIR`` environment variable, else the nearest folder
at or above the current one holding ``lxw-project.toml`` (which ``lxw init`` writes), else the
one holding ``pyproject.toml`` above this package (an editable install, the usual set-up), else
the current directory (see ``project_dir``). Commands take flags to point elsewhere; notebooks
get paths as parameters.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

__all__ = [
    "PACKAGE_DIR",
    "MAX_REPORT_BYTES",
    "MAX_TABLE_BYTES",
    "project_dir",
    "data_dir",
    "raw_dir",
    "processed_dir",
    "references_dir",
    "notebooks_dir",
    "reports_dir",
    "example_dir",
    "example_output_dir",
]

PACKAGE_DIR = Path(__file__).resolve().parent

#: Reports larger than this are refused: a township's yearly report is well under 1 MB, so a
#: file this size is several documents joined, or not a report, and would take long to read.
MAX_REPORT_BYTES = 20 * 2**20
#: Word and PDF reports may be larger, as photos and scans make them; the text a .docx holds is
#: bounded by ``MAX_UNZIPPED_BYTES`` below.
MAX_DOCUMENT_BYTES = 200 * 2**20
#: Tables (CSV, XLSX) larger than this are refused, for the same reason.
MAX_TABLE_BYTES = 50 * 2**20
#: A statistic's quote is its sentence; in a sentence longer than this (a line without
#: punctuation) it is this many characters around the number, and the subject, village and
#: indicator are read there too.
MAX_QUOTE_CHARS = 400
#: A number is at most this many characters as written (六亿三千八百一十五万四千三百二十一 is
#: 17; 1,234,567,890.12 is 16) and at most this large (in its unit: 元, 人 …); a longer run of
#: digits or numerals, or a larger value, is not read as a statistic.
MAX_NUMBER_CHARS = 40
MAX_VALUE = 1e15
#: What a .docx or .xlsx (a zip archive) may expand to, checked in its central directory before
#: it is parsed: its parts' total uncompressed size, their number, and how much more one part
#: of over a megabyte may hold than it takes (real documents compress text ten to fifty times).
MAX_UNZIPPED_BYTES = 400 * 2**20
MAX_ZIP_PARTS = 10_000
MAX_ZIP_RATIO = 200

#: How long one notebook cell may run, and a whole notebook, in seconds, before the build stops
#: it and marks its page as failed; and how often the build checks that the notebook's kernel
#: is still alive (a kernel killed or out of memory would otherwise leave the build waiting).
CELL_TIMEOUT = 600
NOTEBOOK_TIMEOUT = 1800
KERNEL_WATCH_SECONDS = 1.0
#: How long a kernel may take to start and answer, or to be reset between two pages, in seconds.
KERNEL_START_TIMEOUT = 60

#: A report page shows at most this many rows of a table (it says how many it leaves out), and
#: carries a table as a CSV download up to this size; the processed data hold every row.
MAX_SHOWN_ROWS = 300
MAX_DOWNLOAD_BYTES = 8 * 2**20


def project_dir() -> Path:
    """The project folder (holds ``data/``, ``notebooks/``, ``reports/``), the first of:

    1. the ``LXW_PROJECT_DIR`` environment variable;
    2. the nearest folder at or above the current one that holds ``lxw-project.toml``, the
       marker ``lxw init`` writes (so ``lxw build`` run anywhere inside a project builds it);
    3. the folder holding ``pyproject.toml`` above this package (the repository of an
       editable install);
    4. the current folder.

    Worked out once per current folder (extraction asks for it per report).
    """
    if os.environ.get("LXW_PROJECT_DIR"):
        return Path(os.environ["LXW_PROJECT_DIR"]).resolve()
    try:
        here = os.getcwd()
    except OSError:  # the current folder was removed
        here = None
    return _project_dir_from(here)


@lru_cache(maxsize=32)
def _project_dir_from(here: str | None) -> Path:
    start = Path(here).resolve() if here else None
    for folder in (start, *start.parents) if start else ():
        if (folder / "lxw-project.toml").is_file():
            return folder
    if (PACKAGE_DIR.parent / "pyproject.toml").exists():
        return PACKAGE_DIR.parent
    return Path.cwd()


def data_dir() -> Path:
    return project_dir() / "data"


def raw_dir() -> Path:
    """Immutable inputs: ``data/raw/<township>/<year>.<ext>``."""
    return data_dir() / "raw"


def processed_dir() -> Path:
    """Tidy outputs of the build: ``facts.csv``, ``facts.parquet``."""
    return data_dir() / "processed"


def references_dir() -> Path:
    """A project's own reference data (indicator phrasings …), read over the package's defaults."""
    return project_dir() / "references"


def notebooks_dir() -> Path:
    return project_dir() / "notebooks"


def reports_dir() -> Path:
    return project_dir() / "reports"


def example_dir() -> Path:
    """The made-up multi-year example shipped with the package (its raw/ folder is the input)."""
    return PACKAGE_DIR / "examples" / "madeup_qingshi"


def example_output_dir() -> Path:
    """Where ``lxw build --example`` writes, apart from the real outputs."""
    return project_dir() / "build" / "example"
