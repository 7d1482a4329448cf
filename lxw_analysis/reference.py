"""Reference tables kept as small CSV files in ``lxw_analysis/data/``.

Each loader returns a fresh list of dicts (one per row), so callers may not corrupt the
cache. Lines starting with ``#`` are comments that document the file for its reviewers.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

__all__ = ["load_table", "measure_words", "qualifier_words", "stop_phrases", "townships", "villages"]


@cache
def _rows(name: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    text = resources.files("lxw_analysis").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    rows = []
    for row in reader:
        if None in row or None in row.values():
            raise ValueError(
                f"lxw_analysis/data/{name}: a row does not have the {len(reader.fieldnames)} columns "
                f"of the header ({', '.join(reader.fieldnames)}); quote fields that hold commas: {row}"
            )
        rows.append(tuple((k, v.strip()) for k, v in row.items()))
    return tuple(rows)


def load_table(name: str) -> list[dict[str, str]]:
    """Rows of the reference file ``name`` (e.g. ``"measure_words.csv"``).

    >>> load_table("townships.csv")[0]["name"]
    '拉西瓦镇'
    """
    return [dict(row) for row in _rows(name)]


def measure_words() -> dict[str, str]:
    """Measure word as written → normalized unit (名 → 人)."""
    return {r["word"]: r["unit"] for r in load_table("measure_words.csv")}


def qualifier_words(position: str) -> dict[str, str]:
    """Qualifier word → qualifier, for words at ``position`` (before, middle, after)."""
    return {r["word"]: r["qualifier"] for r in load_table("qualifiers.csv") if r["position"] == position}


def stop_phrases() -> list[str]:
    """Set phrases whose numerals are not statistics (千家万户, 八项规定 …)."""
    return [r["phrase"] for r in load_table("not_statistics.csv")]


def townships() -> list[dict[str, str]]:
    """Known townships: slug (folder name), Chinese name, county, prefecture, province."""
    return load_table("townships.csv")


def villages() -> list[dict[str, str]]:
    """Village gazetteer rows: township, canonical name, aliases (``|``-separated)."""
    return load_table("villages.csv")
