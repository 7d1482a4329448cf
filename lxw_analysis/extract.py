"""Every statistic in a report's text, as rows of the facts table.

One regular expression, built once from named pieces (numbers, qualifiers, measure words
from ``data/``), finds three kinds of expression:

- a count inside a bracket of another measure: 10万至20万的村3个 (``band``);
- a percentage in words: 百分之三十 (``pct``);
- a number with its measure word and qualifiers: 约50余人, 1.2亿元, 10-20万元 (``fact``).

Each match is then checked against rules for numerals that count nothing (quoted slogans,
ordinals, weekdays, road codes, set phrases) and placed in its section, sentence and village.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from . import reference
from .facts import as_facts
from .indicators import match_indicator
from .numbers import ARABIC, CHINESE, CN_NUMERAL_CHARS, MULTIPLIER, MULTIPLIERS, parse_number
from .segment import Layout
from .text import matching_view
from .villages import SCOPE_WORDS, village_mentions


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _first_chars(words, also: str = "") -> str:
    """A lookahead for the first characters of ``words`` (and the character class items ``also``).

    Put before an alternation, it is one quick test where none of the words can start; without
    it the regex engine tries every word in turn (there are some seventy measure words). A
    pattern that is a bare alternation of words does not need it: the engine makes that test itself.
    """
    return f"(?=[{also}{''.join(sorted({re.escape(w[0]) for w in words}))}])"


@dataclass(frozen=True)
class Grammar:
    """The compiled pattern and the lookup tables its groups are read with."""

    pattern: re.Pattern
    units: dict[str, str]
    unit_middles: dict[str, str]  # a measure word with a middle qualifier inside it (个多月) → that word (多)
    before: dict[str, str]
    middle: dict[str, str]
    after: dict[str, str]
    stop_phrases: re.Pattern
    lead_verbs: re.Pattern
    scope: re.Pattern
    link: re.Pattern
    stop: re.Pattern
    tail: re.Pattern
    money: re.Pattern


def _qualifier_alternation(rows) -> str:
    """Qualifier words, each guarded against the characters that make it part of another word
    (签约, 附近) and, where the table says, kept to numbers starting with certain characters (上万)."""
    rows = sorted(rows, key=lambda r: len(r["word"]), reverse=True)
    parts = []
    for row in rows:
        guard = f"(?<![{re.escape(row['not_after'])}])" if row["not_after"] else ""
        then = f"(?=[ \u00a0]?[{re.escape(row['only_before'])}])" if row["only_before"] else ""
        parts.append(guard + re.escape(row["word"]) + then)
    return f"{_first_chars(row['word'] for row in rows)}(?:{'|'.join(parts)})"


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """Build the extraction pattern once from the reference tables."""
    units = reference.measure_words()
    qualifiers = reference.load_table("qualifiers.csv")
    before = reference.qualifier_words("before")
    middle = reference.qualifier_words("middle")
    after = reference.qualifier_words("after")
    number = rf"(?:{ARABIC})(?:{MULTIPLIER})?|{CHINESE}"
    sep = r"至|到|~|-|—|–|〜"
    sp = r"[ \u00a0]?"  # text taken from PDFs puts spaces around numbers: 投资 120 万元
    unit = f"{_first_chars(units)}(?:{_alternation(units)})"
    pre = _qualifier_alternation(r for r in qualifiers if r["position"] == "before")
    mid, post = _alternation(middle), _alternation(after)
    open_bracket = "及以上|及以下|以上|以下"
    band = rf"""
        (?P<above>超过|高于)? (?P<blo>{number}) {sp} (?:{unit})? {sp}
        (?: (?:{sep}) {sp} (?P<bhi>{number}) {sp} (?:{unit})? (?P<bopen>{open_bracket})?
          | (?P<bopen1>{open_bracket}) | (?(above)|(?!)) )  # 超过50万元的村: open above
        (?:之间)? 的 (?P<noun>[\u4e00-\u9fff]{{1,4}}?) (?:有|为|共|达)?
        (?P<count>{number}) (?P<cmid>{mid})? {sp} (?P<cunit>{unit})
    """
    pct = rf"(?P<ppre>{pre})? {sp} 百分之 (?P<pnum>{number}) (?P<pmid>{mid})? (?P<ppost>{post})?"
    fact = rf"""
        (?P<pre>{pre})? {sp}
        (?P<n1>{number}) {sp}
        (?: (?:{unit})? {sp} (?:{sep}) {sp} (?P<n2>{number}) )?
        (?P<mid>{mid})? (?P<mult>{MULTIPLIER})? {sp}
        (?P<unit>{unit})
        (?P<post>{post})?
    """
    # Money written without 元 (争取资金120万,): kept only where a money word comes before it.
    money = rf"""
        (?P<mpre>{pre})? {sp}
        (?P<mn>{ARABIC}|{CHINESE}) (?P<mmid>{mid})? (?P<mmult>万|亿) (?P<mpost>{post})?
        (?![\u4e00-\u9fff\d])
    """
    # Every expression starts with a digit, a numeral or a qualifier: test that first, it is cheap.
    first = _first_chars([*CN_NUMERAL_CHARS, *before], also=r"\d")
    pattern = re.compile(
        rf"{first}(?:(?P<band>{band})|(?P<pct>{pct})|(?P<fact>{fact})|(?P<money>{money}))", re.X
    )

    words: dict[str, list[str]] = {}
    for row in reference.load_table("label_words.csv"):
        words.setdefault(row["role"], []).append(row["word"])
    scope = rf"^(?:\d{{4}}年度?|{_alternation(words['scope'])})+"
    return Grammar(
        pattern=pattern,
        units=units,
        unit_middles={
            word: inner for word, unit in units.items() for inner in middle if inner in word and inner not in unit
        },
        before=before,
        middle=middle,
        after=after,
        stop_phrases=re.compile(_alternation(reference.stop_phrases())),
        lead_verbs=re.compile(_alternation(words["lead_verb"])),
        scope=re.compile(scope),
        link=re.compile(rf"(?:{_alternation(words['link'])})+$"),
        stop=re.compile(_alternation(words["stop"])),
        tail=re.compile(rf"(?<=.)(?:{_alternation(words['tail'])})$"),
        money=re.compile(_alternation(words["money"])),
    )


#: Quoted names and titles: numerals inside them are names (“六个一”, 《…》), not counts.
_QUOTED = re.compile(r"“[^“”\n]{1,30}”|\"[^\"\n]{1,30}\"|「[^」\n]{1,30}」|『[^』\n]{1,30}』|《[^》\n]{1,40}》")
#: Quote marks, dropped from labels (a regex: str.translate is slow on Chinese text).
_QUOTE_MARKS = re.compile("[“”\"「」『』《》‘’']")
_CLOSING_QUOTES = "”\"」』》"
_WEEKDAY_BEFORE = ("周", "星期", "礼拜")
#: Two adjacent digits written in Chinese are a rough count (七八个, 两三户), not 78 or 23.
_ROUGH_PAIR = re.compile("[一二两三四五六七八九]{2}")
_HANZI = re.compile(r"[\u4e00-\u9fff]+")
#: A unit number right after a measure word makes it an address (7栋3单元, 2号楼301室), not a count.
_ADDRESS_NEXT = re.compile(r"\d{1,4}(?:单元|室)")
#: A township named in a title (拉西瓦镇:…, 新寨乡2023年…) or right after the year (2024年,某某镇…).
_TOWNSHIP = re.compile(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,4}[镇乡])(?=[^\u4e00-\u9fff]|党委|人民政府|政府)"
    r"|(?<=年)[,\s]?([\u4e00-\u9fff]{2,4}?[镇乡])"
)
_NOT_TOWNSHIP = re.compile(r"^(?:[全本各我该每]|城乡|乡镇)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=年)|([〇零一二三四五六七八九]{4})(?=年)")


class _Spans:
    """Sorted, non-overlapping spans with a fast 'does this range touch one' test."""

    def __init__(self, spans):
        spans = list(spans)
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start


def _last_before(positions: list[int], pos: int) -> int:
    """The last of the sorted ``positions`` before ``pos``, or -1."""
    i = bisect_left(positions, pos)
    return positions[i - 1] if i else -1


def _number(text: str, partner: str | None = None) -> float:
    """Parse a matched number; a bare first number of a range takes the second's 万 (10-20万, 三至五万)."""
    value = parse_number(text)
    if partner and partner[-1] in MULTIPLIERS and not any(c in MULTIPLIERS for c in text):
        value *= MULTIPLIERS[partner[-1]]
    return value


class _Document:
    """One document being read: its text, view, layout and the spans rules skip."""

    def __init__(self, text: str, township: str | None):
        self.text = text
        self.view = matching_view(text)
        self.layout = Layout.of(self.view, text)
        self.township = township
        g = grammar()
        self.quoted = _Spans(m.span() for m in _QUOTED.finditer(self.view))
        self.set_phrases = _Spans(m.span() for m in g.stop_phrases.finditer(self.view))
        mentions = village_mentions(self.view, township)
        self.village_positions = [p for p, _ in mentions]
        self.village_names = [n for _, n in mentions]
        self.scope_positions = [m.start() for m in SCOPE_WORDS.finditer(self.view)]

    def villages_in(self, span: tuple[int, int]) -> list[str]:
        """Villages named in a span of the view, in order, without repeats."""
        lo = bisect_left(self.village_positions, span[0])
        hi = bisect_left(self.village_positions, span[1])
        return list(dict.fromkeys(self.village_names[lo:hi]))

    def is_statistic(self, kind: str, start: int, end: int, number: str, num_start: int) -> bool:
        """False for numerals that name or order things rather than count them."""
        view = self.view
        at = num_start - 1
        while at >= 0 and view[at] in " \u00a0":
            at -= 1
        before = view[at] if at >= 0 else ""
        if self.quoted.overlaps(start, end) or self.set_phrases.overlaps(start, end):
            return False
        if before in ("第", "届") or (before.isascii() and (before.isalnum() or before in (".", "/"))):
            return False  # 第3期, 十七届三次会议, G310, 1.2.3
        if _ADDRESS_NEXT.match(view, end):
            return False
        if number[0] not in "0123456789":
            if number == "一" and kind != "pct":
                return False  # 一条路子, 一个机制: in prose 一 is an article, counts of one are written 1
            if number == "二" and kind == "fact":
                return False  # 二次供水, 二期工程: counts of two are written 两
            if before and before in _CLOSING_QUOTES:
                return False  # “选、育、管、用”四项举措 counts the slogan's parts
            if any(view.endswith(w, 0, num_start) for w in _WEEKDAY_BEFORE):
                return False
            if "届" in view[max(0, num_start - 8) : num_start]:
                return False  # 十七届人大三次会议, 二十届三中全会: sessions, numbered
        return True

    def label(self, ctx_start: int, start: int, end: int) -> tuple[str, int]:
        """The subject as written, and where the words it used end.

        The words before the number (less scope and link words), else the verb and the phrase
        after the number: 开展党委理论学习17次 → 党委理论学习; 选派2名大学生 → 选派大学生.
        """
        g = grammar()
        before = _QUOTE_MARKS.sub("", self.view[ctx_start:start]).strip()
        if self.township and before.startswith(self.township):
            before = before[len(self.township) :]  # 2024年,拉西瓦镇开展… : the township is not the subject
        before = g.link.sub("", g.scope.sub("", before))
        verb = ""
        verbs = list(g.lead_verbs.finditer(before))
        if verbs:
            last = verbs[-1]
            verb, before = last.group(), before[last.end():]
        if before:
            return before, end
        follow = _HANZI.match(self.view, end)
        phrase = follow.group()[:24] if follow else ""
        skipped = 0
        if g.stop.match(phrase) and "的" in phrase:
            skipped = phrase.index("的") + 1  # 7名使用…不规范的村干部 → 村干部
            phrase = phrase[skipped:]
        cut = g.stop.search(phrase)
        if cut:
            phrase = phrase[: cut.start()]
        doubled = next((i for i in range(len(phrase) - 1) if phrase[i] == phrase[i + 1]), None)
        if doubled is not None:
            phrase = phrase[: doubled + 1]  # 10个(行政)村村集体经济收益: the measured noun ends at the first 村
        phrase = g.tail.sub("", phrase[:10])
        if verb:
            return verb + phrase, end  # 投资30万元修建卫生厕所1处: the object is the next number's subject too
        return phrase, end + skipped + len(phrase)

    def village(self, sentence: tuple[int, int], clause: tuple[int, int], part: tuple[int, int]) -> str | None:
        """The one village a fact's clause (or an earlier clause of its sentence) names.

        The spans are those of the sentence, clause and part (list item) the fact stands in.
        """
        if SCOPE_WORDS.search(self.view, *clause):
            return None
        names = self.villages_in(clause)
        if len(names) > 1:
            if self.view.find("分别", *clause) >= 0:
                return None  # 在A村、B村分别投资…: each of the villages, not one of them
            names = self.villages_in(part)
            return names[0] if len(names) == 1 else None
        if names:
            return names[0]
        # Else the nearest earlier clause of the sentence that names villages or the whole
        # township decides: the one holding the last village or scope word before this clause.
        last = max(_last_before(self.village_positions, clause[0]), _last_before(self.scope_positions, clause[0]))
        if last < sentence[0]:
            return None
        names = self.villages_in(self.layout.clause_at(last))
        return names[0] if len(names) == 1 else None

    def facts(self):
        """Yield one tuple per statistic: the facts-table columns between year and source."""
        g = grammar()
        text, layout = self.text, self.layout
        prev_end = 0
        quotes: dict[tuple[int, int], str] = {}  # facts of one sentence share its quote
        for m in g.pattern.finditer(self.view):
            start, end = m.span()
            kind = m.lastgroup
            try:
                row = self._read(m, kind, g)
            except ValueError:
                continue  # 十四五期: numeral-like characters that are not a number
            if row is None:
                continue
            value, upper, unit, qualifier, band_low, band_high, num_start, number, noun = row
            if not self.is_statistic(kind, start, end, number, num_start):
                continue
            part, sentence, clause = layout.part_at(start), layout.sentence_at(start), layout.clause_at(start)
            label, used_end = (noun, end) if noun else self.label(max(part[0], prev_end), start, end)
            s0, s1 = sentence
            yield (
                layout.section_at(start),
                self.village(sentence, clause, part),
                match_indicator(label, unit, self.view[clause[0] : clause[1]], band=noun is not None),
                label,
                value,
                upper,
                unit,
                qualifier,
                band_low,
                band_high,
                text[start:end],
                start,
                end,
                quotes.setdefault((s0, s1), text[s0:s1].strip()),
            )
            prev_end = used_end

    def _read(self, m: re.Match, kind: str, g: Grammar):
        """(value, upper, unit, qualifier, band_low, band_high, number start, number, noun) of a match."""
        nan = float("nan")
        if kind == "band":
            count = parse_number(m["count"])
            low = _number(m["blo"], m["bhi"])
            high = _number(m["bhi"]) if m["bhi"] else nan
            opening = m["bopen"] or m["bopen1"] or ("以上" if m["above"] else None)
            if opening and opening.endswith("以下"):
                low, high = nan, (high if m["bhi"] else low)
            elif opening and m["bhi"] is None:
                high = nan
            qualifier = g.middle[m["cmid"]] if m["cmid"] else "exact"
            return count, nan, g.units[m["cunit"]], qualifier, low, high, m.start("count"), m["count"], m["noun"]
        if kind == "pct":
            qualifier = _qualifier(g, m["ppre"], m["pmid"], m["ppost"])
            return parse_number(m["pnum"]), nan, "%", qualifier, nan, nan, m.start("pnum"), m["pnum"], None
        if kind == "money":
            part_start = self.layout.part_at(m.start())[0]
            if not g.money.search(self.view, part_start, m.start()):
                return None
            value = parse_number(m["mn"]) * MULTIPLIERS[m["mmult"]]
            qualifier = _qualifier(g, m["mpre"], m["mmid"], m["mpost"])
            return value, nan, "元", qualifier, nan, nan, m.start("mn"), m["mn"], None
        factor = MULTIPLIERS[m["mult"]] if m["mult"] else 1
        n1, n2 = m["n1"], m["n2"]
        if n2 is None and _ROUGH_PAIR.fullmatch(n1) and parse_number(n1[0]) < parse_number(n1[1]):
            n1, n2 = n1[0], n1[1]  # 七八个村: seven or eight
        value = _number(n1, n2) * factor
        if n2:
            return value, _number(n2) * factor, g.units[m["unit"]], "range", nan, nan, m.start("n1"), m["n1"], None
        qualifier = _qualifier(g, m["pre"], m["mid"] or g.unit_middles.get(m["unit"]), m["post"])  # 6个多月
        return value, nan, g.units[m["unit"]], qualifier, nan, nan, m.start("n1"), m["n1"], None


def _qualifier(g: Grammar, before: str | None, middle: str | None, after: str | None) -> str:
    """The qualifier a number's surrounding words give it: the first of before, middle, after."""
    if before:
        return g.before[before]
    if middle:
        return g.middle[middle]
    if after:
        return g.after[after]
    return "exact"


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
    m = _YEAR.search(matching_view(text[:400]))
    if not m:
        return None
    if m.group(1):
        return int(m.group(1))
    return int("".join(str("〇一二三四五六七八九".find(c)) if c != "零" else "0" for c in m.group(2)))


def iter_facts(text: str, *, source: str = "", year: int | None = None, township: str | None = None):
    """Facts-table rows (tuples in column order) for ``text``; ``extract_facts`` makes them a table."""
    township = township or infer_township(text)
    year = year or infer_year(text)
    for fact in _Document(text, township).facts():
        yield (township, year, *fact, source)


def extract_facts(
    text: str, *, source: str = "", year: int | None = None, township: str | None = None
) -> pd.DataFrame:
    """One row per statistic in ``text``, with the facts-table columns.

    ``year`` and ``township`` default to what the text itself says (NA when it says nothing).
    The input is never changed; ``start``/``end`` index into ``text`` itself.

    >>> df = extract_facts("2024年,某某镇开展党委理论学习17次,交流发言50余人。")
    >>> df[["label", "value", "unit", "qualifier", "text"]].values.tolist()
    [['党委理论学习', 17.0, '次', 'exact', '17次'], ['交流发言', 50.0, '人', 'more_than', '50余人']]
    """
    return as_facts(iter_facts(text, source=source, year=year, township=township))
