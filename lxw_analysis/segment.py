"""Where a position in a report lies: its section, sentence and clause.

Works on the matching view (half-width punctuation), so ``，`` and ``,`` are one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .patterns import CN_ORDINAL

__all__ = ["SENTENCE_END", "CLAUSE_END", "PART_END", "Layout"]

SENTENCE_END = "。！？；;!?\n"
CLAUSE_END = SENTENCE_END + ",:"
PART_END = CLAUSE_END + "、"

_HEADING = re.compile(
    rf"""[ \t]*(?:
        (?P<l1>[{CN_ORDINAL}]+[、.]|第[{CN_ORDINAL}]+(?:部分|章|节|篇)[、.:\s]?)
      | (?P<l2>\([{CN_ORDINAL}]+\)\s*)
    )(?P<title>[^。;:!?\n]{{1,60}})""",
    re.X,
)
#: A themed paragraph opens with 以…为… (以党的政治建设为统领,).
_THEME = re.compile(r"[ \t]*(?P<title>以[^,。;\n]{1,24}为[^,。;\n]{1,6})(?=,)")


def _after_each(view: str, chars: str) -> list[int]:
    """The offsets just after each of ``chars`` in ``view``, in order (``str.find`` skips to
    each far faster than a regex tests every character against a set)."""
    found = []
    for c in chars:
        i = view.find(c)
        while i >= 0:
            found.append(i + 1)
            i = view.find(c, i + 1)
    found.sort()
    return found


def _in_number(view: str, i: int) -> bool:
    """Whether the comma or colon at ``i`` is inside a number: a thousands separator (1,500)
    or a ratio's colon (8.5:39.8:51.7), neither of which ends a clause."""
    if not view[i - 1 : i].isdecimal():
        return False
    if view[i] == ",":
        digits = view[i + 1 : i + 4]
        return len(digits) == 3 and digits.isdecimal() and not view[i + 4 : i + 5].isdecimal()
    return view[i + 1 : i + 2].isdecimal()


def _boundaries(view: str) -> tuple[list[int], list[int], list[int]]:
    """Starts of the sentences, clauses and parts of ``view``.

    Sentence ends are a subset of clause ends, which are a subset of part ends.
    """
    sentence_ends = _after_each(view, SENTENCE_END)
    clause_ends = sorted(sentence_ends + [e for e in _after_each(view, ",:") if not _in_number(view, e - 1)])
    part_ends = sorted(clause_ends + _after_each(view, "、"))
    return [0, *sentence_ends], [0, *clause_ends], [0, *part_ends]


@dataclass(frozen=True)
class Layout:
    """Section, sentence and clause boundaries of one document, for fast position lookups."""

    view: str
    sentence_starts: list[int]
    clause_starts: list[int]
    part_starts: list[int]
    section_starts: list[int]
    section_names: list[str]

    @classmethod
    def of(cls, view: str, text: str | None = None) -> Layout:
        """The layout of ``view``; section names are read from ``text`` (as written) when given."""
        text = view if text is None else text
        starts, names = [0], [""]
        level1 = ""
        pos = 0
        for line in view.splitlines(keepends=True):
            heading = _HEADING.match(line) or _THEME.match(line)
            if heading:
                title = text[pos + heading.start("title") : pos + heading.end("title")].strip().rstrip(",，")
                if heading.re is _HEADING and heading["l2"]:
                    name = f"{level1} / {title}" if level1 else title
                else:
                    level1 = name = title
                starts.append(pos)
                names.append(name)
            pos += len(line)
        return cls(view, *_boundaries(view), starts, names)

    def section_at(self, pos: int) -> str:
        return self.section_names[bisect_right(self.section_starts, pos) - 1]

    def _span(self, starts: list[int], pos: int, ends: str) -> tuple[int, int]:
        i = bisect_right(starts, pos) - 1
        start = starts[i]
        end = starts[i + 1] if i + 1 < len(starts) else len(self.view)
        if end > start and self.view[end - 1] in ends:
            end -= 1
        return start, end

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """Span of the sentence holding ``pos``, without its closing punctuation."""
        return self._span(self.sentence_starts, pos, SENTENCE_END)

    def clause_at(self, pos: int) -> tuple[int, int]:
        """Span of the clause (between commas, colons or sentence ends) holding ``pos``."""
        return self._span(self.clause_starts, pos, CLAUSE_END)

    def part_at(self, pos: int) -> tuple[int, int]:
        """Span of the list item (a clause, further cut at 、) holding ``pos``."""
        return self._span(self.part_starts, pos, PART_END)

    def spans_at(self, pos: int) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
        """``part_at``, ``sentence_at`` and ``clause_at`` of ``pos`` in one call (the extractor
        asks for all three of every statistic)."""
        span = self._span
        return span(self.part_starts, pos, PART_END), span(self.sentence_starts, pos, SENTENCE_END), span(
            self.clause_starts, pos, CLAUSE_END
        )
