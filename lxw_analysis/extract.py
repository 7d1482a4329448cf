"""Every statistic in a report's text, as rows of the facts table.

One regular expression, built once from named pieces (numbers, qualifiers, measure words
from ``data/``), finds the candidate expressions:

- a number with its measure word and qualifiers: 约50余人, 1.2亿元, 10-20万元 (``fact``);
- a percentage in words or a fraction: 百分之三十, 三分之一, 近三成 (``pct``, ``frac``, ``cheng``);
- a rough pair of Chinese numerals: 三四千人, 五、六只 (``rough``), a range;
- a ratio of parts: 16.8:22.6:60.6 (``ratio``), where the clause speaks of one;
- a bracket bound written without its unit: 10万至20万的村 (``bound``);
- money without 元 after a money word: 争取资金120万 (``money``).

Each candidate is checked against rules for numerals that count nothing (quoted slogans,
ordinals, weekdays, road codes, set phrases). Then the candidates of a document are read
together: numbers listed before one unit share it (分别为12、8万元), a bracket of one measure
gives its bounds to the count that follows (10万元以上的村有3个) and to the share after it,
a 不少于 before a list qualifies each item, and the words before a number say whether it is
a change (同比增长5%: ``direction`` up). Tables set in the text are read cell by cell
(``texttables``). Each fact is then placed in its section, sentence and village.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

import pandas as pd

from . import reference
from .facts import as_facts
from .indicators import catalogue_key, match_in
from .numbers import ARABIC, CHINESE, CN_NUMERAL_CHARS, MIXED, MULTIPLIER, MULTIPLIERS, parse_number
from .segment import PART_END, Layout
from .text import matching_view
from .texttables import find_tables
from .villages import SCOPE_WORDS, village_mentions

NAN = float("nan")


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _first_chars(words, also: str = "") -> str:
    """A lookahead for the first characters of ``words`` (and the character class items ``also``).

    Put before an alternation, it is one quick test where none of the words can start; without
    it the regex engine tries every word in turn (there are some hundred measure words). A
    pattern that is a bare alternation of words does not need it: the engine makes that test itself.
    """
    return f"(?=[{also}{''.join(sorted({re.escape(w[0]) for w in words}))}])"


def _guarded_alternation(rows, *, only_before: bool = True) -> str:
    """Words, each guarded against the characters that make it part of another word (签约,
    附近, 新增) and, where the table says, kept to numbers starting with certain characters (上万)."""
    rows = sorted(rows, key=lambda r: len(r["word"]), reverse=True)
    parts = []
    for row in rows:
        guard = f"(?<![{re.escape(row['not_after'])}])" if row.get("not_after") else ""
        then = f"(?=[ \u00a0]?[{re.escape(row['only_before'])}])" if only_before and row.get("only_before") else ""
        parts.append(guard + re.escape(row["word"]) + then)
    return f"{_first_chars(row['word'] for row in rows)}(?:{'|'.join(parts)})"


@dataclass(frozen=True)
class Grammar:
    """The compiled pattern and the lookup tables its groups are read with."""

    pattern: re.Pattern
    units: dict[str, str]
    kinds: dict[str, str]  # measure word → its kind (count, people, money, duration …)
    unit_middles: dict[str, str]  # a measure word with a middle qualifier inside it (个多月) → that word (多)
    unit_afters: dict[str, str]  # a measure word ending in an after qualifier (日内) → that word (内)
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
    change: re.Pattern  # a change word right before a number (同比增长5%)
    change_ends: frozenset[str]  # the characters a change word (with 了, 为 …) can end in
    changes: dict[str, tuple[str, str, str]]  # change word → (direction, after a decline, word needed before)
    band_gap: re.Pattern  # what may stand between a bracket and its count (的村有)
    band_nouns: frozenset[str]
    band_verbs: re.Pattern
    band_noun_starts: frozenset[str]
    shared: re.Pattern  # numbers listed before the one that carries their unit (分别为12、8万元)
    bracket_words: frozenset[str]  # qualifier words that state a bracket's bound (以上, 超过)

    def is_bracket(self, *words: str | None) -> bool:
        return any(w in self.bracket_words for w in words if w)


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """Build the extraction pattern once from the reference tables."""
    units = reference.measure_words()
    qualifiers = reference.load_table("qualifiers.csv")
    before = reference.qualifier_words("before")
    middle = reference.qualifier_words("middle")
    after = reference.qualifier_words("after")
    words: dict[str, list[str]] = {}
    for row in reference.load_table("label_words.csv"):
        words.setdefault(row["role"], []).append(row["word"])
    number = rf"(?:(?<=[\u4e00-\u9fff])-)?(?:{ARABIC})(?:{MULTIPLIER})?|{CHINESE}|(?:{MIXED})"
    sep = r"至|到|~|-|—|–|〜"
    sp = r"[ \u00a0]?"  # text taken from PDFs puts spaces around numbers: 投资 120 万元
    unit = f"{_first_chars(units)}(?:{_alternation(units)})"
    pre = _guarded_alternation(r for r in qualifiers if r["position"] == "before")
    mid, post = _alternation(middle), _alternation(after)
    cn_digit = "[一二两三四五六七八九]"
    band_nouns = frozenset(words["band_noun"])
    pct = rf"(?P<ppre>{pre})? (?:为)? {sp} 百分之 (?P<pnum>{number}) (?P<pmid>{mid})? (?P<ppost>{post})?"
    frac = rf"(?P<fpre>{pre})? (?:为)? {sp} (?P<fden>{CHINESE}|\d+) 分之 (?P<fnum>{CHINESE}|\d+) (?P<fpost>{post})?"
    # 近三成, 八成以上: tenths; not 成立, 成为, 完成 … (a 成 that begins a word)
    cheng = rf"""(?P<cpre>{pre})? {sp} (?P<cnum>{cn_digit}|十) (?P<cmid>{mid})? 成
        (?![立为效果功员本交绩品熟长就型片套都色分批建年龙人材不]) (?P<cmid2>多|余)? (?P<cpost>{post})?"""
    # 翻了一番 (doubled: +100%), 翻两番 (+300%); 一半 (50%)
    fan = rf"翻了? (?P<fann>[一两二三四]) 番 (?P<fmid>多)? (?:还多)?"
    half = rf"(?P<hpre>{pre})? 一半 (?P<hpost>{post})?"
    rough = rf"""
        (?P<rpre>{pre})? {sp}
        (?P<ra>[一二两三四五六七八九十百千]*?{cn_digit}) 、? (?P<rb>{cn_digit}) (?P<rsuf>[十百千万亿]*)
        (?P<rmid>{mid})? {sp} (?P<runit>{unit}) (?P<rpost>{post})?
    """
    ratio = r"(?P<r1>\d+(?:\.\d+)?)[:∶](?P<r2>\d+(?:\.\d+)?)(?:[:∶](?P<r3>\d+(?:\.\d+)?))?(?![\d:∶])"
    fact = rf"""
        (?:(?P<pre>{pre})(?:了|有|为)?)? {sp}
        (?P<n1>{number}) {sp}
        (?: (?:{MULTIPLIER})? {sp} (?:{unit})? {sp} (?:{sep}) {sp} (?P<n2>{number}) {sp} )?
        (?P<mid>{mid})? (?P<mult>{MULTIPLIER})? {sp}
        (?P<unit>{unit})
        (?P<post>{post})?
    """
    # A bracket bound written without its unit (10万至20万的村, 5千万以上的): a bound of money.
    nouns = _alternation(band_nouns)
    bound = rf"""
        (?:(?P<bpre>{pre})了?)? {sp}
        (?P<b1>{number}) (?: {sp} (?:{sep}) {sp} (?P<b2>{number}) )? (?P<bpost>{post})? (?=的|{nouns})
    """
    # Money written without 元 (争取资金120万,): kept only where a money word comes before it.
    money = rf"""
        (?P<mpre>{pre})? {sp}
        (?P<mn>{ARABIC}|{CHINESE}) (?P<mmid>{mid})? (?P<mmult>万|亿) (?P<mpost>{post})?
        (?![\u4e00-\u9fff\d])
    """
    # Every expression starts with a digit, a numeral, 翻, or a qualifier followed by a number:
    # test that first, it is cheap (qualifier words such as 不, 高, 过 are common characters).
    numeral = rf"[\d{re.escape(CN_NUMERAL_CHARS)}]"
    first = rf"(?=[\d\-{re.escape(CN_NUMERAL_CHARS)}翻]|{pre}(?:了|有|为)?[ \u00a0]?{numeral})"
    pattern = re.compile(
        # fact first: most expressions are one, and the others fail it at once (三成, 三分之一: no
        # measure word after 三); a rough pair without 、 (三四千人) is a fact read as a range.
        rf"{first}(?:(?P<fact>{fact})|(?P<pct>{pct})|(?P<frac>{frac})|(?P<cheng>{cheng})|(?P<fan>{fan})|(?P<half>{half})"
        rf"|(?P<rough>{rough})|(?P<ratio>{ratio})|(?P<bound>{bound})|(?P<money>{money}))",
        re.X,
    )

    change_rows = reference.load_table("change_words.csv")
    # Years, months, bracketed headings (【集体经济】), places (清溪县…) and scope words before a subject.
    place = r"[\u4e00-\u9fff]{2,4}?(?:县|镇|乡|区|市|街道)(?=[\u4e00-\u9fff]{2})"
    scope = rf"^(?:\d{{4}}年度?|\d{{1,2}}(?:-\d{{1,2}})?月份?|【[^】]{{1,10}}】|{_alternation(words['scope'])}|{place})+"
    link = _alternation(words["band_link"])
    band_gap = re.compile(
        rf"""[ ]?(?:之间)?(?P<de>的)?(?P<noun>[\u4e00-\u9fff()“”"]{{0,10}}?)
        (?:[、\u4e00-\u9fff]{{0,24}}?等)?(?:{link})?[ ]?:?[ ]?""",
        re.X,
    )
    shared_number = rf"-?\d+(?:\.\d+)?|[{CN_NUMERAL_CHARS}]+"
    return Grammar(
        pattern=pattern,
        units=units,
        kinds={r["word"]: r["kind"] for r in reference.load_table("measure_words.csv")},
        unit_middles={
            word: inner for word, unit in units.items() for inner in middle if inner in word and inner not in unit
        },
        unit_afters={
            word: inner for word, unit in units.items() for inner in after if word.endswith(inner) and inner not in unit
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
        change=re.compile(rf"(?P<word>{_guarded_alternation(change_rows, only_before=False)})(?:了|为|达到|达)?[ ]?$"),
        change_ends=frozenset("了为达到 " + "".join(r["word"][-1] for r in change_rows)),
        changes={r["word"]: (r["direction"], r["after_decline"] or r["direction"], r["needs"]) for r in change_rows},
        band_gap=band_gap,
        band_nouns=band_nouns,
        band_verbs=re.compile(_alternation(words["band_verb"])),
        band_noun_starts=frozenset(w[0] for w in band_nouns),
        bracket_words=frozenset(r["word"] for r in qualifiers if r["bracket"] == "yes"),
        shared=re.compile(
            rf"(?:分别|依次|各)[\u4e00-\u9fff]{{0,4}}?[ ]?(?P<items>(?:(?:{shared_number})[ ]?[、和及与][ ]?)+)$"
        ),
    )


#: Quoted names and titles: numerals inside them are names (“六个一”, 《…》), not counts.
_QUOTED = re.compile(r"“[^“”\n]{1,30}”|\"[^\"\n]{1,30}\"|「[^」\n]{1,30}」|『[^』\n]{1,30}』|《[^》\n]{1,40}》")
#: Quote marks, dropped from labels (a regex: str.translate is slow on Chinese text).
_QUOTE_MARKS = re.compile("[“”\"「」『』《》‘’']")
_CLOSING_QUOTES = "”\"」』》"
_WEEKDAY_BEFORE = ("周", "星期", "礼拜")
#: Two adjacent digits written in Chinese are a rough count (七八个, 两三户), not 78 or 23.
_HANZI = re.compile(r"[\u4e00-\u9fff]+")
#: Two adjacent Chinese digits, a rough count (七八个, 三四千, 二三十): 7–8, 3000–4000, 20–30.
_ROUGH = re.compile("(?P<ra>[一二两三四五六七八九十百千]*?[一二两三四五六七八九])(?P<rb>[二两三四五六七八九])(?P<rsuf>[十百千万亿]*)")
#: A unit number right after a measure word makes it an address (7栋3单元, 2号楼301室), not a count.
_ADDRESS_NEXT = re.compile(r"\d{1,4}(?:单元|室)")
#: Measure words that make 二 an ordinal (二次供水, 二期工程): counts of two are written 两.
_ORDINAL_TWO = frozenset("次期批轮类级号届")
#: One or two capital letters right before a number: a code (G310国道, S20), not a subject.
_CODE = re.compile(r"(?<![A-Za-z])[A-Z]{1,2}[ ]?$")
#: A rank before a number (前10位, 后三名, 倒数第二).
_RANK_ENDS = frozenset("前后末数")
_RANK = re.compile(r"(?:排|排名|位列|居|列)[^,;。]{0,3}?(?:前|后|末|倒数)$")
#: A numbered session before a number (二十届三中全会): its numbers are ordinals.
_SESSION = re.compile(r"[一二三四五六七八九十]届")
_DURATIONS = frozenset({"个月", "天", "年", "日", "小时", "分钟", "周"})
MULTIPLIERS_LAST = frozenset(w[-1] for w in MULTIPLIERS)
_TRAILING_MULTIPLIER = re.compile(f"(?:{'|'.join(sorted(MULTIPLIERS, key=len, reverse=True))})$")
_SECTORS = re.compile(r"三次产业|三大产业|一二三产")
#: The clause words that make a:b:c a ratio of parts (三次产业结构, 城乡收入比).
_RATIO_CONTEXT = re.compile(r"比|结构|比例|比重|占比")
#: A list connector between two statistics: the second shares the first's direction.
_LIST_GAP = re.compile(r"[ ]?(?:和|、|及|与|以及)[ ]?")
#: A share right after a bracketed count (…的村5个,占22.2%): the same bracket.
_SHARE_GAP = re.compile(r"[ ]?,?[ ]?(?:其中)?(?:占比|占)[\u4e00-\u9fff]{0,6}?的?(?:比重|比例)?(?:为|达到|达)?[ ]?")
#: A count of villages before the bracket its villages lie in (其余11个村均在10万元以上).
_COUNT_GAP = re.compile(r"(?:个)?(?:行政)?村?[\u4e00-\u9fff]{0,8}?(?:均|都|全部)?(?:在|达到|达|超过|不足|低于|为)?")
_TOTAL_GAP = re.compile(r"[ ]?,?[ ]?(?:共|共计|合计|即)[ ]?")
#: What names the brackets just listed (…的为富裕村; …的村依次称作富裕村、一般村和薄弱村).
_DEFINITION = re.compile(
    r"[ ]?的(?:村)?(?:依次|分别)?(?:称作|称为|定为|列为|作为|为|叫做)(?P<names>[\u4e00-\u9fff]{1,6}(?:[、和及与][\u4e00-\u9fff]{1,6})*?)(?=[,;。,]|$)"
)
#: Between the items of a list that may name each (富裕村127个、一般村134个).
_ITEM_GAP = re.compile(r"[ ]?[、和及与][\u4e00-\u9fff]{0,6}?[ ]?")
#: A density's base written before its figure (每平方公里51人, 每万人拥有…).
_PER = re.compile(r"每(?P<per>平方公里|万人|千人|百人|十万人|万名|千名|百户|万户)(?:拥有|有)?[ ]?$")
_GOES_ON = re.compile(r"[ ]?(?:完成|实现|其中|同比|达到|达)")
_LIST_ENDS = frozenset("、和及与 ")
#: Decimals listed before the one that carries the unit (拉动0.19、2.86、2.25个百分点).
_DECIMAL_LIST = re.compile(r"(?<=[\u4e00-\u9fff])(?P<items>(?:\d+\.\d+[ ]?、[ ]?)+)$")
_DEFINITION_HINT = re.compile(r"的(?:村)?(?:依次|分别)?(?:称作|称为|定为|列为|作为|叫做)|的为")
#: The words before a list that takes its items from another list, one by one.
_RESPECTIVELY = re.compile(r"(?:分别|依次)(?:为|占|是|达到|达|有)?[ ]?$")
#: A change in a bracket's count right after it (…的30个,占比8.3%,比上年增加6个).
_CHANGE_GAP = re.compile(r"[ ]?,?[ ]?(?:比上年|比去年|较上年|比20\d\d年)(?:增加|减少|多|少)了?[ ]?")
#: A bracket's count going to another (…的村由6个增加到13个): the same bracket.
_BECOMES_GAP = re.compile(r"(?:增加到|减少到|增至|减至|上升到|下降到|提高到|降至|达到)")
_SUBSET = re.compile(r"其余|其中|另有|剩余|另外|还有")
_CONTRIBUTION = re.compile(r"拉动|贡献")
_DECLINE = re.compile(r"降幅|跌幅|下降|减少")
_TOWNSHIP = re.compile(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,4}[镇乡])(?=[^\u4e00-\u9fff]|党委|人民政府|政府)"
    r"|(?<=年)[,\s]?([\u4e00-\u9fff]{2,4}?[镇乡])"
)
_NOT_TOWNSHIP = re.compile(r"^(?:[全本各我该每]|城乡|乡镇)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=年)|([〇零一二三四五六七八九]{4})(?=年)")


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


def _qualifier(g: Grammar, before: str | None, middle: str | None, after: str | None) -> str:
    """The qualifier a number's surrounding words give it: the first of before, middle, after."""
    if before:
        return g.before[before]
    if middle:
        return g.middle[middle]
    if after:
        return g.after[after]
    return "exact"


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
        self.tables = find_tables(self.view)
        self.catalogue = catalogue_key()
        self.table_spans = _Spans(t.span for t in self.tables)

    def villages_in(self, span: tuple[int, int]) -> list[str]:
        """Villages named in a span of the view, in order, without repeats."""
        lo = bisect_left(self.village_positions, span[0])
        hi = bisect_left(self.village_positions, span[1])
        return list(dict.fromkeys(self.village_names[lo:hi]))

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
        if before.isascii() and before.isalpha() and _CODE.search(view, 0, num_start):
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
            if _SESSION.search(view, max(0, num_start - 8), num_start):
                return False  # 十七届人大三次会议, 二十届三中全会: sessions, numbered
        return True

    def _in_long_quote(self, pos: int) -> bool:
        i = bisect_right(self.quoted.starts, pos) - 1
        start, end = self.quoted.starts[i], self.quoted.ends[i]
        return end - start >= 10 and self.view[start] != "《"  # a title (《关于加强10项工作的意见》) stays a name

    def label(self, ctx_start: int, start: int, end: int) -> tuple[str, int]:
        """The subject as written, and where the words it used end.

        The words before the number (less scope and link words), else the verb and the phrase
        after the number: 开展党委理论学习17次 → 党委理论学习; 选派2名大学生 → 选派大学生.
        """
        g = grammar()
        before = _QUOTE_MARKS.sub("", self.view[ctx_start:start]).strip()
        if self.township and before.startswith(self.township):
            before = before[len(self.township) :]  # 2024年,拉西瓦镇开展… : the township is not the subject
        before = _EDGES.sub("", g.link.sub("", g.scope.sub("", before)))
        verb = ""
        verbs = list(g.lead_verbs.finditer(before))
        if verbs:
            last = verbs[-1]
            rest = before[last.end():]
            noun_start = verbs[-2].end() if len(verbs) > 1 else 0
            modifier = before[noun_start : last.start()]
            if not rest and modifier and _MODIFIER.fullmatch(modifier):
                before = before[noun_start:]  # 完成固定资产投资5.6亿元: the verb ends a noun
            elif not (len(rest) == 1 and rest in _NOUN_ENDINGS):  # 举办培训班5期: 培训班, not 班
                verb, before = last.group(), rest
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

    # --- candidates -------------------------------------------------------------------------

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
        return found

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
            if n1[-1] in MULTIPLIERS_LAST and n1[0].isdigit():  # 8万元 of 分别为12、8万元
                listed *= MULTIPLIERS[_TRAILING_MULTIPLIER.search(n1).group()]
            q = _qualifier(g, pre, mid or g.unit_middles.get(word), post or g.unit_afters.get(word))  # 6个多月, 15日内
            per = _PER.search(self.view, max(0, start - 8), start)
            if per:  # 每平方公里51人: a density
                unit = f"{unit}/{g.units.get(per['per'], per['per'])}"
            raw = _Raw(kind, start, end, m.start("n1"), n1, _number(n1) * factor, NAN, unit, q, pre is not None,
                       factor=listed, bracket=(pre in g.bracket_words or post in g.bracket_words))
            raw.article = n1 == "一" and g.kinds.get(word) in ("count", "people")
            return [raw]
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

    # --- reading the candidates together -----------------------------------------------------

    def read_together(self, raws: list[_Raw]) -> list[_Raw]:
        """The statistics the candidates stand for, once read with their neighbours."""
        raws = self._shared_units(raws)
        self._between(raws)
        self._definitions(raws)
        self._respectively(raws, from_bounds=True)
        self._brackets(raws)
        self._named_brackets(raws)
        self._respectively(raws, from_bounds=False)
        self._articles(raws)
        kept = [r for r in raws if not r.dropped]
        self._list_qualifiers(kept)
        self._directions(kept)
        return kept

    def _gap(self, a: _Raw, b: _Raw) -> str:
        return self.view[a.end : b.start]

    def _shared_units(self, raws: list[_Raw]) -> list[_Raw]:
        """Numbers listed before the one that carries the unit take it: after 分别/依次/各
        (分别为146、118、88人, 分别回落1.2和0.8个百分点), or decimals in a 、 list
        (拉动0.19、2.86、2.25个百分点)."""
        g = grammar()
        out = []
        prev_end = 0
        view = self.view
        for raw in raws:
            if raw.kind in ("fact", "pct") and raw.qualifier != "range" and view[raw.start - 1 : raw.start] in _LIST_ENDS:
                window_start = max(prev_end, raw.start - 80, self.layout.clause_at(raw.start)[0])
                m = g.shared.search(view, window_start, raw.start) or (
                    "." in raw.number and _DECIMAL_LIST.search(view, window_start, raw.start)
                )
                if m:
                    items_start = m.start("items")
                    for item in re.finditer(r"-?\d+(?:\.\d+)?|[^\s、和及与]+", m["items"]):
                        s = items_start + item.start()
                        try:
                            value = parse_number(item.group()) * raw.factor
                        except ValueError:
                            continue
                        out.append(_Raw(raw.kind, s, s + len(item.group()), s, item.group(), value, NAN, raw.unit, "exact"))
            out.append(raw)
            prev_end = raw.end
        return out

    def _between(self, raws: list[_Raw]) -> None:
        """介于20万元和100万元之间: two amounts that bound one bracket."""
        if "之间" not in self.view:
            return
        for a, b in zip(raws, raws[1:]):
            if a.dropped or b.dropped or a.unit != b.unit or self._gap(a, b).strip() not in ("和", "与", "至"):
                continue
            if self.view.endswith(("介于", "在"), 0, a.start) and self.view.startswith("之间", b.end):
                a.upper, a.qualifier, a.bracket, a.end = b.value, "range", True, b.end + 2
                b.dropped = True

    def _definitions(self, raws: list[_Raw]) -> None:
        """Brackets named once and counted by name later: 20万元以上的为富裕村 …; 30万元以上、
        10万~30万元、10万元以下的村依次称作富裕村、一般村和薄弱村. A count whose item begins with
        such a name (富裕村127个) lies in its bracket."""
        if not _DEFINITION_HINT.search(self.view):
            return
        names: dict[str, tuple[float, float, str]] = {}
        i = 0
        while i < len(raws):
            run = [raws[i]]
            while i + len(run) < len(raws) and self._gap(run[-1], raws[i + len(run)]) in ("、", "和", "及"):
                run.append(raws[i + len(run)])
            m = _DEFINITION.match(self.view, run[-1].end)
            if m and all(r.threshold for r in run):
                listed = re.split(r"[、和及与]", m["names"])
                if len(listed) == len(run) and all(listed):
                    for r, name in zip(run, listed):
                        names[name] = (*r.bounds(), r.unit)  # the bounds stay statistics: they define
            i += len(run)
        if not names:
            return
        pattern = re.compile(rf"(?:其中)?({_alternation(names)})$")
        for r in raws:
            if r.dropped or r.banded or r.unit in ("元", "%"):
                continue
            part = self.layout.part_at(r.start)
            before = self.view[part[0] : r.start].strip()
            m = pattern.search(before) or re.match(rf"(?:其中)?({_alternation(names)})", before)
            if m:
                r.band_low, r.band_high, r.band_unit = names[m.group(1)]
                r.noun = m.group(1)

    def _named_brackets(self, raws: list[_Raw]) -> None:
        """3万元以下的“空壳村”46个 …, 2023年又有38个“空壳村”实现摘帽: a bracket of units with a name
        of their own gives its bounds to later counts of units of that name."""
        named, named_end = {}, 0
        for r in raws:
            if r.dropped:
                continue
            if named and "\n" in self.view[named_end : r.start]:
                named = {}  # within one paragraph
            if r.banded and r.noun and r.unit != "%":
                noun = r.noun.strip("“”\"的 ")
                if len(noun) >= 2 and noun not in _VILLAGE_NOUNS:
                    named[noun] = (r.band_low, r.band_high, r.band_unit, r.noun)
                    named_end = r.end
            elif named and not r.banded and r.unit == "个" and r.qualifier != "range":
                after = self.view[r.end : r.end + 8].lstrip("“\" ")
                name = next((n for n in named if after.startswith(n)), None)
                if name:
                    r.band_low, r.band_high, r.band_unit, r.noun = named[name]

    def _respectively(self, raws: list[_Raw], *, from_bounds: bool) -> None:
        """0-15岁、16-59岁、60岁以上人口分别为19212人、55301人、23914人: a list after 分别 takes,
        item by item, the brackets listed before it (or those of the counts listed before it)."""
        if "分别" not in self.view and "依次" not in self.view:
            return
        i = 0
        while i < len(raws):
            run = [raws[i]]
            while i + len(run) < len(raws) and _LIST_GAP.fullmatch(self._gap(run[-1], raws[i + len(run)])):
                run.append(raws[i + len(run)])
            k = len(run)
            before = raws[i - k : i] if i >= k else []
            if k >= 2 and before and not any(r.banded for r in run):
                gap = self._gap(before[-1], run[0])
                listed = all(_ITEM_GAP.fullmatch(self._gap(a, b)) for a, b in zip(before, before[1:]))
                sentence = self.layout.sentence_at(run[0].start)
                if listed and _RESPECTIVELY.search(gap) and "。" not in gap and before[0].start >= sentence[0]:
                    if from_bounds:
                        if all(b.threshold and not b.banded for b in before) and all(r.unit != b.unit for r, b in zip(run, before)):
                            for r, b in zip(run, before):
                                r.band_low, r.band_high, r.band_unit = (*b.bounds(), b.unit)
                                b.dropped = True
                    elif all(b.banded for b in before):
                        for r, b in zip(run, before):
                            r.band_low, r.band_high, r.band_unit, r.noun = b.band_low, b.band_high, b.band_unit, b.noun
            i += k

    def _brackets(self, raws: list[_Raw]) -> None:
        """A bracket of one measure gives its bounds to the count (or share) of units inside it."""
        g = grammar()
        live = [r for r in raws if not r.dropped]
        prv = None  # the last candidate before this one that is still a statistic
        for i, bound in enumerate(live):
            if bound.dropped:
                continue
            if not bound.banded:
                nxt = live[i + 1] if i + 1 < len(live) else None
                if not (nxt is not None and self._bracket_then_count(bound, nxt, g)):
                    if not (prv is not None and bound.threshold and self._count_then_bracket(prv, bound)):
                        if bound.bound_only:
                            bound.dropped = True  # a bound with nothing to bound
            if not bound.dropped:
                prv = bound
        # A share stated right after a bracketed count is the share of that bracket, and a count
        # right after a bracketed share (仍占18.3%,共232个) the count of it.
        live = [r for r in raws if not r.dropped]
        for a, b in zip(live, live[1:]):
            if not a.banded or a.dropped or b.banded:
                continue
            gap = self._gap(a, b)
            if (
                (b.unit == "%" and _SHARE_GAP.fullmatch(gap))
                or (a.unit == "%" != b.unit and _TOTAL_GAP.fullmatch(gap))
                or (b.unit != "%" and b.direction is None and _CHANGE_GAP.fullmatch(gap))
                or (b.unit == a.unit and _BECOMES_GAP.fullmatch(gap))
            ):
                b.band_low, b.band_high, b.band_unit, b.noun = a.band_low, a.band_high, a.band_unit, a.noun

    def _bracket_then_count(self, bound: _Raw, count: _Raw, g: Grammar) -> bool:
        if not bound.threshold and bound.unit != "元":
            return False  # a plain count bounds nothing
        if count.unit == "元" or count.unit == bound.unit and count.unit != "%" or count.qualifier == "range":
            return False
        if count.start - bound.end > 40:
            return False
        gap = self._gap(bound, count)
        if not bound.threshold and gap.strip() and gap.lstrip(" 的")[:1] not in g.band_noun_starts:
            return False  # an amount, then something else than the units it could bracket
        m = g.band_gap.fullmatch(gap)
        if m is None:
            if count.unit == "%" and "," in gap:  # 10万-30万元的村数最多,占总村数的38.53%
                head, _, tail = gap.partition(",")
                m = g.band_gap.fullmatch(head.split("最")[0]) if _SHARE_GAP.fullmatch("," + tail) else None
                if m is None:
                    return False
            else:
                return False
        noun = m["noun"] or ""
        if noun and g.band_verbs.match(noun):
            return False  # 投资50万元以上建成项目3个: the amount of a project, not a bracket
        if not bound.threshold and not (bound.unit == "元" and (gap.strip() == "" or noun in g.band_nouns)):
            return False  # 投资3000万元的养殖场一个, 9批26人次: an amount or a count, then a count of something else
        if bound.unit == "%" and count.unit == "%":
            return False
        count.band_low, count.band_high = bound.bounds()
        count.band_unit = bound.unit
        if count.unit != "%" or not gap.count(","):
            count.start = bound.start
        count.noun = noun.strip("()") or None
        bound.dropped = True
        return True

    def _count_then_bracket(self, count: _Raw, bound: _Raw) -> bool:
        """其余11个村均在10万元以上: a count of villages in a bracket of a list of brackets;
        近三分之一的村集体经济收入达到10万元以上: the share of villages in a bracket."""
        if count.banded or bound.unit == count.unit:
            return False
        gap = self._gap(count, bound)
        if count.unit == "%":
            if not (gap.startswith("的村") and _COUNT_GAP.fullmatch(gap[1:])):
                return False
        elif count.unit != "个":
            return False
        else:
            if not _COUNT_GAP.fullmatch(gap) or "村" not in self.view[count.start : bound.start]:
                return False
            clause = self.layout.clause_at(count.start)
            if not _SUBSET.search(self.view, clause[0], count.start):
                return False  # 全镇9个村集体经济收入均达到10万元以上: the villages, each at least 10万
        count.band_low, count.band_high = bound.bounds()
        count.band_unit = bound.unit
        count.end = bound.end
        count.noun = "村"
        bound.dropped = True
        return True

    def _articles(self, raws: list[_Raw]) -> None:
        """一 with a measure word is a count where it stands as one: at the end of its list item
        (打机井一口。) or as the next item of a list of counts (七个生产队,一个林业队); else it
        is the article of a phrase (探索出一条路子)."""
        for i, raw in enumerate(raws):
            if raw.number in ("万", "亿", "千", "百", "千万") and raw.qualifier == "exact" and not raw.dropped:
                raw.dropped = True  # 单位:万元: a unit, no figure
            if not raw.article:
                continue
            after = self.view[raw.end : raw.end + 1]
            if after == "" or after in PART_END:
                continue
            part = self.layout.part_at(raw.start)
            prv = raws[i - 1] if i else None
            starts_item = self.view[part[0] : raw.start].strip() == ""
            if starts_item and prv is not None and not prv.dropped and prv.end <= part[0] and prv.start >= self.layout.sentence_at(raw.start)[0]:
                continue
            raw.dropped = True

    def _list_qualifiers(self, raws: list[_Raw]) -> None:
        """不少于十五天、九十课时: a qualifier written before a list covers each of its items."""
        for a, b in zip(raws, raws[1:]):
            if a.before and b.qualifier == "exact" and self._gap(a, b) == "、":
                b.qualifier, b.before = a.qualifier, True

    def _directions(self, raws: list[_Raw]) -> None:
        """同比增长5%, 下降2.1个百分点: the change words right before a number give its direction;
        the next items of a list share it (分别增长8%和9%)."""
        g = grammar()
        prev = None
        view = self.view
        for raw in raws:
            m = None
            if raw.expr_start and view[raw.expr_start - 1] in g.change_ends:
                m = g.change.search(view, max(0, raw.expr_start - 8), raw.expr_start)
            if m:
                up, after_decline, needs = g.changes[m["word"]]
                clause = self.layout.clause_at(raw.expr_start)
                if needs and self.view.find(needs, clause[0], m.start()) < 0:
                    m = None
                elif _CONTRIBUTION.search(self.view, clause[0], m.start()):
                    m = None  # 拉动经济增长0.19个百分点: a share of the growth, not a change
            if m:
                declining = after_decline != up and _DECLINE.search(self.view, clause[0], m.start())
                raw.direction = after_decline if declining else up
            elif prev is not None and prev.direction and _LIST_GAP.fullmatch(self._gap(prev, raw)):
                raw.direction = prev.direction
            prev = raw

    # --- rows ---------------------------------------------------------------------------------

    def facts(self):
        """Yield one tuple per statistic: the facts-table columns between year and source."""
        raws = self.read_together(self.candidates())
        text, layout = self.text, self.layout
        prev_end = 0
        band_noun = None
        subject = ("", (-1, -1))  # the last subject stated, and the sentence it was stated in
        quotes: dict[tuple[int, int], str] = {}  # facts of one sentence share its quote
        rows = []
        for raw in raws:
            start, end = raw.start, raw.end
            part, sentence, clause = layout.part_at(start), layout.sentence_at(start), layout.clause_at(start)
            banded = raw.band_low is not None or raw.band_high is not None
            if banded and raw.band_unit not in ("", "元") and not raw.noun:
                # 发展党员14名,其中35岁以下9名: the count's own subject, in a bracket of another measure
                label, used_end = self.label(max(part[0], prev_end), start, end)
                label = f"{label or (rows[-1][1][5] if rows else '')}(按{raw.band_unit}分档)"
            elif banded:
                band_noun = ("村" if raw.noun in _VILLAGE_NOUNS else raw.noun) or band_noun or "村"
                label = band_noun if raw.unit != "%" else band_noun + "占比"
                if raw.band_unit and raw.band_unit != "元":
                    label += f"(按{raw.band_unit}分档)"  # 超过1000户的村: a bracket of households, not of income
                used_end = end
            elif raw.label:
                label, used_end = raw.label, end
            else:
                label, used_end = self.label(max(part[0], prev_end), start, end)
                if not label and rows and rows[-1][1][5] and layout.clause_at(rows[-1][0]) == clause:
                    label = rows[-1][1][5]  # 救助困难群众420户、650人: the same subject
                own = _without_relation(label)
                if own:
                    subject = (own, sentence)
                elif subject[1] == sentence and (raw.direction or raw.unit in ("%", "百分点", "倍")):
                    label = subject[0] + label  # 地区生产总值12.3亿元,增长8%: the growth of 地区生产总值
            indicator, how, score = match_in(
                self.catalogue, label, raw.unit, self.view[clause[0] : clause[1]], banded
            )
            s0, s1 = sentence
            rows.append((start, (
                layout.section_at(start),
                self.village(sentence, clause, part),
                indicator,
                how,
                score,
                label,
                raw.value,
                raw.upper,
                raw.unit,
                raw.qualifier,
                raw.direction,
                NAN if raw.band_low is None else raw.band_low,
                NAN if raw.band_high is None else raw.band_high,
                text[start:end],
                start,
                end,
                quotes.setdefault((s0, s1), text[s0:s1].strip()),
            )))
            prev_end = used_end
        for table in self.tables:
            for cell in table.cells:
                rows.append((cell.start, self._cell_row(cell)))
        rows.sort(key=lambda r: r[0])
        for _, row in rows:
            yield row

    def _cell_row(self, cell) -> tuple:
        """The facts-table columns of one figure of a table set in the text."""
        indicator, how, score = match_in(self.catalogue, cell.label, cell.unit, "", False)
        s0, s1 = cell.row
        return (
            self.layout.section_at(cell.start), cell.village, indicator, how, score, cell.label,
            cell.value, NAN, cell.unit, "exact", None, NAN, NAN,
            self.text[cell.start : cell.end], cell.start, cell.end, self.text[s0:s1].strip(),
        )  # fmt: skip


_VILLAGE_NOUNS = frozenset({"村", "行政村", "村(社区)", "村社区", "村集体", "村级", "村数"})
#: List connectors and punctuation left at a label's edges (8%和9%: the 和).
_EDGES = re.compile(r"^[和及与、,:;()\s]+|[和及与、,:;(\s]+$")
#: Words before a lead verb that make it part of a noun (全社会固定资产投资), not a place or a
#: preposition's object (在曲卜藏村投资).
_MODIFIER = re.compile(r"(?:(?![在为对向给从由于把将])[\u4e00-\u9fff]){1,8}(?<![村镇乡县区市街])")
#: One character that makes a lead verb a noun (培训班, 调解会, 服务站).
_NOUN_ENDINGS = frozenset("班会站点所室队员费")
#: What a label says of a relation to an earlier figure (its change, its share), not of a subject.
_RELATION = re.compile(
    r"^(?:同比|比上年同期|比上年|较上年|比去年|较去年|比上月|比20\d\d年底?|较20\d\d年|分别|,)*"
    r"(?:增长|增速|增幅|增加|下降|降幅|减少|回落|提高|提升|上升|降低|下滑|上涨|下跌|收窄|扩大|加快|放缓|增|降|为|达到|达)*"
    r"(?:占[\u4e00-\u9fff]{0,10}?(?:的)?(?:比重|比例|比)?|占比)?(?:为|达到|达)?$"
)


@lru_cache(maxsize=16384)
def _without_relation(label: str) -> str:
    """A label less the words relating its figure to an earlier one: '' when nothing else is left.

    >>> _without_relation("同比增长"), _without_relation("占生产总值的比重"), _without_relation("粮食产量")
    ('', '', '粮食产量')
    """
    return "" if _RELATION.fullmatch(label) else label


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
