"""Pages rendered through the pool of kernels are those a fresh kernel per page renders.

The pool (``notebooks.render_pages``) keeps a kernel per notebook and runs the next
township's copy of the notebook in it, its namespace reset in between. The notebooks named
madeup_* here are made up for the tests; the data are the shipped made-up example's.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT
from lxw_analysis import config
from lxw_analysis.build import build, notebook_title
from lxw_analysis.notebooks import Page, _Schedule, execute, render_pages, to_html

EXAMPLE_RAW = config.example_dir() / "raw"
#: The made-up example's townships, as its folders name them.
TOWNSHIPS = sorted(p.name for p in EXAMPLE_RAW.iterdir() if p.is_dir())
SHIPPED = [ROOT / "notebooks" / "01_overview.ipynb", ROOT / "notebooks" / "02_income_bands.ipynb"]
MACHINERY = ("nbclient", "nbconvert", "jupyter_client")


def madeup_notebook(path: Path, *sources: str) -> Path:
    """A notebook of a heading, a cell tagged ``parameters`` (``township = None``) and ``sources``."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 测试 A made-up notebook for a test"),
        nbformat.v4.new_code_cell("township = None", metadata={"tags": ["parameters"]}),
        *(nbformat.v4.new_code_cell(s) for s in sources),
    ]
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def processed(tmp_path_factory) -> Path:
    """The made-up example's processed data (built with one trivial notebook, to be quick)."""
    root = tmp_path_factory.mktemp("example")
    books = root / "notebooks"
    books.mkdir()
    madeup_notebook(books / "madeup_trivial.ipynb", "print(township)")
    build(EXAMPLE_RAW, root / "processed", root / "reports", books, progress=lambda message: None)
    return root / "processed"


def pages_of(books, townships, processed: Path) -> list[Page]:
    return [
        Page(book, {"township": t, "years": None, "banner": None, "data_dir": str(processed)},
             f"{t}: {notebook_title(book)}")
        for t in townships for book in books
    ]  # fmt: skip


def rendered(pages: list[Page], workers: int) -> tuple[dict[int, str], dict[int, str]]:
    """The pool's pages (position → HTML) and failures (position → message)."""
    done, failed = {}, {}
    for event, i, value in render_pages(pages, workers):
        if event == "done":
            done[i] = value
        elif event == "failed":
            failed[i] = str(value)
    return done, failed


@pytest.fixture(scope="module")
def fresh_pages(processed) -> list[str]:
    """Each page rendered as a build rendered it before the pool: a fresh kernel per page."""
    return [to_html(execute(p.notebook, p.parameters), p.title) for p in pages_of(SHIPPED, TOWNSHIPS, processed)]


@pytest.mark.parametrize("workers", [1, 2])
def test_pages_rendered_by_the_pool_are_those_a_fresh_kernel_per_page_renders(processed, fresh_pages, workers):
    pages = pages_of(SHIPPED, TOWNSHIPS, processed)
    done, failed = rendered(pages, workers)
    assert failed == {}
    assert [done[i] for i in range(len(pages))] == fresh_pages


def kernel_of(html: str) -> str:
    """The process id a page's first cell printed (``kernel 1234``)."""
    return re.search(r"kernel (\d+)", html).group(1)


def test_a_reused_kernel_shows_the_next_township_none_of_the_last_ones_names(tmp_path):
    book = madeup_notebook(
        tmp_path / "madeup_names.ipynb",
        "import os\nprint('kernel', os.getpid())",
        "print('left over:', sorted(k for k in globals() if k.startswith('madeup_')), len(Out), len(In), end=';')",
        "madeup_seen = township\nmadeup_seen",
    )
    done, failed = rendered([Page(book, {"township": t}, t) for t in ("甲乡", "乙乡")], workers=1)
    assert failed == {}
    first, second = done[0], done[1]
    assert kernel_of(first) == kernel_of(second), "both pages ran in the same kernel"
    left = [re.search(r"left over: [^;]*;", page).group() for page in (first, second)]
    assert left[0].startswith("left over: [] 0 ") and left[1] == left[0]
    assert "甲乡" not in second


FAILURES = {
    "a cell raises": ("raise ValueError('madeup failure')", "cell 4 failed: ValueError: madeup failure", True),
    "the kernel is killed": ("os.kill(os.getpid(), signal.SIGKILL)", "the notebook's kernel died during cell 4", False),
    "a cell runs too long": ("time.sleep(120)", "cell 4 took longer than 3 s (config.CELL_TIMEOUT)", False),
}


@pytest.mark.parametrize("failure", FAILURES, ids=str)
def test_a_failing_page_is_reported_and_the_next_township_renders_in_the_same_worker(tmp_path, monkeypatch, failure):
    monkeypatch.setattr(config, "CELL_TIMEOUT", 3)
    code, message, kept = FAILURES[failure]
    log = tmp_path / "kernels.txt"
    book = madeup_notebook(
        tmp_path / "madeup_fails.ipynb",
        f"import os, signal, time\nwith open({str(log)!r}, 'a') as f:\n    print(os.getpid(), file=f)",
        f"if township == '甲乡':\n    {code}",
        "print('page of', township)",
    )
    done, failed = rendered([Page(book, {"township": t}, t) for t in ("甲乡", "乙乡", "丙乡")], workers=1)
    assert list(failed) == [0] and failed[0].startswith(f"madeup_fails.ipynb: {message}"), failed
    assert "page of 乙乡" in done[1] and "page of 丙乡" in done[2]
    first, second, third = log.read_text().split()
    assert second == third, "the next pages share a kernel"
    assert (first == second) is kept, "a kernel that died or was stopped is replaced; one a cell failed in is kept"


def test_a_worker_keeps_to_its_notebook_and_another_takes_a_notebook_nobody_has():
    a, b = Path("a.ipynb"), Path("b.ipynb")
    schedule = _Schedule([Page(book, {}, "") for book in (a, b, a, b, a, b)])
    assert schedule.take(set()) == (0, a)
    assert schedule.take(set()) == (1, b), "a second worker starts the notebook no worker has"
    assert schedule.take({a}) == (2, a)
    assert schedule.take({b}) == (3, b)


def test_a_worker_whose_notebook_is_done_helps_with_the_notebook_with_most_pages_left():
    a, b, c = Path("a.ipynb"), Path("b.ipynb"), Path("c.ipynb")
    schedule = _Schedule([Page(a, {}, ""), Page(c, {}, "")] + [Page(b, {}, "")] * 3)
    assert schedule.take(set()) == (0, a), "the first notebook in the order given starts first"
    assert schedule.take(set()) == (1, c)
    assert schedule.take(set()) == (2, b)
    assert schedule.drained(a) and schedule.drained(c)
    assert schedule.take({a}) == (3, b), "nobody's notebook is free: the one with most pages left"


#: A build as a program that then says which of the notebook machinery it imported.
_BUILD_AND_LIST = """
import sys
from lxw_analysis.build import build
build(*sys.argv[1:5], progress=lambda message: None)
print(" ".join(m for m in {machinery!r} if m in sys.modules) or "none")
"""


def test_a_build_with_every_page_unchanged_imports_no_notebook_machinery(tmp_path):
    books = tmp_path / "notebooks"
    books.mkdir()
    madeup_notebook(books / "madeup_trivial.ipynb", "print(township)")
    args = [str(EXAMPLE_RAW), str(tmp_path / "processed"), str(tmp_path / "reports"), str(books)]
    program = _BUILD_AND_LIST.format(machinery=MACHINERY)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = [sys.executable, "-c", program, *args]
    cold = subprocess.run(run, capture_output=True, text=True, cwd=ROOT, env=env)
    (books / "README.md").write_text("A note beside the notebooks: an input, though of no page.", encoding="utf-8")
    warm = subprocess.run(run, capture_output=True, text=True, cwd=ROOT, env=env)
    assert cold.returncode == 0 and warm.returncode == 0, cold.stderr + warm.stderr
    assert cold.stdout.split() == list(MACHINERY), "the first build renders, with the machinery"
    assert warm.stdout.split() == ["none"]


def test_a_build_with_nothing_changed_returns_the_last_builds_result_and_says_so(tmp_path):
    books = tmp_path / "notebooks"
    books.mkdir()
    madeup_notebook(books / "madeup_trivial.ipynb", "print(township)")
    folders = (EXAMPLE_RAW, tmp_path / "processed", tmp_path / "reports", books)
    said = []
    first = build(*folders, progress=lambda message: None)
    again = build(*folders, progress=said.append)
    assert again == first and not first.failed and len(first.reports) == 3
    assert said[0].startswith(f"Nothing changed since the last build: its {first.facts} statistics and 3 page(s)")
    forced = []
    build(*folders, force=True, progress=forced.append)
    assert not any("Nothing changed" in m for m in forced) and any("rendering" in m for m in forced)
