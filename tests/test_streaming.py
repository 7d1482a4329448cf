"""`lxw extract -o facts.parquet|facts.csv` writes the table a part at a time as files are read:
the file is the one the whole table gives, and a failure part-way leaves no output."""

import subprocess
import sys
import warnings

import pandas as pd
import pyarrow.parquet as pq
import pytest

from conftest import LAXIWA_2024, ROOT
from lxw_analysis import cli, facts, reports
from lxw_analysis.reports import extract_files, extract_tables
from lxw_analysis.tablestream import write_tables

FIXTURES = [p for p in sorted((ROOT / "tests" / "fixtures").glob("madeup_*.txt")) if "traditional" not in p.name]
#: Made up: a report whose cells start like spreadsheet formulas (kept text in CSV).
MADEUP_FORMULAS = "2024年,某某镇=开展学习17次。\n-3%的村减少,+5户新增,@交流50余人。\n"


@pytest.fixture
def inputs(tmp_path):
    """A handful of report files: the shipped one, made-up fixtures and a made-up one of formulas."""
    formulas = tmp_path / "madeup" / "2024.txt"
    formulas.parent.mkdir()
    formulas.write_text(MADEUP_FORMULAS, encoding="utf-8")
    return [LAXIWA_2024, *FIXTURES, formulas]


@pytest.fixture
def bad(tmp_path):
    """A made-up report file that cannot be read: it is empty."""
    path = tmp_path / "madeup_empty.txt"
    path.write_bytes(b"")
    return path


def lxw(*args):
    return subprocess.run([sys.executable, "-m", "lxw_analysis", *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def leftovers(folder):
    return sorted(p.name for p in folder.glob(".*.tmp"))


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("rows", [1, 50, 10**6])
def test_streamed_parquet_equals_the_whole_table_a_bad_file_reported_in_both(tmp_path, inputs, bad, rows, jobs):
    files = [inputs[0], bad, *inputs[1:]]
    refused = {"whole": [], "streamed": []}
    whole = extract_files(files, jobs=jobs, on_error=lambda path, err: refused["whole"].append(path))
    on_error = lambda path, err: refused["streamed"].append(path)  # noqa: E731
    written = write_tables(extract_tables(files, rows=rows, jobs=jobs, on_error=on_error), tmp_path / "s.parquet")
    facts.write_parquet(whole, tmp_path / "w.parquet")
    assert refused == {"whole": [bad], "streamed": [bad]}
    assert written == len(whole) > 60
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "s.parquet"), whole)
    pd.testing.assert_frame_equal(facts.load_facts(tmp_path / "s.parquet"), facts.load_facts(tmp_path / "w.parquet"))
    streamed_schema, whole_schema = pq.read_schema(tmp_path / "s.parquet"), pq.read_schema(tmp_path / "w.parquet")
    assert streamed_schema.equals(whole_schema, check_metadata=True)  # the pandas dtypes come back alike


@pytest.mark.parametrize("rows", [1, 50, 10**6])
def test_streamed_csv_is_byte_for_byte_the_whole_tables(tmp_path, inputs, rows):
    write_tables(extract_tables(inputs, rows=rows), tmp_path / "s.csv")
    facts.write_csv(extract_files(inputs), tmp_path / "w.csv")
    assert (tmp_path / "s.csv").read_bytes() == (tmp_path / "w.csv").read_bytes()
    assert b"'=" in (tmp_path / "w.csv").read_bytes() or b"'-" in (tmp_path / "w.csv").read_bytes()


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_no_facts_write_the_empty_tables_file(tmp_path, suffix):
    quiet = tmp_path / "2024.txt"
    quiet.write_text("某某镇今年工作平稳。", encoding="utf-8")  # made up: no statistic
    write_tables(extract_tables([quiet], township="某某镇"), tmp_path / f"s{suffix}")
    getattr(facts, f"write_{suffix[1:]}")(facts.empty_facts(), tmp_path / f"w{suffix}")
    if suffix == ".csv":
        assert (tmp_path / "s.csv").read_bytes() == (tmp_path / "w.csv").read_bytes()
    else:
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "s.parquet"), pd.read_parquet(tmp_path / "w.parquet"))


def test_each_part_holds_whole_files(inputs):
    parts = list(extract_tables(inputs, rows=1))
    sources = [set(part["source"].str.split("#").str[0]) for part in parts]
    assert all(len(s) == 1 for s in sources) and len(parts) == len(inputs)


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_extract_command_streams_the_file_the_whole_table_writer_gives(tmp_path, inputs, suffix):
    out = tmp_path / f"facts{suffix}"
    result = lxw("extract", *inputs, "--jobs", "2", "-o", out)
    assert result.returncode == 0, result.stderr
    whole = extract_files(inputs, data_dir=LAXIWA_2024.parents[2])  # as the command names sources
    assert f"Wrote {len(whole)} statistics to {out}" in result.stderr
    if suffix == ".csv":
        facts.write_csv(whole, tmp_path / "whole.csv")
        assert out.read_bytes() == (tmp_path / "whole.csv").read_bytes()
    else:
        pd.testing.assert_frame_equal(pd.read_parquet(out), whole)


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_a_bad_file_stops_the_command_and_leaves_the_earlier_output(tmp_path, inputs, bad, suffix):
    out = tmp_path / f"facts{suffix}"
    out.write_bytes(b"earlier")
    result = lxw("extract", inputs[0], inputs[1], bad, *inputs[2:], "--jobs", "2", "-o", out)
    assert result.returncode == 2
    assert f"{bad}: the file is empty" in result.stderr and "Traceback" not in result.stderr
    assert out.read_bytes() == b"earlier" and leftovers(tmp_path) == []


@pytest.mark.parametrize("error,code", [(RuntimeError("madeup writer fault"), 1), (KeyboardInterrupt(), 130)])
@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_a_failure_part_way_leaves_no_partial_output(tmp_path, monkeypatch, inputs, suffix, error, code):
    out = tmp_path / "out" / f"facts{suffix}"
    out.parent.mkdir()
    out.write_bytes(b"earlier")
    seen_partial = []

    def failing(paths, **options):
        parts = extract_tables(paths, **{**options, "rows": 1})
        yield next(parts)
        yield next(parts)  # the first part is in the temporary file by now
        seen_partial.extend(p.stat().st_size for p in out.parent.glob(".*.tmp"))
        raise error

    monkeypatch.setattr(reports, "extract_tables", failing)
    monkeypatch.setattr(warnings, "showwarning", warnings.showwarning)  # main sets its own
    assert cli.main(["extract", *map(str, inputs), "--jobs", "1", "-o", str(out)]) == code
    assert seen_partial and min(seen_partial) > 0 and out.read_bytes() == b"earlier" and leftovers(out.parent) == []
