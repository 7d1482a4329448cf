"""The main job: raw files → processed facts → executed notebooks → HTML reports and an index."""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import pandas as pd

from . import config, county, overview
from .cache import Cache, key
from .errors import LxwError
from .facts import as_facts, write_csv, write_facts
from .files import write_text
from .identity import township_slug
from .outputs import check_outputs, exclusive, staged
from .rawfiles import Inventory, Refused, inventory
from .reports import REPORT_SUFFIXES, read_reports
from .tables import TABLE_SUFFIXES, read_tables
from .validate import SEVERITIES, validate

__all__ = [
    "EXAMPLE_BANNER",
    "Rendered",
    "BuildResult",
    "INPUT_SUFFIXES",
    "raw_files",
    "build",
    "notebook_title",
    "render_reports",
    "write_index",
]

#: Shown on every page built from the made-up example.
EXAMPLE_BANNER = "示例数据，纯属虚构 — made-up example data for demonstration, not real statistics"


@dataclass
class Rendered:
    township: str
    notebook: str
    title: str
    href: str
    ok: bool
    error: str = ""


@dataclass
class BuildResult:
    facts: int
    outputs: list[Path] = field(default_factory=list)
    reports: list[Rendered] = field(default_factory=list)
    index: Path | None = None
    refused: list[Refused] = field(default_factory=list)  # raw files not read, and why

    @property
    def failed(self) -> list[Rendered]:
        return [r for r in self.reports if not r.ok]


INPUT_SUFFIXES = REPORT_SUFFIXES | set(TABLE_SUFFIXES)


def raw_files(raw: Path) -> Inventory:
    """Report and table files under ``raw``, in a stable order, and those that cannot be read
    (documentation such as SOURCES.md, lock files and what ``.lxwignore`` lists are passed over)."""
    if not raw.is_dir():
        raise LxwError(f"{raw}: no such folder. Put reports in data/raw/<township>/<year>.txt.")
    return inventory(raw, INPUT_SUFFIXES)


def build(
    raw: Path | None = None,
    processed: Path | None = None,
    reports: Path | None = None,
    notebook_dir: Path | None = None,
    *,
    show_code: bool = False,
    banner: str | None = None,
    jobs: int | None = None,
    force: bool = False,
    replace: bool = False,
    progress=lambda message: print(message, file=sys.stderr, flush=True),
) -> BuildResult:
    """Extract every raw report and table, write the processed facts and quality findings, and
    render every notebook per township. Outputs replace the previous ones only when all is written.

    Reports are extracted by ``jobs`` processes (None: one per core). A rebuild re-extracts
    only changed raw files and re-runs only notebooks whose inputs changed (processed data,
    notebook, package); ``force`` redoes everything. The output folders are checked before
    anything is read (see ``outputs.check_outputs``); ``replace`` adopts existing folders that
    no build wrote, deleting their files.
    """
    raw = Path(raw or config.raw_dir()).resolve()
    processed = Path(processed or config.processed_dir()).resolve()
    reports = Path(reports or config.reports_dir()).resolve()
    notebook_dir = Path(notebook_dir or config.notebooks_dir()).resolve()
    check_outputs(
        {"--processed": processed, "--reports": reports},
        {"the raw data folder": raw, "the notebooks folder": notebook_dir},
        replace=replace,
    )

    with exclusive([processed, reports]):
        return _build(raw, processed, reports, notebook_dir, show_code, banner, jobs, force, progress)


def _build(raw, processed, reports, notebook_dir, show_code, banner, jobs, force, progress) -> BuildResult:
    """``build`` once its folders are checked and no other build writes them."""
    found_files = raw_files(raw)
    files, refused = found_files.files, list(found_files.refused)
    if not files:
        raise LxwError(f"{raw}: no reports or tables found (looked for {', '.join(sorted(INPUT_SUFFIXES))} files).")
    texts = [p for p in files if p.suffix.lower() in REPORT_SUFFIXES]
    tables = [p for p in files if p.suffix.lower() in TABLE_SUFFIXES]
    progress(f"Reading {len(texts)} report(s) and {len(tables)} table(s) from {raw}")

    def not_read(path: Path, err: LxwError) -> None:
        why = str(err).removeprefix(f"{path}: ")
        refused.append(Refused(path, why))
        progress(f"    NOT READ: {path}: {why}")

    cache = Cache(processed.parent / f".{processed.name}-cache", read=not force, notice=progress)
    read = read_reports(texts, data_dir=raw.parent, jobs=jobs, cache=cache, progress=progress, on_error=not_read)
    facts = pd.concat(
        [
            as_facts(row for _, rows, _ in read for row in rows),
            read_tables(tables, data_dir=raw.parent, progress=progress, on_error=not_read),
        ],
        ignore_index=True,
    )
    for r in found_files.refused:
        progress(f"    NOT READ: {r}")
    if not len(facts) and refused and len(refused) >= len(files):
        raise LxwError(
            f"{raw}: none of its {len(files)} file(s) could be read:\n" + "\n".join(f"  {r}" for r in refused)
        )
    found = validate(facts)
    counts = found["severity"].value_counts()
    result = BuildResult(facts=len(facts), refused=refused)
    with staged(processed) as new_processed, staged(reports) as new_reports:
        written = write_facts(facts, new_processed) + [write_csv(found, new_processed / "quality.csv")]
        for src, _, text in read:  # the text each report was read as: start/end index into it
            write_text(new_processed / "text" / township_slug(src.township) / f"{src.year}.txt", text)
        result.outputs = [processed / p.name for p in written]
        progress(
            f"Wrote {len(facts)} statistics; quality checks: "
            + (", ".join(f"{counts[s]} {s}" for s in SEVERITIES if s in counts) or "no findings")
            + " (quality.csv)"
        )
        settings = {"show_code": show_code, "banner": banner}
        result.reports = render_reports(facts, found, notebook_dir, new_processed, new_reports, settings, cache, progress)
        write_index(new_reports, facts, result.reports, processed, banner, found, refused, raw)
    cache.prune()
    result.index = reports / "index.html"
    progress(f"Processed data are in {processed}")
    progress(f"Reports are in {reports} (open {result.index})")
    return result


def notebook_scope(path: Path) -> str:
    """``project`` for a notebook rendered once for the whole project (its metadata says
    ``"lxw": {"scope": "project"}``, as the county comparison does), else ``township``."""
    meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    return "project" if meta.get("lxw", {}).get("scope") == "project" else "township"


def notebook_title(path: Path) -> str:
    """A notebook's title: its first Markdown heading, else its file name."""
    for cell in json.loads(path.read_text(encoding="utf-8")).get("cells", []):
        if cell.get("cell_type") == "markdown":
            source = "".join(cell.get("source", []))
            for line in source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return path.stem


def _inputs_of(township: str, facts: pd.DataFrame, found: pd.DataFrame) -> bytes:
    """The processed data a township's notebooks read, as bytes to key the cache with."""
    mine = facts[facts["township"] == township]
    theirs = found[found["township"].isna() | (found["township"] == township)]
    return (mine.to_csv(index=False) + theirs.to_csv(index=False)).encode()


def render_reports(facts, found, notebook_dir: Path, processed: Path, reports: Path, settings, cache, progress):
    """Run every notebook for every township (and each project-wide notebook once, with every
    township) on the processed data; a failing one is marked, not fatal. A notebook whose
    inputs are unchanged since an earlier build is not run again."""
    books = sorted(notebook_dir.glob("*.ipynb"))
    townships = list(dict.fromkeys(facts["township"].dropna()))
    project_books = [nb for nb in books if notebook_scope(nb) == "project"]
    jobs = [(None, nb) for nb in project_books] + [
        (t, nb) for t in townships for nb in books if nb not in project_books
    ]
    inputs = {t: _inputs_of(t, facts, found) for t in townships}
    if project_books:
        inputs[None] = (facts.to_csv(index=False) + found.to_csv(index=False)).encode()
    rendered = []
    for i, (township, nb_path) in enumerate(jobs, 1):
        whom = township or "the whole project"
        slug = township_slug(township) if township else ""
        target = (reports / slug if township else reports) / f"{nb_path.stem}.html"
        title = notebook_title(nb_path)
        name = f"html-{key(nb_path.read_bytes(), township, inputs[township], settings)}"
        page = cache.get(name, _page)
        if page is not None:
            progress(f"[{i}/{len(jobs)}] unchanged {nb_path.name} for {whom}")
        else:
            progress(f"[{i}/{len(jobs)}] rendering {nb_path.name} for {whom}")
            try:
                page = _render(nb_path, township, title, processed, settings, townships)
            except LxwError as err:
                progress(f"    FAILED: {err}")
                rendered.append(Rendered(township or "", nb_path.name, title, "", False, str(err)))
                continue
            cache.put(name, page)
        write_text(target, page)
        href = f"{slug}/{target.name}" if township else target.name
        rendered.append(Rendered(township or "", nb_path.name, title, href, True))
    return rendered


def _shown(path: Path, raw: Path | None) -> str:
    """A raw file's path as the index shows it: below the raw folder's parent when it lies there."""
    try:
        return Path(path).resolve().relative_to(Path(raw).resolve().parent).as_posix() if raw else str(path)
    except ValueError:
        return str(path)


def _page(data) -> str:
    """A cached page, which must be text."""
    if not isinstance(data, str):
        raise TypeError("a page is text")
    return data


def _render(nb_path: Path, township: str | None, title: str, processed: Path, settings: dict, townships) -> str:
    """Execute one notebook for one township (None: a project-wide notebook, given every
    township) and return its reader-facing HTML."""
    from . import notebooks  # the notebook machinery loads slowly: only when a notebook runs

    common = {"years": None, "data_dir": str(processed), "banner": settings["banner"]}
    params = {"township": township, **common} if township else {"townships": list(townships), **common}
    executed = notebooks.execute(nb_path, params)
    page_title = f"{township}: {title}" if township else title
    return notebooks.to_html(executed, page_title, show_code=settings["show_code"])


def write_index(reports: Path, facts, rendered: list[Rendered], processed: Path, banner: str | None = None,
                findings=None, refused=(), raw: Path | None = None) -> Path:
    """``index.html``, the project's front page: the project-wide reports first, then
    townships × years with their statistics and quality findings, every report by township
    (marking failures), the data sources and the build time."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("lxw_analysis", "templates"), autoescape=True)
    sources = [
        {"file": r.source, "kind": r.kind, "township": r.township, "year": r.year, "statistics": r.statistics}
        for r in overview.sources(facts).itertuples()
    ]
    project = [r for r in rendered if not r.township]
    townships = {}
    for r in rendered:
        if r.township:
            townships.setdefault(r.township, []).append(r)
    html = env.get_template("index.html").render(
        title="乡镇工作报告分析 Township report analysis",
        built=dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        n_facts=len(facts),
        sources=sources,
        n_files=len({s["file"] for s in sources}),
        project=project,
        grid=county.townships_by_year(facts, findings),
        refused=[{"file": _shown(r.path, raw), "reason": r.reason} for r in refused],
        townships=list(townships.items()),
        processed=str(processed),
        banner=banner,
    )
    index = reports / "index.html"
    write_text(index, html)
    return index
