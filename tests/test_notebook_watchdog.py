"""A notebook that hangs, dies or prints a traceback is stopped and reported; the build goes on.

The notebooks here are made up for the tests: one cell each does what goes wrong in real
builds (a kernel killed or out of memory, a cell that never ends, a chart that cannot draw).
"""

import re
import shutil
import subprocess
import sys
import threading

import nbformat

from conftest import ROOT
from lxw_analysis import LxwError, config
from lxw_analysis.notebooks import execute

#: Long enough for any healthy run here; a hang fails the test instead of blocking it.
BOUND = 300


def madeup_notebook(path, *sources, markdown="made-up notebook for a test"):
    """A notebook of a markdown cell and the code cells ``sources`` (cell 2 is the first code cell)."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(markdown)] + [nbformat.v4.new_code_cell(s) for s in sources]
    nbformat.write(nb, path)
    return path


def failure(book, parameters=None) -> str:
    """The message ``execute`` stops with, run in a thread so that a hang fails the test."""
    outcome = {}

    def run():
        try:
            execute(book, parameters or {})
            outcome["error"] = "no error"
        except LxwError as err:
            outcome["error"] = str(err)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(BOUND)
    assert not worker.is_alive(), f"{book.name} was still running after {BOUND} s"
    return outcome["error"]


KILL_KERNEL = "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"


def test_a_kernel_killed_during_a_cell_is_reported_as_died_not_waited_for(tmp_path):
    book = madeup_notebook(tmp_path / "madeup_dies.ipynb", "x = 1", KILL_KERNEL, "print('never')")
    assert failure(book, {"township": "拉西瓦镇"}).startswith(
        "madeup_dies.ipynb: the notebook's kernel died during cell 3 (it was killed, or ran out of memory)"
    )


def test_a_cell_that_runs_too_long_is_stopped_with_its_number(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "CELL_TIMEOUT", 2)
    book = madeup_notebook(tmp_path / "madeup_slow.ipynb", "import time\ntime.sleep(120)")
    assert "cell 2 took longer than 2 s (config.CELL_TIMEOUT)" in failure(book)


def test_a_notebook_that_runs_too_long_in_all_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "NOTEBOOK_TIMEOUT", 4)
    cells = ["import time\ntime.sleep(1.5)"] * 6
    book = madeup_notebook(tmp_path / "madeup_long.ipynb", *cells)
    assert re.search(r"longer than 4 s in all \(config.NOTEBOOK_TIMEOUT\), during cell \d", failure(book))


def test_a_failing_cell_is_named_as_the_reader_counts_it_without_terminal_colours(tmp_path):
    book = madeup_notebook(tmp_path / "madeup_error.ipynb", "x = 1", "1 / 0")
    message = failure(book, {"township": "拉西瓦镇"})  # the injected parameters cell is not counted
    assert message == "madeup_error.ipynb: cell 3 failed: ZeroDivisionError: division by zero"


def test_a_chart_that_fails_to_draw_after_its_cell_fails_the_page(tmp_path):
    """The inline backend draws after the cell has finished; a failure there prints a traceback
    into the page without failing the cell."""
    draw = "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.set_title(r'收入$\\frac{$增长', parse_math=True)"
    book = madeup_notebook(tmp_path / "madeup_chart.ipynb", draw)
    assert "cell 2 printed an error (a traceback) instead of its output" in failure(book)


def test_a_build_with_a_dying_notebook_renders_the_others_and_marks_it_failed(tmp_path, raw_copy):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(ROOT / "notebooks" / "01_overview.ipynb", notebooks)
    madeup_notebook(notebooks / "02_madeup_dies.ipynb", KILL_KERNEL, markdown="# 会死的笔记本 A made-up notebook")
    out = tmp_path / "reports"
    args = ["--raw", str(raw_copy), "--processed", str(tmp_path / "processed"), "--reports", str(out),
            "--notebooks", str(notebooks)]
    result = subprocess.run([sys.executable, "-m", "lxw_analysis", "build", *args],
                            capture_output=True, text=True, cwd=ROOT, timeout=BOUND)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "FAILED: 02_madeup_dies.ipynb: the notebook's kernel died during cell 2" in result.stderr
    assert (out / "laxiwa" / "01_overview.html").is_file() and not (out / "laxiwa" / "02_madeup_dies.html").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "kernel died" in index
