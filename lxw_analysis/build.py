"""The main job: raw files → processed facts → executed notebooks → HTML reports and an index.

A build may render part of the project (``choose``: some townships, some years, some notebooks)
and pass parameters to the notebooks (``-p name=value``). The processed data are always made
from every raw file, so ``data/processed/`` stays whole; only the rendering is narrowed. Pages
an earlier build rendered and this one does not are carried over and stay on the index, which
says when they were built and whether their inputs have changed since.
"""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import json
import keyword
import sys
import warnings
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import jinja2
import pandas as pd

from . import config, county, overview
from .cache import Cache, key
from .errors import LxwError, YearDisagreement
from .facts import as_facts, load_findings, write_csv, write_facts
from .files import write_text
from .identity import listed, township_from_folder, township_slug
from .outputs import carry_over, check_outputs, exclusive, remove_stale, staged
from .rawfiles import Inventory, Refused, inventory
from .reports import REPORT_SUFFIXES, default_jobs, read_reports
from .stamp import record, stamp_name, unchanged
from .tables import TABLE_SUFFIXES, read_tables
from .validate import FINDING_DTYPES, SEVERITIES, validate

__all__ = [
    "EXAMPLE_BANNER",
    "PAGES_FILE",
    "Rendered",
    "BuildResult",
    "Plan",
    "INPUT_SUFFIXES",
    "raw_files",
    "parse_parameter",
    "choose",
    "build",
    "notebook_scope",
    "notebook_title",
    "notebook_parameters",
    "render_reports",
    "write_index",
]

#: Shown on every page built from the made-up example.
EXAMPLE_BANNER = "示例数据，纯属虚构 — made-up example data for demonstration, not real statistics"


#: The list of the pages in a reports folder (written by every build, read by a partial one).
PAGES_FILE = ".lxw-pages.json"

#: Parameters the build gives every notebook itself, and the option that chooses each instead of ``-p``.
BUILD_PARAMETERS = {"township": "--township", "townships": "--township", "data_dir": "--processed"}


@dataclass
class Rendered:
    """One page of the reports folder: a notebook rendered for a township ("" for the project)."""

    township: str
    notebook: str
    title: str
    href: str
    ok: bool
    error: str = ""
    years: list[int] | None = None  # the years it was rendered for (None: every year)
    parameters: dict = field(default_factory=dict)  # the -p parameters it was given: name → the value's repr
    built: str = ""  # when
    earlier: bool = False  # carried over from an earlier build
    changed: str = ""  # of an earlier page: what changed since it was rendered ("" when nothing did)
    digest: str = ""  # of the notebook, the township's data and the package it was rendered from
    entry: str = ""  # its cache entry


@dataclass
class BuildResult:
    facts: int
    outputs: list[Path] = field(default_factory=list)
    reports: list[Rendered] = field(default_factory=list)  # rendered by this build
    kept: list[Rendered] = field(default_factory=list)  # rendered by earlier builds, carried over
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


def parse_parameter(text: str) -> tuple[str, object]:
    """A ``-p name=value`` parameter as papermill reads it: the value as a Python literal when it
    is one (a number, a list, True, None, a quoted string), else as the text given.

    >>> parse_parameter("threshold=500000"), parse_parameter("years=[2023,2024]"), parse_parameter("title=拉西瓦镇")
    (('threshold', 500000), ('years', [2023, 2024]), ('title', '拉西瓦镇'))
    """
    name, sep, value = text.partition("=")
    name = name.strip()
    if not sep or not name.isidentifier() or keyword.iskeyword(name):
        raise LxwError(
            f"-p {text!r}: give a parameter as name=value (-p threshold=500000, -p years=[2023,2024]), "
            "the name as a notebook's parameters cell assigns it."
        )
    try:
        return name, ast.literal_eval(value.strip())
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return name, value


@dataclass
class Plan:
    """What a build renders: the notebooks (in folder order), the townships (None: every one; as
    asked until ``narrowed`` names them as the data do), the years (None: every year) and the
    ``-p`` parameters. ``named`` says the notebooks were chosen (``--notebook``)."""

    books: list[Path]
    townships: list[str] | None = None
    years: list[int] | None = None
    parameters: dict = field(default_factory=dict)
    named: bool = False

    @property
    def partial(self) -> bool:
        """Whether the build renders part of the project (so earlier pages are carried over)."""
        return self.townships is not None or self.years is not None or self.named

    def narrowed(self, facts: pd.DataFrame) -> Plan:
        """This plan with its townships named as the data name them; a township or year the
        data do not hold raises ``LxwError`` naming those they do."""
        present = list(dict.fromkeys(facts["township"].dropna()))
        townships = None
        if self.townships is not None:
            townships = []
            for asked in self.townships:
                name = _township_named(asked, present)
                if name not in present:
                    raise LxwError(
                        f"--township {asked}: the data hold no statistics of this township; they hold "
                        f"{_listed(present) or 'none'}."
                    )
                townships.append(name)
            townships = list(dict.fromkeys(townships))
        if self.years is not None:
            pool = facts if townships is None else facts[facts["township"].isin(townships)]
            held = sorted({int(y) for y in pool["year"].dropna()})
            missing = [y for y in self.years if y not in held]
            if missing:
                whose = "the data" if townships is None else "the data of " + ", ".join(townships)
                raise LxwError(
                    f"--years {' '.join(map(str, missing))}: {whose} hold no statistics of "
                    f"{'this year' if len(missing) == 1 else 'these years'}; they hold "
                    f"{', '.join(map(str, held)) or 'no years'}."
                )
        return Plan(self.books, townships, self.years, self.parameters, self.named)


def _listed(names) -> str:
    """Township names as a message lists them, each with its folder name when that differs."""
    return ", ".join(n if township_slug(n) == n else f"{n} (folder {township_slug(n)})" for n in names)


def _township_named(asked: str, names) -> str | None:
    """The township ``asked`` names, among ``names``: a name, or a folder slug in any case; else
    the name a known slug or a Chinese township name stands for (None when it is neither)."""
    wanted = str(asked).strip()
    for name in names:
        if wanted == name or wanted.lower() == township_slug(name).lower():
            return name
    return township_from_folder(wanted)


def _known_townships(raw: Path) -> list[str]:
    """The townships known before anything is read: the reference table's and the raw folders'."""
    from . import reference

    names = [row["name"] for row in reference.townships()]
    try:
        folders = sorted(p.name for p in Path(raw).iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        folders = []
    names += [t for t in map(township_from_folder, folders) if t]
    return list(dict.fromkeys(names))


def choose(
    notebook_dir: Path,
    raw: Path | None = None,
    *,
    townships=None,
    years=None,
    notebooks=None,
    parameters: dict | None = None,
) -> Plan:
    """What to render, checked before any work: ``notebooks`` by file name or stem
    (``01_overview`` or ``01_overview.ipynb``), ``townships`` by name or folder slug
    (``拉西瓦镇`` or ``laxiwa``), ``years`` (ints), ``parameters`` (name → value) each assigned
    in the cell tagged ``parameters`` of at least one chosen notebook. ``-p years=…`` is
    ``--years``. Anything unknown raises ``LxwError`` naming it and the known ones; a township
    or year that only the data can tell is checked once they are read (``Plan.narrowed``).
    """
    notebook_dir = Path(notebook_dir)
    books = sorted(notebook_dir.glob("*.ipynb"))
    named = notebooks is not None
    if named:
        wanted = []
        for asked in notebooks:
            stem = Path(str(asked)).name.removesuffix(".ipynb")
            found = next((b for b in books if b.stem == stem), None)
            if found is None:
                raise LxwError(
                    f"--notebook {asked}: no such notebook in {notebook_dir}; its notebooks are "
                    f"{', '.join(b.stem for b in books) or 'none'}."
                )
            wanted.append(found)
        books = [b for b in books if b in wanted]
    parameters = dict(parameters or {})
    for name in parameters:
        if name in BUILD_PARAMETERS:
            raise LxwError(
                f"-p {name}=…: the build gives every notebook its {name} itself; choose it with "
                f"{BUILD_PARAMETERS[name]} instead."
            )
    if "years" in parameters:
        if years is not None:
            raise LxwError("-p years=… and --years both give the years; give them once.")
        years = parameters.pop("years")
    years = _years(years)
    takes = {b: notebook_parameters(b) for b in books}
    for name in parameters:
        if not any(name in names for names in takes.values()):
            theirs = "; ".join(f"{b.stem}: {', '.join(n for n in names if n not in BUILD_PARAMETERS) or 'none'}"
                               for b, names in takes.items())
            raise LxwError(
                f"-p {name}: no notebook being built takes a parameter {name!r} (none assigns it in its cell "
                f"tagged parameters). The parameters they take: {theirs or 'there are no notebooks'}."
            )
    if townships is not None:
        townships = [str(t) for t in townships]
        known = _known_townships(raw) if raw is not None else []
        for asked in townships:
            if _township_named(asked, known) is None:
                raise LxwError(
                    f"--township {asked}: no such township. Known townships: {_listed(known) or 'none'}; "
                    "give a township's Chinese name (拉西瓦镇) or its folder's name under data/raw/ (laxiwa)."
                )
    return Plan(books, townships, years, parameters, named)


def _years(years) -> list[int] | None:
    """Years given as an int, a list of ints or None (every year), as a sorted list or None."""
    if years is None:
        return None
    given = [years] if isinstance(years, int | str) else list(years) if isinstance(years, list | tuple) else [years]
    out = []
    for y in given:
        if isinstance(y, bool) or not (isinstance(y, int) or (isinstance(y, str) and y.strip().isdigit())):
            raise LxwError(f"years: {y!r} is not a year; give years as numbers (--years 2023 2024, -p years=[2023,2024]).")
        out.append(int(y))
    return sorted(set(out))


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
    townships=None,
    years=None,
    notebooks=None,
    parameters: dict | None = None,
    progress=lambda message: print(message, file=sys.stderr, flush=True),
) -> BuildResult:
    """Extract every raw report and table, write the processed facts and quality findings, and
    render every notebook per township. Outputs replace the previous ones only when all is written.

    ``townships``, ``years`` and ``notebooks`` render part of the project (see ``choose``; the
    processed data are still made from every raw file); pages earlier builds rendered that this
    one does not are kept, and listed on the index. ``parameters`` are given to every notebook
    whose parameters cell assigns them, and are part of each page's cache key.

    Reports are extracted by ``jobs`` processes, and notebooks rendered by ``jobs`` workers (None:
    one per core), each keeping a kernel per notebook for the next township. A rebuild re-extracts
    only changed raw files and re-runs only notebooks whose inputs changed (processed data,
    notebook, package); ``force`` redoes everything. The output folders are checked before
    anything is read (see ``outputs.check_outputs``); ``replace`` adopts existing folders that
    no build wrote, deleting their files.
    """
    raw = Path(raw or config.raw_dir()).resolve()
    processed = Path(processed or config.processed_dir()).resolve()
    reports = Path(reports or config.reports_dir()).resolve()
    notebook_dir = Path(notebook_dir or config.notebooks_dir()).resolve()
    chosen = choose(notebook_dir, raw, townships=townships, years=years, notebooks=notebooks, parameters=parameters)
    check_outputs(
        {"--processed": processed, "--reports": reports},
        {"the raw data folder": raw, "the notebooks folder": notebook_dir},
        replace=replace,
    )

    with exclusive([processed, reports]):
        cache = Cache(processed.parent / f".{processed.name}-cache", read=not force, notice=progress)
        outputs = [processed, reports]
        stamp = None if chosen.partial else stamp_name(raw, notebook_dir, outputs, (show_code, banner, chosen.parameters))
        earlier = unchanged(cache, stamp, outputs) if stamp else None
        if earlier is not None:
            for folder in outputs:
                remove_stale(folder)
            return _as_before(earlier["result"], processed, progress)
        result = _build(raw, processed, reports, notebook_dir, show_code, banner, jobs, cache, progress, chosen)
        if stamp and not result.failed and not result.refused:
            record(cache, stamp, outputs, _result_data(result))
        return result


def _result_data(result: BuildResult) -> dict:
    """``result`` as JSON data, for the build's stamp."""
    return {
        "facts": result.facts, "outputs": [str(p) for p in result.outputs], "index": str(result.index),
        "reports": [asdict(r) for r in result.reports], "kept": [asdict(r) for r in result.kept],
    }


def _as_before(data: dict, processed: Path, progress) -> BuildResult:
    """The result of the last build, whose stamp says nothing changed since, said as such."""
    result = BuildResult(
        facts=data["facts"], outputs=[Path(p) for p in data["outputs"]], index=Path(data["index"]),
        reports=[Rendered(**r) for r in data["reports"]], kept=[Rendered(**r) for r in data["kept"]],
    )
    pages = len(result.reports) + len(result.kept)
    progress(
        f"Nothing changed since the last build: its {result.facts} statistics and {pages} page(s) are as it left "
        f"them; quality checks: {_quality_summary(load_findings(processed)['severity'].value_counts())} (quality.csv). "
        "lxw build --force builds everything again."
    )
    progress(f"Processed data are in {processed}")
    progress(f"Reports are in {result.index.parent} (open {result.index})")
    return result


def _quality_summary(counts) -> str:
    """Findings by severity, as a build says them: ``1 warning``, ``no findings``."""
    return ", ".join(f"{counts[s]} {s}" for s in SEVERITIES if s in counts) or "no findings"


def _build(raw, processed, reports, notebook_dir, show_code, banner, jobs, cache, progress, chosen) -> BuildResult:
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

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", YearDisagreement)  # said below, as a quality finding
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
    chosen = chosen.narrowed(facts)  # before anything is written
    documents = [  # the reports whose year their file's name gave: their text may say otherwise
        (src.path, src.label, src.township, src.year, text)
        for src, _, text in read
        if listed(src.path, raw)[1] is None
    ]
    found = _findings(facts, documents, cache)
    for message in found.loc[found["rule"] == "year_name_text_disagree", "message"]:
        progress(f"    WARNING: {message}")
    counts = found["severity"].value_counts()
    result = BuildResult(facts=len(facts), refused=refused)
    with staged(processed) as new_processed, staged(reports) as new_reports:
        written = write_facts(facts, new_processed) + [write_csv(found, new_processed / "quality.csv")]
        for src, _, text in read:  # the text each report was read as: start/end index into it
            write_text(new_processed / "text" / township_slug(src.township) / f"{src.year}.txt", text)
        result.outputs = [processed / p.name for p in written]
        progress(
            f"Wrote {len(facts)} statistics; quality checks: "
            + _quality_summary(counts)
            + " (quality.csv)"
        )
        settings = {"show_code": show_code, "banner": banner}
        built = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
        inputs = _Inputs(facts, found)
        result.reports = render_reports(
            facts, found, notebook_dir, new_processed, new_reports, settings, cache, progress,
            plan=chosen, built=built, inputs=inputs, jobs_option=jobs,
        )
        if chosen.partial:
            result.kept = _carry_earlier(reports, new_reports, result.reports, notebook_dir, inputs, cache, progress)
        pages = _in_order(result.reports + result.kept, facts)
        _write_pages(new_reports, pages)
        write_index(new_reports, facts, pages, processed, banner, found, refused, raw)
    cache.prune()
    result.index = reports / "index.html"
    progress(f"Processed data are in {processed}")
    progress(f"Reports are in {reports} (open {result.index})")
    return result


def _findings(facts: pd.DataFrame, documents: list, cache: Cache) -> pd.DataFrame:
    """``validate``'s findings on ``facts``, kept in the cache for a rebuild whose facts and
    reports are the same: checking them again is most of what a build with nothing new does."""
    digest = hashlib.sha256(pd.util.hash_pandas_object(facts, index=True).to_numpy().tobytes())
    digest.update(repr([(c, str(t)) for c, t in facts.dtypes.items()]).encode())
    for path, label, township, year, text in documents:
        digest.update(repr((str(path), label, township, year)).encode())
        digest.update(hashlib.sha256(text.encode()).digest())
    name = f"findings-{key(digest.digest())}"
    dtypes = {**FINDING_DTYPES, "facts": "string"}

    def decode(data: dict) -> pd.DataFrame:
        if set(data) != set(dtypes):
            raise KeyError("columns")
        return pd.DataFrame({c: pd.array(data[c], dtype=t) for c, t in dtypes.items()})

    found = cache.get(name, decode)
    if found is None:
        found = validate(facts, documents=documents)
        cache.put(name, {c: [None if pd.isna(v) else v for v in found[c].tolist()] for c in dtypes})
    return found


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


def notebook_parameters(path: Path) -> list[str]:
    """The names a notebook's cell tagged ``parameters`` assigns: the parameters it takes
    (papermill's convention), in order; none when it has no such cell.

    >>> import tempfile, nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
    ...     "township = None\\nthreshold: int = 500000", metadata={"tags": ["parameters"]})])
    >>> with tempfile.TemporaryDirectory() as d:
    ...     nbformat.write(nb, f"{d}/x.ipynb")
    ...     notebook_parameters(Path(d) / "x.ipynb")
    ['township', 'threshold']
    """
    for cell in json.loads(Path(path).read_text(encoding="utf-8")).get("cells", []):
        if "parameters" not in cell.get("metadata", {}).get("tags", []):
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        code = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())
        try:
            tree = ast.parse(code)
        except SyntaxError:
            return []
        names = []
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            for target in targets:
                if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign) and target is not None:
                    names += [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]
        return list(dict.fromkeys(names))
    return []


def _inputs_of(township: str, facts: pd.DataFrame, found: pd.DataFrame) -> bytes:
    """The processed data a township's notebooks read, as bytes to key the cache with."""
    mine = facts[facts["township"] == township]
    theirs = found[found["township"].isna() | (found["township"] == township)]
    return (mine.to_csv(index=False) + theirs.to_csv(index=False)).encode()


class _Inputs:
    """The processed data each township's notebooks read (None: the project's), worked out once."""

    def __init__(self, facts: pd.DataFrame, found: pd.DataFrame):
        self.facts, self.found, self.known = facts, found, {}

    def __contains__(self, township) -> bool:
        return township is None or bool((self.facts["township"] == township).any())

    def __getitem__(self, township) -> bytes:
        if township not in self.known:
            self.known[township] = (
                (self.facts.to_csv(index=False) + self.found.to_csv(index=False)).encode()
                if township is None
                else _inputs_of(township, self.facts, self.found)
            )
        return self.known[township]


def render_reports(facts, found, notebook_dir: Path, processed: Path, reports: Path, settings, cache, progress,
                   *, plan: Plan | None = None, built: str = "", inputs: _Inputs | None = None,
                   jobs_option: int | None = None) -> list[Rendered]:
    """Run the plan's notebooks (every notebook by default) for its townships (every township in
    the data), each project-wide notebook once; a failing one is marked, not fatal. A notebook
    whose inputs (its processed data, the notebook, the package, its parameters) are unchanged
    since an earlier build is not run again. The others render ``jobs_option`` at a time (None:
    one per core), each notebook's kernel kept for its next township (``notebooks.render_pages``).

    A plan naming townships renders the project-wide notebooks only when it names them too,
    for those townships; a plan naming years skips the townships that hold none of them."""
    chosen = plan or choose(notebook_dir)
    inputs = inputs or _Inputs(facts, found)
    present = list(dict.fromkeys(facts["township"].dropna()))
    townships = present if chosen.townships is None else chosen.townships
    project_books = [nb for nb in chosen.books if notebook_scope(nb) == "project"]
    township_books = [nb for nb in chosen.books if nb not in project_books]
    if chosen.townships is not None and not chosen.named:
        project_books = []  # pages of the whole project are kept unless named with --notebook
    if chosen.years is not None:
        held = {t: {int(y) for y in facts.loc[facts["township"] == t, "year"].dropna()} for t in townships}
        for t in [t for t in townships if not held[t] & set(chosen.years)]:
            if township_books:
                progress(f"    {t}: no statistics of {', '.join(map(str, chosen.years))}; its pages are kept as they were")
        townships = [t for t in townships if held[t] & set(chosen.years)]
    jobs = [(None, nb) for nb in project_books] + [(t, nb) for t in townships for nb in township_books]
    rendered: list[Rendered | None] = [None] * len(jobs)
    todo = []  # (position, page, its cache entry, where it goes, the notebook's page to render)
    for i, (township, nb_path) in enumerate(jobs):
        whom = township or "the whole project"
        slug = township_slug(township) if township else ""
        target = (reports / slug if township else reports) / f"{nb_path.stem}.html"
        title = notebook_title(nb_path)
        params = _parameters_of(nb_path, township, chosen, settings, townships)
        notebook = nb_path.read_bytes()
        name = f"html-{key(notebook, township, inputs[township], settings, sorted(params.items()))}"
        href = f"{slug}/{target.name}" if township else target.name
        page_of = {
            "township": township or "", "notebook": nb_path.name, "title": title, "href": href,
            "years": chosen.years, "parameters": {k: repr(v) for k, v in params.items() if k in chosen.parameters},
            "built": built,
            "digest": key(notebook, township, inputs[township]), "entry": name,
        }
        page = cache.get(name, _page)
        if page is not None:
            progress(f"[{i + 1}/{len(jobs)}] unchanged {nb_path.name} for {whom}")
            write_text(target, page)
            rendered[i] = Rendered(**page_of, ok=True)
        else:
            page_title = f"{township}: {title}" if township else title
            run = (nb_path, {**params, "data_dir": str(processed)}, page_title, settings["show_code"])
            todo.append((i, page_of, name, target, run))
    if todo:
        from . import notebooks  # the notebook machinery loads slowly: only when a notebook runs

        workers = min(default_jobs() if jobs_option is None else max(1, jobs_option), len(todo))
        for event, k, value in notebooks.render_pages([notebooks.Page(*t[-1]) for t in todo], workers):
            i, page_of, name, target, _ = todo[k]
            if event == "start":
                whom = jobs[i][0] or "the whole project"
                progress(f"[{i + 1}/{len(jobs)}] rendering {page_of['notebook']} for {whom}")
            elif event == "failed":
                progress(f"    FAILED: {value}")
                rendered[i] = Rendered(**{**page_of, "href": "", "entry": ""}, ok=False, error=str(value))
            else:
                cache.put(name, value)
                write_text(target, value)
                rendered[i] = Rendered(**page_of, ok=True)
    return [r for r in rendered if r is not None]


def _parameters_of(nb_path: Path, township: str | None, chosen: Plan, settings: dict, townships) -> dict:
    """What a notebook is given (but its data folder): its township (or, project-wide, every
    township rendered), the years, the banner, and those ``-p`` parameters it takes."""
    common = {"years": chosen.years, "banner": settings["banner"]}
    base = {"township": township, **common} if township else {"townships": list(townships), **common}
    takes = notebook_parameters(nb_path) if chosen.parameters else []
    return {**base, **{k: v for k, v in chosen.parameters.items() if k in takes}}


def _earlier_pages(reports: Path, notebook_dir: Path, progress) -> list[Rendered]:
    """The pages listed in the reports folder by the build that wrote it (``PAGES_FILE``); for a
    folder written before builds listed them, its pages as its marker names them."""
    from .outputs import manifest

    written = manifest(reports) if reports.is_dir() else None
    if not written:
        return []
    path = reports / PAGES_FILE
    if PAGES_FILE in written and path.is_file():
        names = {f.name for f in fields(Rendered)}
        try:
            rows = json.loads(path.read_text(encoding="utf-8"))
            pages = [Rendered(**{k: v for k, v in row.items() if k in names}) for row in rows]
            if all(isinstance(p.township, str) and isinstance(p.notebook, str) and isinstance(p.href, str)
                   and isinstance(p.title, str) and isinstance(p.parameters, dict) for p in pages):
                return pages
        except (OSError, ValueError, TypeError, AttributeError):
            pass
        progress(f"    {path} cannot be read; the earlier pages are taken from the folder's list of files")
    pages = []
    for rel in sorted(written):
        parts = rel.split("/")
        if not rel.endswith(".html") or rel == "index.html" or len(parts) > 2:
            continue
        notebook = Path(parts[-1]).with_suffix(".ipynb").name
        title = notebook_title(notebook_dir / notebook) if (notebook_dir / notebook).is_file() else Path(rel).stem
        township = (township_from_folder(parts[0]) or parts[0]) if len(parts) == 2 else ""
        pages.append(Rendered(township, notebook, title, rel, True))
    return pages


def _carry_earlier(reports: Path, new_reports: Path, now: list[Rendered], notebook_dir: Path, inputs: _Inputs,
                   cache, progress) -> list[Rendered]:
    """The pages of earlier builds that this one did not render, copied into the new reports
    folder, each saying what changed since it was rendered."""
    done = {(r.township, r.notebook) for r in now}
    earlier = [p for p in _earlier_pages(reports, notebook_dir, progress) if (p.township, p.notebook) not in done]
    carried = set(carry_over(reports, new_reports, [p.href for p in earlier if p.ok and p.href]))
    kept = []
    for page in earlier:
        if page.ok and page.href not in carried:
            continue  # its file is gone
        nb_path = notebook_dir / page.notebook
        township = page.township or None
        if not nb_path.is_file():
            changed = "its notebook is no longer in the notebooks folder"
        elif township not in inputs:
            changed = "the data no longer hold its township"
        elif page.digest != key(nb_path.read_bytes(), township, inputs[township]):
            changed = "its data, its notebook or lxw-analysis have changed since; build it again to bring it up to date"
        else:
            changed = ""
            if page.entry:
                cache.used.add(page.entry)  # still its page: the cache keeps it for the next build
        kept.append(Rendered(**{**asdict(page), "earlier": True, "changed": changed}))
    if kept:
        progress(f"Kept {len(kept)} page(s) of earlier builds")
    return kept


def _in_order(pages: list[Rendered], facts) -> list[Rendered]:
    """The pages as the index lists them: the project's first, then by township as the data
    order them, each township's by notebook."""
    order = {t: i for i, t in enumerate(dict.fromkeys(facts["township"].dropna()))}
    return sorted(pages, key=lambda r: (bool(r.township), order.get(r.township, len(order)), r.township, r.notebook))


def _write_pages(reports: Path, pages: list[Rendered]) -> None:
    write_text(reports / PAGES_FILE, json.dumps([asdict(p) for p in pages], ensure_ascii=False, indent=1))


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
