"""Candidate statistics: what each match of the pattern stands for, and which count nothing.

A match becomes one candidate (three for a ratio of three parts) with its value, unit,
qualifier and range read from the match's groups; then rules drop the numerals that name or
order things rather than count them: quoted slogans and names, set phrases, ordinals (第3期,
二十届), codes (G310), addresses (7栋3单元), weekdays, ranks (排名前三), periods (前10个月).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass

from .grammar import Grammar, grammar
from .numbers import MULTIPLIERS, parse_number
from .patterns import QUOTE_PAIRS

__all__ = ["NAN", "Candidates"]

NAN = float("nan")


#: Quoted names and titles: numerals inside them are names (“六个一”, 《…》), not counts.
_QUOTED = re.compile(
    "|".join(
        f"{re.escape(a)}[^{re.escape(a + b)}\\n]{{1,{40 if a == '《' else 30}}}{re.escape(b)}" for a, b in QUOTE_PAIRS
    )
)

_CLOSING_QUOTES = "".join(b for _, b in QUOTE_PAIRS)

_WEEKDAY_BEFORE = ("周", "星期", "礼拜")

#: Two adjacent Chinese digits, a rough count (七八个, 三四千, 二三十): 7–8, 3000–4000, 20–30.
_ROUGH = re.compile("(?P<ra>[一二两三四五六七八九十百千]*?[一二两三四五六七八九])(?P<rb>[二两三四五六七八九])(?P<rsuf>[十百千万亿]*)")

#: A unit number right after a measure word makes it an address (7栋3单元, 2号楼301室), not a count.
_ADDRESS_NEXT = re.compile(r"\d{1,4}(?:单元|室)")

#: Measure words that make 二 an ordinal (二次供水, 二期工程): counts of two are written 两.
_ORDINAL_TWO = frozenset("次期批轮类级号届")

#: One or two capital letters right before a number: a code (G310国道, S20), not a subject (three
#: characters at most, looked for in the three before the number).
_CODE = re.compile(r"(?<![A-Za-z])[A-Z]{1,2}[ ]?$")

#: A rank before a number (前10位, 后三名, 倒数第二), or the size of the groups at both ends of
#: a ranking (首尾各30个村).
_RANK_ENDS = frozenset("前后末数各")

_RANK = re.compile(r"(?:排|排名|位列|居|列)[^,;。]{0,3}?(?:前|后|末|倒数)$|(?:首尾|头尾|前后|两头|两端)各$")

#: The rest of a quoted category of units named by an amount (“百万元村”, “亿元村”, “十万元以上村”):
#: the amount is the bracket's bound.
_CATEGORY_REST = re.compile(r"(?:以上)?(?:村|户|社区|企业|项目)[”\"」』]")
_OPENING_QUOTES = frozenset(a for a, _ in QUOTE_PAIRS if a != "《")

#: A numbered session before a number (二十届三中全会): its numbers are ordinals.
_SESSION = re.compile(r"[一二三四五六七八九十]届")

_DURATIONS = frozenset({"个月", "天", "年", "日", "小时", "分钟", "周"})

_MULTIPLIER_ENDS = frozenset(w[-1] for w in MULTIPLIERS)

_TRAILING_MULTIPLIER = re.compile(f"(?:{'|'.join(sorted(MULTIPLIERS, key=len, reverse=True))})$")

_SECTORS = re.compile(r"三次产业|三大产业|一二三产")

#: The clause words that make a:b:c a ratio of parts (三次产业结构, 城乡收入比).
_RATIO_CONTEXT = re.compile(r"比|结构|比例|比重|占比")

#: A density's base written before its figure (每平方公里51人, 每万人拥有…).
_PER = re.compile(r"每(?P<per>平方公里|万人|千人|百人|十万人|万名|千名|百户|万户)(?:拥有|有)?[ ]?$")

#: The words of land before a tenth of a 亩 written alone (人均耕地不到七分).
_LAND = re.compile(r"耕地|土地|田|地|面积|亩")

_GOES_ON = re.compile(r"[ ]?(?:完成|实现|其中|同比|达到|达)")


@dataclass(slots=True)
class _Raw:
    """One candidate statistic, as read before the document's candidates are read together."""

    kind: str
    start: int
    end: int
    num_start: int
    number: str
    value: float
    upper: float
    unit: str
    qualifier: str
    before: bool = False  # the qualifier is a word before the number (不少于): it covers a 、 list
    bracket: bool = False  # a qualifier word that states a bracket's bound (以上, 超过), not a rough figure (余)
    factor: float = 1.0  # the multiplier written after the number (万 of 8万元), for shared lists
    bound_only: bool = False  # a bracket bound written without a unit: no statistic of its own
    band_low: float | None = None  # None until a bracket is found (NaN then stands for an open end)
    band_high: float | None = None
    noun: str | None = None  # the bracketed units (村): the label of a count inside a bracket
    band_unit: str = ""  # the unit of the bracket's measure (元 for income brackets)
    direction: str | None = None
    article: bool = False  # 一 with a measure word: a count only where it stands as one
    dropped: bool = False
    label: str | None = None  # a label the expression itself gives (the parts of 三次产业结构8.5:39.8:51.7)
    expr_start: int = -1  # where the expression itself starts (a bracketed count's text starts at its bracket)

    def __post_init__(self):
        if self.expr_start < 0:
            self.expr_start = self.start

    @property
    def banded(self) -> bool:
        return self.band_low is not None or self.band_high is not None

    @property
    def threshold(self) -> bool:
        return self.bound_only or self.bracket or self.qualifier == "range"

    def bounds(self) -> tuple[float, float]:
        """The bracket this expression states, as (low, high)."""
        if self.qualifier == "range" or not math.isnan(self.upper):
            return self.value, self.upper
        if self.qualifier == "at_most":
            return NAN, self.value
        return self.value, NAN

class _Spans:
    """Sorted, non-overlapping spans with a fast 'does this range touch one' test."""

    def __init__(self, spans):
        spans = list(spans)
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start

def _number(text: str, partner: str | None = None) -> float:
    """Parse a matched number; a bare first number of a range takes the second's 万 (10-20万, 三至五万)."""
    value = parse_number(text)
    if partner and partner[-1] in MULTIPLIERS and not any(c in MULTIPLIERS for c in text):
        value *= MULTIPLIERS[partner[-1]]
    return value

def _qualifier(g: Grammar, before: str | None, middle: str | None, after: str | None) -> str:
    """The qualifier a number's surrounding words give it: the first of before, middle, after."""
    if before:
        return g.before[before]
    if middle:
        return g.middle[middle]
    if after:
        return g.after[after]
    return "exact"


class Candidates:
    """Reading the candidate statistics of a document (a mixin of ``extract._Document``)."""

    def is_statistic(self, raw: _Raw) -> bool:
        """False for numerals that name or order things rather than count them."""
        view, start, end, number, num_start = self.view, raw.start, raw.end, raw.number, raw.num_start
        at = num_start - 1
        while at >= 0 and view[at] in " \u00a0":
            at -= 1
        before = view[at] if at >= 0 else ""
        if self.set_phrases.starts and self.set_phrases.overlaps(start, end):
            return False
        if self.quoted.starts and self.quoted.overlaps(start, end) and not (number[0] in "0123456789" and self._in_long_quote(start)):
            return False  # “六个一”, “3510”工程: names; a quoted sentence (“…回复率100%…”) states figures
        if before in ("第", "届") or before == "." or (before.isascii() and before.isdigit()):
            return False  # 第3期, 十七届三次会议, 1.2.3
        if before == "/" and at > 0 and view[at - 1].isdigit():
            return False  # 2024/3: a date (but 704人/75.2万人 is a figure)
        if raw.unit in ("人", "个") and view[start - 1 : start] in _RANK_ENDS and _RANK.search(view, max(0, start - 8), start):
            return False  # 排在前10位, 排名后三位: a rank
        if before.isascii() and before.isalpha() and _CODE.search(view, max(0, num_start - 3), num_start):
            return False  # G310, S20: a road or document code (but GDP23.68亿元, APP 86人 are figures)
        if view[end : end + 1].isdigit() and _ADDRESS_NEXT.match(view, end):
            return False
        if raw.unit in _DURATIONS and view.endswith("前", 0, raw.start):
            return False  # 好于前10个月: a period
        if number[0] not in "0123456789-":
            if number == "二" and raw.kind == "fact" and raw.unit in _ORDINAL_TWO:
                return False  # 二次供水, 二期工程: counts of two are written 两
            if before and before in _CLOSING_QUOTES:
                return False  # “选、育、管、用”四项举措 counts the slogan's parts
            if any(view.endswith(w, 0, num_start) for w in _WEEKDAY_BEFORE):
                return False
            if view.find("届", max(0, num_start - 8), num_start) >= 0 and _SESSION.search(view, max(0, num_start - 8), num_start):
                return False  # 十七届人大三次会议, 二十届三中全会: sessions, numbered
        return True

    def _in_long_quote(self, pos: int) -> bool:
        i = bisect_right(self.quoted.starts, pos) - 1
        start, end = self.quoted.starts[i], self.quoted.ends[i]
        return end - start >= 10 and self.view[start] != "《"  # a title (《关于加强10项工作的意见》) stays a name

    def candidates(self) -> list[_Raw]:
        """Every candidate statistic of the text, in order (table cells set in the text apart)."""
        g = grammar()
        found = []
        tables = self.table_spans if self.tables else None
        for m in g.pattern.finditer(self.view):
            if tables is not None and tables.overlaps(*m.span()):
                continue
            try:
                raws = self._read(m, m.lastgroup, g)
            except ValueError:
                continue  # 十四五期: numeral-like characters that are not a number
            for r in raws:
                if self.is_statistic(r):
                    found.append(r)
                elif self._category_bound(r):
                    found.append(r)
        return found

    def _category_bound(self, raw: _Raw) -> bool:
        """“百万元村”: an amount naming a category of units in quotes is that category's bracket
        bound (at least the amount); it stays only where a count of the units follows."""
        if raw.unit != "元" or raw.qualifier not in ("exact", "at_least") or self.view[raw.start - 1 : raw.start] not in _OPENING_QUOTES:
            return False
        rest = _CATEGORY_REST.match(self.view, raw.end)
        if rest is None:
            return False
        raw.bound_only = raw.bracket = True
        raw.noun = self.view[raw.start : rest.end() - 1]
        return True

    def _read(self, m: re.Match, kind: str, g: Grammar) -> list[_Raw]:
        """The candidates one match stands for (a ratio of three parts is three)."""
        start, end = m.span()
        if kind == "fact":
            n1, n2, word, mult, pre, mid, post = m.group("n1", "n2", "unit", "mult", "pre", "mid", "post")
            factor = MULTIPLIERS[mult] if mult else 1
            rough = _ROUGH.fullmatch(n1) if n2 is None and not n1[0].isdigit() else None
            if rough and parse_number(rough["rb"]) > parse_number(rough["ra"][-1]):  # 三四千人, 七八个
                ra, rb, suffix = rough["ra"], rough["rb"], rough["rsuf"]
                low, high = parse_number(ra + suffix) * factor, parse_number(ra[:-1] + rb + suffix) * factor
                return [_Raw("rough", start, end, m.start("n1"), n1, low, high, g.units[word], "range")]
            unit = g.units[word]
            if n2:
                low, high = _number(n1, n2) * factor, _number(n2) * factor
                return [_Raw(kind, start, end, m.start("n1"), n1, low, high, unit, "range", factor=factor)]
            listed = factor
            if n1[-1] in _MULTIPLIER_ENDS and n1[0].isdigit():  # 8万元 of 分别为12、8万元
                listed *= MULTIPLIERS[_TRAILING_MULTIPLIER.search(n1).group()]
            q = _qualifier(g, pre, mid or g.unit_middles.get(word), post or g.unit_afters.get(word))  # 6个多月, 15日内
            value = _number(n1) * factor
            if m["tenth"]:  # 二亩二分, 一亩三分多: 亩 and tenths of it
                value += parse_number(m["tenth"]) / 10
                if q == "exact" and m["tenthmid"]:
                    q = g.middle[m["tenthmid"]]
            # 每平方公里51人: a density (每 looked for first: most figures have none before them)
            per = _PER.search(self.view, max(0, start - 8), start) if self.view.find("每", max(0, start - 8), start) >= 0 else None
            if per:
                unit = f"{unit}/{g.units.get(per['per'], per['per'])}"
            raw = _Raw(kind, start, end, m.start("n1"), n1, value, NAN, unit, q, pre is not None,
                       factor=listed, bracket=(pre in g.bracket_words or post in g.bracket_words))
            raw.article = n1 == "一" and g.kinds.get(word) in ("count", "people")
            return [raw]
        if kind == "cheng" and m["tenths"]:  # 不到七分: tenths of a 亩
            sentence = self.layout.sentence_at(start)
            if m["cnum"] == "十" or (
                self.view[end : end + 1] not in ("地", "田") and not _LAND.search(self.view, max(sentence[0], start - 20), start)
            ):
                return []  # 十分, 七分靠管理, 得分九分: a tenth of a 亩 only where land is spoken of
            q = _qualifier(g, m["cpre"], m["nmid"], None)
            return [_Raw("fen", start, end, m.start("cnum"), m["cnum"], parse_number(m["cnum"]) / 10, NAN, "亩", q, bool(m["cpre"]))]
        if kind == "pct":
            q = _qualifier(g, m["ppre"], m["pmid"], m["ppost"])
            return [_Raw(kind, start, end, m.start("pnum"), m["pnum"], parse_number(m["pnum"]), NAN, "%", q, bool(m["ppre"]),
                         bracket=g.is_bracket(m["ppre"], m["ppost"]))]
        if kind == "frac":
            value = 100 * parse_number(m["fnum"]) / parse_number(m["fden"])
            q = _qualifier(g, m["fpre"], None, m["fpost"])
            return [_Raw(kind, start, end, m.start("fden"), m["fden"], value, NAN, "%", q, bool(m["fpre"]))]
        if kind == "cheng":
            q = _qualifier(g, m["cpre"], m["cmid"] or m["cmid2"], m["cpost"])
            value = 10 * parse_number(m["cnum"])
            return [_Raw(kind, start, end, m.start("cnum"), m["cnum"], value, NAN, "%", q, bool(m["cpre"]))]
        if kind == "fan":
            n = parse_number(m["fann"])
            q = "more_than" if m["fmid"] or m.group().endswith("还多") else "exact"
            raw = _Raw(kind, start, end, m.start("fann"), m["fann"], (2**n - 1) * 100, NAN, "%", q)
            raw.direction = "up"
            return [raw]
        if kind == "half":
            q = _qualifier(g, m["hpre"], None, m["hpost"])
            return [_Raw(kind, start, end, start, "一半", 50.0, NAN, "%", q, bool(m["hpre"]))]
        if kind == "rough":
            ra, rb, suffix = m["ra"], m["rb"], m["rsuf"]
            if parse_number(rb) <= parse_number(ra[-1]):
                return []
            low, high = parse_number(ra + suffix), parse_number(ra[:-1] + rb + suffix)
            return [_Raw(kind, start, end, m.start("ra"), ra, low, high, g.units[m["runit"]], "range")]
        if kind == "ratio":
            clause = self.layout.clause_at(start)
            if not _RATIO_CONTEXT.search(self.view, clause[0], start):
                return []
            if m["r3"] is None:
                if float(m["r2"]) == 100:  # 性别比103.93:100
                    return [_Raw(kind, start, end, start, m["r1"], float(m["r1"]), NAN, "%", "exact")]
                if float(m["r2"]) != 1:
                    return []
                return [_Raw(kind, start, end, start, m["r1"], float(m["r1"]), NAN, "倍", "exact")]
            sectors = _SECTORS.search(self.view, clause[0], start)
            return [
                _Raw(kind, m.start(n), m.end(n), m.start(n), m[n], float(m[n]), NAN, "%", "exact",
                     label=f"{part}占比" if sectors else None)
                for n, part in zip(("r1", "r2", "r3"), ("第一产业", "第二产业", "第三产业"))
            ]
        if kind == "bound":
            b1, b2 = m["b1"], m["b2"]
            if not any(c in MULTIPLIERS for c in (b2 or b1)):
                return []  # a bound of money says 万 or 亿 (10万至20万的村)
            q = "range" if b2 else _qualifier(g, m["bpre"], None, m["bpost"])
            upper = _number(b2) if b2 else NAN
            return [_Raw(kind, start, end, m.start("b1"), b1, _number(b1, b2), upper, "元", q, bound_only=True)]
        if kind == "money":
            # A money word before it in its list item (争取资金120万), or in the clause before one that
            # goes on with 完成/实现 (一般预算收入任务236万,完成261万).
            part_start = self.layout.part_at(start)[0]
            if not g.money.search(self.view, part_start, start):
                clause = self.layout.clause_at(start)
                earlier = self.layout.clause_at(clause[0] - 1) if clause[0] else clause
                goes_on = _GOES_ON.match(self.view, clause[0])
                if not (goes_on and earlier != clause and g.money.search(self.view, earlier[0], earlier[1])):
                    return []
            value = parse_number(m["mn"]) * MULTIPLIERS[m["mmult"]]
            q = _qualifier(g, m["mpre"], m["mmid"], m["mpost"])
            return [_Raw(kind, start, end, m.start("mn"), m["mn"], value, NAN, "元", q, bool(m["mpre"]),
                         bracket=g.is_bracket(m["mpre"], m["mpost"]))]
        raise ValueError(kind)
