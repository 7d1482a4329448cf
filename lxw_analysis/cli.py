"""The ``lxw`` command: ``lxw extract`` (reports), ``lxw ingest`` (tables), ``lxw build`` and ``lxw init``."""

from __future__ import annotations

import argparse
import re
import sys
import time
import warnings
from contextlib import closing
from pathlib import Path

from .errors import LxwError, LxwWarning, environment_message

__all__ = ["parser", "main"]


#: What ``-o`` writes, by the output file's suffix: the writer in ``facts``.
_WRITERS = {".csv": "write_csv", ".parquet": "write_parquet", ".xlsx": "write_xlsx"}
OUTPUT_SUFFIXES = tuple(_WRITERS)


def _check_output(output: Path | None, files: list[Path]) -> None:
    """Refuse, before any reading, an ``-o`` that would write over an input or into raw data."""
    from . import config
    from .outputs import check_output_file

    if output:
        data = _data_dir_of(files)
        check_output_file(output, files, [config.raw_dir()] + ([data / "raw"] if data else []))
    if output and output.suffix.lower() not in OUTPUT_SUFFIXES:
        raise LxwError(
            f"{output}: the output is written as its suffix says, and {output.suffix or 'no suffix'!r} is not one "
            f"of {', '.join(OUTPUT_SUFFIXES)} (CSV, UTF-8 with BOM; Parquet; an Excel workbook). Name the file "
            "facts.csv, facts.parquet or facts.xlsx."
        )


def _write(facts, output: Path | None) -> int:
    """The facts table to ``output`` as its suffix says (``OUTPUT_SUFFIXES``: CSV with BOM, Parquet,
    an Excel workbook), else as CSV to standard output. CSV and Excel text that a spreadsheet
    would run as a formula is kept text (``facts.excel_safe``)."""
    from . import facts as table

    if output:
        getattr(table, _WRITERS[output.suffix.lower()])(facts, output)
        print(f"Wrote {len(facts)} statistics to {output}", file=sys.stderr)
    else:
        sys.stdout.write("\ufeff" if not sys.stdout.isatty() else "")
        table.to_csv(facts, sys.stdout)
    return 0


def _every_second(write=lambda message: print(message, file=sys.stderr, flush=True)):
    """A progress callback that shows the first message, then at most one a second, and the last."""
    last = [float("-inf")]

    def show(message: str) -> None:
        now = time.monotonic()
        done = re.match(r"\[(\d+)/(\1)\]", message)
        if now - last[0] >= 1 or done:
            write(message)
            last[0] = now

    return show


def _files(paths: list[Path], suffixes) -> list[Path | str]:
    """The files given, a folder standing for the files of ``suffixes`` below it, in name order."""
    from .reports import files_below

    files = []
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise LxwError(f"{path}: no such file or folder. Check the path (and the current folder), then try again.")
        if not path.is_dir():
            files.append(path)
            continue
        found = files_below(path, suffixes)
        if not found:
            raise LxwError(f"{path}: no {', '.join(sorted(suffixes))} files in this folder or below it.")
        files += found
    return files


def _extract(args) -> int:
    """Reports into the facts table. A .csv or .parquet output is written as the files are read,
    a part at a time (``tablestream``), so memory does not grow with the number of files; an
    Excel workbook and standard output take the whole table."""
    from .reports import REPORT_SUFFIXES, extract_files, extract_tables
    from .tablestream import STREAMED_SUFFIXES, write_tables

    files = _files(args.files, REPORT_SUFFIXES)
    _check_output(args.output, files)
    options = {"year": args.year, "township": args.township, "data_dir": _data_dir_of(files)}
    options.update(jobs=args.jobs, progress=_every_second() if len(files) > 1 else None)
    if args.output and args.output.suffix.lower() in STREAMED_SUFFIXES:
        with closing(extract_tables(files, **options)) as tables:
            written = write_tables(tables, args.output)
        print(f"Wrote {written} statistics to {args.output}", file=sys.stderr)
        return 0
    return _write(extract_files(files, **options), args.output)


def _ingest(args) -> int:
    from .tables import TABLE_SUFFIXES, read_tables

    files = _files(args.files, TABLE_SUFFIXES)
    _check_output(args.output, files)
    options = {"year": args.year, "township": args.township, "data_dir": _data_dir_of(files)}
    return _write(read_tables(files, **options), args.output)


def _data_dir_of(files) -> Path | None:
    """The data folder the files lie in (``…/data`` above ``raw/``), so sources read raw/<township>/<year>.txt."""
    for f in files:
        for parent in Path(f).resolve().parents:
            if parent.name == "raw":
                return parent.parent
    return None


def _build(args) -> int:
    from . import config
    from .build import EXAMPLE_BANNER, build, parse_parameter

    banner = None
    if args.example:
        if args.raw:
            raise LxwError("--example builds the made-up example's own raw data; leave out --raw.")
        args.raw = config.example_dir() / "raw"
        args.processed = args.processed or config.example_output_dir() / "processed"
        args.reports = args.reports or config.example_output_dir() / "reports"
        banner = EXAMPLE_BANNER
    parameters = dict(parse_parameter(p) for p in args.parameters or [])
    result = build(
        args.raw,
        args.processed,
        args.reports,
        args.notebooks,
        show_code=args.show_code,
        banner=banner,
        jobs=args.jobs,
        force=args.force,
        replace=args.replace,
        townships=args.townships,
        years=args.years,
        notebooks=args.notebook_names,
        parameters=parameters,
    )
    code = 0
    if result.refused:
        print(
            f"lxw build: {len(result.refused)} raw file(s) not read (listed above and in the index); "
            "everything else was built.",
            file=sys.stderr,
        )
        code = 1
    if result.failed:
        names = ", ".join(f"{r.notebook} ({r.township or 'project'})" for r in result.failed)
        print(f"lxw build: {len(result.failed)} report(s) failed: {names}. The others were written.", file=sys.stderr)
        code = 1
    return code


def _init(args) -> int:
    from .project import init

    folder = init(args.folder, notebooks=args.notebooks)
    print(
        f"Created an analysis project in {folder}. Put reports in {folder / 'data' / 'raw'}/<township>/<year>.txt "
        f"(see its README.md), then run make report there.",
        file=sys.stderr,
    )
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lxw", description="Township work reports into tidy facts and HTML reports.")
    p.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    sub = p.add_subparsers(dest="command", required=True)

    for name, run, what, origin in (
        ("extract", _extract, "extract every statistic from report files", "the text"),
        ("ingest", _ingest, "read statistical tables (CSV, XLSX)", "the headers or title"),
    ):
        c = sub.add_parser(name, help=f"{what} into the facts table (CSV, Parquet or XLSX)")
        c.add_argument("files", nargs="+", type=Path, metavar="FILE", help="a file, or a folder: every file below it")
        c.add_argument("--year", type=int, help=f"reporting year (default: from the path, else {origin})")
        c.add_argument("--township", help=f"township name, e.g. 拉西瓦镇 (default: from the path, else {origin})")
        c.add_argument(
            "-o",
            "--output",
            type=Path,
            metavar="OUT",
            help="write here instead of standard output: CSV, or Parquet or an Excel workbook when OUT ends in .parquet or .xlsx",
        )
        if name == "extract":
            c.add_argument("--jobs", type=int, metavar="N", help="processes extracting files (default: one per core)")
        c.set_defaults(run=run)

    b = sub.add_parser("build", help="build data/processed/ and the HTML reports from data/raw/")
    b.add_argument("--raw", type=Path, help="raw data folder (default: data/raw)")
    b.add_argument("--processed", type=Path, help="processed data folder (default: data/processed)")
    b.add_argument("--reports", type=Path, help="reports folder (default: reports)")
    b.add_argument("--notebooks", type=Path, help="notebooks folder (default: notebooks)")
    b.add_argument("--show-code", action="store_true", help="keep code cells in the HTML reports")
    b.add_argument("--jobs", type=int, metavar="N", help="processes extracting reports, and workers rendering pages (default: one per core)")
    b.add_argument("--force", action="store_true", help="redo everything, even what is unchanged since the last build")
    b.add_argument(
        "--replace",
        action="store_true",
        help="use output folders that hold files no build wrote, deleting those files "
        "(never a folder holding the raw data, notebooks, package, a git repository or your home folder)",
    )
    b.add_argument(
        "--example",
        action="store_true",
        help="build the made-up multi-year example instead of data/raw (into build/example/)",
    )
    b.add_argument(
        "--township",
        dest="townships",
        nargs="+",
        action="extend",
        metavar="T",
        help="render only these townships' pages, by name or folder (拉西瓦镇 or laxiwa); the processed data "
        "still hold every township, and other pages of earlier builds are kept",
    )
    b.add_argument(
        "--years",
        nargs="+",
        action="extend",
        type=int,
        metavar="Y",
        help="render the pages for these years only (the notebooks' years parameter), of the townships that hold them",
    )
    b.add_argument(
        "--notebook",
        dest="notebook_names",
        nargs="+",
        action="extend",
        metavar="NAME",
        help="render only these notebooks, by file name or stem (01_overview or 01_overview.ipynb)",
    )
    b.add_argument(
        "-p",
        "--parameter",
        dest="parameters",
        action="append",
        metavar="NAME=VALUE",
        help="give the notebooks a parameter (repeatable): VALUE as a Python literal when it is one "
        "(500000, [2023,2024], True), else as text; NAME must be assigned in a notebook's parameters cell",
    )
    b.set_defaults(run=_build)

    i = sub.add_parser("init", help="create a new analysis project (data/raw, references, notebooks, Makefile)")
    i.add_argument("folder", type=Path, metavar="DIR", help="the new project's folder (new, or empty)")
    i.add_argument(
        "--notebooks",
        type=Path,
        metavar="FROM",
        help="copy the notebooks of this folder (default: the current project's notebooks/)",
    )
    i.set_defaults(run=_init)
    return p


def _show_warnings(command: str) -> None:
    """Print the package's warnings as one line each, ``lxw <command>: warning: …``; others as Python does."""
    python_way = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, LxwWarning):
            print(f"lxw {command}: warning: {message}", file=sys.stderr)
        else:
            python_way(message, category, filename, lineno, file, line)

    warnings.showwarning = show
    warnings.simplefilter("default", LxwWarning)  # each distinct warning once


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    _show_warnings(args.command)
    try:
        return args.run(args)
    except LxwError as err:
        if args.debug:
            raise
        print(f"lxw {args.command}: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"lxw {args.command}: interrupted; earlier outputs are left as they were.", file=sys.stderr)
        return 130
    except OSError as err:
        message = environment_message(err)
        if message is None or args.debug:
            return _fault(args, err)  # not the machine's: a fault
        print(f"lxw {args.command}: {message}", file=sys.stderr)
        return 2
    except Exception as err:  # a bug, not bad input: say so plainly, keep the traceback for --debug
        return _fault(args, err)


def _fault(args, err: Exception) -> int:
    """A bug, not bad input: say so plainly; ``--debug`` shows the traceback."""
    if args.debug:
        raise err
    print(
        f"lxw {args.command}: unexpected error ({type(err).__name__}: {err}). Earlier outputs are "
        "left as they were. This is a fault in lxw-analysis, not in your files: run again with "
        "--debug for the details and report them.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
