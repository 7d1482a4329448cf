"""Indicator ids: the same statistic, however a report or table words it, gets one id.

The catalogue is ``data/indicators.csv`` (read over by a project's own
``references/indicators.csv``, see ``catalogue``): per id its topic, Chinese and English
labels, unit family, the phrasings that map to it and, for ambiguous phrasings, a context the
fact's clause must match. A fact's label is matched in steps, each recorded in
``indicator_match``:

1. its subject (the label less empty verbs, scope words and particles: 开展, 累计, 全年, 共 …;
   calculation notes: 按可比价计算; an amount bound: 500万元以上; the level a change reached:
   减到, 只剩; what a change is against: 比上年同期, 比一九八○年) equals a phrasing's subject, and the fact's unit is in the id's unit family (人 and 人次
   are different ids): ``context`` when an ambiguous phrasing's context matches the clause,
   else ``exact``; a phrasing ending in ``*`` matches subjects that start with it;
2. else the closest phrasing of a compatible unit by rapidfuzz's similarity, when it scores at
   least ``FUZZY_THRESHOLD`` and both say the same of 人均/增长/率/纯/存贷 … (``fuzzy``, with the score);
3. else no id (``none``). Such a statistic still pairs across years by ``key_of``.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import config
from .errors import LxwError
from .grammar import _alternation
from .labels import BASE, CHANGE, RESOLVING
from .patterns import QUOTE_MARKS
from .reference import label_words, load_table

__all__ = [
    "BAND_VILLAGES",
    "VILLAGE_INCOME",
    "VILLAGE_COUNT",
    "DISPUTES_FOUND",
    "DISPUTES_RESOLVED",
    "FUZZY_THRESHOLD",
    "subject",
    "Indicator",
    "project_catalogue_path",
    "catalogue",
    "indicator_table",
    "match_indicator",
    "catalogue_key",
    "match_in",
    "key_of",
    "assign_indicators",
    "additive_ids",
    "known_ids",
]

#: The ids the analyses and checks name, defined once.
BAND_VILLAGES = "collective_income_band_villages"  # villages in a collective-income bracket
VILLAGE_INCOME = "village_collective_income"  # one village's collective income
VILLAGE_COUNT = "village_count"  # the township's administrative villages
DISPUTES_FOUND = "disputes_found"
DISPUTES_RESOLVED = "disputes_resolved"

#: The least rapidfuzz similarity (0–100) of a label and a phrasing for a fuzzy match.
FUZZY_THRESHOLD = 87

_QUOTES = re.compile(f"[{re.escape(QUOTE_MARKS)} ]")
#: Words that carry no subject: dropped from the start and end of labels and phrasings alike.
_EMPTY_START = re.compile(
    r"^(?:开展|组织|完成|累计|共计|共有|共|全年|新增|实现|拥有|现有|有|达到|达|为|其中|同比|比上年|较上年|"
    r"今年|年内|当年|本年|全年共|全镇|全乡|全县|全区|全村|全市|已|先后|合计|总计|还|另|并|已经|目前|截至目前|"
    r"年末|年底|全部|各类|各项|辖|下辖|管辖|共辖)+"
)
_EMPTY_END_WORDS = r"的|了|达到|达|为|共|约|近|均|分别|总数|数量|总额|共计|累计|有|由|从|完成额|完成|实现"
#: A bracket's inclusion note (5万元至20万元(不含)的村): no part of the subject.
_INCLUSION = re.compile(r"[(（](?:不含|含)[)）]")
#: An amount bound before a subject (500万元以上固定资产投资): the coverage of a statistic, as
#: 全社会 is, not another statistic.
_AMOUNT_BOUND = re.compile(r"^\d+(?:\.\d+)?[万亿]?元?(?:及以上|以上)")
#: A figure set as a goal rather than reached: the sentence states the year's targets
#: (主要预期目标是:…), or the clause aims at it (力争…, 确保…, 预计带动…, 对照“…100%”的标准), or the subject
#: names the task (财政一般预算收入任务236万). A target gets the id's ``…_target`` id where the
#: catalogue has one, else none: a target is not the level reached.
_TARGET_SENTENCE = re.compile(r"预期目标|主要目标|发展目标|目标任务[是为:：]|[大项]目标")
_TARGET_CLAUSE = re.compile(r"力争|确保|预计带动|目标是|目标为|对照[^,;。]{0,60}?\d[^,;。]{0,60}?标准")
_TARGET_SUBJECT = re.compile(r"(?:目标任务|目标|任务)$")
_TARGET_ENDS = ("目标", "任务")  # what _TARGET_SUBJECT finds, as str.endswith tests it
_TARGET_LEAD = re.compile(r"^(?:力争|确保|预计带动)+")
#: Examples before 等 and the words it names (中式烹调等各类技能培训班, 婚姻家庭等纠纷): the
#: subject is what follows; 高等, 一等奖, 等级 and 等于 are no such 等.
_EXAMPLES = re.compile(r"^.*(?<![中平同高上下一二三特优对相均初])等(?![级于奖同次])(?=[\u4e00-\u9fff]{2})")
#: A verb that makes disputes the ones resolved, before the examples (调处婚姻家庭等纠纷): it stays.
_RESOLVING_START = re.compile(rf"^(?:{'|'.join(sorted(RESOLVING))})")
#: Words of change at the end of a subject, however worded: all read as 增长 (the direction
#: column, not the label, says up or down), so 地区生产总值同比下降 and GDP增速 meet; and what
#: the change is against (同比, 比上年同期, 比2019年底 …) with them.
_CHANGE_END = re.compile(rf"(?:{BASE})?{CHANGE}+了?$")
#: A share's 占 left at the end (大专学历的占总数的27.9%: 总数的 is gone, 的占 stays): no part of the subject.
_SHARE_END = re.compile(r"(?<=..)的?占$")


@lru_cache(maxsize=1)
def _label_words() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """From label_words.csv: calculation notes (按可比价计算, also in brackets), per-person words
    (每人平均 → 人均) and the words that end a subject but are none of it (the empty words, the
    level a change reached: 耕牛减到, 生猪只剩; what it is compared with: 比一九八○年), and those
    words but 分别 for what a change word ends (A和B分别比上年增长: two subjects, not B's alone)."""
    words = label_words()

    def alternation(role: str) -> str:
        return _alternation(words.get(role, ()))

    notes = re.compile(rf"[(（](?:{alternation('note')})[)）]|{alternation('note')}")
    per_capita = re.compile(alternation("per_capita"))
    end = re.compile(rf"(?:{_EMPTY_END_WORDS}|{alternation('reached')}|{BASE})+$")
    return notes, per_capita, end, re.compile(end.pattern.replace("|分别|", "|"))


#: Words that change what a figure is: a fuzzy match must agree on each (人均 GDP is not GDP).
_GUARDS = ("人均", "户均", "村均", "亩均", "平均", "增长", "率", "占", "比重", "新", "规上", "规模以上", "纯", "存贷", "工农", "市级", "县级", "镇级", "乡级", "按户分档", "按岁分档", "按头分档", "按%分档")


@lru_cache(maxsize=65536)
def subject(label: str) -> str:
    """The subject of a label, as matching compares it: no quotes, empty verbs or particles.

    >>> subject("全年开展党委理论学习"), subject("累计完成固定资产投资"), subject("“主题党日+”活动")
    ('党委理论学习', '固定资产投资', '主题党日+活动')
    >>> subject("地区生产总值同比下降"), subject("GDP增速")
    ('地区生产总值增长', 'GDP增长')
    >>> subject("地区生产总值按可比价计算增长"), subject("农民人均纯收入比去年同期增长")
    ('地区生产总值增长', '农民人均纯收入增长')
    >>> subject("耕牛减到"), subject("生猪只剩"), subject("每人平均耕地面积"), subject("固定资产投资完成额")
    ('耕牛', '生猪', '人均耕地面积', '固定资产投资')
    >>> subject("中式烹调等各类技能培训班"), subject("婚姻家庭等纠纷"), subject("高等教育经费")
    ('技能培训班', '纠纷', '高等教育经费')
    """
    notes, per_capita, end, before_change = _label_words()
    s = _INCLUSION.sub("", _QUOTES.sub("", label))
    if "按" in s:
        s = notes.sub("", s)
    s = _AMOUNT_BOUND.sub("", s)
    if "等" in s:
        resolving = _RESOLVING_START.match(s)  # 调处婚姻家庭等纠纷: 调处纠纷, disputes resolved
        s = (resolving.group() if resolving else "") + _EXAMPLES.sub("", s)
    s = _EMPTY_START.sub("", s)
    s = _SHARE_END.sub("", end.sub("", s))
    if _CHANGE_END.search(s):
        while _CHANGE_END.search(s):  # 固定资产投资同比增长比上月回落: one change, of the growth
            s = before_change.sub("", _CHANGE_END.sub("", s))
        s += "增长"
    s = per_capita.sub("人均", s)
    return s or _QUOTES.sub("", label)


@dataclass(frozen=True)
class Indicator:
    id: str
    topic: str
    label_zh: str
    label_en: str
    unit: str
    units: frozenset[str]
    phrasings: tuple[str, ...]
    context: re.Pattern | None
    band: bool
    adds_up: bool
    seen: str = ""
    subjects: tuple[str, ...] = ()  # the phrasings' subjects, as labels are compared

    def matches(self, label: str) -> int:
        """How well ``label`` matches a phrasing: its length (longer is more specific), 0 for no match."""
        s = subject(label)
        best = 0
        for phrasing in self.subjects:
            if phrasing.endswith("*"):
                if s.startswith(phrasing[:-1]):
                    best = max(best, len(phrasing) - 1)
            elif s == phrasing:
                best = max(best, len(phrasing) + 100)  # an exact phrasing beats any prefix
        return best


def _indicator(row: dict, where: str) -> Indicator:
    try:
        context = re.compile(row["context"]) if row.get("context") else None
    except re.error as err:
        raise LxwError(
            f"{where}: indicator {row['id']}: context {row['context']!r} is not a regular expression ({err})."
        ) from err
    phrasings = tuple(p for p in row["phrasings"].split("|") if p)
    return Indicator(
        id=row["id"],
        topic=row["topic"],
        label_zh=row["label_zh"],
        label_en=row["label_en"],
        unit=row["unit"],
        units=frozenset(u for u in row["unit"].split("|") if u),
        phrasings=phrasings,
        context=context,
        band=row.get("band") == "yes",
        adds_up=row.get("adds_up") == "yes",
        seen=row.get("seen", ""),
        subjects=tuple(subject(p.rstrip("*")) + ("*" if p.endswith("*") else "") for p in phrasings),
    )


def project_catalogue_path() -> Path:
    """A project's own catalogue: ``references/indicators.csv`` in the project folder."""
    return Path(_project_file(os.environ.get("LXW_PROJECT_DIR"), os.getcwd()))


@lru_cache(maxsize=16)
def _project_file(env: str | None, cwd: str) -> str:
    """The project catalogue's path for one setting of LXW_PROJECT_DIR and the current folder
    (what decides the project folder), worked out once: matching asks for it per statistic."""
    return str(config.references_dir() / "indicators.csv")


def _project_rows(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8-sig")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    rows = []
    for n, row in enumerate(reader, 2):
        if not row.get("id") or not row.get("phrasings"):
            raise LxwError(f"{path}, line {n}: a row needs at least an id and its phrasings (|-separated).")
        rows.append({k: (v or "").strip() for k, v in row.items() if k})
    return rows


@lru_cache(maxsize=8)
def _catalogue(project_file: str) -> tuple[Indicator, ...]:
    rows = {row["id"]: dict(row) for row in load_table("indicators.csv")}
    for row in _project_rows(Path(project_file)):
        if row["id"] in rows:  # more phrasings for a known id, or new labels or context
            base = rows[row["id"]]
            extra = [p for p in row["phrasings"].split("|") if p and p not in base["phrasings"].split("|")]
            base["phrasings"] = "|".join([*base["phrasings"].split("|"), *extra])
            base.update({k: v for k, v in row.items() if v and k not in ("id", "phrasings")})
        else:
            missing = [c for c in ("topic", "label_zh", "label_en", "unit") if not row.get(c)]
            if missing:
                raise LxwError(f"{project_file}: new indicator {row['id']} needs {', '.join(missing)}.")
            rows[row["id"]] = row
    return tuple(_indicator(row, project_file) for row in rows.values())


def catalogue() -> tuple[Indicator, ...]:
    """Every indicator: the package's catalogue, then the project's ``references/indicators.csv``.

    A project row whose id the package knows adds its phrasings to that id (and replaces its
    labels, unit or context where it gives them); a row with a new id adds an indicator.
    """
    return _catalogue(str(project_catalogue_path()))


def indicator_table() -> pd.DataFrame:
    """The catalogue as a table (id, topic, label_zh, label_en, unit, phrasings, adds_up), for
    notebooks and reports; ``lxw.indicators()``.

    >>> import lxw_analysis as lxw
    >>> lxw.indicators().set_index("id").loc["disputes_found", ["topic", "label_en"]].tolist()
    ['governance', 'Disputes identified']
    """
    return pd.DataFrame(
        [(i.id, i.topic, i.label_zh, i.label_en, i.unit, "|".join(i.phrasings), i.adds_up) for i in catalogue()],
        columns=["id", "topic", "label_zh", "label_en", "unit", "phrasings", "adds_up"],
    )


@lru_cache(maxsize=8)
def _index(project_file: str):
    """Subjects → indicators, and the prefix phrasings, of one catalogue."""
    cat = _catalogue(project_file)
    exact: dict[str, list[Indicator]] = {}
    prefixes: list[tuple[str, Indicator]] = []
    for ind in cat:
        for s in ind.subjects:
            if s.endswith("*"):
                prefixes.append((s[:-1], ind))
            else:
                exact.setdefault(s, []).append(ind)
    prefixes.sort(key=lambda p: -len(p[0]))
    return exact, prefixes


@lru_cache(maxsize=65536)
def _guards(s: str) -> tuple[bool, ...]:
    """Which of ``_GUARDS`` a subject or phrasing holds (asked of each phrasing for each unit)."""
    return tuple(g in s for g in _GUARDS)


@lru_cache(maxsize=16384)
def _candidates(s: str, unit: str, band: bool, project_file: str) -> tuple[tuple[Indicator, str, float], ...]:
    """Indicators ``s`` may be, best first, with how and how well each matched."""
    exact, prefixes = _index(project_file)
    fits = [i for i in exact.get(s, ()) if unit in i.units and i.band == band]
    if fits:
        return tuple((i, "exact", 100.0) for i in fits)
    for p, i in prefixes:
        if s.startswith(p) and unit in i.units and i.band == band:
            return ((i, "exact", 100.0),)
    from rapidfuzz import fuzz, process

    choices = _fuzzy_choices(unit, band, project_file).get(_guards(s), {})
    found = process.extract(s, list(choices), scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD, limit=3)
    return tuple((i, "fuzzy", round(score, 1)) for p, score, _ in found for i in choices[p])


@lru_cache(maxsize=256)
def _fuzzy_choices(unit: str, band: bool, project_file: str) -> dict[tuple[bool, ...], dict[str, list[Indicator]]]:
    """The phrasings a subject of ``unit`` may match fuzzily, by what they say of the guard
    words (``_GUARDS``), each with its indicators in catalogue order: the same for every subject,
    so it is gathered once, not for each subject that no phrasing matches exactly."""
    by_guards: dict[tuple[bool, ...], dict[str, list[Indicator]]] = {}
    for i in _catalogue(project_file):
        if unit in i.units and i.band == band:
            for p in i.subjects:
                if not p.endswith("*"):
                    by_guards.setdefault(_guards(p), {}).setdefault(p, []).append(i)
    return by_guards


def match_indicator(label: str, unit: str, context: str = "", *, band: bool = False, detail: bool = False):
    """The indicator id for a fact's label and unit, or None when the catalogue has none.

    ``context`` is the clause the fact stands in; ``band`` marks counts inside income brackets.
    With ``detail``, the result is (id, how it was found, score): see ``facts.INDICATOR_MATCHES``.

    >>> match_indicator("党委理论学习中心组学习", "次")
    'party_committee_study_sessions'
    >>> match_indicator("村干部", "人", "4名村干部纳入2025年村干部学历提升学习计划")
    'cadres_planned_for_degree_programme'
    >>> match_indicator("村", "个", band=True)
    'collective_income_band_villages'
    >>> match_indicator("党委理论学习", "人") is None
    True
    >>> match_indicator("全年开展党委理论学习中心组专题学习", "次", detail=True)
    ('party_committee_study_sessions', 'fuzzy', 91.7)
    """
    found = match_in(catalogue_key(), label, unit, context, band)
    return found if detail else found[0]


def catalogue_key() -> str:
    """Which catalogue applies here (the project catalogue's path): ``match_in`` takes it, so a
    caller matching many labels looks it up once."""
    return _project_file(os.environ.get("LXW_PROJECT_DIR"), os.getcwd())


def match_in(
    key: str, label, unit, context: str, band: bool, wider: str = "", *, target: bool | None = None
) -> tuple[str | None, str, float]:
    """``match_indicator(label, unit, context, band=band, detail=True)`` in the catalogue ``key``.

    An ambiguous phrasing is resolved by ``context`` (the clause), else by ``wider`` (its sentence).
    ``target`` is ``says_target(context, wider)`` when the caller knows it already (the facts of
    one clause share it).
    """
    if not isinstance(label, str) or not label or not isinstance(unit, str):
        return None, "none", float("nan")
    s = subject(label)
    if target is None:
        target = says_target(context, wider)
    return _settled(key, s, unit, band, target) or _matched(key, s, unit, band, target, context, wider)


def _matched(key: str, s: str, unit: str, band: bool, target: bool, context: str, wider: str) -> tuple[str | None, str, float]:
    """``match_in`` for the subject ``s``: its id, or its target's when it is a target."""
    aim = _aim(key, s, unit, band, target)
    if aim is not None:
        return _target_of(key, aim, unit, context, band, wider)
    return _resolve(_candidates(s, unit, band, key), context, wider)


def _aim(key: str, s: str, unit: str, band: bool, target: bool) -> str | None:
    """What a target is the target of (the subject less 目标, 任务, 力争 …), None when ``s`` is
    no target: its clause states none and it names no task, or names one with a phrasing of
    its own (招商引资任务; exact candidates come first)."""
    candidates = _candidates(s, unit, band, key)
    named = bool(candidates) and candidates[0][1] == "exact"
    if (s.endswith(_TARGET_ENDS) and not named) or target:
        return subject(_TARGET_LEAD.sub("", _TARGET_SUBJECT.sub("", s))) or s
    return None


@lru_cache(maxsize=16384)
def _settled(key: str, s: str, unit: str, band: bool, target: bool) -> tuple[str | None, str, float] | None:
    """``_matched``'s answer when no clause can change it (none of the candidates it chooses
    among has a context, as for most subjects), else None: matching asks for it per fact."""
    aim = _aim(key, s, unit, band, target)
    if any(ind.context is not None for ind, _, _ in _candidates(s if aim is None else aim, unit, band, key)):
        return None
    return _matched(key, s, unit, band, target, "", "")


def says_target(context: str, wider: str = "") -> bool:
    """Whether a clause (``context``) or its sentence (``wider``) states a target (力争, 目标任务为 …):
    its figures are then the target's.

    >>> says_target("力争全年接待游客20万人次"), says_target("接待游客20万人次", "主要目标:接待游客20万人次")
    (True, True)
    """
    return target_clause(context or "") or target_sentence(wider or context or "")


def target_clause(text: str) -> bool:
    """Whether a clause's words make its figure a target (力争, 确保 …): half of ``says_target``."""
    return _TARGET_CLAUSE.search(text) is not None


def target_sentence(text: str) -> bool:
    """Whether a sentence says it states targets (主要目标, 目标任务为 …): half of ``says_target``."""
    return "目标" in text and _TARGET_SENTENCE.search(text) is not None  # each of its words holds 目标


def _target_of(key: str, s: str, unit: str, context: str, band: bool, wider: str) -> tuple[str | None, str, float]:
    """The ``…_target`` id of what ``s`` would be, or none when the catalogue has no target for it."""
    found, how, score = _resolve(_candidates(s, unit, band, key), context, wider)
    if found is None:
        return None, "none", float("nan")
    target = f"{found}_target"
    if any(i.id == target and unit in i.units for i in _catalogue(key)):
        return target, how, score
    return None, "none", float("nan")


def _resolve(candidates, context: str, wider: str) -> tuple[str | None, str, float]:
    """The first candidate whose context the clause (else the sentence) matches, else the first without one."""
    for text in (context or "", wider):
        for ind, how, score in candidates:
            if ind.context is not None and ind.context.search(text):
                return ind.id, "context" if how == "exact" else how, score
        if not wider:
            break
    for ind, how, score in candidates:
        if ind.context is None:
            return ind.id, how, score
    return None, "none", float("nan")


def key_of(label: str, unit: str) -> str:
    """A stable key for a statistic the catalogue lacks, from its subject and unit, so the
    same uncatalogued statistic of a township pairs across its years.

    >>> key_of("全年开展“四议两公开”议事", "次")
    'unlisted:四议两公开议事/次'
    """
    return f"unlisted:{subject(label if isinstance(label, str) else '')}/{unit}"


def assign_indicators(facts: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``facts`` with ``indicator`` (and how it was matched) filled where it is missing."""
    out = facts.copy()
    missing = out["indicator"].isna()
    band = out["band_low"].notna() | out["band_high"].notna()
    found = [
        match_indicator(label, unit, quote, band=b, detail=True)
        for label, unit, quote, b in zip(
            out.loc[missing, "label"], out.loc[missing, "unit"], out.loc[missing, "quote"], band[missing]
        )
    ]
    if found:
        ids, hows, scores = zip(*found)
        out.loc[missing, "indicator"] = list(ids)
        if "indicator_match" in out:
            out.loc[missing, "indicator_match"] = list(hows)
            out.loc[missing, "indicator_score"] = list(scores)
    return out


def additive_ids() -> set[str]:
    """Indicators whose facts in one year add up rather than restate one value."""
    return {i.id for i in catalogue() if i.adds_up}


def known_ids() -> list[str]:
    """Every indicator id, in catalogue order."""
    return [i.id for i in catalogue()]
