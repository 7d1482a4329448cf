"""A page run in a kept kernel shows every output its cells make, the first cell's too, page
after page; a page exported in a thread that exported others is the page a fresh thread
exports. The notebooks named madeup_* here are made up for the tests."""

from __future__ import annotations

import threading

import pytest

from lxw_analysis.notebooks import Kernel, execute, to_html
from test_render_pool import madeup_notebook

RUNS = 4


def printed(nb) -> list[str]:
    return ["".join(o.get("text", "") for o in c.get("outputs", [])) for c in nb.cells if c.cell_type == "code"]


@pytest.fixture(scope="module")
def kept(tmp_path_factory):
    """A notebook printing at once in its first cell, and a kernel kept for it."""
    book = madeup_notebook(tmp_path_factory.mktemp("kept") / "madeup_prints.ipynb",
                           "print('first', township)", "print('second', township)")
    kernel = Kernel(book)
    yield book, kernel
    kernel.close()


@pytest.mark.parametrize("run", range(RUNS), ids=lambda n: f"run_{n + 1}")
def test_every_output_of_a_page_run_in_a_kept_kernel_is_on_the_page(kept, run):
    book, kernel = kept
    if kernel.runs:
        kernel.reset()
    township = f"示例{run}乡"
    nb = execute(book, {"township": township}, kernel=kernel)
    assert printed(nb)[-2:] == [f"first {township}\n", f"second {township}\n"]


def test_a_page_exported_after_others_in_a_thread_is_the_page_a_fresh_thread_exports(tmp_path):
    book = madeup_notebook(tmp_path / "madeup_table.ipynb", "print(township)")
    runs = [execute(book, {"township": t}) for t in ("示例一乡", "示例二镇")]
    here = [to_html(nb, "示例") for nb in runs + runs]
    fresh = {}
    thread = threading.Thread(target=lambda: fresh.update(page=to_html(runs[1], "示例")))
    thread.start()
    thread.join()
    assert here[1] == here[3] == fresh["page"] and here[0] != here[1]
