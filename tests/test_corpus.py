"""The evaluation corpus (tests/corpus/): its annotations hold, the scorer scores as it should,
and every passage reads as annotated, less the misses written down in known_misses.tsv."""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from lxw_analysis import extract_facts

CORPUS = ROOT / "tests" / "corpus"
_spec = importlib.util.spec_from_file_location("evaluate", ROOT / "benchmarks" / "evaluate.py")
evaluate = importlib.util.module_from_spec(_spec)
sys.modules["evaluate"] = evaluate  # dataclasses look their module up there
_spec.loader.exec_module(evaluate)

PASSAGES = evaluate.load(CORPUS)
NAMES = [p.name for p in PASSAGES]


def test_the_corpus_has_its_size_and_sources():
    sources = evaluate.sources(CORPUS)
    assert len(PASSAGES) >= 60
    assert len({row["url"] for row in sources.values()}) >= 40
    assert set(sources) == set(NAMES), "every passage and only those are listed in SOURCES.tsv"
    reserved = {
        line.strip() for line in (ROOT.parent / "shared" / "reserved_sources.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    } if (ROOT.parent / "shared" / "reserved_sources.txt").exists() else set()
    assert not reserved & {row["url"] for row in sources.values()}
    assert {p.genre for p in PASSAGES} >= {
        "party_building", "gov_work_report", "annual_summary", "stat_bulletin", "collective_economy",
        "training", "governance", "traditional", "chinese_numerals", "table_in_text",
    }


@pytest.mark.parametrize("passage", PASSAGES, ids=NAMES)
def test_annotations_have_exact_offsets_and_cover_every_numeral(passage):
    assert evaluate.check(passage, evaluate.not_numeral_words(CORPUS)) == []


def _passage(text, records):
    return evaluate.Passage("madeup_test_01", text, evaluate.fill(text, records), "test")


def test_check_finds_a_wrong_offset_and_an_uncovered_numeral():
    text = "开展学习17次，交流发言50余人，" * 12
    records = [{"text": "17次", "value": 17, "unit": "次", "concept": "study_sessions"}]
    p = _passage(text, records)
    p.records[0]["start"] += 1
    problems = evaluate.check(p, [])
    assert any("text is" in x for x in problems) and any("is in no record" in x for x in problems)


SCORED = "全镇开展学习17次，交流发言50余人；其中10万至20万的村3个，同比增长5.2%。" * 8


def _gold():
    records = []
    for _ in range(8):
        records += [
            {"text": "17次", "value": 17, "unit": "次", "concept": "study_sessions"},
            {"text": "50余人", "value": 50, "unit": "人", "qualifier": "more_than", "concept": "speakers"},
            {"text": "10万至20万的村3个", "value": 3, "unit": "个", "band_low": 100000, "band_high": 200000,
             "concept": "collective_income_band_villages"},
            {"text": "5.2%", "value": 5.2, "unit": "%", "direction": "up", "concept": "growth"},
        ]
    return evaluate.fill(SCORED, records)


def test_a_perfect_facts_table_scores_one():
    gold = _gold()
    perfect = [dict(g, qualifier=g.get("qualifier", "exact")) for g in gold]
    s, misses, _ = evaluate.score_passage(gold, perfect)
    assert (s.recall, s.precision, misses) == (1.0, 1.0, [])


def test_a_broken_facts_table_scores_its_faults():
    gold = _gold()
    facts = [dict(g, qualifier=g.get("qualifier", "exact")) for g in gold]
    facts[0]["value"] = 18  # a misread value
    del facts[1]  # a missed statistic
    facts.append({"text": "20万", "start": 20, "end": 23, "value": 200000, "unit": "元", "qualifier": "exact"})
    s, misses, _ = evaluate.score_passage(gold, facts)
    assert (s.gold, s.facts, s.read) == (32, 32, 30)
    assert s.fields["value"] == 30 and s.fields["unit"] == 31
    assert sum(m.startswith("misread") for m in misses) == 1
    assert sum(m.startswith("missed") for m in misses) == 1 and sum(m.startswith("extra") for m in misses) == 1


def test_indicator_scores_count_pairs_across_passages():
    gold = {"concept": "gdp"}
    pairs = [("a", gold, {"indicator": "gdp"}), ("b", gold, {"indicator": "gdp"}), ("c", gold, {"indicator": None}),
             ("d", {"concept": "tax"}, {"indicator": "gdp"})]
    scores = evaluate.indicator_scores(pairs, 4)
    assert scores["coverage"] == 0.75
    assert scores["pair_recall"] == 1 / 3  # a–b of a–b, a–c, b–c
    assert scores["pair_precision"] == 1 / 3  # a–b of a–b, a–d, b–d


def test_fullwidth_punctuation_keeps_offsets_and_numbers():
    text = "投资1,500.5万元,增长3.2%.(全年)"
    assert len(evaluate.fullwidth_punctuation(text)) == len(text)
    assert evaluate.fullwidth_punctuation(text) == "投资1,500.5万元，增长3.2％。（全年）"


KNOWN: dict[str, list[str]] = {}
for (_name, _miss), _why in evaluate.known_misses(CORPUS).items():
    KNOWN.setdefault(_name, []).append(_miss)


def test_every_known_miss_says_why():
    assert all(why.strip() for why in evaluate.known_misses(CORPUS).values())


@pytest.mark.parametrize("passage", PASSAGES, ids=NAMES)
def test_passage_reads_as_annotated_but_for_its_known_misses(passage):
    facts = evaluate.facts_of(passage.text)
    _, misses, _ = evaluate.score_passage(passage.statistics, facts)
    expected = KNOWN.get(passage.name, [])
    assert [m for m in misses if m not in expected] == [], "new misses (fix, or write them in known_misses.tsv)"
    assert [m for m in expected if m not in misses] == [], "fixed: remove these from known_misses.tsv"


@pytest.mark.parametrize("passage", PASSAGES, ids=NAMES)
def test_every_fact_is_its_source_slice_as_written_and_full_width(passage):
    for text in (passage.text, evaluate.fullwidth_punctuation(passage.text)):
        df = extract_facts(text)
        assert all(text[s:e] == t for s, e, t in zip(df["start"], df["end"], df["text"]))


CORPUS_TEXT = "".join(p.text for p in PASSAGES)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(CORPUS_TEXT)), st.integers(0, 400), st.text(max_size=20))
def test_extraction_never_raises_on_pieces_of_the_corpus(at, length, noise):
    text = CORPUS_TEXT[at : at + length] + noise + CORPUS_TEXT[max(0, at - length) : at]
    df = extract_facts(text)
    assert all(text[s:e] == t for s, e, t in zip(df["start"], df["end"], df["text"]))


def test_make_eval_prints_the_scores():
    result = subprocess.run(
        ["make", "-s", "eval", "INSTALL=", f"BIN={Path(sys.executable).parent}", "EVAL_ARGS=--misses 3"],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    for variant in evaluate.VARIANTS:
        assert re.search(rf"== {variant}: \d+ statistics", result.stdout)
    assert re.search(r"^recall \d\.\d{3}  precision \d\.\d{3}", result.stdout, re.M)
    assert re.search(r"indicators: coverage \d\.\d{3}", result.stdout)
