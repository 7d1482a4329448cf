"""Extraction throughput on a generated corpus, against a plain-regex baseline in the same run.

    python benchmarks/bench_extract.py [--reports 1000] [--seed 7]

The corpus is generated (made up): each report is the real 2024 Laxiwa report's sentences
shuffled, with every Arabic number replaced by a random one, plus generated sentences in other
styles (full-width digits, Chinese numerals, 人次, 亿元, ranges, brackets). It measures speed
only; what is right is checked by the tests.
"""

from __future__ import annotations

import argparse
import random
import re
import time
import tracemalloc
from pathlib import Path

from lxw_analysis import extract_facts, read_text
from lxw_analysis.extract import iter_facts
from lxw_analysis.facts import as_facts
from lxw_analysis.numbers import to_halfwidth

ROOT = Path(__file__).resolve().parent.parent
SEED_REPORT = ROOT / "data" / "raw" / "laxiwa" / "2024.txt"

MADEUP_TEMPLATES = [
    "全年召开党委中心组学习会{cn}次，组织党员干部集中培训{fw}人次。",
    "争取各类项目资金{d}.{d1}亿元，其中在上庄村投资{n},{n3}万元建设蔬菜大棚{n}座。",
    "村集体经济收入5万元以下的村{n}个、5万至10万元的村{n}个、10万元以上的村{n}个。",
    "培训农民{n}-{n2}人次，投入资金{n}~{n2}万元，新建温室{n}至{n2}座。",
    "贫困发生率降至{n}%以下，超过{n}%的耕地实现机械化，农民人均可支配收入同比增长百分之{cn}。",
    "坚持“三治融合”，落实中央八项规定精神，严格执行“第一议题”制度，周五集中学习。",
    "二、抓民生保障\n发放临时救助金万余元，惠及群众{n}.{d1}万人次，新增就业岗位不少于{n}个。",
]

BASELINE = re.compile(r"\d+(?:\.\d+)?(?:万|亿)?(?:元|人次|人|名|位|次|个|期|项|起|盏|处|户|亩|场|座|条|%)")


def generate(n_reports: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    sentences = re.split(r"(?<=[。;])", read_text(SEED_REPORT))
    cn = ["三", "十七", "二十", "一百二十一", "两", "三十五"]

    def fill(template: str) -> str:
        return template.format(
            n=rng.randint(1, 999), n2=rng.randint(1000, 2000), n3=f"{rng.randint(0, 999):03d}",
            d=rng.randint(1, 9), d1=rng.randint(0, 9), cn=rng.choice(cn),
            fw=to_halfwidth(str(rng.randint(1, 5000))).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"}),
        )

    reports = []
    for _ in range(n_reports):
        body = [re.sub(r"\d+", lambda m: str(rng.randint(1, 500)), s) for s in rng.sample(sentences, len(sentences))]
        body += [fill(rng.choice(MADEUP_TEMPLATES)) for _ in range(8)]
        reports.append("".join(body))
    return reports


def timed(fn, corpus):
    start = time.perf_counter()
    found = sum(fn(doc) for doc in corpus)
    return time.perf_counter() - start, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    corpus = generate(args.reports, args.seed)
    chars = sum(map(len, corpus))
    extract_facts(corpus[0])  # build the pattern and load the tables before timing

    start = time.perf_counter()
    bulk = len(as_facts(row for doc in corpus for row in iter_facts(doc)))
    ours = time.perf_counter() - start
    per_doc, n_per_doc = timed(lambda doc: len(extract_facts(doc)), corpus)
    base, n_base = timed(lambda doc: sum(1 for _ in BASELINE.finditer(doc)), corpus)
    tracemalloc.start()
    extract_facts(max(corpus, key=len))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    print(f"corpus: {args.reports:,} generated reports, {chars:,} characters (seed {args.seed})")
    print(f"{'':24}{'seconds':>10}{'chars/s':>14}{'rows':>10}")
    print(f"{'lxw, one table':24}{ours:10.2f}{chars / ours:14,.0f}{bulk:10,}")
    print(f"{'lxw, a table per report':24}{per_doc:10.2f}{chars / per_doc:14,.0f}{n_per_doc:10,}")
    print(f"{'baseline plain regex':24}{base:10.2f}{chars / base:14,.0f}{n_base:10,}")
    print(f"time ratio lxw / baseline: {ours / base:.1f}x; per 1,000 reports: {ours / args.reports * 1000:.2f} s")
    print(f"peak traced memory extracting one report: {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
