"""Candidates read with their neighbours: what one figure says about the next.

Numbers listed before one unit share it (分别为12、8万元); a bracket of one measure gives its
bounds to the count that follows (10万元以上的村有3个), to the share after it (占22.2%, 占全县391个
行政村的六成以上) and the doubling of its count (翻了一番), to a share of units before it in the clause
(23.8%的村…不足5万元), to the counts named after it (富裕村127个) and to the list that follows 分别; a qualifier before a
list covers its items (不少于十五天、九十课时); the words before a number say whether it is a
change (同比增长5%: up) and the next items of a list share that.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .candidates import NAN, _Raw
from .grammar import Grammar, _alternation, grammar
from .labels import _VILLAGE_NOUNS
from .numbers import parse_number
from .segment import PART_END

__all__ = ["ReadingTogether"]

#: A list connector between two statistics: the second shares the first's direction.
_LIST_GAP = re.compile(r"[ ]?(?:和|、|及|与|以及)[ ]?")

#: A share right after a bracketed count (…的村5个,占22.2%; …的有11个,仅占8.7%): the same bracket.
_SHARE_GAP = re.compile(
    r"[ ]?,?[ ]?(?:其中)?(?:仅|只|约|已|才|还|仍|共)?(?:占比|占)[\u4e00-\u9fff]{0,6}?的?(?:比重|比例)?(?:为|达到|达)?[ ]?"
)

#: A share of the total given after a bracketed count (…的村还有263个,占全县391个行政村的六成以上):
#: the total between them is a count of its own.
_SHARE_OF_TOTAL = (
    re.compile(r"[ ]?,?[ ]?(?:仅|只|约|已|才|还|仍|共)?占[\u4e00-\u9fff]{0,4}?[ ]?"),
    re.compile(r"[ ]?(?:个)?[\u4e00-\u9fff]{0,6}?的(?:比重|比例)?(?:为|达到|达)?[ ]?"),
)

#: What a bracket's units contribute after their count or share (…的有11个,仅占8.7%,却贡献了
#: 全区村级经营收益的61.4%; …,但收入却占全县的37.5%): a share of another measure, same bracket.
_CONTRIBUTES = re.compile(
    r"[ ]?,[ ]?(?:[\u4e00-\u9fff]{0,4}?(?:却|但|并|还|共|合计))?(?:贡献了?|提供了?|实现了?|占了?)[\u4e00-\u9fff]{0,12}?的[ ]?"
)

#: A rate of change of a bracket's count right after it (…的村由6个增加到13个,翻了一番还多).
_RATE_GAP = re.compile(r"[ ]?,?[ ]?(?:已|又|共|整整)?")

#: A count of villages before the bracket its villages lie in (其余11个村均在10万元以上).
_COUNT_GAP = re.compile(r"(?:个)?(?:行政)?村?[\u4e00-\u9fff]{0,8}?(?:均|都|全部)?(?:在|达到|达|超过|不足|低于|为)?")

#: A share of units before the bracket they lie in, later in the clause (23.8%的村集体经济组织属于
#: 经营收益为零或不足5万元; 四成以上的生产队年人均分配不足五十元): 的, the units (a band noun) and
#: their measure.
_SHARE_THEN_BRACKET = re.compile(r"的[ ]?(?P<units>[\u4e00-\u9fff“”]{1,18}?)[ ]?")

#: A bracket bound below a reference (比全县均值低20%以上): the bracket lies below it, bounds negated.
_BELOW = re.compile(r"比[\u4e00-\u9fff]{1,10}?(?:低|少|下降|减少|下降了|减少了|低了|少了)[ ]?$")

_TOTAL_GAP = re.compile(r"[ ]?,?[ ]?(?:共|共计|合计|即)[ ]?")

#: What names the brackets just listed (…的为富裕村; …的村依次称作富裕村、一般村和薄弱村).
_DEFINITION = re.compile(
    r"[ ]?的(?:村)?(?:依次|分别)?(?:称作|称为|定为|列为|作为|为|叫做)(?P<names>[\u4e00-\u9fff]{1,6}(?:[、和及与][\u4e00-\u9fff]{1,6})*?)(?=[,;。,]|$)"
)

#: Between the items of a list that may name each (富裕村127个、一般村134个).
_ITEM_GAP = re.compile(r"[ ]?[、和及与][\u4e00-\u9fff]{0,6}?[ ]?")

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


@lru_cache(maxsize=4)
def _longest_first(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _band_noun_at(text: str) -> str | None:
    """The bracketed units ``text`` begins with (行政村 before 村), or None."""
    return next((n for n in _longest_first(grammar().band_nouns) if text.startswith(n)), None)


class ReadingTogether:
    """Reading a document's candidates with their neighbours (a mixin of ``extract._Document``)."""

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
        for i, (a, b) in enumerate(zip(live, live[1:])):
            if not a.banded or a.dropped or b.banded:
                continue
            gap = self._gap(a, b)
            if (
                (b.unit == "%" and (_SHARE_GAP.fullmatch(gap) or _CONTRIBUTES.fullmatch(gap)))
                or (a.unit == "%" != b.unit and _TOTAL_GAP.fullmatch(gap))
                or (b.unit != "%" and b.direction is None and _CHANGE_GAP.fullmatch(gap))
                or (b.unit == a.unit and _BECOMES_GAP.fullmatch(gap))
                or (b.kind == "fan" and a.unit != "%" and _RATE_GAP.fullmatch(gap))
            ):
                b.band_low, b.band_high, b.band_unit, b.noun = a.band_low, a.band_high, a.band_unit, a.noun
            elif a.unit != "%" and b.unit == a.unit and i + 2 < len(live):
                share = live[i + 2]  # b is the total: 占全县391个行政村的六成以上
                head, tail = _SHARE_OF_TOTAL
                if share.unit == "%" and not share.banded and head.fullmatch(gap) and tail.fullmatch(self._gap(b, share)):
                    share.band_low, share.band_high, share.band_unit = a.band_low, a.band_high, a.band_unit
                    share.noun = a.noun

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
        count.band_low, count.band_high = self._bracket_bounds(bound)
        count.band_unit = bound.unit
        if count.unit != "%" or not gap.count(","):
            count.start = bound.start
        # 5万元以上的只有两个村: the units written after the count
        count.noun = bound.noun or noun.strip("()") or _band_noun_at(self.view[count.end : count.end + 4]) or None
        bound.dropped = True
        return True

    def _count_then_bracket(self, count: _Raw, bound: _Raw) -> bool:
        """其余11个村均在10万元以上: a count of villages in a bracket of a list of brackets;
        近三分之一的村集体经济收入达到10万元以上: the share of villages in a bracket."""
        if count.banded or bound.unit == count.unit:
            return False
        gap = self._gap(count, bound)
        noun = "村"
        if count.unit == "%":
            if not (gap.startswith("的村") and _COUNT_GAP.fullmatch(gap[1:])):
                m = _SHARE_THEN_BRACKET.fullmatch(gap)
                if m is None or bound.unit == "%":
                    return False
                noun = _band_noun_at(m["units"])
                if noun is None:
                    return False  # 60%的资金用于500万元以上的项目: a share of money, not of units
        elif count.unit != "个":
            return False
        else:
            if not _COUNT_GAP.fullmatch(gap) or "村" not in self.view[count.start : bound.start]:
                return False
            clause = self.layout.clause_at(count.start)
            if not _SUBSET.search(self.view, clause[0], count.start):
                return False  # 全镇9个村集体经济收入均达到10万元以上: the villages, each at least 10万
        count.band_low, count.band_high = self._bracket_bounds(bound)
        count.band_unit = bound.unit
        count.end = bound.end
        count.noun = noun
        bound.dropped = True
        return True

    def _bracket_bounds(self, bound: _Raw) -> tuple[float, float]:
        """The bracket a bound states; below a reference (比全县均值低20%以上) it is negated:
        低20%以上 is at most -20%."""
        low, high = bound.bounds()
        if _BELOW.search(self.view, max(0, bound.start - 16), bound.start):
            return -high, -low
        return low, high

    def _articles(self, raws: list[_Raw]) -> None:
        """一 with a measure word is a count where it stands as one: at the end of its list item
        (打机井一口。) or as the next item of a list of counts (七个生产队,一个林业队); else it
        is the article of a phrase (探索出一条路子)."""
        for i, raw in enumerate(raws):
            if raw.number in ("万", "亿", "千", "百", "千万") and raw.qualifier == "exact" and not raw.dropped and raw.kind != "pct":
                raw.dropped = True  # 单位:万元: a unit, no figure (百分之百 is one: 100%)
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
