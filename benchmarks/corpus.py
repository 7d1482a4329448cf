"""A generated (made-up) corpus of township reports that records every statistic it plants.

Each report is built from two kinds of sentences:

- the real 2024 Laxiwa report's sentences: its title and opening sentence first, the others
  shuffled. Every statistic in them (the rows of ``tests/golden/laxiwa_2024.json``) gets a
  random number, and its expected value follows from the golden row: 150万元 written as N万元
  is N × 10,000 元, the count of 10万至20万的村3个 is the village count. Numbers that are not
  statistics (2024年, G310国道, 二十届) are kept as written;
- made-up sentences in other styles, inserted at random places: full-width digits, Chinese
  numerals, 人次, 亿元, thousands separators, ranges, brackets, 余/约/左右/不少于, money
  without 元, spaces around numbers, traditional characters, and numerals that count nothing
  (quoted names, ordinals, weekdays, road codes).

``generate(n, seed)`` is deterministic: the same seed gives the same reports and the same
planted statistics. A planted statistic is ``(start, end, value, unit)``: the characters it
covers in the report's text, and its value and unit as the facts table normalizes them (money
in 元, 名/位 as 人, percentages 0-100, the lower end of a range, the count of a bracket).
None of the reports, and none of their numbers, are real.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cn2an

from lxw_analysis import read_text

ROOT = Path(__file__).resolve().parent.parent
SEED_REPORT = ROOT / "data" / "raw" / "laxiwa" / "2024.txt"
GOLDEN = ROOT / "tests" / "golden" / "laxiwa_2024.json"

#: Made-up sentences placed in each report, besides the real report's sentences.
MADEUP_PER_REPORT = 8


@dataclass
class Report:
    text: str
    planted: list[tuple[int, int, float, str]]  # (start, end, value, unit), in text order


# -- the real report's sentences, as templates -------------------------------------------


@dataclass(frozen=True)
class _Slot:
    """A statistic of the real report whose number is replaced: text[:a] + N + text[b:]."""

    head: str
    tail: str
    factor: float  # value = N × factor
    unit: str
    percent: bool


@lru_cache(maxsize=1)
def real_sentences() -> tuple[tuple, ...]:
    """The real report's sentences, each a tuple of literal strings and ``_Slot``s."""
    text = read_text(SEED_REPORT)
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))["facts"]
    slots, pos = [], 0
    for fact in golden:  # the golden rows are in the order the report states them
        m = re.compile(rf"(?<![\d.])(?<!\d,){re.escape(fact['text'])}").search(text, pos)
        if m is None:
            raise RuntimeError(f"{GOLDEN.name}: {fact['text']!r} not found in {SEED_REPORT.name} after offset {pos}")
        numbers = list(re.finditer(r"\d+(?:\.\d+)?", fact["text"]))
        number = numbers[-1] if "band_low" in fact else numbers[0]  # a bracket's count is its last number
        slot = _Slot(
            head=fact["text"][: number.start()],
            tail=fact["text"][number.end() :],
            factor=fact["value"] / float(number.group()),
            unit=fact["unit"],
            percent=fact["unit"] == "%",
        )
        slots.append((m.start(), m.end(), slot))
        pos = m.end()

    ends = [m.end() for m in re.finditer(r"[。;；]", text)]
    if not ends or ends[-1] != len(text):
        ends.append(len(text))
    sentences, start, k = [], 0, 0
    for end in ends:
        pieces, cursor = [], start
        while k < len(slots) and slots[k][0] < end:
            s0, s1, slot = slots[k]
            pieces += [text[cursor:s0], slot]
            cursor, k = s1, k + 1
        pieces.append(text[cursor:end])
        sentences.append(tuple(p for p in pieces if p != ""))
        start = end
    return tuple(s for s in sentences if s)


def _fill_real(sentence: tuple, rng: random.Random) -> list:
    pieces = []
    for p in sentence:
        if isinstance(p, str):
            pieces.append(p)
        else:
            n = rng.randint(1, 100) if p.percent else rng.randint(1, 500)
            pieces.append((f"{p.head}{n}{p.tail}", n * p.factor, p.unit))
    return pieces


# -- made-up sentences -------------------------------------------------------------------

_FULLWIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


def cn(n: int) -> str:
    """A whole number in Chinese numerals: 121 → 一百二十一."""
    return cn2an.an2cn(n)


def cn_count(n: int) -> str:
    """A count in Chinese numerals, as written before a measure word: 2 → 两 (两次), 15 → 十五."""
    return "两" if n == 2 else cn(n)


def fw(n) -> str:
    """A number in full-width digits: 17 → １７."""
    return str(n).translate(_FULLWIDTH)


def dec(r: random.Random, lo: int, hi: int) -> str:
    """A number with one decimal: 3.5."""
    return f"{r.randint(lo, hi)}.{r.randint(1, 9)}"


def _party(r):
    a, b = r.randint(2, 30), r.randint(100, 5000)
    return ["全年召开党委中心组学习会", (f"{cn_count(a)}次", a, "次"), "，组织党员干部集中培训", (f"{fw(b)}人次", b, "人次"), "。"]


def _funds(r):
    x, a, b, c = dec(r, 1, 9), r.randint(1, 99), r.randint(0, 999), r.randint(2, 60)
    return [
        "争取各类项目资金",
        (f"{x}亿元", float(x) * 1e8, "元"),
        "，其中在上庄村投资",
        (f"{a},{b:03d}万元", (a * 1000 + b) * 1e4, "元"),
        "建设蔬菜大棚",
        (f"{c}座", c, "座"),
        "。",
    ]


def _brackets(r):
    a, b, c = r.randint(1, 9), r.randint(1, 9), r.randint(1, 9)
    return [
        "村集体经济收入",
        (f"5万元以下的村{a}个", a, "个"),
        "、",
        (f"5万至10万元的村{b}个", b, "个"),
        "、",
        (f"10万元以上的村{c}个", c, "个"),
        "。",
    ]


def _ranges(r):
    a, b, c = r.randint(1, 999), r.randint(1, 999), r.randint(1, 99)
    a2, b2, c2 = a + r.randint(1, 999), b + r.randint(1, 999), c + r.randint(1, 99)
    return [
        "培训农民",
        (f"{a}-{a2}人次", a, "人次"),
        "，投入资金",
        (f"{b}~{b2}万元", b * 1e4, "元"),
        "，新建温室",
        (f"{c}至{c2}座", c, "座"),
        "。",
    ]


def _rates(r):
    a, b, c = r.randint(1, 9), r.randint(50, 99), r.randint(2, 30)
    return [
        "贫困发生率降至",
        (f"{a}%以下", a, "%"),
        "，",
        (f"超过{b}%", b, "%"),
        "的耕地实现机械化，农民人均可支配收入同比增长",
        (f"百分之{cn(c)}", c, "%"),
        "。",
    ]


def _not_statistics(r):
    return [f"坚持“三治融合”，落实中央八项规定精神，严格执行“第一议题”制度，周五集中学习，推行“{r.randint(2, 9)}个1”工作法，沿G310国道建设第{r.randint(2, 9)}期示范带。"]


def _relief(r):
    x, a = dec(r, 1, 9), r.randint(20, 500)
    return [
        "二、抓民生保障\n发放临时救助金",
        ("万余元", 1e4, "元"),
        "，惠及群众",
        (f"{x}万人次", float(x) * 1e4, "人次"),
        "，新增就业岗位",
        (f"不少于{a}个", a, "个"),
        "。",
    ]


def _households(r):
    a, b, c, d = r.randint(1000, 9999), r.randint(3000, 30000), r.randint(10, 900), r.randint(1, 90)
    return [
        "全镇共有农户",
        (f"{a:,}户", a, "户"),
        "、常住人口",
        (f"{b:,}人", b, "人"),
        "，其中脱贫户",
        (f"{c}户", c, "户"),
        "、监测户",
        (f"{d}户", d, "户"),
        "。",
    ]


def _land(r):
    a, x, b = r.randint(10, 5000), dec(r, 1, 99), r.randint(1000, 99999)
    return [
        "完成植树造林",
        (f"{a}亩", a, "亩"),
        "，新修道路",
        (f"{x}公里", float(x), "公里"),
        "，硬化巷道",
        (f"{b:,}平方米", b, "平方米"),
        "。",
    ]


def _income(r):
    a, b, x = r.randint(10, 900), r.randint(8000, 30000), dec(r, 1, 20)
    return [
        "村集体经济总收入",
        (f"约{a}万元", a * 1e4, "元"),
        "，人均可支配收入",
        (f"{b:,}元左右", b, "元"),
        "，同比增长",
        (f"{x}%", float(x), "%"),
        "。",
    ]


def _petitions(r):
    a, b, c, d = r.randint(2, 12), r.randint(10, 900), r.randint(1, 60), r.randint(10, 900)
    return [
        "召开村民代表大会",
        (f"{cn_count(a)}次", a, "次"),
        "，走访群众",
        (f"{b}余户", b, "户"),
        "，化解信访积案",
        (f"{c}件", c, "件"),
        "，接待来访群众",
        (f"{d}余人次", d, "人次"),
        "。",
    ]


def _traditional(r):
    a, b, c = r.randint(2, 20), r.randint(10, 500), r.randint(1, 300)
    return [
        "全鎮共舉辦培訓班",
        (f"{a}期", a, "期"),
        "，培訓黨員",
        (f"{b}名", b, "人"),
        "，發放補貼資金",
        (f"{c}萬元", c * 1e4, "元"),
        "。",
    ]


def _spaced(r):
    a, b, c = r.randint(100, 9000), r.randint(10, 900), r.randint(1, 9)
    return [
        "全年完成固定资产投资",
        (f" {a} 万元", a * 1e4, "元"),
        "，争取上级资金",
        (f"{b}万", b * 1e4, "元"),
        "，新建村级综合服务中心",
        (f"{c}处", c, "处"),
        "。",
    ]


MADEUP = [
    _party, _funds, _brackets, _ranges, _rates, _not_statistics, _relief,
    _households, _land, _income, _petitions, _traditional, _spaced,
]  # fmt: skip


# -- reports ------------------------------------------------------------------------------


def generate(n_reports: int, seed: int, *, record: bool = True) -> list[Report]:
    """``n_reports`` made-up reports; ``record=False`` leaves ``planted`` empty (saves memory)."""
    rng = random.Random(seed)
    opening, *rest = real_sentences()
    reports = []
    for _ in range(n_reports):
        body = [_fill_real(s, rng) for s in rng.sample(rest, len(rest))]
        for _ in range(MADEUP_PER_REPORT):
            body.insert(rng.randint(0, len(body)), rng.choice(MADEUP)(rng))
        parts, planted, pos = [], [], 0
        for piece in [p for s in [_fill_real(opening, rng), *body] for p in s]:
            if isinstance(piece, str):
                parts.append(piece)
                pos += len(piece)
            else:
                written, value, unit = piece
                if record:
                    planted.append((pos, pos + len(written), float(value), unit))
                parts.append(written)
                pos += len(written)
        reports.append(Report("".join(parts), planted))
    return reports
