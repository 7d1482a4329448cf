"""Many texts into one facts table (``extract_texts``), and the benchmark corpus read as before.

``tests/golden/madeup_bench_corpus_facts.parquet`` holds the facts of the first reports of the
benchmark's generated (made-up) corpus, as the extractor read them before its tables were
built a faster way; the test below holds every later change to the same rows. When the
extractor is meant to read differently, write the file anew and review the difference:

    python tests/test_batch_extraction.py --write
"""

import importlib.util
import sys

import pandas as pd
import pytest

from conftest import ROOT
from lxw_analysis import FACT_COLUMNS, extract_facts, extract_texts, load_facts
from lxw_analysis.facts import fact_ids

COMPARISON = ROOT / "tests" / "golden" / "madeup_bench_corpus_facts.parquet"
REPORTS, SEED = 60, 7


def _bench_texts() -> list[tuple[str, str]]:
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "benchmarks" / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus", corpus)
    spec.loader.exec_module(corpus)
    return [(f"madeup_report_{i:03d}", r.text) for i, r in enumerate(corpus.generate(REPORTS, SEED, record=False))]


TEXTS = [
    ("a.txt", "2024年,某某镇开展党委理论学习17次,交流发言50余人。"),
    ("b.txt", "2023年,某某乡培训村干部40人次,其中10万至20万元的村3个。"),
    ("c.txt", "无数字的一段话。"),
    ("d.txt", "2024年,某某镇开展党委理论学习17次,交流发言50余人。"),  # the same words as a.txt
]


def test_extract_texts_gives_what_extract_facts_gives_for_each_text_in_order():
    one_by_one = pd.concat([extract_facts(t, source=s) for s, t in TEXTS], ignore_index=True)
    pd.testing.assert_frame_equal(extract_texts(TEXTS), one_by_one)


def test_extract_texts_reads_a_generator_and_numbers_plain_texts_by_position():
    df = extract_texts(t for _, t in TEXTS)
    assert df["source"].drop_duplicates().tolist() == ["0", "1", "3"]
    assert list(df.columns) == FACT_COLUMNS


def test_extract_texts_applies_a_given_year_and_township_to_every_text():
    df = extract_texts(TEXTS, year=2020, township="新寨乡")
    assert set(df["year"]) == {2020} and set(df["township"]) == {"新寨乡"}


def test_extract_texts_of_nothing_is_an_empty_facts_table():
    df = extract_texts([])
    assert df.empty and list(df.columns) == FACT_COLUMNS


@pytest.mark.parametrize("item", [b"bytes", 12, ("a.txt", None)], ids=["bytes", "int", "pair-without-text"])
def test_extract_texts_names_the_item_that_is_not_a_text(item):
    with pytest.raises((TypeError, ValueError), match="item 1"):
        extract_texts(["开展学习3次", item])


def test_the_same_words_in_two_sources_get_ids_of_their_own():
    df = extract_texts(TEXTS)
    assert df["fact_id"].is_unique
    a, d = df[df["source"] == "a.txt"], df[df["source"] == "d.txt"]
    assert a["value"].tolist() == d["value"].tolist() and not set(a["fact_id"]) & set(d["fact_id"])


def test_fact_ids_of_a_table_read_back_from_csv_are_those_it_was_written_with(tmp_path):
    df = extract_texts(TEXTS)
    df.drop(columns="fact_id").to_csv(tmp_path / "facts.csv", index=False)
    assert fact_ids(load_facts(tmp_path / "facts.csv")).tolist() == df["fact_id"].tolist()


@pytest.fixture(scope="module")
def bench_facts():
    return extract_texts(_bench_texts())


def test_the_benchmark_corpus_is_read_as_it_was_one_text_at_a_time_and_all_together(bench_facts):
    expected = pd.read_parquet(COMPARISON)
    assert len(bench_facts) == len(expected) > 3000
    for column in FACT_COLUMNS:  # column by column, so a failure names what changed
        pd.testing.assert_series_equal(bench_facts[column], expected[column].astype(bench_facts[column].dtype),
                                       check_names=False, obj=column)


def test_the_benchmark_corpus_one_report_at_a_time_gives_the_same_table(bench_facts):
    one_by_one = pd.concat([extract_facts(t, source=s) for s, t in _bench_texts()[:10]], ignore_index=True)
    some = bench_facts[bench_facts["source"].isin({f"madeup_report_{i:03d}" for i in range(10)})]
    pd.testing.assert_frame_equal(some.reset_index(drop=True), one_by_one)


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    extract_texts(_bench_texts()).to_parquet(COMPARISON, index=False, compression="zstd")
    print(f"wrote {COMPARISON}")
