"""The facts table as the library builds it from rows."""

import pandas as pd
import pytest

from conftest import LAXIWA_2024
from lxw_analysis import facts
from lxw_analysis.extract import iter_facts
from lxw_analysis.facts import FACT_COLUMNS, FACT_DTYPES, as_facts
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
    assert table.loc[0, "text"] == rows[0][FACT_COLUMNS.index("text")]


def test_no_rows_give_an_empty_table_with_the_contract_columns():
    table = as_facts(iter([]))
    assert table.empty and list(table.columns) == FACT_COLUMNS
    assert {name: str(dtype) for name, dtype in table.dtypes.items()} == FACT_DTYPES
