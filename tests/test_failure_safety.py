"""A build that fails or is stopped part-way leaves the previous good outputs as they were."""

import signal
import subprocess
import sys

import pytest

from conftest import ROOT
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
    process = subprocess.Popen(BUILD + args, stderr=subprocess.PIPE, text=True, cwd=ROOT)
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


def test_a_bad_input_stops_the_build_and_keeps_the_previous_outputs(previous_build, raw_copy):
    args, out, digests, _ = previous_build
    (raw_copy / "laxiwa" / "2023.txt").write_bytes(b"")
    raw_digest = tree_digest(raw_copy)
    result = subprocess.run(BUILD + args, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert "laxiwa/2023.txt: the file is empty" in result.stderr and "Traceback" not in result.stderr
    assert_unchanged(out, digests, raw_copy, raw_digest)
