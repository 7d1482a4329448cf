"""A build that fails or is stopped part-way leaves the previous good outputs as they were."""

import errno
import os
import signal
import subprocess
import sys

import pytest

from conftest import ROOT
from lxw_analysis import load_facts
from test_build import tree_digest

BUILD = [sys.executable, "-m", "lxw_analysis", "build"]


@pytest.fixture
def previous_build(tmp_path, raw_copy):
    """A good build of the shipped data, as the outputs a later build must not damage."""
    out = {"processed": tmp_path / "processed", "reports": tmp_path / "reports"}
    args = ["--raw", str(raw_copy), "--processed", str(out["processed"]), "--reports", str(out["reports"])]
    subprocess.run(BUILD + args, check=True, capture_output=True, cwd=ROOT)
    return args, out, {name: tree_digest(path) for name, path in out.items()}, tree_digest(raw_copy)


def assert_unchanged(out, digests, raw_copy, raw_digest):
    assert {name: tree_digest(path) for name, path in out.items()} == digests
    assert tree_digest(raw_copy) == raw_digest
    assert not list(out["processed"].parent.glob(".*.building-*")), "a staging folder was left behind"


def start_and_stop_while_rendering(args, sig):
    """Start a full rebuild (--force, so notebooks run rather than come from the cache) and stop it."""
    process = subprocess.Popen(BUILD + args + ["--force"], stderr=subprocess.PIPE, text=True, cwd=ROOT)
    seen = []
    for line in process.stderr:
        seen.append(line)
        if "rendering" in line:
            process.send_signal(sig)
            break
    rest = process.communicate(timeout=120)[1]
    return process.returncode, "".join(seen) + rest


def test_ctrl_c_during_rendering_keeps_the_previous_outputs(previous_build, raw_copy):
    args, out, digests, raw_digest = previous_build
    code, stderr = start_and_stop_while_rendering(args, signal.SIGINT)
    assert code == 130 and "interrupted; earlier outputs are left as they were" in stderr
    assert "Traceback" not in stderr
    assert_unchanged(out, digests, raw_copy, raw_digest)


def test_a_killed_build_keeps_the_previous_outputs_and_the_next_build_cleans_up(previous_build, raw_copy):
    args, out, digests, raw_digest = previous_build
    code, _ = start_and_stop_while_rendering(args, signal.SIGKILL)
    assert code == -signal.SIGKILL
    assert {name: tree_digest(path) for name, path in out.items()} == digests
    assert list(out["processed"].parent.glob(".*.building-*")), "expected the killed build's staging folders"
    subprocess.run(BUILD + args, check=True, capture_output=True, cwd=ROOT)
    assert not list(out["processed"].parent.glob(".*.building-*"))


def test_when_no_raw_file_can_be_read_the_build_stops_and_keeps_the_previous_outputs(previous_build, raw_copy):
    args, out, digests, _ = previous_build
    (raw_copy / "laxiwa" / "2024.txt").write_bytes(b"")
    raw_digest = tree_digest(raw_copy)
    result = subprocess.run(BUILD + args, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert "none of its 1 file(s) could be read" in result.stderr and "the file is empty" in result.stderr
    assert "Traceback" not in result.stderr
    assert_unchanged(out, digests, raw_copy, raw_digest)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
BAD_INPUTS = {
    "empty report": ("laxiwa/2023.txt", b"", "the file is empty"),
    "image saved as a report": ("laxiwa/2023.txt", PNG, "looks like a binary file"),
    "corrupt workbook": ("laxiwa/madeup_villages.xlsx", b"PK\x03\x04garbage", "cannot be read as an Excel workbook"),
    "password-protected workbook": ("laxiwa/madeup_villages.xlsx", OLE, "password-protected"),
    "csv with ragged rows": (
        "laxiwa/madeup_villages.csv",
        "村名,2024年收入（万元）\n上庄村,12,5,9\n".encode(),
        "row 2 has 4 cells but the header (row 1) has 2",
    ),
    "year that cannot be determined": ("madeup_misc/notes.txt", "开展学习17次。".encode(), "cannot tell the year"),
    "two files for one township and year": (
        "laxiwa/madeup_copy.txt",
        "2024年,拉西瓦镇开展党委理论学习17次。".encode(),
        "are both the 2024 report of 拉西瓦镇",
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_a_bad_input_is_reported_and_everything_else_built(previous_build, raw_copy, case):
    args, out, _, _ = previous_build
    name, content, message = BAD_INPUTS[case]
    (raw_copy / name).parent.mkdir(exist_ok=True)
    (raw_copy / name).write_bytes(content)
    raw_digest = tree_digest(raw_copy)
    result = subprocess.run(BUILD + args, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1, result.stderr
    assert f"NOT READ: {raw_copy / name}" in result.stderr and message in result.stderr
    assert "1 raw file(s) not read" in result.stderr and "Traceback" not in result.stderr
    assert len(load_facts(out["processed"])) == 39, "the shipped report is still built"
    index = (out["reports"] / "index.html").read_text(encoding="utf-8")
    assert "Files not read" in index and name.split("/")[-1] in index
    assert tree_digest(raw_copy) == raw_digest


def test_a_report_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    from lxw_analysis import LxwError, read_text
    from lxw_analysis.config import MAX_REPORT_BYTES

    big = tmp_path / "madeup_huge.txt"
    with big.open("wb") as f:
        f.truncate(MAX_REPORT_BYTES + 1)
    with pytest.raises(LxwError, match="more than a report is expected to be"):
        read_text(big)


@pytest.mark.parametrize(
    "code,said",
    [
        (errno.ENOSPC, "there is no space left on the disk"),
        (errno.EACCES, "permission is denied"),
        (errno.EROFS, "the folder is on a read-only file system"),
        (errno.ENAMETOOLONG, "the path is too long"),
    ],
    ids=["disk full", "permission denied", "read-only", "path too long"],
)
def test_an_error_of_the_machine_is_one_paragraph_naming_the_path(previous_build, raw_copy, monkeypatch, capsys,
                                                                   code, said):
    import pandas as pd

    from lxw_analysis import cli

    args, out, digests, raw_digest = previous_build
    real = pd.DataFrame.to_csv

    def failing_to_csv(self, path=None, *a, **kw):
        if path is not None and "facts.csv" in str(path):
            raise OSError(code, os.strerror(code))
        return real(self, path, *a, **kw)

    monkeypatch.setattr(pd.DataFrame, "to_csv", failing_to_csv)
    assert cli.main(["build", *args, "--force"]) == 2
    message = capsys.readouterr().err.strip().splitlines()[-1]
    assert f"{out['processed'] / 'facts.csv'}: {said}" in message and "fault" not in message and "Traceback" not in message
    assert message.endswith("Earlier outputs are left as they were.")
    assert_unchanged(out, digests, raw_copy, raw_digest)


def test_a_second_build_on_the_same_folders_stops_and_names_the_first(previous_build):
    args, out, _, _ = previous_build
    first = subprocess.Popen(BUILD + args + ["--force"], stderr=subprocess.PIPE, text=True, cwd=ROOT)
    seen = []
    for line in first.stderr:
        seen.append(line)
        if "rendering" in line:
            break
    second = subprocess.run(BUILD + args, capture_output=True, text=True, cwd=ROOT, timeout=120)
    rest = first.communicate(timeout=600)[1]
    assert second.returncode == 2
    assert f"another lxw build (process {first.pid}) is writing this folder" in second.stderr
    assert first.returncode == 0, "".join(seen) + rest
    assert len(load_facts(out["processed"])) == 39 and (out["reports"] / "index.html").exists()
    after = subprocess.run(BUILD + args, capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert after.returncode == 0, "the lock is freed when the first build ends"
