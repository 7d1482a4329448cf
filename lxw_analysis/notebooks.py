"""Executing analysis notebooks with parameters, and rendering them to reader-facing HTML.

A build renders its pages through ``render_pages``: a few worker threads, each keeping a live
kernel per notebook and running the next township's copy of that notebook in it, its namespace
reset in between, so a kernel starts and imports once per notebook rather than once per page.
"""

from __future__ import annotations

import logging
import queue
import re
import shutil
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

#: nbformat imports jsonschema, which, when rfc3987_syntax is installed, builds that package's
#: grammars for a format check ("iri") nbformat never makes: over a second, more than the rest of
#: these imports. It is kept out of their import only; anything may import it afterwards.
_UNNEEDED = "rfc3987_syntax"
_kept_out = _UNNEEDED not in sys.modules
if _kept_out:
    sys.modules[_UNNEEDED] = None  # an import of it fails, and jsonschema goes without that check
try:
    import nbformat
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, DeadKernelError
    from nbclient.util import ensure_async
    from nbconvert import HTMLExporter
finally:
    if _kept_out and sys.modules.get(_UNNEEDED, "") is None:
        del sys.modules[_UNNEEDED]

from . import config  # noqa: E402
from .errors import LxwError  # noqa: E402

__all__ = ["TEMPLATES", "ProjectKernelManager", "Kernel", "Page", "inject_parameters", "execute", "to_html",
           "render_pages"]

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


#: How every kernel is started: quiet, its history kept in memory (not in the user's profile).
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR", "--HistoryManager.hist_file=:memory:"]

#: Run (silently) in a kernel before it runs its notebook again: what the last run left goes,
#: so the next page sees what a fresh kernel would, but the modules stay imported. Its names
#: live in a namespace of their own, so none is left in the user's.
_RESET = """exec('''
import sys, warnings
if "matplotlib.pyplot" in sys.modules:
    sys.modules["matplotlib.pyplot"].close("all")
getattr(warnings, "_filters_mutated", lambda: None)()  # warnings shown once are shown again
get_ipython().reset(new_session=True, aggressive=False)
''', {"get_ipython": get_ipython})"""


class Kernel:
    """A live kernel for one notebook, started in the notebook's folder, kept for its next run.

    It talks over local sockets in a folder of its own (IPC, not TCP ports), so kernels started
    at the same time cannot pick the same ports. ``retire`` marks one that died or was stopped:
    it is never used again."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.runs = 0
        self.retired = False
        self.folder = Path(tempfile.mkdtemp(prefix="lxw-kernel-"))
        self.km = ProjectKernelManager(
            transport="ipc", ip=str(self.folder / "ipc"), connection_file=str(self.folder / "kernel.json")
        )
        try:
            self.km.start_kernel(extra_arguments=KERNEL_ARGUMENTS, cwd=str(self.path.parent))
        except BaseException:
            self.close()
            raise

    @property
    def usable(self) -> bool:
        """Whether the kernel may run a notebook: not retired, and still alive."""
        return not self.retired and self.km.has_kernel and self.km.is_alive()

    def retire(self) -> None:
        self.retired = True

    def reset(self) -> None:
        """Clear what the last run left (its names, figures, history); raise if the kernel cannot.

        Each use of the kernel (this, a notebook's run) has a client of its own: a client that
        nbclient has run a notebook with does not receive replies afterwards."""
        kc = self.km.client()
        kc.start_channels()
        try:  # the shell channel queues the request until connected: no need to wait for the kernel's greeting
            reply = kc.execute(_RESET, silent=True, store_history=False, reply=True,
                               timeout=config.KERNEL_START_TIMEOUT)
        finally:
            kc.stop_channels()
        if reply["content"].get("status") != "ok":
            raise RuntimeError(f"the kernel could not be reset: {reply['content'].get('evalue', '')}")

    def close(self) -> None:
        """Stop the kernel at once (no graceful shutdown: nothing of it is kept) and remove its files."""
        self.retired = True
        try:
            if self.km.has_kernel:
                self.km.shutdown_kernel(now=True)
            self.km.cleanup_resources()
        except Exception:  # already gone
            pass
        shutil.rmtree(self.folder, ignore_errors=True)


class _KeptKernelClient(NotebookClient):
    """Runs a notebook in a live kernel, connecting as ``_connect`` does rather than with
    jupyter_client's ``wait_for_ready``, which then waits for 0.2 s of silence on IOPub: a
    fifth of a second per page, longer than most pages' cells take."""

    async def async_start_new_kernel_client(self):
        self.kc = self.km.client()
        try:
            await ensure_async(self.kc.start_channels())
            await _connect(self.kc, self.startup_timeout)
        except Exception:
            await self._async_cleanup_kernel()
            raise
        self.kc.allow_stdin = False
        return self.kc


async def _connect(kc, timeout: float) -> None:
    """Wait until the kernel answers ``kc``'s kernel_info request on the shell channel and its
    status for that request arrives on IOPub, so that no output of the cells to come is missed
    (a request whose status does not arrive is sent again). Messages of earlier requests need no
    flushing: the cells' outputs are read by the id of the request that made them."""
    deadline = time.monotonic() + timeout
    while True:
        asked = kc.kernel_info()
        if await _reply_to(kc.shell_channel, asked, 1.0) and await _reply_to(kc.iopub_channel, asked, 0.2):
            return
        if not await ensure_async(kc.is_alive()):
            raise RuntimeError("Kernel died before replying to kernel_info")
        if time.monotonic() > deadline:
            raise RuntimeError(f"Kernel didn't respond in {timeout:g} seconds")


async def _reply_to(channel, msg_id: str, wait: float) -> bool:
    """Whether a message answering request ``msg_id`` arrives on ``channel`` within ``wait`` seconds
    of the last message (others are passed over)."""
    while True:
        try:
            msg = await ensure_async(channel.get_msg(timeout=wait))
        except queue.Empty:
            return False
        if msg.get("parent_header", {}).get("msg_id") == msg_id:
            return True


def inject_parameters(nb: nbformat.NotebookNode, parameters: dict) -> nbformat.NotebookNode:
    """A copy of ``nb`` with a cell setting ``parameters`` after the cell tagged ``parameters``.

    The same convention as papermill: the tagged cell holds defaults, the injected cell wins.
    The injected cell's id is always ``injected-parameters``, so that a page rendered twice is
    the same page.
    """
    nb = nbformat.from_dict(nb)
    source = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    cell.id = "injected-parameters"  # not a random one: the same notebook gives the same page
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    nb.cells.insert(tagged[0] + 1 if tagged else 0, cell)
    return nb


def execute(
    path: Path,
    parameters: dict,
    *,
    timeout: float | None = None,
    total: float | None = None,
    kernel: Kernel | None = None,
) -> nbformat.NotebookNode:
    """Run a notebook with ``parameters``; raise ``LxwError`` naming the notebook and cell on failure.

    A watchdog ends the run when the kernel dies (killed, out of memory) or the whole notebook
    takes longer than ``total`` seconds; a cell may take ``timeout`` seconds (defaults:
    ``config.CELL_TIMEOUT`` and ``config.NOTEBOOK_TIMEOUT``). The notebook runs in ``kernel``
    when given (which is retired if it dies or is stopped), else in a kernel of its own.
    """
    timeout = config.CELL_TIMEOUT if timeout is None else timeout
    total = config.NOTEBOOK_TIMEOUT if total is None else total
    nb = inject_parameters(nbformat.read(path, as_version=4), parameters)
    options = {
        "timeout": None,  # the watchdog below times cells: nbclient's own timeout does not always fire
        "resources": {"metadata": {"path": str(path.parent)}},
    }
    if kernel is None:
        client = NotebookClient(nb, kernel_manager_class=ProjectKernelManager, extra_arguments=KERNEL_ARGUMENTS[:1],
                                **options)
    else:
        kernel.runs += 1
        client = _KeptKernelClient(nb, km=kernel.km, startup_timeout=config.KERNEL_START_TIMEOUT, **options)
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
    if kernel is not None and not worker.is_alive() and client.kc is not None:
        client.kc.stop_channels()  # the kernel stays; this run's client goes
    if kernel is not None and (problem or err is not None and not isinstance(err, CellExecutionError)):
        kernel.retire()  # died, stopped, or in a state nobody knows: never run again
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
    body, _ = _exporter(show_code).from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


#: Each thread's exporters, by ``show_code``: an exporter compiles its templates when first
#: used, which takes longer than exporting a page; one is not shared between threads.
_EXPORTERS = threading.local()


def _exporter(show_code: bool) -> HTMLExporter:
    made = _EXPORTERS.__dict__.setdefault("by_setting", {})
    if show_code not in made:
        made[show_code] = HTMLExporter(
            extra_template_basedirs=[str(TEMPLATES)],
            template_name="report",
            exclude_input=not show_code,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
            language_code="zh",
        )
    return made[show_code]


class Page(NamedTuple):
    """A page to render: a notebook, the parameters it is run with, its title, whether it shows code."""

    notebook: Path
    parameters: dict
    title: str
    show_code: bool = False


def render_pages(pages: list[Page], workers: int = 1) -> Iterator[tuple[str, int, object]]:
    """Render ``pages`` with ``workers`` threads, each keeping a kernel per notebook for the
    notebook's next page; yields ``("start", i, None)`` as page ``i`` begins, then
    ``("done", i, html)`` or ``("failed", i, LxwError)``, in the order they happen.

    A page runs as in a fresh kernel (the kernel's namespace is reset between pages); a kernel
    that died or was stopped is replaced. Every kernel is stopped at once when its notebook has
    no page left, and all of them when the pages are done (or the caller stops early)."""
    schedule = _Schedule(pages)
    events: queue.Queue = queue.Queue()
    live: set[Kernel] = set()
    lock = threading.Lock()
    threads = [
        threading.Thread(target=_work, args=(pages, schedule, events, live, lock), name=f"render {n}", daemon=True)
        for n in range(max(1, min(workers, len(pages))))
    ]
    for thread in threads:
        thread.start()
    running, crash = len(threads), None
    try:
        while running:
            event = events.get()
            if event[0] == "end":
                running -= 1
            elif event[0] == "crash":
                crash = crash or event[2]
                schedule.stop()
            else:
                yield event
        if crash is not None:
            raise crash
    finally:
        schedule.stop()
        if running:  # stopped early: no page is waited for
            with lock:
                for kernel in list(live):
                    kernel.close()


def _work(pages: list[Page], schedule: _Schedule, events: queue.Queue, live: set, lock: threading.Lock) -> None:
    """One worker: take pages (its own notebooks' first) until none is left, in kernels of its own."""
    kernels: dict[Path, Kernel | None] = {}
    try:
        while (picked := schedule.take(set(kernels))) is not None:
            i, book = picked
            kernels.setdefault(book, None)
            events.put(("start", i, None))
            try:
                events.put(("done", i, _render_in(kernels, pages[i], live, lock)))
            except LxwError as err:
                events.put(("failed", i, err))
            if schedule.drained(book):
                _close(kernels.pop(book), live, lock)
                schedule.release(book)
    except BaseException as err:  # handed to the caller's thread
        events.put(("crash", -1, err))
    finally:
        for book, kernel in kernels.items():
            _close(kernel, live, lock)
            schedule.release(book)
        events.put(("end", -1, None))


def _render_in(kernels: dict, page: Page, live: set, lock: threading.Lock) -> str:
    """Run ``page`` in the worker's kernel for its notebook (reset, or replaced when it is not
    usable), and export it."""
    kernel = kernels.get(page.notebook)
    if kernel is not None and kernel.usable and kernel.runs:
        try:
            kernel.reset()
        except Exception:
            kernel.retire()
    if kernel is None or not kernel.usable:
        _close(kernel, live, lock)
        kernel = kernels[page.notebook] = None
        kernel = Kernel(page.notebook)
        with lock:
            live.add(kernel)
        kernels[page.notebook] = kernel
    executed = execute(page.notebook, page.parameters, kernel=kernel)
    return to_html(executed, page.title, show_code=page.show_code)


def _close(kernel: Kernel | None, live: set, lock: threading.Lock) -> None:
    if kernel is not None:
        with lock:
            live.discard(kernel)
        kernel.close()


class _Schedule:
    """Which page a worker takes next: one of a notebook it has a kernel for; else one of the
    first notebook no worker has (in the order given: a build gives the project-wide pages,
    the slowest, first, so that they run beside the others); else one of the notebook with
    most pages left. So a notebook's kernel starts once, and a second worker joins it at the end."""

    def __init__(self, pages: list[Page]):
        self.pending: dict[Path, deque] = {}
        for i, page in enumerate(pages):
            self.pending.setdefault(page.notebook, deque()).append(i)
        self.holders: dict[Path, int] = dict.fromkeys(self.pending, 0)
        self.lock = threading.Lock()
        self.stopped = False

    def take(self, held: set) -> tuple[int, Path] | None:
        with self.lock:
            left = [book for book, todo in self.pending.items() if todo]
            if self.stopped or not left:
                return None
            mine = [book for book in left if book in held]
            free = [book for book in left if not self.holders[book]]
            book = mine[0] if mine else free[0] if free else max(left, key=lambda b: len(self.pending[b]))
            if book not in held:
                self.holders[book] += 1
            return self.pending[book].popleft(), book

    def drained(self, book: Path) -> bool:
        with self.lock:
            return not self.pending[book]

    def release(self, book: Path) -> None:
        with self.lock:
            self.holders[book] = max(0, self.holders[book] - 1)

    def stop(self) -> None:
        with self.lock:
            self.stopped = True
