"""The extraction pattern: one regular expression built from named pieces and the reference tables.

Numbers (Arabic, spaced, Chinese, mixed), qualifiers (约, 余, 以上 …), measure words, change
words (增长, 下降 …) and the words of labels and brackets come from ``data/``; ``grammar()``
compiles them once. The pattern's branches are the kinds of expression a report writes: a
number with its measure word (``fact``), a percentage in words (``pct``), a fraction
(``frac``), tenths (``cheng``: 三成), a doubling (``fan``), a half (``half``), a rough pair of
Chinese numerals (``rough``), a ratio (``ratio``), a bracket bound without its unit
(``bound``) and money without 元 (``money``). Tenths of a 亩 are read after 亩 (二亩二分) and
alone (不到七分, in ``cheng``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import reference
from .numbers import ARABIC, CHINESE, CN_NUMERAL_CHARS, MIXED, MULTIPLIER

__all__ = ["Grammar", "grammar"]


def _alternation(words) -> str:
    """The words as a regex alternation, longest first (so the longest word written there wins),
    grouped by first character: one branch per character, its words' rests inside. The regex
    engine then tests each first character once rather than each word (there are some hundred
    measure words); the matches are those of the words listed one by one, since words that start
    with different characters never match at the same place, and those of one keep their order.

    >>> _alternation(["个", "个月", "元"])
    '个(?:月|)|元'
    """
    words = sorted(words, key=len, reverse=True)
    if not all(words):
        return "|".join(re.escape(w) for w in words)
    rests: dict[str, list[str]] = {}
    for w in words:
        rests.setdefault(w[0], []).append(w[1:])
    return "|".join(
        re.escape(c) + (f"(?:{'|'.join(map(re.escape, r))})" if r != [""] else "") for c, r in rests.items()
    )

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

def _possessive(pattern: str, following) -> str:
    """``pattern`` (numbers) with its runs of digits possessive (``\\d++``): a number that fails
    does not give its digits back one at a time to every branch (a year such as 2024年 was
    tried as 2024, 202, 20 and 2 in each). That changes no match as long as what may follow a
    number cannot start with a digit; when one of the words ``following`` does, the runs stay as
    they are."""
    if any(w[:1].isdigit() for w in following):
        return pattern
    return pattern.replace(r"\d+", r"\d++").replace(r"\d{1,3}", r"\d{1,3}+")

def _optional_as_alternative(pattern: str) -> str:
    """``pattern`` with each optional group ``(…)?`` written ``(?:(…)|)``: an alternative of the
    group and nothing, which matches the same (the group tried first, as ``?`` does). The regex
    engine runs a ``?`` after a group as a repeat, with bookkeeping at every attempt; the
    extraction pattern has some forty such groups, and written so it takes a fifth less time.
    Lookarounds, lazy (``??``) and possessive (``?+``) groups stay as they are.

    >>> _optional_as_alternative(r"a(?P<b>[)(]\\)x)?(?:c(d)?)??(?=e)?")
    'a(?:(?P<b>[)(]\\\\)x)|)(?:c(?:(d)|))??(?=e)?'
    """
    opened, optional, in_class, i = [], {}, False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 + (pattern[i + 1 : i + 2] == "^")
            i += pattern[i : i + 1] == "]"  # a ] first in a class is the character
            continue
        elif c == "(":
            opened.append(i)
        elif c == ")":
            start = opened.pop()
            lookaround = pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), start)
            if pattern[i + 1 : i + 2] == "?" and pattern[i + 2 : i + 3] not in ("?", "+") and not lookaround:
                optional[start] = i
        i += 1
    ends = set(optional.values())
    out, i = [], 0
    while i < len(pattern):
        if i in optional:
            out.append("(?:")
        out.append(pattern[i])
        if i in ends:
            out.append("|)")
            i += 1  # the ?
        i += 1
    return "".join(out)

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
    words = reference.label_words()
    band_nouns = frozenset(words["band_noun"])
    # Nothing a number is followed by in the pattern starts with a digit: its runs of digits are possessive.
    after_number = [*units, *middle, *after, *band_nouns]
    arabic, mixed = _possessive(ARABIC, after_number), _possessive(MIXED, after_number)
    number = rf"(?:(?<=[\u4e00-\u9fff])-)?(?:{arabic})(?:{MULTIPLIER})?|{CHINESE}|(?:{mixed})"
    sep = r"至|到|~|-|—|–|〜"
    sp = r"[ \u00a0]?"  # text taken from PDFs puts spaces around numbers: 投资 120 万元
    unit = f"{_first_chars(units)}(?:{_alternation(units)})"
    pre = _guarded_alternation(r for r in qualifiers if r["position"] == "before")
    mid, post = _alternation(middle), _alternation(after)
    cn_digit = "[一二两三四五六七八九]"
    pct = rf"(?P<ppre>{pre})? (?:为)? {sp} 百分之 (?P<pnum>{number}) (?P<pmid>{mid})? (?P<ppost>{post})?"
    frac = rf"(?P<fpre>{pre})? (?:为)? {sp} (?P<fden>{CHINESE}|\d+) 分之 (?P<fnum>{CHINESE}|\d+) (?P<fpost>{post})?"
    # 近三成, 八成以上: tenths; not 成立, 成为, 完成 … (a 成 that begins a word)
    # 不到七分, 八分多地: tenths of a 亩 written alone, read where land is spoken of (one branch with
    # the tenths of 成: both are a Chinese digit and one character).
    cheng = rf"""(?P<cpre>{pre})? {sp} (?P<cnum>{cn_digit}|十)
        (?: (?P<cmid>{mid})? 成 (?![立为效果功员本交绩品熟长就型片套都色分批建年龙人材不]) (?P<cmid2>多|余)? (?P<cpost>{post})?
          | (?P<tenths>分) (?P<nmid>多|余)? (?=[地田,;。、]|$) )"""
    # 翻了一番 (doubled: +100%), 翻两番 (+300%); 一半 (50%)
    fan = r"翻了? (?P<fann>[一两二三四]) 番 (?P<fmid>多)? (?:还多)?"
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
        (?: (?<=亩) (?P<tenth>{cn_digit}|[1-9]) 分 (?![之钟析配别红队期批]) (?P<tenthmid>多|余)? )?
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
        (?P<mn>{arabic}|{CHINESE}) (?P<mmid>{mid})? (?P<mmult>万|亿) (?P<mpost>{post})?
        (?![\u4e00-\u9fff\d])
    """
    # Every expression starts with a digit, a numeral, 翻, or a qualifier followed by a number:
    # test that first, it is cheap (qualifier words such as 不, 高, 过 are common characters).
    # Before it, one test of the character alone (a digit, a numeral, 翻 or a qualifier's first
    # character) turns most characters of a text away at once.
    numeral = rf"[\d{re.escape(CN_NUMERAL_CHARS)}]"
    opening = rf"\d\-{re.escape(CN_NUMERAL_CHARS)}翻"
    pre_words = (r["word"] for r in qualifiers if r["position"] == "before")
    first = _first_chars(pre_words, also=opening) + rf"(?=[{opening}]|{pre}(?:了|有|为)?[ \u00a0]?{numeral})"
    pattern = re.compile(
        # fact first: most expressions are one, and the others fail it at once (三成, 三分之一: no
        # measure word after 三); a rough pair without 、 (三四千人) is a fact read as a range.
        _optional_as_alternative(
            rf"{first}(?:(?P<fact>{fact})|(?P<pct>{pct})|(?P<frac>{frac})|(?P<cheng>{cheng})|(?P<fan>{fan})|(?P<half>{half})"
            rf"|(?P<rough>{rough})|(?P<ratio>{ratio})|(?P<bound>{bound})|(?P<money>{money}))"
        ),
        re.X,
    )

    change_rows = reference.load_table("change_words.csv")
    # Years, months, bracketed headings (【集体经济】), places (清溪县…) and scope words before a subject.
    # a place's name, not a verb and its object (上报至镇级网格中心, 争取县级以上项目资金)
    place = r"(?!城镇|乡镇|集镇|村镇|城乡)(?:(?![至到向往于])[\u4e00-\u9fff]){2,4}?(?:县|镇|乡|街道)(?!级)(?=[\u4e00-\u9fff]{2})"
    scope = rf"^(?:\d{{4}} ?年度?|[〇○零一二三四五六七八九]{{4}}年度?|\d{{1,2}}(?:月?[-—~至]\d{{1,2}})?月份?|【[^】]{{1,10}}】|{_alternation(words['scope'])}|{place})+"
    link = _alternation(words["band_link"])
    band_gap = re.compile(
        _optional_as_alternative(rf"""[ ]?(?:之间)?(?P<de>的)?(?P<noun>[\u4e00-\u9fff()“”"]{{0,10}}?)
        (?:[、\u4e00-\u9fff]{{0,24}}?等)?(?:{link})?[ ]?:?[ ]?"""),
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
        stop=re.compile(rf"(?!{_alternation(words.get('stop_noun', ()))})(?:{_alternation(words['stop'])})"),
        tail=re.compile(rf"(?<=.)(?:{_alternation(words['tail'])})$"),
        money=re.compile(_alternation(words["money"])),
        change=re.compile(
            _optional_as_alternative(rf"(?P<word>{_guarded_alternation(change_rows, only_before=False)})(?:了|为|达到|达)?[ ]?$")
        ),
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
