"""The subject and the village of each statistic, as a report's words give them.

A statistic's label is the words before its number less scope words (全年, 2024年, 全镇 …),
link words (达, 为) and the last lead verb (开展, 投资 …), else the verb and the phrase after
the number; its village is the one village its clause (or an earlier clause of its sentence)
names.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .grammar import grammar
from .patterns import QUOTE_MARKS

__all__ = ["Labelling"]

#: Quote marks, dropped from labels (a regex: str.translate is slow on Chinese text).
_QUOTE_MARKS = re.compile(f"[{re.escape(QUOTE_MARKS)}]")

#: Two adjacent digits written in Chinese are a rough count (七八个, 两三户), not 78 or 23.
_HANZI = re.compile(r"[\u4e00-\u9fff]+")

_VILLAGE_NOUNS = frozenset({"村", "行政村", "村(社区)", "村社区", "村集体", "村级", "村数"})

#: List connectors and punctuation left at a label's edges (8%和9%: the 和).
_EDGES = re.compile(r"^[和及与、,:;()\s]+|[和及与、,:;(\s]+$")

#: Words before a lead verb that make it part of a noun (全社会固定资产投资), not a place or a
#: preposition's object (在曲卜藏村投资).
_MODIFIER = re.compile(r"(?:(?![在为对向给从由于把将])[\u4e00-\u9fff]){1,8}(?<![村镇乡县区市街])")

#: One character that makes a lead verb a noun (培训班, 调解会, 服务站, 化解率).
_NOUN_ENDINGS = frozenset("班会站点所室队员费率")

#: What a label says of a relation to an earlier figure (its change, its share), not of a subject.
_RELATION = re.compile(
    r"^(?:同比|比上年同期|比上年|较上年|比去年|较去年|比上月|比20\d\d年底?|较20\d\d年|分别|,)*"
    r"(?:增长|增速|增幅|增加|下降|降幅|减少|回落|提高|提升|上升|降低|下滑|上涨|下跌|收窄|扩大|加快|放缓|增|降|为|达到|达)*"
    r"(?:占[\u4e00-\u9fff]{0,10}?(?:的)?(?:比重|比例|比)?|占比)?(?:为|达到|达)?$"
)


#: A scope right before a count (深入全乡11个行政村, 走遍白果乡9个村): the count is of the whole
#: township's villages, whatever the clause goes on to say of them.
_SCOPE_END = re.compile(r"(?:辖区|全乡|全镇|全县|全区|全市|全省|全街道|本乡|本镇|该乡|该镇|(?<![城集村])[\u4e00-\u9fff]{2,3}(?:乡|镇|县))(?<!乡镇)(?<!城镇)(?<!集镇)(?<!村镇)(?<!城乡)$")
#: The villages counted right after the number, less what the clause says of them (行政村共建…).
_VILLAGES_AFTER = re.compile(
    r"(?:行政村|村委会|村)(?:[(（](?:社区|居)[)）])?(?![集民级干组党两委庄务卫医规道部史容貌落镇])"
)


def _last_before(positions: list[int], pos: int) -> int:
    """The last of the sorted ``positions`` before ``pos``, or -1."""
    i = bisect_left(positions, pos)
    return positions[i - 1] if i else -1

@lru_cache(maxsize=16384)
def _without_relation(label: str) -> str:
    """A label less the words relating its figure to an earlier one: '' when nothing else is left.

    >>> _without_relation("同比增长"), _without_relation("占生产总值的比重"), _without_relation("粮食产量")
    ('', '', '粮食产量')
    """
    return "" if _RELATION.fullmatch(label) else label


class Labelling:
    """Labels and villages of a document's statistics (a mixin of ``extract._Document``)."""

    def villages_in(self, span: tuple[int, int]) -> list[str]:
        """Villages named in a span of the view, in order, without repeats."""
        lo = bisect_left(self.village_positions, span[0])
        hi = bisect_left(self.village_positions, span[1])
        return list(dict.fromkeys(self.village_names[lo:hi]))

    def label(self, ctx_start: int, start: int, end: int) -> tuple[str, int]:
        """The subject as written, and where the words it used end.

        The words before the number (less scope and link words), else the verb and the phrase
        after the number: 开展党委理论学习17次 → 党委理论学习; 选派2名大学生 → 选派大学生.
        """
        g = grammar()
        before = _QUOTE_MARKS.sub("", self.view[ctx_start:start]).strip()
        if _SCOPE_END.search(before, max(0, len(before) - 6)):  # it ends the words: 4 characters at most
            villages = _VILLAGES_AFTER.match(self.view, end)
            if villages:
                return villages.group(), villages.end()
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
