"""Every statistic in a report's text, as rows of the facts table.

A document is read in four steps, each in its own module: the pattern (``grammar``) finds
candidate expressions; ``candidates`` reads each and drops numerals that count nothing;
``relations`` reads them with their neighbours (shared units, brackets, lists, directions);
``labels`` gives each its subject and village. Tables set in the text are read cell by cell
(``texttables``). The rows are the facts-table columns (``facts.ROW_COLUMNS``; ``as_facts`` adds ``fact_id``).
"""

from __future__ import annotations

import re

import pandas as pd

from . import config
from .candidates import _QUOTED, NAN, Candidates, _Spans
from .facts import as_facts
from .grammar import grammar
from .identity import infer_township, infer_year
from .indicators import catalogue_key, match_in, target_clause, target_sentence
from .labels import _VILLAGE_NOUNS, Labelling, _without_relation
from .relations import ReadingTogether
from .segment import Layout
from .text import matching_view
from .texttables import find_tables
from .villages import SCOPE_WORDS, village_mentions

__all__ = ["extract_facts", "extract_texts", "iter_facts"]


#: A change said of a bracket's units right after its noun (…的村减少了87个): the direction says it.
_NOUN_CHANGE = re.compile(r"(?:减少|增加|增长|下降|提高|上升|新增)了?$")
#: A sentence that opens a list of targets (预期目标:…, 主要目标是…), which runs on past its ;.
_TARGET_LIST = re.compile(r"目标(?:[是为][:：]?|[:：])")
#: A bracket's note on its bound, left before its noun (5万元至20万元(不含)的村: 不含)的村).
_INCLUSION_NOTE = re.compile(r"^[(（]?(?:不含|含)[)）]的?")


def _bracket_noun(noun: str | None) -> str | None:
    """A bracket's noun less a note on its bound before it (…(不含)的村), less a 由/从 that begins
    what is said of it (…的村由6个增加到13个), and with a bracket left open closed (村(社区)2个
    read up to 村(社区).

    >>> _bracket_noun("不含)的村"), _bracket_noun("村由"), _bracket_noun("村(社区")
    ('村', '村', '村(社区)')
    """
    if not noun:
        return noun
    noun = _INCLUSION_NOTE.sub("", noun) or noun
    noun = _NOUN_CHANGE.sub("", noun.rstrip("由从")) or noun
    if noun.count("(") > noun.count(")"):
        noun += ")"
    return noun


def _since_full_stop(view: str, sentence: tuple[int, int], limit: int) -> str:
    """The words from the last full stop (。!? or a line break) before ``sentence`` to its end,
    at most ``limit`` characters: a sentence that a ; divides, read whole."""
    start = max(view.rfind(c, max(0, sentence[0] - limit), sentence[0]) for c in "。！？!?\n") + 1
    return view[max(start, sentence[1] - limit) : sentence[1]]


#: A share of money, not of units (却贡献了全区村级经营收益的61.4%).
_OF_MONEY = re.compile(r"(?:收入|收益|资金|总额)的$")


def _counted(rows, raw, sentence) -> str | None:
    """The subject of the count just before a bracket in the same sentence, in the same unit
    (在库项目156个,其中5千万以上的72个: projects, not villages); None when there is none."""
    if not rows:
        return None
    start, row = rows[-1]
    label, unit = row[5], row[8]
    if unit != raw.unit or not (sentence[0] <= start < sentence[1]) or not label:
        return None
    if row[11] == row[11] or row[12] == row[12]:  # itself a bracket: its noun is band_noun already
        return None
    return None if label in _VILLAGE_NOUNS or label.endswith("村") else label


class _Document(Candidates, ReadingTogether, Labelling):
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
        scopes = [m.span() for m in SCOPE_WORDS.finditer(self.view)]
        self.scope_positions = [a for a, _ in scopes]
        self.scope_ends = [b for _, b in scopes]
        self.tables = find_tables(self.view)
        self.catalogue = catalogue_key()
        self.table_spans = _Spans(t.span for t in self.tables)

    def facts(self) -> list[tuple]:
        """One tuple per statistic, in text order: the facts-table columns between year and source."""
        raws = self.read_together(self.candidates())
        text, view, layout = self.text, self.view, self.layout
        limit = config.MAX_QUOTE_CHARS
        prev_end = 0
        band_noun = None
        subject = ("", (-1, -1))  # the last subject stated, and the sentence it was stated in
        outer_subject = subject  # … and the last stated outside brackets
        quotes: dict[tuple[int, int], str] = {}  # facts of one sentence share its quote
        targets: dict[tuple, bool] = {}  # … and whether it states targets (the sentence half of indicators.says_target)
        clause_targets: dict[tuple, bool] = {}  # the clause half, for facts sharing a clause
        listing_targets: set[int] = set()  # ends of sentences that list targets on past their ;
        villages: dict[tuple, str | None] = {}  # the village of a sentence, clause and part
        unpaired: dict[int, str] = {}  # rows labelled by one of two nouns written as one word: that word's label
        rows = []
        for raw in raws:
            start, end = raw.start, raw.end
            part, sentence, clause = layout.spans_at(start)
            # what is read and quoted around the number: the spans, cut to a window in a very long line
            near_part = part if part[1] - part[0] <= limit else _window(part, start, end)
            near_sentence = sentence if sentence[1] - sentence[0] <= limit else _window(sentence, start, end)
            near_clause = clause if clause[1] - clause[0] <= limit else _window(clause, start, end)
            banded = raw.band_low is not None or raw.band_high is not None
            noun = _bracket_noun(raw.noun)
            if banded and raw.band_unit not in ("", "元") and not noun:
                # 发展党员14名,其中35岁以下9名: the count's own subject, in a bracket of another measure
                label, used_end = self.label(max(near_part[0], prev_end), start, end)
                label = f"{label or (rows[-1][1][5] if rows else '')}(按{raw.band_unit}分档)"
            elif banded:
                band_noun = ("村" if noun in _VILLAGE_NOUNS else noun) or band_noun or _counted(rows, raw, sentence) or "村"
                label = band_noun if raw.unit != "%" or raw.direction else band_noun + "占比"
                if raw.direction:
                    label += "增长"  # 5万元以下的村减少了87个, …的村翻了一番: a change in the bracket's count, not the count
                if raw.band_unit and raw.band_unit != "元":
                    label += f"(按{raw.band_unit}分档)"  # 超过1000户的村: a bracket of households, not of income
                used_end = end
            elif raw.label:
                label, used_end = raw.label, end
            else:
                label, used_end = self.label(max(near_part[0], prev_end), start, end)
                if not label and rows and rows[-1][1][5] and layout.clause_at(rows[-1][0]) == clause:
                    label = unpaired.get(len(rows) - 1, rows[-1][1][5])  # 救助困难群众420户、650人: the same subject
                own = _without_relation(label)
                bracketed = view.count("(", sentence[0], start) > view.count(")", sentence[0], start)
                if own:
                    subject = (own, sentence)
                    if not bracketed:  # 总收入36.4亿元(村级29.12亿元),同比增长5.1%: the bracket's is a part
                        outer_subject = subject
                elif subject[1] == sentence and (raw.direction or raw.unit in ("%", "百分点", "倍")):
                    # 地区生产总值12.3亿元,增长8%: the growth of 地区生产总值
                    label = (subject if bracketed or outer_subject[1] != sentence else outer_subject)[0] + label
                paired = self.paired(start, end, label)
                if paired != label:  # 各项存贷款余额达9215万元和5308万元: 存款余额, then 贷款余额
                    unpaired[len(rows)], label = label, paired
            # A bracket of units with a name of their own (薄弱村) is matched as those units.
            as_band = banded and (noun is None or noun in _VILLAGE_NOUNS or raw.unit == "%")
            clause_text = view[near_clause[0] : near_clause[1]]
            sentence_text = view[near_sentence[0] : near_sentence[1]]
            if near_sentence not in targets:
                # 预期目标:全乡GDP达3.46亿元;农村经济总收入达3.08亿元;…: each item after a ; is a target too
                listed = view[sentence[0] - 1 : sentence[0]] in (";", "；") and sentence[0] - 1 in listing_targets
                targets[near_sentence] = listed or target_sentence(sentence_text or clause_text)
                if listed or (targets[near_sentence] and _TARGET_LIST.search(sentence_text)):
                    listing_targets.add(sentence[1])
            if near_clause not in clause_targets:
                clause_targets[near_clause] = target_clause(clause_text)
            indicator, how, score = match_in(
                self.catalogue, label, raw.unit, clause_text, as_band, sentence_text,
                target=clause_targets[near_clause] or targets[near_sentence],
            )
            if indicator is None and view[sentence[0] - 1 : sentence[0]] in ";；":
                # 发展党员20名,其中:…;大专及以上文化9人: the words that say whose the figures are
                # come before the ;, so a phrasing's context may be met anywhere since the full stop
                indicator, how, score = match_in(
                    self.catalogue, label, raw.unit, clause_text, as_band, _since_full_stop(view, near_sentence, limit),
                    target=clause_targets[near_clause] or targets[near_sentence],
                )
            if indicator is None and banded and not as_band:
                # 35周岁以下村级后备干部64名: units with a name of their own, in a bracket the catalogue lists
                indicator, how, score = match_in(self.catalogue, label, raw.unit, clause_text, True, sentence_text)
            if indicator is None and banded and noun and noun.endswith("村") and not _OF_MONEY.search(view, near_clause[0], start):
                # 富裕村127个, 百万元村占比8.7% (villages of a bracket, named): villages of a bracket
                indicator, how, score = match_in(
                    self.catalogue, label.replace(noun, "村", 1), raw.unit, clause_text, True, sentence_text
                )
            where = (near_sentence, near_clause, near_part)
            if where not in villages:
                villages[where] = self.village(near_sentence, near_clause, near_part)
            quote = quotes.get(near_sentence)
            if quote is None:
                quote = quotes[near_sentence] = text[near_sentence[0] : near_sentence[1]].strip()
            rows.append((start, (
                layout.section_at(start),
                villages[where],
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
                quote,
            )))
            prev_end = used_end
        for table in self.tables:
            for cell in table.cells:
                rows.append((cell.start, self._cell_row(cell, table.caption)))
        rows.sort(key=lambda r: r[0])
        return [row for _, row in rows]

    def _cell_row(self, cell, caption: str) -> tuple:
        """The facts-table columns of one figure of a table set in the text; the table's caption
        and the cell's row are its context (a 结案率 of a hotline's table is the hotline's)."""
        s0, s1 = cell.row
        context = f"{caption} {self.text[s0:s1]}" if caption else self.text[s0:s1]
        indicator, how, score = match_in(self.catalogue, cell.label, cell.unit, context, False)
        return (
            self.layout.section_at(cell.start), cell.village, indicator, how, score, cell.label,
            cell.value, NAN, cell.unit, "exact", None, NAN, NAN,
            self.text[cell.start : cell.end], cell.start, cell.end, self.text[s0:s1].strip(),
        )  # fmt: skip


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


def extract_texts(texts, *, year: int | None = None, township: str | None = None) -> pd.DataFrame:
    """One facts table for many texts: what ``extract_facts`` gives for each, in order, made
    into a single table at the end (the way to read many reports: one frame, not one per text).

    Each item is a text, or a ``(source, text)`` pair; a text alone has its position in
    ``texts`` as its source ("0", "1", …). ``year`` and ``township``, when given, apply to
    every text; else each text says its own. ``texts`` may be any iterable, a generator of
    files being read included: they are read one at a time.

    >>> df = extract_texts([("a.txt", "2024年,某某镇开展学习17次。"), "2023年,某某乡培训干部40人次。"])
    >>> df[["source", "year", "value", "unit"]].values.tolist()
    [['a.txt', 2024, 17.0, '次'], ['1', 2023, 40.0, '人次']]
    """
    def rows():
        for i, item in enumerate(texts):
            if isinstance(item, str):
                source, text = str(i), item
            elif isinstance(item, (tuple, list)) and len(item) == 2 and isinstance(item[1], str):
                source, text = item
            else:
                raise TypeError(f"extract_texts takes texts or (source, text) pairs; item {i} is {item!r:.60}")
            yield from iter_facts(text, source=str(source), year=year, township=township)

    return as_facts(rows())


def _window(span: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """``span`` (a sentence, clause or list item), or, when it is longer than
    ``config.MAX_QUOTE_CHARS``, the stretch of it of that length centred on the number
    ``start:end``: a line without punctuation is read and quoted near each number, so the work
    and the quotes of a report grow with its length, not with its square.

    >>> _window((0, 50), 20, 22)
    (0, 50)
    >>> _window((0, 100_000), 50_000, 50_002)
    (49801, 50201)
    """
    limit = config.MAX_QUOTE_CHARS
    if span[1] - span[0] <= limit:
        return span
    lo = max(span[0], min(start - (limit - (end - start)) // 2, span[1] - limit))
    return lo, min(span[1], lo + max(limit, end - start))
