"""A table that arrives in parts (consecutive tables of the same columns, such as
``reports.extract_tables`` yields) written as one CSV or Parquet file, one part in memory at a time.

The file is the one the whole table's writer (``facts.write_csv``, ``facts.write_parquet``)
would give: the same bytes for CSV, the same rows, columns and dtypes read back for Parquet
(each part a row group). Like those writers it writes through a temporary file moved into
place at the end, so a failure or Ctrl-C part-way leaves no output, and an earlier file of
that name as it was.
"""

from __future__ import annotations

from pathlib import Path

from .facts import to_csv
from .files import atomic_write

__all__ = ["STREAMED_SUFFIXES", "write_tables", "write_csv_parts", "write_parquet_parts"]


def write_csv_parts(tables, path: str | Path) -> int:
    """The parts as one CSV file (UTF-8 with BOM, ``facts.to_csv``: the header once, then each
    part's records), atomically. Returns the rows written."""
    written = 0

    def write(tmp) -> None:
        nonlocal written
        parts = 0
        with open(tmp, "w", encoding="utf-8-sig", newline="") as out:
            for table in tables:
                to_csv(table, out, header=parts == 0)
                parts, written = parts + 1, written + len(table)
        if parts == 0:
            raise ValueError("no table to write")

    atomic_write(Path(path), write)
    return written


def write_parquet_parts(tables, path: str | Path) -> int:
    """The parts as one Parquet file, each a row group, atomically; the schema (with the pandas
    metadata that gives the dtypes back) is the first part's, as ``DataFrame.to_parquet``
    would write it. Returns the rows written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    written = 0

    def write(tmp) -> None:
        nonlocal written
        writer = None
        try:
            for table in tables:
                schema = writer.schema if writer is not None else None
                part = pa.Table.from_pandas(table, schema=schema, preserve_index=False)
                if writer is None:
                    writer = pq.ParquetWriter(tmp, part.schema, compression="snappy")
                writer.write_table(part)
                written += len(table)
        finally:
            if writer is not None:
                writer.close()
        if writer is None:
            raise ValueError("no table to write")

    atomic_write(Path(path), write)
    return written


#: What ``write_tables`` streams, by the output file's suffix.
_WRITERS = {".csv": write_csv_parts, ".parquet": write_parquet_parts}
STREAMED_SUFFIXES = tuple(_WRITERS)


def write_tables(tables, path: str | Path) -> int:
    """The parts as one file of the type its suffix says (``STREAMED_SUFFIXES``); the rows written."""
    return _WRITERS[Path(path).suffix.lower()](tables, path)
