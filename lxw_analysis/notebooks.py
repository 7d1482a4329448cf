"""Executing analysis notebooks with parameters, and rendering them to reader-facing HTML."""

from __future__ import annotations

import logging
import re
import sys
import threading
import time
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError
from nbconvert import HTMLExporter

from . import config
from .errors import LxwError

__all__ = ["TEMPLATES", "ProjectKernelManager", "inject_parameters", "execute", "to_html"]

TEMPLATES = Path(__file__).parent / "templates"


class ProjectKernelManager(KernelManager):
    """Runs notebooks on the Python running this package, whatever kernels the machine has."""

    @property
    def kernel_spec(self) -> KernelSpec:
        return KernelSpec(
            argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            display_name="Python (lxw-analysis)",
            language="python",
        )


def inject_parameters(nb: nbformat.NotebookNode, parameters: dict) -> nbformat.NotebookNode:
    """A copy of ``nb`` with a cell setting ``parameters`` after the cell tagged ``parameters``.

    The same convention as papermill: the tagged cell holds defaults, the injected cell wins.
    """
    nb = nbformat.from_dict(nb)
    source = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    nb.cells.insert(tagged[0] + 1 if tagged else 0, cell)
    return nb


def execute(
    path: Path,
    parameters: dict,
    *,
    timeout: float | None = None,
    total: float | None = None,
) -> nbformat.NotebookNode:
    """Run a notebook with ``parameters``; raise ``LxwError`` naming the notebook and cell on failure.

    A watchdog ends the run when the kernel dies (killed, out of memory) or the whole notebook
    takes longer than ``total`` seconds; a cell may take ``timeout`` seconds (defaults:
    ``config.CELL_TIMEOUT`` and ``config.NOTEBOOK_TIMEOUT``).
    """
    timeout = config.CELL_TIMEOUT if timeout is None else timeout
    total = config.NOTEBOOK_TIMEOUT if total is None else total
    nb = inject_parameters(nbformat.read(path, as_version=4), parameters)
    client = NotebookClient(
        nb,
        timeout=None,  # the watchdog below times cells: nbclient's own timeout does not always fire
        kernel_manager_class=ProjectKernelManager,
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
        resources={"metadata": {"path": str(path.parent)}},
    )
    state: dict = {"cell": None, "since": time.monotonic()}
    client.on_cell_start = lambda cell, cell_index: state.update(cell=cell, since=time.monotonic())
    client.on_cell_executed = lambda cell, cell_index, execute_reply: state.update(cell=None)

    def run() -> None:
        try:
            client.execute()
        except BaseException as err:  # handed to the caller's thread below
            state["error"] = err

    worker = threading.Thread(target=run, name=f"notebook {path.name}", daemon=True)
    worker.start()
    problem = _watch(worker, client, state, timeout, total)
    err = state.get("error")
    if problem or isinstance(err, DeadKernelError):
        _stop_kernel(client)
        index = _reader_index(nb, lambda c: c is state["cell"]) if state["cell"] is not None else None
        raise LxwError(f"{path.name}: " + _STOPPED[problem or "died"].format(
            cell=f"cell {index}" if index else "a cell", timeout=timeout, total=total)) from None
    if isinstance(err, CellExecutionError):
        index = _reader_index(nb, lambda c: any(o.get("output_type") == "error" for o in c.get("outputs", [])))
        where = f"cell {index} failed" if index else "a cell failed"
        text = _ANSI.sub("", str(err)).strip()
        last = text.splitlines()[-1] if text else type(err).__name__
        raise LxwError(f"{path.name}: {where}: {last}") from None
    if err is not None:
        raise err
    index = _reader_index(nb, _shows_traceback)
    if index:
        raise LxwError(f"{path.name}: cell {index} printed an error (a traceback) instead of its output: "
                       + _ANSI.sub("", _traceback_text(nb, index)).strip().splitlines()[-1])
    return nb


def _shows_traceback(cell) -> bool:
    """Whether a cell's outputs hold a traceback (a display that failed prints one, without failing the cell)."""
    return any(
        o.get("output_type") == "error" or (o.get("output_type") == "stream" and "Traceback" in o.get("text", ""))
        for o in cell.get("outputs", [])
    )


def _traceback_text(nb, index: int) -> str:
    return "".join(o.get("text", "") or "\n".join(o.get("traceback", [])) for o in _stored(nb)[index - 1].get("outputs", []))


class _AbandonedTasks(logging.Filter):
    """Drops asyncio's 'Task exception was never retrieved' for the polls of a notebook the
    watchdog stopped: the page is already reported as failed, and the traceback says nothing more."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "coro=<NotebookClient._async_poll" not in record.getMessage()


logging.getLogger("asyncio").addFilter(_AbandonedTasks())

#: Why the watchdog stopped a notebook.
_STOPPED = {
    "died": "the notebook's kernel died during {cell} (it was killed, or ran out of memory); the notebook was stopped.",
    "cell": "{cell} took longer than {timeout:g} s (config.CELL_TIMEOUT); the notebook was stopped.",
    "total": "the notebook took longer than {total:g} s in all (config.NOTEBOOK_TIMEOUT), during {cell}; it was stopped.",
}
#: Terminal colour codes in an error's traceback, which a page or a log shows as junk.
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _watch(worker: threading.Thread, client: NotebookClient, state: dict, timeout: float, total: float) -> str:
    """Wait for the notebook's thread; why it must be stopped (a key of ``_STOPPED``: the kernel
    died, a cell ran longer than ``timeout`` or the notebook longer than ``total`` seconds), or ''."""
    began = time.monotonic()
    while worker.is_alive():
        worker.join(config.KERNEL_WATCH_SECONDS)
        if not worker.is_alive():
            break
        km = getattr(client, "km", None)
        now = time.monotonic()
        if km is not None and km.has_kernel and not km.is_alive():
            worker.join(5 * config.KERNEL_WATCH_SECONDS)  # a kernel shut down after the last cell: the run ends
            return "" if not worker.is_alive() else "died"
        if state["cell"] is not None and now - state["since"] > timeout:
            return "cell"
        if now - began > total:
            return "total"
    return ""


def _stop_kernel(client: NotebookClient) -> None:
    km = getattr(client, "km", None)
    try:
        if km is not None and km.has_kernel:
            km.shutdown_kernel(now=True)
    except Exception:  # already gone
        pass


def _reader_index(nb: nbformat.NotebookNode, test) -> int | None:
    """The number a reader gives the first cell passing ``test``: counted from 1 in the notebook
    as stored, so the injected parameters cell is not counted."""
    return next((i for i, c in enumerate(_stored(nb), 1) if test(c)), None)


def _stored(nb: nbformat.NotebookNode) -> list:
    """The cells of the notebook as stored: without the injected parameters cell."""
    return [c for c in nb.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]


def to_html(nb: nbformat.NotebookNode, title: str, *, show_code: bool = False) -> str:
    """Reader-facing HTML: outputs and text, charts embedded; code only when ``show_code``."""
    exporter = HTMLExporter(
        extra_template_basedirs=[str(TEMPLATES)],
        template_name="report",
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        language_code="zh",
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body
