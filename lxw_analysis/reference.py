"""Reference tables kept as small CSV files in ``lxw_analysis/data/``, and a project's own.

Each loader returns a fresh list of dicts (one per row), so callers may not corrupt the
cache. Lines starting with ``#`` are comments that document the file for its reviewers.

A project's ``references/townships.csv`` and ``references/villages.csv`` (same columns) are
read over the package's: a row whose key the package has (a township's slug; a village's
township and name) replaces the package's row, any other row is added. The indicator
catalogue has its own rule (``indicators.catalogue``).
"""

from __future__ import annotations

import csv
import io
import os
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["load_table", "project_stamp", "merged", "measure_words", "qualifier_words", "label_words", "stop_phrases", "townships", "villages"]


def _parse(text: str, where: str, error=ValueError) -> tuple[tuple[tuple[str, str], ...], ...]:
    numbered = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(line for _, line in numbered)))
    rows = []
    for row in reader:
        if None in row or None in row.values():
            line = numbered[reader.line_num - 1][0] if reader.line_num <= len(numbered) else "?"
            raise error(
                f"{where}, line {line}: the row does not have the {len(reader.fieldnames)} columns of the "
                f"header ({', '.join(reader.fieldnames)}); quote fields that hold commas."
            )
        rows.append(tuple((k, (v or "").strip()) for k, v in row.items()))
    return tuple(rows)


@cache
def _rows(name: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    text = resources.files("lxw_analysis").joinpath("data", name).read_text(encoding="utf-8")
    return _parse(text, f"lxw_analysis/data/{name}")


@cache
def _project_rows(path: str, stamp: int) -> tuple[tuple[tuple[str, str], ...], ...]:
    from .errors import LxwError

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise LxwError(f"{path}: cannot be read ({err}); save it as UTF-8 CSV.") from err
    return _parse(text, path, LxwError)


def project_stamp(name: str) -> tuple[str, int] | None:
    """Which project file ``references/<name>`` is and when it last changed (None: there is
    none), so that what is built from it can be cached until it changes. The file is looked at
    on every call (a saved change is read); only where it is, is worked out once."""
    try:
        cwd = os.getcwd()
    except OSError:  # the current folder was removed (config.project_dir then looks no further)
        cwd = None
    path = _project_path(name, os.environ.get("LXW_PROJECT_DIR"), cwd)
    try:
        return path, os.stat(path).st_mtime_ns
    except OSError:
        return None


@lru_cache(maxsize=64)
def _project_path(name: str, env: str | None, cwd: str | None) -> str:
    """The path of ``references/<name>`` for one setting of LXW_PROJECT_DIR and the current
    folder (what decides the project folder): extraction asks for it for every report."""
    from . import config

    return str(config.references_dir() / name)


def merged(name: str, key: tuple[str, ...]) -> list[dict[str, str]]:
    """The package's rows of ``name`` with the project's read over them, matched on ``key``."""
    return [dict(row) for row in _merged(name, key, project_stamp(name))]


@cache
def _merged(name: str, key: tuple[str, ...], stamp) -> tuple[tuple[tuple[str, str], ...], ...]:
    rows = {tuple(r[k] for k in key): r for r in load_table(name)}
    for row in _project_rows(*stamp) if stamp else ():
        row = dict(row)
        missing = [k for k in key if not row.get(k)]
        if missing:
            from .errors import LxwError

            raise LxwError(f"references/{name}: a row without {', '.join(missing)}: {row}")
        rows[tuple(row[k] for k in key)] = row
    return tuple(tuple(row.items()) for row in rows.values())


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


def label_words() -> dict[str, list[str]]:
    """The words of ``label_words.csv`` by their role (scope, link, lead_verb, attribute …), in
    the file's order.

    >>> "全镇" in label_words()["scope"]
    True
    """
    words: dict[str, list[str]] = {}
    for row in load_table("label_words.csv"):
        words.setdefault(row["role"], []).append(row["word"])
    return words


def stop_phrases() -> list[str]:
    """Set phrases whose numerals are not statistics (千家万户, 八项规定 …)."""
    return [r["phrase"] for r in load_table("not_statistics.csv")]


def townships() -> list[dict[str, str]]:
    """Known townships: slug (folder name), Chinese name, county, prefecture, province; the
    project's ``references/townships.csv`` read over the package's, by slug."""
    return merged("townships.csv", ("slug",))


def villages() -> list[dict[str, str]]:
    """Village gazetteer rows: township, canonical name, aliases (``|``-separated); the
    project's ``references/villages.csv`` read over the package's, by township and name."""
    return merged("villages.csv", ("township", "name"))
