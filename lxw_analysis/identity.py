"""Which township and year a file is about, decided here and nowhere else.

The flags a user gives win; then the path (``data/raw/<township>/<year>.txt``: a folder named
for a township, a year in the file's name); then the text (a title such as 新寨乡2023年工作总结,
the first year near the start). Townships are known by their Chinese name or by a slug listed
in ``data/townships.csv`` (the folder name ``laxiwa`` is 拉西瓦镇).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from . import reference
from .numbers import to_halfwidth
from .patterns import YEAR_DIGITS
from .text import matching_view

__all__ = [
    "infer_township", "infer_year", "year_disagreement", "township_from_folder", "title_township", "year_in_name",
    "township_of", "year_of", "township_slug", "LISTING_FILE", "listed", "unknown_advice", "township_among",
]

#: A small table in the raw folder naming the township and year of files whose path and text
#: do not say them: columns ``file`` (the path below data/raw/), ``township``, ``year``.
LISTING_FILE = "files.csv"


_TOWNSHIP = re.compile(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,4}[镇乡])(?=[^\u4e00-\u9fff]|党委|人民政府|政府)"
    r"|(?<=年)[,\s]?([\u4e00-\u9fff]{2,4}?[镇乡])"
)

_NOT_TOWNSHIP = re.compile(r"^(?:[全本各我该每]|城乡|乡镇)")

_YEAR = re.compile(rf"{YEAR_DIGITS}(?=年)|([〇零一二三四五六七八九]{{4}})(?=年)")

def infer_township(text: str) -> str | None:
    """The township a report is about, from a known name or its title.

    >>> infer_township("新寨乡:2023年工作总结")
    '新寨乡'
    """
    head = matching_view(text[:2000])
    for row in reference.townships():
        if row["name"] in head:
            return row["name"]
    for m in _TOWNSHIP.finditer(head, 0, 300):
        name = m.group(1) or m.group(2)
        if not _NOT_TOWNSHIP.match(name):
            return name
    return None

def infer_year(text: str) -> int | None:
    """The reporting year: the first year named near the start of the report.

    >>> infer_year("二〇二三年,全镇开展学习12次")
    2023
    """
    m = _first_year(text)
    return _year_named(m) if m else None


def _first_year(text: str) -> re.Match | None:
    """The first year named near the start of a text (offsets as in ``text``: the view keeps them)."""
    return _YEAR.search(matching_view(text[:400]))


def _year_named(m: re.Match) -> int:
    if m.group(1):
        return int(m.group(1))
    return int("".join(str("〇一二三四五六七八九".find(c)) if c != "零" else "0" for c in m.group(2)))


def township_from_folder(name: str) -> str | None:
    """The township a ``data/raw/`` folder stands for: a known slug, or a Chinese name.

    >>> township_from_folder("laxiwa"), township_from_folder("新寨乡"), township_from_folder("misc")
    ('拉西瓦镇', '新寨乡', None)
    """
    for row in reference.townships():
        if name.lower() == row["slug"]:
            return row["name"]
    return name if re.fullmatch(r"[\u4e00-\u9fff]{2,8}[镇乡]", name) else None


def township_slug(name: str) -> str:
    """The folder name for a township's files: its slug when known, else its name.

    >>> township_slug("拉西瓦镇"), township_slug("新寨乡")
    ('laxiwa', '新寨乡')
    """
    for row in reference.townships():
        if row["name"] == name:
            return row["slug"]
    return re.sub(r"[\\/:*?\"<>|\s]+", "_", name)


def township_among(asked: str, known) -> str:
    """The township of ``known`` (the names the data hold) that ``asked`` names: the name itself
    or its folder slug (``township_slug``, ``township_from_folder``), in any letter case.

    A miss raises ``LxwError`` naming what was asked and every township ``known`` holds.

    >>> township_among("laxiwa", ["拉西瓦镇", "新寨乡"]), township_among(" 新寨乡", ["拉西瓦镇", "新寨乡"])
    ('拉西瓦镇', '新寨乡')
    >>> township_among("laxiwo", ["拉西瓦镇"])
    Traceback (most recent call last):
    ...
    lxw_analysis.errors.LxwError: no township 'laxiwo' in the data; the data hold 拉西瓦镇 (folder laxiwa).
    """
    from .errors import LxwError

    names = list(dict.fromkeys(str(k) for k in known if isinstance(k, str)))
    wanted = str(asked).strip()
    for name in names:
        if wanted == name or wanted.lower() == township_slug(name).lower() or township_from_folder(wanted) == name:
            return name
    shown = ", ".join(n if township_slug(n) == n else f"{n} (folder {township_slug(n)})" for n in names)
    raise LxwError(
        f"no township {wanted!r} in the data; "
        + (f"the data hold {shown}." if names else "the data hold no township's statistics.")
    )


#: A township named at the start of a table's title (新寨乡各村…, 青石乡2023年…).
_TITLE_TOWNSHIP = re.compile(r"^\s*([\u4e00-\u9fff]{2,4}?[镇乡])(?=各|全|所辖|村|\d|[(（])")


def title_township(titles: list[str]) -> str | None:
    """The township a table's title rows name.

    >>> title_township(["拉西瓦镇各村集体经济收入统计表"]), title_township(["新寨乡各村收入统计表"])
    ('拉西瓦镇', '新寨乡')
    """
    found = infer_township(" ".join(titles))
    if found:
        return found
    for title in titles:
        m = _TITLE_TOWNSHIP.match(to_halfwidth(title))
        if m:
            return m[1]
    return None


def year_in_name(text: str) -> int | None:
    """A year a file or sheet name gives (2024.txt, 2024_villages, a sheet named 2024).

    >>> year_in_name("2024_villages"), year_in_name("madeup_2023"), year_in_name("收入表")
    (2024, 2023, None)
    """
    m = re.search(rf"{YEAR_DIGITS}(?!\d)", to_halfwidth(text))
    return int(m[1]) if m else None


def listed(path: Path, raw: Path | None) -> tuple[str | None, int | None]:
    """The township and year ``raw/files.csv`` gives a file (None, None when it names none).

    The file holds one line per file: ``file,township,year`` (either of the last two may be blank).

    >>> import tempfile
    >>> raw = Path((scratch := tempfile.TemporaryDirectory()).name)
    >>> _ = (raw / LISTING_FILE).write_text("file,township,year\\nincoming/报告.docx,新寨乡,2024\\n", encoding="utf-8")
    >>> listed(raw / "incoming" / "报告.docx", raw), listed(raw / "other.txt", raw)
    (('新寨乡', 2024), (None, None))
    """
    if raw is None:
        return None, None
    try:
        relative = Path(path).resolve().relative_to(Path(raw).resolve()).as_posix()
    except ValueError:
        return None, None
    try:
        stamp = (Path(raw) / LISTING_FILE).stat().st_mtime_ns
    except OSError:
        return None, None
    row = _listing(str(Path(raw).resolve()), stamp).get(relative)
    return row if row else (None, None)


@lru_cache(maxsize=16)
def _listing(raw: str, stamp: int) -> dict[str, tuple[str | None, int | None]]:
    import csv

    path = Path(raw) / LISTING_FILE
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError:
        return {}
    out = {}
    for row in rows:
        name = (row.get("file") or "").strip()
        year = (row.get("year") or "").strip()
        if name:
            out[name] = ((row.get("township") or "").strip() or None, int(year) if year.isdigit() else None)
    return out


def unknown_advice(path: Path, missing: list[str]) -> str:
    """What to do about a file whose township or year nothing says: advice that works for
    ``lxw extract`` and ``lxw build`` alike.

    >>> unknown_advice(Path("raw/x/notes.txt"), ["year"]).split(": ")[1]
    'cannot tell the year of this file'
    """
    what = " or ".join(missing)
    return (
        f"{path}: cannot tell the {what} of this file: neither the path (data/raw/<township>/<year>.txt) "
        f"nor the text says it. Put the {what} in the path (a folder named for the township, the year in "
        f"the file's name, e.g. 2024.txt), or add a line for it to data/raw/{LISTING_FILE} "
        f"(file,township,year: {Path(path).name},拉西瓦镇,2024); for lxw extract, --"
        + " and --".join(missing)
        + " also do. If it is not a report (notes, a draft), list it in data/raw/.lxwignore."
    )


def township_of(path: Path, text: str = "", *, given: str | None = None, titles: list[str] | None = None) -> str | None:
    """The township of a file: ``given``, else its folder, else its title rows or text.

    >>> township_of(Path("raw/laxiwa/2024.txt")), township_of(Path("incoming/a.txt"), "新寨乡2024年工作总结")
    ('拉西瓦镇', '新寨乡')
    """
    return (
        given
        or township_from_folder(Path(path).parent.name)
        or (title_township(titles) if titles else None)
        or (infer_township(text) if text else None)
    )


def year_disagreement(path: Path, text: str) -> str | None:
    """What to say when a report's file name and its own text name different years (a 2023
    report saved as 2025.txt): the name wins, so the reader should know; None when they agree
    or either is silent.

    >>> year_disagreement(Path("raw/laxiwa/2025.txt"), "拉西瓦镇2023年工作总结") is not None
    True
    >>> year_disagreement(Path("raw/laxiwa/2023.txt"), "拉西瓦镇2023年工作总结")
    """
    named, m = year_in_name(Path(path).stem), _first_year(text)
    written = _year_named(m) if m else None
    if named is None or written is None or named == written:
        return None
    words = text[max(0, m.start() - 6) : m.end() + 8].strip()
    return (
        f"{path}: the file's name says {named} but its text begins with {written} "
        f"({words}); its facts are filed under {named}. If that is wrong, rename "
        f"the file; if it is right (a {named} report that looks back on {written}), list it in "
        f"data/raw/{LISTING_FILE} (file,township,year) to say so."
    )


def year_of(path: Path, text: str = "", *, given: int | None = None, names=()) -> int | None:
    """The year of a file: ``given``, else a year in ``names`` (a sheet's) or the file's name, else its text.

    >>> year_of(Path("raw/laxiwa/2024.txt")), year_of(Path("a.xlsx"), names=("2023年",)), year_of(Path("a.txt"), "二〇二二年工作总结")
    (2024, 2023, 2022)
    """
    for name in (*names, Path(path).stem):
        found = year_in_name(name)
        if found:
            return given or found
    return given or (infer_year(text) if text else None)
