"""Extraction measured against the made-up evaluation corpus (tests/corpus/).

    python benchmarks/evaluate.py [--corpus DIR] [--misses N]   # score the extractor (make eval)
    python benchmarks/evaluate.py check [--corpus DIR]          # check the annotations
    python benchmarks/evaluate.py fill FILE.json…               # write missing offsets
    python benchmarks/evaluate.py ids [--all]                   # statistics without an id or
                                                                # sharing one across concepts

The extractor runs on every passage as written and with full-width punctuation. A gold
statistic is *found* when an extracted fact overlaps its span (one fact per statistic), and
*read* when every field agrees: value, unit, qualifier, upper, band bounds and direction.
Recall is statistics read / gold statistics; precision is facts that read a statistic / facts
extracted. The same two figures are printed per genre and per field, then the misses.
The indicator scores compare the facts' ids with the annotators' own concept keys: coverage
(share of gold statistics whose fact has an id), pair recall (pairs of statistics in different
passages sharing a concept that get one id) and pair precision (pairs given one id that share
a concept); and the coverage of the statistics whose concept at least two passages measure,
the ones that can pair at all.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"

QUALIFIERS = {"exact", "more_than", "at_least", "approx", "at_most", "range"}
DIRECTIONS = {None, "up", "down"}
KINDS = {
    "year", "date", "period", "ordinal", "enumerator", "name", "slogan", "code", "idiom",
    "article", "set_phrase", "unit_only", "address", "other",
}
FIELDS = ("value", "unit", "qualifier", "upper", "band", "direction")
#: Characters that must lie inside a record (or a word of not_numerals.txt).
NUMERAL = re.compile("[0-9０-９〇零一二两兩三四五六七八九十百千]")
_CONCEPT = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass
class Passage:
    name: str
    text: str
    records: list[dict]
    genre: str = ""
    meta: dict = field(default_factory=dict)

    @property
    def split(self) -> str:
        """dev: passages the extractor's rules were tuned on; holdout: passages kept apart from that."""
        return self.meta.get("split") or "dev"

    @property
    def statistics(self) -> list[dict]:
        return [r for r in self.records if "value" in r]


# --- reading and writing the corpus ---------------------------------------------------------


def sources(corpus: Path = CORPUS) -> dict[str, dict]:
    """SOURCES.tsv as {passage file stem: row}."""
    rows = {}
    for path in sorted(corpus.glob("SOURCES*.tsv")):
        with path.open(encoding="utf-8", newline="") as f:
            rows |= {Path(row["file"]).stem: row for row in csv.DictReader(f, delimiter="\t")}
    return rows


def load(corpus: Path = CORPUS) -> list[Passage]:
    """Every annotated passage of the corpus, in name order."""
    meta = sources(corpus)
    passages = []
    for gold in sorted(corpus.glob("madeup_*.json")):
        text = gold.with_suffix(".txt").read_text(encoding="utf-8")
        records = json.loads(gold.read_text(encoding="utf-8"))["records"]
        row = meta.get(gold.stem, {})
        genre = row.get("genre") or gold.stem.removeprefix("madeup_").rsplit("_", 1)[0]
        passages.append(Passage(gold.stem, text, records, genre, row))
    return passages


def dump(records: list[dict]) -> str:
    """Annotations as JSON, one record a line (easy to read and to diff)."""
    lines = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in records)
    return '{"records": [\n' + lines + "\n]}\n"


def fill(text: str, records: list[dict]) -> list[dict]:
    """Records with ``start``/``end`` set where missing: each record's text is looked for after
    the previous record, so records must be in order of appearance."""
    out, pos = [], 0
    for r in records:
        r = dict(r)
        if "start" not in r:
            at = text.find(r["text"], pos)
            if at < 0:
                raise ValueError(f"{r['text']!r} not found after offset {pos}")
            r["start"], r["end"] = at, at + len(r["text"])
        pos = r["end"]
        ordered = {"text": r.pop("text"), "start": r.pop("start"), "end": r.pop("end")}
        out.append(ordered | r)
    return out


def known_misses(corpus: Path = CORPUS) -> dict[tuple[str, str], str]:
    """known_misses.tsv: (passage, miss as score_passage words it) → why the extractor misses it."""
    path = corpus / "known_misses.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {(r["passage"], r["miss"]): r["why"] for r in rows}


# --- checking the annotations ---------------------------------------------------------------


def not_numeral_words(corpus: Path = CORPUS) -> list[str]:
    words = []
    for path in sorted(corpus.glob("not_numerals*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            words += line.split("#", 1)[0].split()
    return sorted(set(words), key=len, reverse=True)


def check(p: Passage, words: list[str]) -> list[str]:
    """Problems with one passage's annotations (empty when all is well)."""
    problems = []
    covered = [False] * len(p.text)
    last_end = 0
    for i, r in enumerate(p.records):
        where = f"record {i} {r.get('text')!r}"
        if "start" not in r or "end" not in r:
            problems.append(f"{where}: no offsets (run `fill`)")
            continue
        if p.text[r["start"] : r["end"]] != r["text"]:
            problems.append(f"{where}: text is {p.text[r['start']:r['end']]!r} at {r['start']}:{r['end']}")
        if r["start"] < last_end:
            problems.append(f"{where}: overlaps the record before it or is out of order")
        last_end = max(last_end, r["end"])
        for j in range(r["start"], min(r["end"], len(p.text))):
            covered[j] = True
        if "value" in r:
            if not isinstance(r["value"], (int, float)) or not math.isfinite(r["value"]):
                problems.append(f"{where}: value must be a finite number")
            if not isinstance(r.get("unit"), str) or not r["unit"]:
                problems.append(f"{where}: a statistic needs a unit")
            if r.get("qualifier", "exact") not in QUALIFIERS:
                problems.append(f"{where}: qualifier {r.get('qualifier')!r} is not one of {sorted(QUALIFIERS)}")
            if (r.get("qualifier") == "range") != (r.get("upper") is not None):
                problems.append(f"{where}: a range has an upper end and only a range has one")
            if r.get("direction") not in DIRECTIONS:
                problems.append(f"{where}: direction must be up, down or absent")
            if not _CONCEPT.match(str(r.get("concept", ""))):
                problems.append(f"{where}: a statistic needs a snake_case concept")
            if "kind" in r:
                problems.append(f"{where}: a record is a statistic (value) or not (kind), not both")
        elif r.get("kind") not in KINDS:
            problems.append(f"{where}: a non-statistic needs a kind, one of {sorted(KINDS)}")
    for w in words:
        for m in re.finditer(re.escape(w), p.text):
            for j in range(*m.span()):
                covered[j] = True
    for m in NUMERAL.finditer(p.text):
        if not covered[m.start()]:
            context = p.text[max(0, m.start() - 6) : m.end() + 6].replace("\n", " ")
            problems.append(f"numeral {m.group()!r} at {m.start()} is in no record: …{context}…")
    if not 300 <= len(p.text) <= 800:
        problems.append(f"the passage is {len(p.text)} characters (300–800 expected)")
    return problems


# --- scoring --------------------------------------------------------------------------------

_FULLWIDTH_PUNCT = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。", "%": "％"}


def fullwidth_punctuation(text: str) -> str:
    """The same text with ASCII punctuation written full-width (same length, so offsets hold);
    a point or comma between digits is part of the number and stays.

    >>> fullwidth_punctuation("投资1,500.5万元,增长3.2%.")
    '投资1,500.5万元，增长3.2％。'
    """
    chars = list(text)
    for i, c in enumerate(chars):
        if c in _FULLWIDTH_PUNCT:
            between_digits = 0 < i < len(chars) - 1 and chars[i - 1].isdigit() and chars[i + 1].isdigit()
            if not (between_digits and c in ",."):
                chars[i] = _FULLWIDTH_PUNCT[c]
    return "".join(chars)


VARIANTS = {"as written": lambda t: t, "full-width punctuation": fullwidth_punctuation}


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or v is getattr(__import__("pandas"), "NA", None)


def _same_number(a, b) -> bool:
    if _missing(a) or _missing(b):
        return _missing(a) and _missing(b)
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def field_agrees(name: str, gold: dict, fact: dict) -> bool:
    """Whether one field of an extracted fact reads a gold statistic right."""
    if name == "value":
        return _same_number(gold["value"], fact["value"])
    if name == "upper":
        return _same_number(gold.get("upper"), fact.get("upper"))
    if name == "band":
        return _same_number(gold.get("band_low"), fact.get("band_low")) and _same_number(
            gold.get("band_high"), fact.get("band_high")
        )
    if name == "qualifier":
        return gold.get("qualifier", "exact") == fact.get("qualifier")
    if name == "unit":
        return gold["unit"] == fact.get("unit")
    if name == "direction":
        got = fact.get("direction")
        return gold.get("direction") == (None if _missing(got) else got)
    raise KeyError(name)


def match(gold: list[dict], facts: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs of gold statistics and facts whose spans overlap, the best first
    (the most fields agreeing, then the longest overlap)."""
    candidates = []
    for gi, g in enumerate(gold):
        for fi, f in enumerate(facts):
            overlap = min(g["end"], f["end"]) - max(g["start"], f["start"])
            if overlap > 0:
                agree = sum(field_agrees(n, g, f) for n in FIELDS)
                candidates.append((-agree, -overlap, gi, fi))
    pairs, used_g, used_f = [], set(), set()
    for _, _, gi, fi in sorted(candidates):
        if gi not in used_g and fi not in used_f:
            used_g.add(gi)
            used_f.add(fi)
            pairs.append((gold[gi], facts[fi]))
    return pairs


@dataclass
class Score:
    gold: int = 0
    facts: int = 0
    found: int = 0
    read: int = 0
    fields: Counter = field(default_factory=Counter)

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.facts += other.facts
        self.found += other.found
        self.read += other.read
        self.fields.update(other.fields)

    @staticmethod
    def _ratio(n, d):
        return n / d if d else float("nan")

    @property
    def recall(self):
        return self._ratio(self.read, self.gold)

    @property
    def precision(self):
        return self._ratio(self.read, self.facts)


def score_passage(gold: list[dict], facts: list[dict]) -> tuple[Score, list[str], list[tuple[dict, dict]]]:
    """The score of one passage's facts, the misses worded for a reader, and the pairs."""
    pairs = match(gold, facts)
    s = Score(gold=len(gold), facts=len(facts), found=len(pairs))
    misses = []
    paired_gold = {id(g) for g, _ in pairs}
    paired_facts = {id(f) for _, f in pairs}
    for g, f in pairs:
        wrong = [n for n in FIELDS if not field_agrees(n, g, f)]
        s.fields.update(n for n in FIELDS if n not in wrong)
        if not wrong:
            s.read += 1
        else:
            misses.append(f"misread {g['text']!r}: " + ", ".join(f"{n} {_show(n, f)} (gold {_show(n, g)})" for n in wrong))
    for g in gold:
        if id(g) not in paired_gold:
            misses.append(f"missed  {g['text']!r} at {g['start']}")
    for f in facts:
        if id(f) not in paired_facts:
            misses.append(f"extra   {f['text']!r} at {f['start']} ({_show('value', f)} {f.get('unit')})")
    return s, misses, pairs


def _show(name: str, r: dict) -> str:
    if name == "band":
        return f"{_fmt(r.get('band_low'))}–{_fmt(r.get('band_high'))}"
    v = r.get(name, "exact" if name == "qualifier" else None)
    return _fmt(v)


def _fmt(v) -> str:
    if _missing(v):
        return "–"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def indicator_scores(pairs: list[tuple[str, dict, dict]], n_gold: int) -> dict[str, float]:
    """Coverage, pair recall and pair precision of the facts' indicator ids against the gold
    concepts; ``pairs`` are (passage, gold statistic, fact) of one variant."""
    with_id = [(p, g["concept"], f["indicator"]) for p, g, f in pairs if not _missing(f.get("indicator"))]
    by_concept = defaultdict(list)
    by_id = defaultdict(list)
    for p, g, f in pairs:
        by_concept[g["concept"]].append((p, f.get("indicator")))
    for p, concept, ind in with_id:
        by_id[ind].append((p, concept))

    def cross_pairs(items):
        counts = Counter(p for p, _ in items)
        total = len(items) * (len(items) - 1) // 2
        return total - sum(c * (c - 1) // 2 for c in counts.values())

    concept_pairs = sum(cross_pairs(items) for items in by_concept.values())
    concept_pairs_one_id = 0
    for items in by_concept.values():
        groups = defaultdict(list)
        for p, ind in items:
            if not _missing(ind):
                groups[ind].append((p, ind))
        concept_pairs_one_id += sum(cross_pairs(g) for g in groups.values())
    id_pairs = sum(cross_pairs(items) for items in by_id.values())
    id_pairs_one_concept = 0
    for items in by_id.values():
        groups = defaultdict(list)
        for p, c in items:
            groups[c].append((p, c))
        id_pairs_one_concept += sum(cross_pairs(g) for g in groups.values())
    ratio = Score._ratio
    shared = {c for c, items in by_concept.items() if len({p for p, _ in items}) > 1}
    shared_pairs = [(p, g, f) for p, g, f in pairs if g["concept"] in shared]
    return {
        "coverage": ratio(len(with_id), n_gold),
        "shared_coverage": ratio(sum(not _missing(f.get("indicator")) for _, _, f in shared_pairs), len(shared_pairs)),
        "pair_recall": ratio(concept_pairs_one_id, concept_pairs),
        "pair_precision": ratio(id_pairs_one_concept, id_pairs),
        "concept_pairs": concept_pairs,
        "id_pairs": id_pairs,
    }


def facts_of(text: str) -> list[dict]:
    """The extractor's facts for a passage, as dicts."""
    from lxw_analysis import extract_facts

    df = extract_facts(text)
    return df.astype(object).where(df.notna(), None).to_dict("records")


def evaluate(passages: list[Passage], extract=facts_of) -> dict:
    """Scores per variant: overall, per genre, per field, the indicator scores and the misses."""
    results = {}
    for variant, transform in VARIANTS.items():
        overall, genres, splits, misses, all_pairs = Score(), defaultdict(Score), defaultdict(Score), [], []
        for p in passages:
            s, m, pairs = score_passage(p.statistics, extract(transform(p.text)))
            overall.add(s)
            genres[p.genre].add(s)
            splits[p.split].add(s)
            misses += [f"{p.name}: {line}" for line in m]
            all_pairs += [(p.name, g, f) for g, f in pairs]
        results[variant] = {
            "overall": overall,
            "genres": dict(sorted(genres.items())),
            "splits": dict(sorted(splits.items())),
            "misses": misses,
            "indicators": indicator_scores(all_pairs, overall.gold),
        }
    return results


def report(results: dict, misses: int = 40, out=sys.stdout) -> None:
    for variant, r in results.items():
        o = r["overall"]
        print(f"\n== {variant}: {o.gold} statistics, {o.facts} facts extracted", file=out)
        print(f"recall {o.recall:.3f}  precision {o.precision:.3f}  (found {o.found}, read right {o.read})", file=out)
        print("per field      recall  precision", file=out)
        for n in FIELDS:
            print(f"  {n:<12} {Score._ratio(o.fields[n], o.gold):.3f}   {Score._ratio(o.fields[n], o.facts):.3f}", file=out)
        print("per genre                 stats  recall  precision", file=out)
        for genre, s in [*r["genres"].items(), *((f"({split} split)", s) for split, s in r["splits"].items())]:
            print(f"  {genre:<24} {s.gold:>5}  {s.recall:.3f}   {s.precision:.3f}", file=out)
        ind = r["indicators"]
        print(
            f"indicators: coverage {ind['coverage']:.3f}  pair recall {ind['pair_recall']:.3f} "
            f"(of {ind['concept_pairs']})  pair precision {ind['pair_precision']:.3f} (of {ind['id_pairs']})",
            file=out,
        )
        print(
            f"  coverage of the statistics whose concept two passages or more measure: {ind['shared_coverage']:.3f}",
            file=out,
        )
        shown = r["misses"][:misses]
        print(f"misses ({len(r['misses'])}{', first ' + str(misses) if len(r['misses']) > misses else ''}):", file=out)
        for line in shown:
            print("  " + line, file=out)


def id_listing(passages: list[Passage], show_all: bool = False, out=sys.stdout) -> None:
    """The statistics (as written) without an id, grouped by their concept and then by subject,
    and the ids given to more than one concept, each concept with its statistics: what to look
    at to raise coverage and pair precision. With ``show_all``, every concept's ids."""
    from lxw_analysis.indicators import subject

    by_concept = defaultdict(list)
    for p in passages:
        _, _, pairs = score_passage(p.statistics, facts_of(p.text))
        for g, f in pairs:
            by_concept[g["concept"]].append((p.name, g, f))
    shared = {c for c, items in by_concept.items() if len({n for n, _, _ in items}) > 1}
    print("== statistics without an id, by concept (* measured in two passages or more), then subject", file=out)
    for concept, items in sorted(by_concept.items(), key=lambda kv: (kv[0] not in shared, kv[0])):
        none = [(n, g, f) for n, g, f in items if _missing(f.get("indicator"))]
        ids = Counter(f.get("indicator") for _, _, f in items if not _missing(f.get("indicator")))
        if not none and not show_all:
            continue
        mark = "*" if concept in shared else " "
        print(f"{mark} {concept}: {len(none)} of {len(items)} without id; ids {dict(ids)}", file=out)
        subjects = defaultdict(list)
        for n, g, f in none:
            subjects[(subject(f.get("label") or ""), f.get("unit"))].append(f"{n.removeprefix('madeup_')}:{g['text']}")
        for (s, unit), where in sorted(subjects.items()):
            print(f"      {s!r} [{unit}]  {' '.join(where)}", file=out)
    by_id = defaultdict(list)
    for concept, items in by_concept.items():
        for n, _g, f in items:
            if not _missing(f.get("indicator")):
                by_id[f["indicator"]].append((concept, n, f))
    print("\n== ids given to more than one concept", file=out)
    for ind, items in sorted(by_id.items()):
        concepts = Counter(c for c, _, _ in items)
        if len(concepts) < 2:
            continue
        print(f"{ind}: {dict(concepts)}", file=out)
        for c, n, f in sorted(items, key=lambda t: t[0]):
            print(f"      {c}: {f.get('label')!r} [{f.get('unit')}] {f.get('indicator_match')} "
                  f"{n.removeprefix('madeup_')}:{f.get('text')}", file=out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", nargs="?", default="score", choices=["score", "check", "fill", "misses", "ids"])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--misses", type=int, default=60, help="misses to list per variant")
    ap.add_argument("--all", action="store_true", help="ids: every concept, not only those with misses")
    args = ap.parse_args(argv)
    if args.command == "fill":
        for path in args.files:
            text = path.with_suffix(".txt").read_text(encoding="utf-8")
            records = json.loads(path.read_text(encoding="utf-8"))["records"]
            path.write_text(dump(fill(text, records)), encoding="utf-8")
        return 0
    passages = load(args.corpus)
    if args.command == "misses":  # the misses as known_misses.tsv lists them (as written), reasons kept
        known = known_misses(args.corpus)
        print("passage\tmiss\twhy")
        for p in passages:
            for line in score_passage(p.statistics, facts_of(p.text))[1]:
                print(f"{p.name}\t{line}\t{known.get((p.name, line), '')}")
        return 0
    if args.command == "ids":
        id_listing(passages, show_all=args.all)
        return 0
    if args.command == "check":
        words = not_numeral_words(args.corpus)
        bad = 0
        for p in passages:
            for problem in check(p, words):
                print(f"{p.name}: {problem}")
                bad += 1
        urls = {p.meta.get("url") for p in passages if p.meta.get("url")}
        unlisted = [p.name for p in passages if not p.meta]
        for name in unlisted:
            print(f"{name}: not listed in SOURCES.tsv")
        print(f"{len(passages)} passages, {sum(len(p.statistics) for p in passages)} statistics, "
              f"{len(urls)} source pages; {bad + len(unlisted)} problem(s)")
        return 1 if bad or unlisted else 0
    report(evaluate(passages), misses=args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
