"""Report files (.txt, .docx, .pdf) and their facts: one file, or many in worker processes.

Which township and year a report is about is ``identity``'s decision (the flags a user gives,
then the path ``data/raw/<township>/<year>.txt``, then the text); a rebuild takes unchanged
files' facts from the ``cache``.
"""

from __future__ import annotations

import gc
import os
import warnings
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

import pandas as pd

from .cache import Cache, key
from .documents import DOCUMENT_SUFFIXES, Document, page_of, read_document, size_limit
from .errors import LxwError, YearDisagreement
from .extract import iter_facts
from .facts import ROW_COLUMNS, as_facts
from .files import read_bytes, source_label, unsupported
from .identity import listed, township_of, unknown_advice, year_disagreement, year_of
from .rawfiles import listing

__all__ = [
    "REPORT_SUFFIXES",
    "Source",
    "files_below",
    "identify",
    "read_source",
    "document_facts",
    "extract_file",
    "default_jobs",
    "extract_files",
    "extract_tables",
    "TABLE_ROWS",
    "read_reports",
    "iter_reports",
]

#: File types read as reports: plain text, Word, PDF with a text layer.
REPORT_SUFFIXES = set(DOCUMENT_SUFFIXES)


_START = ROW_COLUMNS.index("start")

#: Files a worker process is given at a time, at most: enough that shipping costs little,
#: few enough that a batch's rows are small beside the table.
BATCH_FILES = 32
#: Batches given to each worker before its first result is taken: workers never wait for the
#: parent, and results never pile up in it.
BATCHES_AHEAD = 2
#: Rows in each table ``extract_tables`` yields (at least; a file's rows are never split).
TABLE_ROWS = 20_000


@dataclass(frozen=True)
class Source:
    """A raw report file and what it is about."""

    path: Path
    township: str
    year: int
    label: str  # the path as the facts table names it (relative to the data folder)


def files_below(folder: Path, suffixes) -> list[str]:
    """Files below ``folder`` (at any depth) whose suffix is one of ``suffixes``, in name order,
    as text (``rawfiles.listing``); lock files, hidden files and what ``.lxwignore`` lists are
    passed over (see ``rawfiles``)."""
    return listing(folder, suffixes)


def identify(
    path: str | Path,
    text: str,
    *,
    year: int | None = None,
    township: str | None = None,
    data_dir: Path | None = None,
) -> Source:
    """Township and year of one file, from the flags, else ``raw/files.csv``, else its path,
    else its text (``identity`` decides)."""
    path = Path(path)
    listed_township, listed_year = listed(path, Path(data_dir) / "raw" if data_dir else None)
    if not (year or listed_year) and (disagreement := year_disagreement(path, text)):
        warnings.warn(disagreement, YearDisagreement, stacklevel=2)
    year = year_of(path, text, given=year or listed_year)
    township = township_of(path, text, given=township or listed_township)
    missing = [what for what, value in (("year", year), ("township", township)) if not value]
    if missing:
        raise LxwError(unknown_advice(path, missing))
    return Source(path, township, int(year), source_label(path, data_dir))


def read_source(
    path: str | Path,
    *,
    year: int | None = None,
    township: str | None = None,
    data_dir: Path | None = None,
) -> tuple[Source, Document]:
    """A report file (text, Word or PDF) as the document it was read as, and what it is about."""
    path = Path(path)
    if path.suffix.lower() not in REPORT_SUFFIXES:
        raise unsupported(path, REPORT_SUFFIXES, "reports")
    document = read_document(path)
    return identify(path, document.text, year=year, township=township, data_dir=data_dir), document


def document_facts(src: Source, document: Document) -> list[tuple]:
    """Facts rows of a document: its text's statistics (a PDF's rows name their page in
    ``source``, …pdf#page=3), then the rows of its tables of villages, read like spreadsheets."""
    from .tables import iter_document_table_facts

    rows = list(iter_facts(document.text, source=src.label, year=src.year, township=src.township))
    if document.pages:
        rows = [(*row[:-1], f"{src.label}#page={page_of(document, row[_START])}") for row in rows]
    rows += iter_document_table_facts(document, source=src.label, township=src.township, year=src.year)
    return rows


def extract_file(path: str | Path, **options) -> pd.DataFrame:
    """The facts of one report file (options as for ``read_source``).

    >>> import tempfile
    >>> folder = Path((scratch := tempfile.TemporaryDirectory()).name)
    >>> _ = (folder / "2024.txt").write_text("某某镇开展理论学习17次。", encoding="utf-8")
    >>> extract_file(folder / "2024.txt", township="某某镇")[["year", "label", "value"]].values.tolist()
    [[2024, '理论学习', 17.0]]
    """
    return as_facts(document_facts(*read_source(path, **options)))


def _extract_one(path: Path, options: dict):
    """One report's identity, facts rows and text, or the ``LxwError`` that stopped it (a
    top-level function, so worker processes can run it; the error travels back as a value)."""
    try:
        src, document = read_source(path, **options)
        return src, document_facts(src, document), document.text
    except LxwError as err:
        return err
    finally:
        # The warnings shown of this file name it, so none repeats for another file; forgotten,
        # they do not make the registry (and memory) grow with every file read.
        globals().pop("__warningregistry__", None)


def _cached(result: tuple[Source, list[tuple], str]) -> dict:
    """A report's result as JSON data for the cache."""
    src, rows, text = result
    return {
        "source": [str(src.path), src.township, src.year, src.label],
        "rows": [list(row) for row in rows],
        "text": text,
    }


def _from_cache(data: dict) -> tuple[Source, list[tuple], str]:
    """The result ``_cached`` stored, its shape checked (a TypeError or ValueError discards it)."""
    path, township, year, label = data["source"]
    rows, text = data["rows"], data["text"]
    if not (isinstance(township, str) and isinstance(year, int) and isinstance(text, str)):
        raise TypeError("source fields")
    if not isinstance(rows, list) or any(not isinstance(r, list) or len(r) != len(ROW_COLUMNS) for r in rows):
        raise TypeError("rows")
    return Source(Path(path), township, year, label), [tuple(r) for r in rows], text


def default_jobs() -> int:
    """Worker processes to use by default: one per core."""
    return os.cpu_count() or 1


def extract_files(paths, **options) -> pd.DataFrame:
    """The facts of several report files in one table, in the order of ``paths`` (options as
    for ``iter_reports``). Each file's rows become columns as it arrives, so memory holds the
    table, not every file's rows at once."""
    return as_facts(row for _, rows, _ in iter_reports(paths, **options) for row in rows)


def extract_tables(paths, *, rows: int = TABLE_ROWS, **options):
    """The facts of several report files as consecutive tables of whole files, of about ``rows``
    rows each (options as for ``iter_reports``): at least one table (empty when no file has
    facts), and together, row for row and id for id, the table ``extract_files`` gives. Memory
    holds one table, not the whole, so a writer can stream them (``tablestream``).

    A fact's id is hashed from its own row, and a repeat (``-2``) is counted among rows of the
    same id, which name the same source, so of the same file: whole files per table keep the ids.
    """
    reports = iter_reports(paths, **options)
    try:
        pending: list[list[tuple]] = []
        count, yielded = 0, False
        for _, file_rows, _ in reports:
            pending.append(file_rows)
            count += len(file_rows)
            if count >= rows:
                yield as_facts(chain.from_iterable(pending))
                pending, count, yielded = [], 0, True
        if count or not yielded:
            yield as_facts(chain.from_iterable(pending))
    finally:
        reports.close()


def read_reports(paths, **options) -> list[tuple[Source, list[tuple], str]]:
    """Each report's identity, facts rows and the text it was read as (see ``iter_reports``)."""
    return list(iter_reports(paths, **options))


def iter_reports(paths, *, jobs: int | None = 1, cache: Cache | None = None, progress=None, on_error=None, **options):
    """Yield each report's identity, facts rows and the text it was read as, in the order of ``paths``.

    ``jobs`` worker processes extract files in parallel (None: one per core); the result is
    the same as a serial run. With a ``cache``, a file whose bytes, options and package are
    unchanged since an earlier run is not read again. Two files for one township and year is
    an error. An error stops the reading, unless ``on_error`` is given: it is then called with
    the file and the ``LxwError``, and the other files are read.
    """
    paths = list(paths)  # as given: text or Path (a long listing is held as text, see ``files_below``)
    cache = cache or Cache(None)

    def fail(path: Path, err: LxwError) -> None:
        if on_error is None:
            raise err
        on_error(path, err)

    names = []
    for p in paths:
        try:
            data = read_bytes(Path(p), limit=size_limit(p), what="report") if cache.folder is not None else None
        except LxwError as err:
            fail(p, err)
            names.append(False)  # refused: not read at all
            continue
        names.append(f"report-{key(data, str(p), options)}" if data is not None else None)
    hits = [cache.get(name, _from_cache) if name else None for name in names]
    todo = [p for p, name, hit in zip(paths, names, hits) if hit is None and name is not False]
    jobs = default_jobs() if jobs is None else max(1, jobs)
    done = _extracted(todo, options, workers=min(jobs, len(todo)))
    try:
        # the file read for each township and year, by township: a dict of tuples costs twice as much
        seen: dict[str, dict[int, str | Path]] = {}
        for i, (path, name, hit) in enumerate(zip(paths, names, hits), 1):
            if name is False:
                continue
            if progress:
                progress(f"[{i}/{len(paths)}] {'extracting' if hit is None else 'unchanged'} {path}")
            result = hit
            if result is None:
                result = next(done)
                if isinstance(result, LxwError):
                    fail(path, result)
                    continue
                cache.put(name, _cached(result))
            src = result[0]
            years = seen.setdefault(src.township, {})
            if src.year in years:
                fail(path, LxwError(
                    f"{path} and {years[src.year]} are both the {src.year} report of {src.township}; "
                    "keep one of them, or give the other its own year."
                ))
                continue
            years[src.year] = path
            yield result
    finally:
        done.close()


def _extract_batch(paths: list[Path], options: dict) -> list:
    """``_extract_one`` of each file of a batch (what a worker process is given at a time)."""
    return [_extract_one(p, options) for p in paths]


def _extracted(paths: list[Path], options: dict, *, workers: int):
    """``_extract_one`` of each file, in order: in this process, or with ``workers`` > 1 in
    worker processes given ``BATCH_FILES`` files at a time and at most ``BATCHES_AHEAD``
    batches each ahead of what was taken, so memory holds a few batches' results, not all."""
    if workers < 2 or len(paths) < 2:
        yield from (_extract_one(p, options) for p in paths)
        return
    size = max(1, min(BATCH_FILES, len(paths) // (workers * 8)))
    batches = (paths[i : i + size] for i in range(0, len(paths), size))
    pool = ProcessPoolExecutor(max_workers=workers)
    gc.freeze()  # the workers' collections leave this process's objects alone: their pages stay shared
    try:
        ahead = deque(pool.submit(_extract_batch, b, options) for b in islice(batches, workers * BATCHES_AHEAD))
        while ahead:
            results = ahead.popleft().result()
            for batch in islice(batches, 1):
                ahead.append(pool.submit(_extract_batch, batch, options))
            yield from results
            del results
    finally:
        pool.shutdown(cancel_futures=True)
        gc.unfreeze()
