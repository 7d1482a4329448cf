"""Raw files: which township and year each is, and its facts.

The flags a user gives win; then the path (``data/raw/<township>/<year>.txt``); then the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import reference
from .errors import LxwError
from .extract import extract_facts, infer_township, infer_year, iter_facts
from .facts import as_facts
from .text import read_text

#: File types read as reports.
REPORT_SUFFIXES = {".txt"}


@dataclass(frozen=True)
class Source:
    """A raw report file and what it is about."""

    path: Path
    township: str
    year: int
    label: str  # the path as the facts table names it (relative to the data folder)


def township_from_folder(name: str) -> str | None:
    """The township a ``data/raw/`` folder stands for: a known slug, or a Chinese name.

    >>> township_from_folder("laxiwa"), township_from_folder("新寨乡"), township_from_folder("misc")
    ('拉西瓦镇', '新寨乡', None)
    """
    for row in reference.townships():
        if name.lower() == row["slug"]:
            return row["name"]
    return name if re.fullmatch(r"[\u4e00-\u9fff]{2,8}[镇乡]", name) else None


def source_label(path: Path, data_dir: Path | None) -> str:
    """``path`` relative to the data folder when it lies inside it, else as given."""
    if data_dir is not None:
        try:
            return path.resolve().relative_to(data_dir.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def identify(
    path: str | Path,
    text: str,
    *,
    year: int | None = None,
    township: str | None = None,
    data_dir: Path | None = None,
) -> Source:
    """Township and year of one file, from the flags, else its path, else its text."""
    path = Path(path)
    stem_year = int(path.stem) if re.fullmatch(r"(?:19|20)\d{2}", path.stem) else None
    year = year or stem_year or infer_year(text)
    township = township or township_from_folder(path.parent.name) or infer_township(text)
    missing = [what for what, value in (("year", year), ("township", township)) if not value]
    if missing:
        raise LxwError(
            f"{path}: cannot tell the {' or '.join(missing)} of this report: neither the path "
            "(data/raw/<township>/<year>.txt) nor the text says it. Give it with "
            + " and ".join(f"--{m}" for m in missing)
            + ", or rename the file."
        )
    return Source(path, township, int(year), source_label(path, data_dir))


def read_source(
    path: str | Path,
    *,
    year: int | None = None,
    township: str | None = None,
    data_dir: Path | None = None,
) -> tuple[Source, str]:
    """A report file's text and what it is about."""
    path = Path(path)
    if path.suffix.lower() not in REPORT_SUFFIXES:
        raise LxwError(
            f"{path}: unsupported file type {path.suffix or '(none)'}; reports are read from "
            + ", ".join(sorted(REPORT_SUFFIXES))
            + " files."
        )
    text = read_text(path)
    return identify(path, text, year=year, township=township, data_dir=data_dir), text


def extract_file(path: str | Path, **options) -> pd.DataFrame:
    """The facts of one report file (options as for ``read_source``)."""
    src, text = read_source(path, **options)
    return extract_facts(text, source=src.label, year=src.year, township=src.township)


def extract_files(paths, *, progress=None, **options) -> pd.DataFrame:
    """The facts of several report files in one table; two files for one township and year is an error."""
    paths = list(paths)
    rows, seen = [], {}
    for i, path in enumerate(paths, 1):
        if progress:
            progress(f"[{i}/{len(paths)}] extracting {path}")
        src, text = read_source(path, **options)
        key = (src.township, src.year)
        if key in seen:
            raise LxwError(
                f"{path} and {seen[key]} are both the {src.year} report of {src.township}; "
                "keep one of them, or give the other its own year."
            )
        seen[key] = path
        rows.extend(iter_facts(text, source=src.label, year=src.year, township=src.township))
    return as_facts(rows)
