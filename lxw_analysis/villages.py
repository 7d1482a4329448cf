"""Village names in report text, resolved against the gazetteer (``data/villages.csv``, and a
project's ``references/villages.csv`` read over it)."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from .reference import project_stamp
from .reference import villages as gazetteer

__all__ = ["SCOPE_WORDS", "alias_map", "village_mentions", "find_villages"]

#: A village the gazetteer does not know, named after 在/依托/立足: 在某某村 (but not 在某某村干部/村民…).
#: (The name is group 1; starting at 在/依托/立足 rather than behind it lets the regex engine
#: skip quickly to the places where one may start.)
_UNKNOWN = re.compile(r"(?:在|依托|立足)([\u4e00-\u9fff]{2,3}?)村(?![干民级委集务组两])")
#: Words that end in 村 or precede it without being a village's name.
_NOT_NAMES = re.compile(r"^(?:[全各本该每其此乡农山]|和美|美丽|示范|试点|重点|先进|中间|后进|贫困|脱贫|行政|自然|软弱|涣散|边远|偏远|城中|移民|集体)")
#: Words that put a clause at the level of the whole township, not one village.
SCOPE_WORDS = re.compile(r"全镇|全乡|各村|全体|每个村|所有村")


def alias_map(township: str | None = None, rows=None) -> dict[str, str]:
    """Every name a village goes by (its canonical name and aliases) → its canonical name.

    ``rows`` are gazetteer rows (township, name, aliases), by default ``data/villages.csv``;
    ``township`` keeps that township's villages only.

    >>> alias_map("拉西瓦镇")["尼那"]
    '尼那村'
    """
    names: dict[str, str] = {}
    for row in gazetteer() if rows is None else rows:
        if township and row["township"] != township:
            continue
        aliases = row.get("aliases")
        aliases = aliases.split("|") if isinstance(aliases, str) else []
        for alias in (a.strip() for a in [row["name"], *aliases]):
            if alias:
                names.setdefault(alias, row["name"])
    return names


@cache
def _pattern(township: str | None, project: tuple | None = None) -> tuple[re.Pattern | None, dict[str, str]]:
    """The names of ``township``'s villages as one regex (``project``: the project gazetteer's stamp)."""
    names = alias_map(township)
    if not names:
        return None, names
    alternation = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(alternation), names


def village_mentions(text: str, township: str | None = None) -> list[tuple[int, str]]:
    """(position, canonical name) of every village named in ``text``, in order.

    Known villages come from the gazetteer (of ``township`` when given, else all); an unknown
    name is kept as written when 在 introduces it (在某某村).
    """
    pattern, names = _pattern(township, project_stamp("villages.csv"))
    found: list[tuple[int, str]] = []
    starts: list[int] = []  # the known names' spans, in order and apart (finditer's)
    ends: list[int] = []
    if pattern is not None:
        for m in pattern.finditer(text):
            found.append((m.start(), names[m.group()]))
            starts.append(m.start())
            ends.append(m.end())
    for m in _UNKNOWN.finditer(text):
        at = m.start(1)
        i = bisect_right(starts, at) - 1  # the last known name starting at or before it
        if _NOT_NAMES.match(m[1]) or (i >= 0 and at < ends[i]):
            continue
        found.append((at, m[1] + "村"))
    return sorted(found)


def find_villages(text: str, township: str | None = None) -> list[str]:
    """Canonical names of the villages named in ``text``, in order, without repeats.

    >>> find_villages("在曲卜藏村投资35万元安装太阳能路灯80盏")
    ['曲卜藏村']
    >>> find_villages("引导叶后浪、多拉、仍果三村成立联合党支部")
    ['叶后浪村', '多拉村', '仍果村']
    """
    return list(dict.fromkeys(name for _, name in village_mentions(text, township)))
