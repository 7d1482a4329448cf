"""The facts table as the library builds it from rows."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import LAXIWA_2024
from lxw_analysis import facts
from lxw_analysis.extract import iter_facts
from lxw_analysis.facts import FACT_COLUMNS, FACT_DTYPES, ROW_COLUMNS, as_facts
from lxw_analysis.text import read_text


@pytest.fixture(scope="module")
def rows():
    return list(iter_facts(read_text(LAXIWA_2024), source="raw/laxiwa/2024.txt"))


@pytest.mark.parametrize("chunk", [1, 7, 39, 1000])
def test_a_table_built_in_chunks_equals_one_built_at_once(rows, chunk, monkeypatch):
    whole = as_facts(rows)
    monkeypatch.setattr(facts, "CHUNK_ROWS", chunk)
    pd.testing.assert_frame_equal(as_facts(iter(rows)), whole)


def test_rows_may_come_from_a_generator(rows):
    table = as_facts(row for row in rows)
    assert len(table) == len(rows) == 39
    assert table.loc[0, "text"] == rows[0][ROW_COLUMNS.index("text")]


def test_no_rows_give_an_empty_table_with_the_contract_columns():
    table = as_facts(iter([]))
    assert table.empty and list(table.columns) == FACT_COLUMNS
    assert {name: str(dtype) for name, dtype in table.dtypes.items()} == FACT_DTYPES


# --- fact_id ---------------------------------------------------------------------------------


def test_every_fact_has_an_id_of_its_own(rows):
    table = as_facts(rows)
    assert table.columns[0] == "fact_id" and table["fact_id"].notna().all() and table["fact_id"].is_unique


def test_a_rebuild_of_an_unchanged_file_gives_the_same_ids(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    def ids():
        out = tmp_path / "facts.parquet"
        done = subprocess.run([sys.executable, "-m", "lxw_analysis", "extract", LAXIWA_2024, "-o", out], capture_output=True, cwd=ROOT)
        assert done.returncode == 0, done.stderr
        return pd.read_parquet(out)["fact_id"].tolist()

    assert ids() == ids()  # two processes, two hash seeds


def test_a_sentence_added_at_the_end_leaves_the_earlier_facts_their_ids():
    text = read_text(LAXIWA_2024)
    before = facts.fact_ids(as_facts(iter_facts(text, source="raw/laxiwa/2024.txt")))
    after = facts.fact_ids(as_facts(iter_facts(text + "\n另开展志愿服务12次。", source="raw/laxiwa/2024.txt")))
    assert after.tolist()[: len(before)] == before.tolist() and len(after) == len(before) + 1


def test_a_repeated_fact_gets_a_numbered_id():
    row = facts.fact_row(township="某某镇", year=2024, label="学习", value=17.0, unit="次", qualifier="exact", source="a.txt")
    ids = as_facts([row, row, row])["fact_id"].tolist()
    assert ids[1] == f"{ids[0]}-2" and ids[2] == f"{ids[0]}-3"


def test_facts_written_before_ids_get_them_when_loaded(tmp_path, rows):
    table = as_facts(rows)
    table.drop(columns="fact_id").to_parquet(tmp_path / "facts.parquet")
    assert facts.load_facts(tmp_path / "facts.parquet")["fact_id"].tolist() == table["fact_id"].tolist()


def test_findings_name_their_facts_by_id_in_any_selection():
    from lxw_analysis import extract_facts, validate
    from lxw_analysis.overview import findings_table

    both = pd.concat(
        [extract_facts("党员轮训率120%。", year=2024, township="新寨乡", source="raw/a/2024.txt"),
         extract_facts("党员轮训率130%。", year=2024, township="云岭乡", source="raw/b/2024.txt")],
        ignore_index=True,
    )  # fmt: skip
    found = validate(both)
    found = found[found["rule"] == "rate_over_100"]
    one = both[both["township"] == "云岭乡"].reset_index(drop=True)
    mine = found[found["township"] == "云岭乡"]
    assert mine["facts"].tolist() == one["fact_id"].tolist()
    assert findings_table(mine, one)["quote"].tolist() == ["党员轮训率130%"]  # found by id, not by position


_MISSING = st.sampled_from([None, pd.NA, float("nan")])


@given(st.lists(st.fixed_dictionaries({
    "source": st.one_of(st.text(max_size=5), _MISSING),
    "start": st.one_of(st.integers(0, 10**6), _MISSING),
    "label": st.one_of(st.text(max_size=5), _MISSING),
    "value": st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.integers(-10**6, 10**6), _MISSING),
    "unit": st.sampled_from(["人", "次", "元", "", None]),
}), max_size=12))
@settings(max_examples=80, deadline=None)
def test_the_ids_rows_are_given_are_the_ids_their_table_hashes_to(values):
    """as_facts hashes the row tuples; fact_ids hashes a table: a table read back from a file
    (its NA held as pandas holds them) must get the ids its rows were given."""
    table = as_facts([facts.fact_row(**v) for v in values])
    assert table["fact_id"].tolist() == facts.fact_ids(table).tolist()
    assert table["fact_id"].is_unique
