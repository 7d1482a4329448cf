"""Whole reports against rows written down by reading them (tests/golden/).

The real 2024 Laxiwa report, and made-up passages in other townships' styles
(tests/fixtures/madeup_*.txt): numbered headings, full-width text, 人次, 亿元, ranges,
qualifiers, Chinese numerals and traditional characters.
"""

import json
import math
from collections import Counter

import pandas as pd
import pytest

from conftest import ROOT
from lxw_analysis import extract_facts, read_text

GOLDEN_DIR = ROOT / "tests" / "golden"
LAXIWA = json.loads((GOLDEN_DIR / "laxiwa_2024.json").read_text(encoding="utf-8"))
PASSAGES = json.loads((GOLDEN_DIR / "madeup_passages.json").read_text(encoding="utf-8"))["passages"]

DOCUMENTS = {LAXIWA["file"]: LAXIWA} | {f"tests/fixtures/{name}": spec for name, spec in PASSAGES.items()}
CHECKED = ("value", "upper", "unit", "qualifier", "section", "band_low", "band_high", "label", "indicator")


def _keyed(rows):
    """(text, n-th time this text occurs) for each row, so repeated expressions stay apart."""
    seen = Counter()
    keyed = {}
    for row in rows:
        seen[row["text"]] += 1
        keyed[(row["text"], seen[row["text"]])] = row
    return keyed


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


@pytest.fixture(scope="module")
def extracted():
    cache = {}

    def get(path):
        if path not in cache:
            text = read_text(ROOT / path)
            cache[path] = text, extract_facts(text, source=path)
        return cache[path]

    return get


CASES = [(path, key) for path, spec in DOCUMENTS.items() for key in _keyed(spec["facts"])]


@pytest.mark.parametrize("path,key", CASES, ids=[f"{p.split('/')[-1]}:{t}#{n}" for p, (t, n) in CASES])
def test_statistic_found_as_read(extracted, path, key):
    _, df = extracted(path)
    rows = _keyed(df.to_dict("records"))
    assert key in rows, f"{key[0]} (occurrence {key[1]}) was not extracted"
    expected, got = _keyed(DOCUMENTS[path]["facts"])[key], rows[key]
    for column in CHECKED:
        if column not in expected:
            continue
        want = expected[column]
        if _missing(want):
            assert _missing(got[column]), f"{column}: {got[column]!r}, expected missing"
        else:
            assert got[column] == want, f"{column}: {got[column]!r} != {want!r}"
    want_village = expected.get("village")
    assert (_missing(got["village"]) if want_village is None else got["village"] == want_village), (
        f"village: {got['village']!r} != {want_village!r}"
    )


@pytest.mark.parametrize("path", DOCUMENTS)
def test_no_statistic_beyond_those_read(extracted, path):
    _, df = extracted(path)
    extra = set(_keyed(df.to_dict("records"))) - set(_keyed(DOCUMENTS[path]["facts"]))
    assert sorted(extra) == []


@pytest.mark.parametrize("path", DOCUMENTS)
def test_report_identity_from_the_text(extracted, path):
    _, df = extracted(path)
    assert set(df["township"]) == {DOCUMENTS[path]["township"]}
    assert set(df["year"]) == {DOCUMENTS[path]["year"]}


@pytest.mark.parametrize("path", DOCUMENTS)
def test_every_row_traces_back_to_its_source(extracted, path):
    text, df = extracted(path)
    for row in df.itertuples():
        assert text[row.start : row.end] == row.text
        assert row.text in row.quote and row.quote in text
        assert row.source == path


@pytest.mark.parametrize("phrase", LAXIWA["not_statistics"])
def test_non_statistic_numeral_not_extracted(extracted, phrase):
    text, df = extracted(LAXIWA["file"])
    spans = [(m, m + len(phrase)) for m in range(len(text)) if text.startswith(phrase, m)]
    assert spans, f"{phrase} is not in the report"
    for start, end in zip(df["start"], df["end"]):
        for s, e in spans:
            assert not (start < e and s < end), f"{phrase} became part of {text[start:end]}"


def test_laxiwa_income_brackets_sum_to_the_village_total(extracted):
    _, df = extracted(LAXIWA["file"])
    assert df.loc[df["band_low"].notna(), "value"].sum() == 10


def test_traditional_passage_gives_the_values_of_its_simplified_twin(extracted):
    columns = ["value", "upper", "unit", "qualifier", "band_low", "band_high", "label", "start", "end"]
    _, trad = extracted("tests/fixtures/madeup_donggou_2023_traditional.txt")
    _, simp = extracted("tests/fixtures/madeup_donggou_2023_simplified.txt")
    pd.testing.assert_frame_equal(trad[columns], simp[columns])
    assert trad["text"].tolist() != simp["text"].tolist()  # the traditional text is kept as written
