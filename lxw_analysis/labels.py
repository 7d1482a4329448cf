"""The subject and the village of each statistic, as a report's words give them.

A statistic's label is the words before its number less scope words (全年, 2024年, 全镇 …),
link words (达, 为) and the last lead verb (开展, 投资 …), else the verb and the phrase after
the number. Words that name no subject of their own (产量, 面积, 人均, 下降到, 完成: the roles of
``data/label_words.csv``) take the subject of the figure before them in the sentence; a count
with nothing but its measure word (有142户,563人) is the count of that noun. Its village is the
one village its clause (or an earlier clause of its sentence) names.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from . import reference
from .grammar import _alternation, grammar
from .patterns import QUOTE_MARKS

__all__ = ["Labelling"]

#: Quote marks, dropped from labels (a regex: str.translate is slow on Chinese text).
_QUOTE_MARKS = re.compile(f"[{re.escape(QUOTE_MARKS)}]")

#: Two adjacent digits written in Chinese are a rough count (七八个, 两三户), not 78 or 23.
_HANZI = re.compile(r"[\u4e00-\u9fff]+")

_VILLAGE_NOUNS = frozenset({"村", "行政村", "村(社区)", "村社区", "村集体", "村级", "村数"})

#: List connectors and punctuation left at a label's edges (8%和9%: the 和), and white space
#: (every character str.isspace calls so, as a regex's \s: none is above U+3000), as
#: str.lstrip and str.rstrip take them: a closing bracket is dropped from the start only.
_SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
_EDGES_START = "和及与、,:;()" + _SPACES
_EDGES_END = "和及与、,:;(" + _SPACES

#: Words before a lead verb that make it part of a noun (全社会固定资产投资, 500万元以上固定资产投资),
#: not a place or a preposition's object (在曲卜藏村投资).
_MODIFIER = re.compile(
    r"(?:\d+(?:\.\d+)?[万亿]?元?(?:及以上|以上|以下))?"
    r"(?:(?![在为对向给从由于把将])[\u4e00-\u9fff]){1,8}(?<![村镇乡县区市街])"
)

#: One character that makes a lead verb a noun (培训班, 调解会, 服务站, 化解率, 投资额).
_NOUN_ENDINGS = frozenset("班会站点所室队员费率额")

#: What a figure is compared with (同比, 比上年, 比2019年底, 比一九八○年, 是一九四九年): years in figures or in words.
BASE = (
    r"(?:同比|环比|(?:比|较)(?:上年同期|去年同期|上年底|上年末|上年|去年|前年|上月|同期|年初"
    r"|(?:20|19)\d\d年(?:底|末|同期)?|[〇○零O一二三四五六七八九]{4}年(?:底|末|同期)?)"
    r"|是(?:(?:20|19)\d\d年|[〇○零O一二三四五六七八九]{4}年))"  # 是一九四九年…的四倍: that year's level
)
#: The words of a change (增长, 下降 …), as a change word alone may be written: a relation's core.
CHANGE = (
    r"(?:增长|增速|增幅|增加|下降|降幅|减少|回落|提高|提升|上升|降低|下滑|上涨|下跌|收窄|扩大|加快|放缓|缩短|缩减|增|降)"
)


@dataclass(frozen=True)
class _Words:
    """The label words ``label`` reads besides the grammar's (label_words.csv, by role)."""

    relation: re.Pattern  # a label that only relates its figure to an earlier one (同比增长, 按可比价计算增长)
    verb_nouns: frozenset[str]
    bare: dict[str, str]  # a label that is only one of these words → its role
    attributes: re.Pattern  # attribute words ending a subject (粮食播种面积 → 粮食)
    reached_end: re.Pattern  # a reached word ending a label (粮食产量下降到 → 粮食产量)
    reached: tuple[str, ...]  # the reached words, as str.endswith tests them (缩小为: its 为 is no link word)
    unit_nouns: dict[str, str]  # a measure word → the noun of a count with no other words (户 → 户数)
    whole: frozenset[str]
    whole_ends: frozenset[str]
    prepositions: frozenset[str]
    no_subject: frozenset[str]  # a label of only one of these (a preposition, a verb of the object after) names none
    object_verb_end: re.Pattern  # a verb of the object after ending a label (县里安排)
    scopes: tuple[str, ...]  # scope words of the whole township (全镇, 全大队 …), as str.endswith tests them
    pairs: re.Pattern  # two nouns written as one word (存贷款 → 存款, 贷款): the first and second characters grouped
    times_verbs: frozenset[str]  # a lead verb a person-times count keeps (培训农民1.2万人次 → 培训农民)


def _words() -> _Words:
    """The label words, read once (labelling asks for them for every figure)."""
    global _WORDS
    if _WORDS is None:
        _WORDS = _read_words()
    return _WORDS


_WORDS: _Words | None = None


def _read_words() -> _Words:
    words = reference.label_words()
    notes = _alternation(words.get("note", ()))
    relation = re.compile(
        rf"^(?:{notes}|{BASE}|分别|,)*"
        rf"(?:{CHANGE}+了?|为|达到|达)*"
        r"(?:占[\u4e00-\u9fff]{0,10}?(?:的)?(?:比重|比例|比)?|占比)?(?:为|达到|达)?$"
    )
    bare = {w: role for role in ("attribute", "per_capita", "reached", "bare_verb") for w in words.get(role, ())}
    whole = frozenset(words.get("whole", ()))
    return _Words(
        relation=relation,
        verb_nouns=frozenset(words.get("verb_noun", ())),
        bare=bare,
        attributes=re.compile(rf"(?<=.)(?:{_alternation(words.get('attribute', ()))})+$"),
        reached_end=re.compile(rf"(?<=.)(?:{_alternation(words.get('reached', ()))})$"),
        reached=tuple(words.get("reached", ())),
        unit_nouns={w[0]: w for w in words.get("unit_noun", ())},
        whole=whole,
        whole_ends=frozenset(w[-1] for w in whole),
        prepositions=frozenset(words.get("preposition", ())),
        no_subject=frozenset((*words.get("preposition", ()), *words.get("object_verb", ()))),
        object_verb_end=re.compile(rf"(?<=.)(?:{_alternation(words.get('object_verb', ()))})$"),
        scopes=tuple(w for w in words.get("scope", ()) if w.startswith("全")),
        pairs=re.compile("|".join(rf"({re.escape(w[0])})({re.escape(w[1])})(?={re.escape(w[2:])})" for w in words.get("pair", ())) or "(?!)"),
        times_verbs=frozenset(words.get("times_verb", ())),
    )


#: A from-marker ending a label, with the time it names (粮食产量从, 亩产由解放初的, 覆盖率由上年的):
#: the figure after it is where the subject started, not part of the subject.
_FROM_END = re.compile(
    r"(?<=.)(?:从|由)(?:上年|去年|前年|年初|解放初期?|(?:20|19)\d\d年|[〇○零O一二三四五六七八九]{4}年)?的?$"
)
#: A base year alone (比一九八○年5.9亿斤): the level of the base, of the subject before it.
_BASE_ONLY = re.compile(rf"{BASE}$")
_BASE_END = re.compile(rf"(?<=.){BASE}$")
#: Characters that end a clause.
_CLAUSE_ENDS = frozenset(",:;。!?;\n")
#: A count that is only a number and its measure word (2386户, 一千三百六十口人): no bracket, no bound.
_PLAIN_COUNT = re.compile(r"(?:约|近|共|计|超过|超)?[\d .,零〇○一二两三四五六七八九十百千万亿]+(?:余|多)?口?[户人]")
#: A place the clause before a count describes (…是一个山区生产大队,有142户): its households.
_PLACE_END = re.compile(r"(?:大队|生产队|公社|社区|街道|[乡镇村县区])[,:]$")


#: A scope right before a count (深入全乡11个行政村, 走遍白果乡9个村): the count is of the whole
#: township's villages, whatever the clause goes on to say of them.
_SCOPE_END = re.compile(r"(?:辖区|全乡|全镇|全县|全区|全市|全省|全街道|本乡|本镇|该乡|该镇|(?<![城集村])[\u4e00-\u9fff]{2,3}(?:乡|镇|县))(?<!乡镇)(?<!城镇)(?<!集镇)(?<!村镇)(?<!城乡)$")
#: What the scope rule labels a township's villages, and the units a count listed after them
#: may count (全镇14个村、3个社区): its communities, village groups or grid cells.
_SCOPE_VILLAGES = frozenset({"村", "行政村", "村委会", "行政村(社区)", "村(社区)"})
_UNITS_AFTER = re.compile(r"社区|居委会|村民小组|自然村|网格")
#: The villages counted right after the number, less what the clause says of them (行政村共建…);
#: not villages that take on a project or a rank (全镇6个村实施“一事一议”项目, 3个村入选): some
#: of the township's villages, not all of them.
_VILLAGES_AFTER = re.compile(
    r"(?:行政村|村委会|村)(?:[(（](?:社区|居)[)）])?(?![民级干组党两委庄务卫医规道部史容貌落镇支])"
    r"(?!实施|申报|入选|列入|获评|被评为|被命名|被列为)"
)


#: Words that only say whose a count is (9个乡镇的126个行政村: 乡镇的), right after a count of those:
#: what the count counts is named after its number, not before it.
_OF_COUNTED = re.compile(r"[\u4e00-\u9fff()（）]{1,8}的")
_COUNT_END = re.compile(r"[\d零〇○一二两三四五六七八九十百千万]\s*(?:个|名|家|户|所|座|支)$")


#: Subjects listed before 分别 (出生率、死亡率分别为8.43‰和6.79‰): the figures after it take them in turn.
_LISTED = re.compile(r"[\u4e00-\u9fff]+(?:[、和及与][\u4e00-\u9fff]+)+$")
_LIST_SPLIT = re.compile(r"[、和及与]")
#: What 分别 is followed by before the figures: a link word, a change (分别增长), or both.
_AFTER_EACH = re.compile(r"[\u4e00-\u9fff]*")
_LINK_END = re.compile(r"(?:为|是|达到|达)$")
#: The figures of a clause, as _said_before counts them: numbers in digits, not years.
_FIGURES = re.compile(r"\d+(?:\.\d+)?(?![\d.]|\s*年)")
_PLACE_ITEM = re.compile(r"(?:[村镇乡县区市]|街道|社区|大队|生产队)$")


def _listed_subjects(head: str) -> list[str]:
    """The subjects of a list before 分别, the last one's attribute shared by those without it
    (小麦、玉米播种面积 → 小麦播种面积, 玉米播种面积); [] when ``head`` ends in no list."""
    found = _LISTED.search(head)
    if not found:
        return []
    items = [i for i in _LIST_SPLIT.split(found.group()) if i]
    if any(_PLACE_ITEM.search(i) for i in items):
        return []  # 在石门村、杉木村分别投资…: places, each with the same subject
    w = _words()
    items[0] = grammar().scope.sub("", items[0]) or items[0]
    last_attribute = w.attributes.search(items[-1])
    if last_attribute and not w.attributes.search(items[0]):
        items = [i if w.attributes.search(i) else i + last_attribute.group() for i in items]
    return items


def _last_before(positions: list[int], pos: int) -> int:
    """The last of the sorted ``positions`` before ``pos``, or -1."""
    i = bisect_left(positions, pos)
    return positions[i - 1] if i else -1

@lru_cache(maxsize=16384)
def _without_relation(label: str) -> str:
    """A label less the words relating its figure to an earlier one: '' when nothing else is left;
    a label ending in the level a change reached, less those words (粮食产量下降到 → 粮食产量).

    >>> _without_relation("同比增长"), _without_relation("占生产总值的比重"), _without_relation("粮食产量")
    ('', '', '粮食产量')
    >>> _without_relation("按可比价计算增长"), _without_relation("比去年同期增长"), _without_relation("减少了")
    ('', '', '')
    >>> _without_relation("粮食产量下降到")
    '粮食产量'
    """
    w = _words()
    if w.relation.fullmatch(label):
        return ""
    return w.reached_end.sub("", label)


#: Verbs that make disputes or problems the ones resolved (调处纠纷 vs 排查纠纷).
RESOLVING = frozenset({"调处", "化解", "调解"})


@lru_cache(maxsize=16384)
def _keeps_verb(rest: str) -> bool:
    """Whether the words after a lead verb make it part of a noun or a change of one, so the label
    keeps it: 粮食种植面积, 调解成功, 固定资产投资同比增长, 固定资产投资完成额同比增长, 办理时限缩短."""
    w = _words()
    if rest in w.verb_nouns or w.relation.fullmatch(rest):
        return True
    if len(rest) > 1 and rest[0] in _NOUN_ENDINGS and w.relation.fullmatch(rest[1:]) is not None:
        return True
    # 平均办理时限缩短: a noun the verb makes, then its change
    return any(rest.startswith(n) and w.relation.fullmatch(rest[len(n) :]) for n in w.verb_nouns)


def _head(label: str, role: str) -> str:
    """What an earlier figure's label says its subject is, for a label of only ``role`` words to
    take: less a from-marker and the level reached; for an attribute, less its own attribute
    (粮食播种面积 → 粮食, for 产量 to make 粮食产量); for a bare verb, less the task (收入任务 → 收入)."""
    w = _words()
    head = w.reached_end.sub("", _FROM_END.sub("", label))
    if role == "attribute":
        head = w.attributes.sub("", _YIELD_END.sub("", head))
    elif role == "bare_verb":
        head = _TASK_END.sub("", head)
    elif role == "base":
        head = _BASE_END.sub("", head)  # 粮食总产量比一九八○年…,是一九四九年: one subject, two bases
    return "" if w.relation.fullmatch(head) else head


#: A yield ending an earlier figure's label (花生平均亩产356斤,…总产达到47万斤): an attribute of
#: the crop named before it, which a later 总产 or 产量 takes.
_YIELD_END = re.compile(r"(?<=.)(?:平均亩产|平均单产|亩产|单产)$")
#: Earlier labels a label of only an attribute passes over: a base (比历史最高水平的1976年的)
#: and a change (增产54斤) say no subject of their own.
_NO_HEAD = re.compile(rf"^(?:比|较)|(?:增产|减产|{CHANGE})了?$")

#: The task a figure is set against, ending a label (财政一般预算收入任务236万,完成261万).
_TASK_END = re.compile(r"(?<=..)(?:目标任务|任务|目标)$")


#: An event and 后, all the words before a count (换届后): a time.
_AFTER_EVENT = re.compile(r"[\u4e00-\u9fff]{1,4}后")
#: What follows a lead verb that makes it a modifier of the noun counted after the number (排查出的2个后进村党支部).
_VERB_OF = frozenset({"的", "出的"})
#: A place and a verb of having, all the words before a count (我们东坪大队有七个生产队, 石门村共有3个村民小组).
_PLACE_HAS = re.compile(
    r"(?:我们|我|本|该)?[\u4e00-\u9fff]{1,4}?(?:大队|生产队|公社|村|镇|乡|县|区|街道|社区)(?<!乡镇)(?<!城镇)(?:共有|有|拥有|现有)"
)
#: A preposition and a place, its object, ending the words before a count (课题组对平川区9个乡镇): what is
#: counted is of the place, named after the number.
_PREPOSITION_PLACE = re.compile(
    r"(?<!相)[在对向给从由于把将][\u4e00-\u9fff]{1,4}?(?:区|县|市|镇|乡)(?<!乡镇)(?<!城镇)(?<!村镇)(?<!集镇)(?<!城乡)$"
)


@lru_cache(maxsize=16384)
def _words_before(words: str) -> tuple[str, bool, bool, bool]:
    """The words before a number less quote marks, and whether they are only whose a count is
    (乡镇的), end in a preposition (在), or end in a scope (全乡, 4 characters at most): what
    ``Labelling._label`` first asks of them, worked out once for words many figures share."""
    before = _QUOTE_MARKS.sub("", words).strip()
    return (
        before,
        _OF_COUNTED.fullmatch(before) is not None,
        before[-1:] in _words().prepositions or _PREPOSITION_PLACE.search(before) is not None,
        _SCOPE_END.search(before, max(0, len(before) - 6)) is not None,
    )


@lru_cache(maxsize=16384)
def _subject_words(before: str) -> tuple[str, str]:
    """The lead verb (or '') and the subject of the words before a number, less scope and link
    words (see ``Labelling.label``): they depend on those words alone, which figures of many
    reports share, so each is worked out once."""
    g = grammar()
    scope = g.scope.match(before)
    if scope:
        before = before[scope.end() :]
    link = g.link.search(before)
    w = _WORDS or _words()
    if link and not before.endswith(w.reached):  # 缩小为: the level reached, 为 and all
        cut = link.start()
        if cut and before[cut] in w.whole_ends and before[cut - 1 : cut + 1] in w.whole:
            cut += 1  # 人均, 合计: the link word ends a word of the label
        before = before[:cut]
    before = before.lstrip(_EDGES_START).rstrip(_EDGES_END)
    verb = ""
    verbs = list(g.lead_verbs.finditer(before))
    if verbs:
        last = verbs[-1]
        rest = before[last.end():]
        noun_start = verbs[-2].end() if len(verbs) > 1 else 0
        modifier = before[noun_start : last.start()]
        nounish = bool(modifier) and _MODIFIER.fullmatch(modifier) is not None
        if not rest and nounish:
            before = before[noun_start:]  # 完成固定资产投资5.6亿元: the verb ends a noun
        elif rest and (_keeps_verb(rest) or last.group() in RESOLVING and "等" in rest):
            # 粮食种植面积, 固定资产投资同比增长: the verb is in the noun; 调处婚姻家庭等纠纷: what the
            # examples before 等 leave (调处纠纷) needs its verb
            first = len(verbs) - 1
            while first and verbs[first - 1].end() == verbs[first].start():
                first -= 1  # 固定资产投资完成额: verbs one after another are one noun
            if first < len(verbs) - 1:
                noun_start = verbs[first - 1].end() if first else 0
                modifier = before[noun_start : verbs[first].start()]
                nounish = bool(modifier) and _MODIFIER.fullmatch(modifier) is not None
            before = before[noun_start:] if nounish or not modifier else before[verbs[first].start() :]
        elif not ((len(rest) == 1 and rest in _NOUN_ENDINGS) or rest.startswith("业")):
            # 举办培训班5期: 培训班, not 班; 种植业产值: 种植业
            verb, before = last.group(), rest
    return verb, before


#: A figure followed by 和 or 与 and a second figure (9215万元和5308万元).
_PAIR_NEXT = re.compile(r"\s*[和与]\s*[\d零〇○一二两三四五六七八九十]")
#: A noun, 中 and words that name it again (乡镇中富裕乡镇, 村中薄弱村): some of those counted.
_AMONG = re.compile(r"([\u4e00-\u9fff]{1,4}?)中(?![心学药式型小])(?=[\u4e00-\u9fff]*?\1)")


@lru_cache(maxsize=16384)
def _noun_after(phrase: str) -> tuple[str, int, bool]:
    """The noun a number counts in the words after it (``phrase``, 24 characters at most), how
    many of them come before it (7名使用…不规范的村干部: up to 的), and whether the words go on
    to the next figure's: a function of the words alone, worked out once for each."""
    g = grammar()
    w = _WORDS or _words()
    skipped = 0
    goes_on = False
    if g.stop.match(phrase) and "的" in phrase:
        skipped = phrase.index("的") + 1  # 7名使用…不规范的村干部 → 村干部
        phrase = phrase[skipped:]
    cut = g.stop.search(phrase)
    if cut:
        at = cut.start()
        if at and phrase[at - 1 : at + 1] in w.whole and phrase[at - 1] not in g.band_noun_starts:
            at -= 1  # 1320亩花生平均亩产: 平均 is a word, no part of the noun counted, and
            goes_on = True  # it and what follows it are the next figure's words
        phrase = phrase[:at]
    doubled = next((i for i in range(len(phrase) - 1) if phrase[i] == phrase[i + 1]), None)
    if doubled is not None:
        phrase = phrase[: doubled + 1]  # 10个(行政)村村集体经济收益: the measured noun ends at the first 村
    among = _AMONG.match(phrase)
    if among:  # 17个乡镇中富裕乡镇4个: the noun counted, then those of them the next figure counts
        return among.group(1), skipped, True
    goes_on = goes_on or len(phrase) > 10
    phrase = g.tail.sub("", phrase[:10])
    return phrase, skipped, goes_on


class Labelling:
    """Labels and villages of a document's statistics (a mixin of ``extract._Document``)."""

    #: The last three figures ``label`` gave a subject: (where each starts, its label), latest first.
    _said: tuple[tuple[int, str], ...] = ()

    def villages_in(self, span: tuple[int, int]) -> list[str]:
        """Villages named in a span of the view, in order, without repeats."""
        lo = bisect_left(self.village_positions, span[0])
        hi = bisect_left(self.village_positions, span[1])
        if hi - lo < 2:  # none or one, as most spans: nothing repeats
            return self.village_names[lo:hi]
        return list(dict.fromkeys(self.village_names[lo:hi]))

    def label(self, ctx_start: int, start: int, end: int) -> tuple[str, int]:
        """The subject as written, and where the words it used end.

        The words before the number (less scope and link words), else the verb and the phrase
        after the number: 开展党委理论学习17次 → 党委理论学习; 选派2名大学生 → 选派大学生.
        Words that name no subject of their own (产量, 下降到, 人均 …) take the subject of the
        figure before them in the sentence; a count that has no words but its measure word, the
        noun of that word (有142户, → 户数).
        """
        found, used = self._label(ctx_start, start, end)
        found = self._listed(start) or found
        w = _WORDS or _words()
        role = w.bare.get(found) or ("base" if found[:1] in "比较同环是" and _BASE_ONLY.fullmatch(found) else None)
        if role:
            earlier = self._earlier_subject(ctx_start, start, role)
            if not earlier:
                return found, used
            found = found + earlier if role == "per_capita" else earlier + found
        elif not found or found.endswith(w.scopes):  # 以全乡约3.1万人: the township's people
            found = self._unit_noun(start, end, scoped=bool(found)) or found
            if not found:
                return found, used
        elif "从" in found or "由" in found:
            found = _FROM_END.sub("", found) or found
        self._said = ((start, found), *self._said[:2])  # the last three, latest first
        return found, used

    def paired(self, start: int, end: int, label: str) -> str:
        """A label naming two nouns as one word (各项存贷款余额) for the first or second of two
        figures joined by 和 or 与 (达9215万元和5308万元): the label of the first noun (各项存款余额)
        or of the second (各项贷款余额); else the label as it is."""
        pair = (_WORDS or _words()).pairs.search(label)
        if not pair:
            return label
        if _PAIR_NEXT.match(self.view, end):
            turn = 0
        elif self.view[start - 1 : start] in ("和", "与"):
            turn = 1
        else:
            return label
        first = next(i for i in range(1, len(pair.groups()) + 1) if pair.group(i) is not None)
        return label[: pair.start()] + pair.group(first + turn) + label[pair.end() :]

    def _listed(self, start: int) -> str:
        """The subject of a figure after 分别 that subjects listed before it give in turn
        (出生率、死亡率分别为8.43‰和6.79‰: 出生率, then 死亡率), with what 分别 says of them
        (粮食、油料产量分别增长: 粮食产量增长); '' when its clause has no such list."""
        starts = self.layout.clause_starts
        clause = starts[bisect_right(starts, start) - 1]  # where its clause starts: clause_at(start)[0]
        if self.view.find("别", clause, start) < 0:
            return ""  # no 分别, with or without its quote marks
        text = _QUOTE_MARKS.sub("", self.view[clause:start])
        each = text.rfind("分别")
        if each < 0:
            return ""
        items = _listed_subjects(text[:each])
        head = text[:each].strip()
        if not items and (not head or (_words().bare.get(head) == "attribute")):
            # 农村经济总收入…,农民人均纯收入…,分别增长…; 交叉任职18人,比例分别达到…: the earlier figures'
            items = [item + head for item in self._said_before(clause, each)]
        turn = sum(1 for pos, _ in self._said if clause + each < pos < start)
        if len(items) < 2 or turn >= len(items):
            return ""
        said = _LINK_END.sub("", _AFTER_EACH.match(text, each + 2).group())
        return items[turn] + said

    def _said_before(self, clause: int, each: int) -> list[str]:
        """The subjects of the figures before a clause that opens with 分别, in order, one for each
        figure of the clause (农村经济总收入15640万元,农民人均纯收入11286元,分别增长8%和9.26%);
        [] when the sentence has not as many before it."""
        end = self.layout.clause_at(clause)[1]
        wanted = len(_FIGURES.findall(self.view, clause + each, end))
        sentence = self.layout.sentence_at(clause)[0]
        earlier = [_without_relation(label) for pos, label in reversed(self._said) if sentence <= pos < clause]
        if wanted < 2 or len(earlier) < wanted or not all(earlier[-wanted:]):
            return []
        return earlier[-wanted:]

    def _earlier_subject(self, ctx_start: int, start: int, role: str) -> str:
        """The subject of the last figure before ``start`` in its sentence that a label of only
        ``role`` words takes (see ``label``); '' when there is none. A figure inside brackets the
        fact is outside of (耕地18642亩(水田9368亩、旱地9274亩),人均0.82亩) is passed over, and
        figures listed with 分别 are not one subject."""
        said = self._said
        if not said:
            return ""
        sentence = self.layout.sentence_at(start)[0]
        view = self.view
        for pos, label in said:
            if pos < sentence:
                return ""
            between = view[pos:start]
            if "分别" in between or "分别" in view[ctx_start:start]:
                return ""
            if between.count(")") > between.count("("):
                continue  # it stands in a bracket this figure is outside of
            if role == "attribute" and _NO_HEAD.search(label):
                continue  # …的三百零二斤增产五十四斤,总产…: the crop is named before the change
            head = _head(label, role)
            if head:
                return head
        return ""

    def _unit_noun(self, start: int, end: int, scoped: bool = False) -> str:
        """The noun of a count that has no words but its measure word (户 → 户数, 人 → 人口): a
        clause of only that count (and scope words), ending there, that does not list it with an
        earlier figure of its clause (救助困难群众420户、650人: the same subject, which the caller
        gives), and that starts its sentence, follows a figure of it or a place it describes
        (红岩生产大队是一个山区生产大队,有142户), or is ``scoped`` (its words end in 全乡 …)."""
        view = self.view
        noun = _words().unit_nouns.get(view[end - 1 : end])
        if not noun or not _PLAIN_COUNT.fullmatch(view, start, end):
            return ""
        if end < len(view) and view[end] not in _CLAUSE_ENDS and view[end] != "、" and not (scoped and view[end] == "民"):
            return ""  # but 带领全镇3.2万人民: the township's people
        clause = self.layout.clause_at(start)[0]
        sentence = self.layout.sentence_at(start)[0]
        said = self._said
        if said and said[0][0] >= clause:
            return ""  # an earlier figure of the clause: the caller gives its subject
        if scoped or clause <= sentence or (said and said[0][0] >= sentence) or _PLACE_END.search(view, sentence, clause):
            return noun
        return ""

    def _label(self, ctx_start: int, start: int, end: int) -> tuple[str, int]:
        """``label`` before the words that name no subject are read with the figures before them."""
        before, of_counted, after_preposition, scoped = _words_before(self.view[ctx_start:start])
        if of_counted and _COUNT_END.search(self.view, max(0, ctx_start - 12), ctx_start):
            before, scoped = "", False  # 9个乡镇的126个行政村: the 126 are villages, of the 9 townships
        elif after_preposition and _COUNT_END.search(self.view, start, end):
            before, scoped = "", False  # 镇党委在46个党支部开展…: a preposition's object, counted after its number
        elif _AFTER_EVENT.fullmatch(before) and _COUNT_END.search(self.view, start, end):
            before = ""  # 换届后14名村党组织书记: a time, not what is counted
        elif _PLACE_HAS.fullmatch(before) and _COUNT_END.search(self.view, start, end):
            before = ""  # 我们东坪大队有七个生产队: what the place has, counted after its number
        if scoped:
            villages = _VILLAGES_AFTER.match(self.view, end)
            if villages:
                return villages.group(), villages.end()
        if before in ("", "、") and self.view[start - 1 : start] == "、" and self._said and self._said[0][1] in _SCOPE_VILLAGES:
            units = _UNITS_AFTER.match(self.view, end)  # 全镇14个村、3个社区设置分课堂: the township's communities
            if units and self.layout.clause_at(self._said[0][0]) == self.layout.clause_at(start):
                return units.group(), units.end()
        if self.township and before.startswith(self.township):
            before = before[len(self.township) :]  # 2024年,拉西瓦镇开展… : the township is not the subject
        written = before
        w = _WORDS or _words()
        verb, before = _subject_words(before)
        if verb and before in _VERB_OF and _COUNT_END.search(self.view, start, end):
            verb, before = "", ""  # 排查出的2个后进村党支部: the verb says how they were found, the noun what they are
        if verb in w.times_verbs and before and self.view[end - 2 : end] == "人次":
            before = verb + before  # 培训农民1.2万人次: person-times of training, not the people (培训农民)
        follow = _HANZI.match(self.view, end)
        # 由14个乡镇, 安排28名县级领导, 东沟、西岭等3个省级美丽乡村: the phrase after says what is counted
        if before and before not in w.no_subject and not (follow and before.endswith("等")) and not (
            # 镇班子成员分包14个村: a count of the verb's object, not of who acts (每个片区安排2名, 每人联系2个村: per unit)
            follow and "每" not in before and w.object_verb_end.search(before) and _COUNT_END.search(self.view, start, end)
        ):
            return before, end
        if not before and not verb and self.view[end - 2 : end] == "人口":
            return "人口", end  # 64个村、4.1万人口的农业大镇: its population
        if not written and self.view[end - 1 : end] == "个":
            villages = _VILLAGES_AFTER.match(self.view, end)
            if villages:  # 。16个村与企业结成联建对子: a clause that opens with its villages counts them
                return villages.group(), villages.end()
        phrase = follow.group()[:24] if follow else ""
        phrase, skipped, goes_on = _noun_after(phrase)
        if verb and not before.endswith("等"):  # 举办“春风行动”等7场用工招聘会: the verb's object is written, 用工招聘会
            if verb in w.no_subject:  # 结对帮扶17个乡镇: a verb of the object after, as 安排 is (乡镇)
                return phrase, end
            return verb + phrase, end  # 投资30万元修建卫生厕所1处: the object is the next number's subject too
        if goes_on:  # 286个村级集体经济组织经营性收入合计1.46亿元: the words go on to the next figure's
            return phrase, end
        return phrase, end + skipped + len(phrase)

    def village(self, sentence: tuple[int, int], clause: tuple[int, int], part: tuple[int, int]) -> str | None:
        """The one village a fact's clause (or an earlier clause of its sentence) names.

        The spans are those of the sentence, clause and part (list item) the fact stands in.
        """
        if not self.village_positions:
            return None  # a document that names no village
        i = bisect_left(self.scope_positions, clause[0])
        if i < len(self.scope_positions) and self.scope_ends[i] <= clause[1]:
            return None  # the clause names the whole township (全镇, 各村): SCOPE_WORDS in it
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
