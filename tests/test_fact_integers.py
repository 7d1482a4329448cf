"""The integer columns of the facts table (year, start, end) hold what the rows give, NA included.

The rows here are made up.
"""

import pandas as pd
import pytest

from lxw_analysis.facts import as_facts, fact_row


def _table(**values):
    return as_facts([fact_row(label="学习", value=17.0, unit="次", qualifier="exact", **values)])


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        pytest.param(2024, 2024, id="madeup_int"),
        pytest.param(None, pd.NA, id="madeup_none"),
        pytest.param(pd.NA, pd.NA, id="madeup_na"),
        pytest.param(True, 1, id="madeup_bool_as_pandas_reads_it"),
    ],
)
def test_year_column_is_int64_with_na(year, expected):
    table = _table(year=year, start=5, end=8)
    assert table["year"].dtype == "Int64"
    assert table["year"].iloc[0] is pd.NA if expected is pd.NA else table["year"].iloc[0] == expected


def test_offsets_of_many_rows_are_int64():
    rows = [fact_row(label="学习", value=float(i), start=i, end=i + 3) for i in range(5)]
    table = as_facts(rows)
    assert table["start"].dtype == "Int64" and table["start"].tolist() == [0, 1, 2, 3, 4]
    assert table["end"].tolist() == [3, 4, 5, 6, 7]
