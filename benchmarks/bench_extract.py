"""Extraction benchmark on a generated corpus: speed, statistics found, memory, build time.

    python benchmarks/bench_extract.py [--reports 1000,10000] [--seed 7] [--quick]

The corpus is generated (made up, see ``corpus.py``): the real 2024 Laxiwa report's sentences
shuffled, every statistic in them given a random number, plus made-up sentences in other
styles. The generator records every statistic it plants, so the share of them each method
finds can be counted. In one run this prints:

1. extraction throughput (characters per second) at each corpus size, and the time per
   1,000 reports, one core, every report into one table (``extract_texts``);
2. the same reports read one table per report (``extract_facts`` on each), and two baselines
   on the same corpus: a plain "number + measure word" regular expression, and jionlp's
   ``extract_money`` (money only; installed by ``make bench``, not a dependency of the
   package); the speed ratio of lxw, both ways, to each, and the share of the planted
   statistics each finds, with what each reports that is not a planted statistic;
3. 10,000 and 50,000 report files (the largest corpus, else generated ones; in --quick the
   largest corpus only) through the real command, ``lxw extract FOLDER --jobs 2 -o
   facts.parquet``: wall time and peak memory of all its processes together;
4. ``lxw build`` wall time of generated made-up projects of (1 township, 1 year), (3, 2) and
   (10, 3), cold and warm, per page, and against the same pages rendered with papermill and
   ``jupyter nbconvert`` one after another (papermill installed by ``make bench``; see builds.py);
5. when ``lxw build`` has ``--jobs``: the largest corpus, as files, extracted with 2 worker
   processes against one;
6. oversized reports, each extracted in a process of its own: a report of about 1,000,000
   characters (ordinary reports one after another), a 1 MB report that is one line (no 。, no
   line break) and a 20 MB report (the largest a report may be); time, characters per second
   against the ordinary reports of 1., and the memory the extraction took;
7. a made-up table of 1,000,000 village rows (``--table-rows``) through ``lxw build``: wall
   time and peak memory of the build and its notebook kernels together.

``--quick`` is a tiny run (for the tests): 20 and 100 reports, a 0.1 MB and a 1 MB report, a
10,000-row table, no build or ``--jobs`` timings.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import inspect
import io
import json
import math
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from bisect import bisect_right
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pandas as pd

import lxw_analysis
from corpus import MADEUP_PER_REPORT, ROOT, generate
from lxw_analysis import config
from lxw_analysis.errors import YearDisagreement
from lxw_analysis.extract import extract_facts, extract_texts

#: The plain baseline: digits, an optional 万/亿, a measure word.
BASELINE = re.compile(r"(\d+(?:\.\d+)?)(万|亿)?(元|人次|人|名|位|次|个|期|项|起|盏|处|户|亩|场|座|条|%)")
_FACTOR = {None: 1, "万": 1e4, "亿": 1e8}
_PEOPLE = {"名": "人", "位": "人"}  # as the facts table normalizes them

QUICK_SIZES = [20, 100]
WARM_UP_REPORTS = 20  # generated with another seed, run before anything is timed
JIONLP_BUDGET_S = 300  # jionlp is not run on a size it is projected to take longer than this on


# -- the methods: each returns, per report, (start, end, value, unit) of what it reports ------


def run_lxw(texts):
    """Every report into one facts table (``extract_texts``), the way ``lxw build`` makes it."""
    return extract_texts(texts)


def run_lxw_each(texts):
    """One facts table per report (``extract_facts`` on each), the way a notebook reads a text."""
    return [extract_facts(text, source=str(i)) for i, text in enumerate(texts)]


def lxw_found(table, n_docs, unit=None):
    per_doc = [[] for _ in range(n_docs)]
    columns = [table[c].tolist() for c in ("source", "start", "end", "value", "unit")]
    for source, start, end, value, u in zip(*columns):
        if unit is None or u == unit:
            per_doc[int(source)].append((start, end, value, u))
    return per_doc


def run_regex(texts):
    return [
        [(m.start(), m.end(), float(m[1]) * _FACTOR[m[2]], _PEOPLE.get(m[3], m[3])) for m in BASELINE.finditer(text)]
        for text in texts
    ]


def load_jionlp():
    """jionlp's money extractor, or None when jionlp is not installed (its banner kept quiet)."""
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            import jionlp
        except ImportError:
            return None
    return jionlp.ner.extract_money


def run_jionlp(extract_money, texts):
    """jionlp on each report's whole text, as its documentation calls it: money in 元."""
    out = []
    for text in texts:
        found = []
        for entity in extract_money(text):
            detail = entity.get("detail") or {}
            num = detail.get("num")
            if isinstance(num, list):  # a range: its lower end, as the facts table keeps it
                num = num[0]
            try:
                value = float(num)
            except (TypeError, ValueError):
                continue
            found.append((entity["offset"][0], entity["offset"][1], value, detail.get("case", "")))
        out.append(found)
    return out


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


# -- scoring against the planted statistics ---------------------------------------------


@dataclass
class Score:
    found: int = 0
    planted: int = 0
    misread: int = 0  # on a planted statistic, with another value or unit
    false_positive: int = 0  # where no statistic was planted

    @property
    def share(self) -> float:
        return self.found / self.planted if self.planted else float("nan")


def score(reports, reported, unit=None) -> Score:
    """Planted statistics (of ``unit``, or all) whose value and unit a method reports where they are."""
    result = Score()
    for report, got in zip(reports, reported):
        planted = report.planted
        starts, ends = [p[0] for p in planted], [p[1] for p in planted]
        used = [False] * len(planted)
        result.planted += sum(1 for p in planted if unit is None or p[3] == unit)
        for start, end, value, u in got:
            j, overlaps, hit = bisect_right(ends, start), False, False
            while j < len(planted) and starts[j] < end:
                overlaps = True
                p_value, p_unit = planted[j][2], planted[j][3]
                if not used[j] and u == p_unit and (unit is None or u == unit) and math.isclose(value, p_value):
                    used[j] = hit = True
                    break
                j += 1
            if hit:
                result.found += 1
            elif overlaps:
                result.misread += 1
            else:
                result.false_positive += 1
    return result


# -- the other measurements ---------------------------------------------------------------


def _children_cpu() -> float:
    """CPU seconds used by this process's finished child processes (worker pools among them)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def lxw_command(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lxw_analysis", *map(str, args)], capture_output=True, text=True, cwd=ROOT
    )


def write_corpus(texts: list[str], folder: Path) -> list[Path]:
    """The reports as files, one made-up township folder per 100 reports, one year per file."""
    digits = "零一二三四五六七八九"
    paths = []
    for i, text in enumerate(texts):
        township = folder / ("示例" + "".join(digits[int(d)] for d in str(i // 100)) + "乡")
        township.mkdir(parents=True, exist_ok=True)
        path = township / f"{1925 + i % 100}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _process_tree(root: int) -> list[int]:
    """``root`` and every process descended from it (its worker processes)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo += children.get(pid, [])
    return tree


def _memory(pids: list[int]) -> tuple[int, int]:
    """(PSS, RSS) in bytes summed over ``pids``: PSS counts a page shared by n processes as 1/n in each."""
    pss = rss = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith(("Pss:", "Rss:")):
                        kb = int(line.split()[1]) * 1024
                        pss, rss = (pss + kb, rss) if line.startswith("Pss:") else (pss, rss + kb)
        except OSError:  # the process ended between listing and reading
            pass
    return pss, rss


#: Report files the command of 3. is run on: its memory must not grow with their number.
COMMAND_SIZES = (10_000, 50_000)
COMMAND_SEED = 7  # of the corpora generated for a size the given folder does not hold


def _command_run(folder: Path, jobs: int) -> dict | None:
    """``lxw extract FOLDER --jobs N -o facts.parquet`` once: wall time, peak memory, rows, size."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "facts.parquet"
        argv = [sys.executable, "-m", "lxw_analysis", "extract", str(folder), "--jobs", str(jobs), "-o", str(out)]
        cpu = _children_cpu()
        seconds, peak_pss, peak_rss, code, error, samples = _run_sampled(argv, every=0.05)
        cpu = _children_cpu() - cpu
        if code != 0:
            print(f"   failed (exit {code}): {error.strip().splitlines()[-1:]}")
            return None
        rows, size = len(pd.read_parquet(out, columns=["value"])), out.stat().st_size
    text = sum(p.stat().st_size for p in folder.rglob("*.txt"))
    return {"seconds": seconds, "cpu": cpu, "pss": peak_pss, "rss": peak_rss, "samples": samples,
            "rows": rows, "size": size, "text": text}


def measure_command(folder: Path, jobs: int) -> None:
    """3.: the command on 10,000 and 50,000 report files (the given folder's when it holds that
    many, else a generated corpus of that size); a tiny run (--quick) measures the given folder only."""
    given = sorted(folder.rglob("*.txt"))
    sizes = list(COMMAND_SIZES) if len(given) >= COMMAND_SIZES[0] else [len(given)]
    print(
        f"\n3. {' and '.join(f'{n:,}' for n in sizes)} report files → `lxw extract FOLDER --jobs {jobs} -o "
        "facts.parquet` (a command, temporary folder): wall time and peak memory of the command and its worker "
        "processes together"
        + ("" if len(sizes) > 1 else f"; {' and '.join(f'{n:,}' for n in COMMAND_SIZES)} files in a full run")
    )
    if not Path("/proc/self/smaps_rollup").exists():
        print("   skipped: this system has no /proc/<pid>/smaps_rollup to read memory from")
        return
    mb = 1024 * 1024
    print(
        f"   {'files':>7} {'wall s':>7} {'CPU s':>7} {'MB text/s':>10} {'peak PSS MB':>12} {'peak RSS MB':>12} "
        f"{'rows':>10} {'parquet MB':>11} {'samples':>8}"
    )
    runs = {}
    for n in sizes:
        if n == len(given):
            run = _command_run(folder, jobs)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                texts = [r.text for r in generate(n, COMMAND_SEED, record=False)]
                write_corpus(texts, Path(tmp) / "raw")
                del texts
                gc.collect()
                run = _command_run(Path(tmp) / "raw", jobs)
        if run is None:
            return
        runs[n] = run
        print(
            f"   {n:7,} {run['seconds']:7.1f} {run['cpu']:7.1f} {run['text'] / run['seconds'] / mb:10.1f} "
            f"{run['pss'] / mb:12,.0f} {run['rss'] / mb:12,.0f} {run['rows']:10,} {run['size'] / mb:11,.1f} "
            f"{run['samples']:8,}"
        )
    print(
        "   peak PSS: all processes together, a page shared by n processes counted 1/n in each; peak RSS: summed, "
        "shared pages counted in each; CPU s: the command's and its workers'; samples 0.05 s apart"
    )
    if len(runs) > 1:
        first, last = sizes[0], sizes[-1]
        growth = runs[last]["pss"] / runs[first]["pss"] - 1
        print(f"   peak PSS of {last:,} files against {first:,}: {growth:+.0%} (the target: within 10%)")


def measure_build() -> None:
    """Cold and warm builds of generated made-up projects, against papermill + nbconvert (see builds.py)."""
    from builds import measure_builds

    measure_builds()


def measure_jobs(paths: list[Path]) -> None:
    print(f"\n5. --jobs: {len(paths):,} reports as files, extracted by worker processes against one")
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    if "--jobs" not in lxw_command("build", "--help").stdout:
        print("   skipped: `lxw build --help` shows no --jobs option")
        return
    try:
        from lxw_analysis.reports import extract_files
    except ImportError:
        print("   skipped: `lxw build` has --jobs, but the package exposes no extract_files(paths, jobs=...) to time")
        return
    parameters = inspect.signature(extract_files).parameters.values()
    if not any(p.name == "jobs" or p.kind is p.VAR_KEYWORD for p in parameters):
        print("   skipped: lxw_analysis.reports.extract_files takes no jobs argument")
        return
    try:
        serial, one = timed(lambda: extract_files(paths, jobs=1))
        before = _children_cpu()
        parallel, two = timed(lambda: extract_files(paths, jobs=2))
        workers_cpu = _children_cpu() - before
    except Exception as err:  # the function is being changed by others: report, do not stop
        print(f"   could not run lxw_analysis.reports.extract_files: {type(err).__name__}: {err}")
        return
    same = "yes" if one.equals(two) else "NO"
    print("   through the library function lxw_analysis.reports.extract_files(paths, jobs=N), no cache")
    print(f"   jobs=1 (serial): {serial:6.1f} s   {chars / serial:12,.0f} chars/s")
    print(f"   jobs=2:          {parallel:6.1f} s   {chars / parallel:12,.0f} chars/s")
    print(f"   speed-up with 2 jobs on {os.cpu_count()} cores: {serial / parallel:.2f}x; same table as serial: {same}")
    print(
        f"   the 2 workers ran {workers_cpu:.1f} CPU-seconds in {parallel:.1f} s: {workers_cpu / parallel:.2f} cores "
        "busy on average (below 2: they waited, for the main process or for other programs on the machine)"
    )


# -- oversized input ------------------------------------------------------------------------

#: Run in a process of its own: read one report, extract it, print what it took.
_EXTRACT_ONE = """
import json, sys, time, tracemalloc
from lxw_analysis import extract_facts, read_text
text = read_text(sys.argv[1])
extract_facts(text[:5000])  # warm-up: patterns built, reference tables loaded
start = time.perf_counter()
facts = extract_facts(text)
seconds = time.perf_counter() - start
del facts
tracemalloc.start()
facts = extract_facts(text)
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({"chars": len(text), "rows": len(facts), "seconds": seconds, "peak": peak,
                  "longest_quote": int(facts["quote"].str.len().max() or 0)}))
"""


def _run_together(texts: list[str], size: int, separator: str) -> str:
    """Generated reports one after another (repeated as needed), cut at ``size`` bytes."""
    pieces, total = [], 0
    while total < size:
        for text in texts:
            pieces.append(text)
            total += len(text.encode()) + len(separator.encode())
            if total >= size:
                break
    return separator.join(pieces).encode()[:size].decode(errors="ignore")


def one_line(texts: list[str], size: int) -> str:
    """A report of about ``size`` bytes that is one line: no 。, no line break, only commas."""
    return _run_together([re.sub(r"[。\n！？；]+", "，", t) for t in texts], size, "，")


def long_report(texts: list[str], size: int) -> str:
    """One report of about ``size`` bytes, ordinary reports one after another."""
    return _run_together(texts, size, "\n")


def measure_oversized(texts: list[str], ordinary_rate: float, sizes: list[tuple[str, str, int]]) -> None:
    print(
        "\n6. Oversized reports, each extracted in a process of its own: time, characters per second against "
        f"the {ordinary_rate:,.0f} chars/s of ordinary reports (1., largest size), memory the extraction took"
    )
    print(
        f"   {'report':34} {'MB':>6} {'characters':>12} {'seconds':>8} {'chars/s':>12} {'vs ordinary':>12} {'rows':>9} {'memory MB':>10} {'longest quote':>14}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for label, kind, size in sizes:
            text = one_line(texts, size) if kind == "line" else long_report(texts, size)
            path = Path(tmp) / "madeup_oversized_2024.txt"
            path.write_text(text, encoding="utf-8")
            result = subprocess.run(
                [sys.executable, "-c", _EXTRACT_ONE, str(path)], capture_output=True, text=True, cwd=ROOT
            )
            if result.returncode != 0:
                print(f"   {label:34} failed (exit {result.returncode}): {result.stderr.strip().splitlines()[-1:]}")
                continue
            r = json.loads(result.stdout)
            rate = r["chars"] / r["seconds"]
            grew = r["peak"] / 2**20
            print(
                f"   {label:34} {path.stat().st_size / 2**20:6.1f} {r['chars']:12,} {r['seconds']:8.2f} {rate:12,.0f} "
                f"{rate / ordinary_rate:11.0%} {r['rows']:9,} {grew:10,.0f} {r['longest_quote']:14,}"
            )
    print(
        "   vs ordinary: 100% is the same cost per character as ordinary reports (linear); memory: the peak of what\n"
        "   extraction allocated (tracemalloc, in a second run; the text itself and the loaded package not counted)"
    )


def big_table(rows: int, folder: Path) -> Path:
    """A made-up table of ``rows`` villages' 2024 collective income, as a township's raw data."""
    import random

    rng = random.Random(rows)
    path = folder / "raw" / "示例乡" / "madeup_villages_2024.csv"
    path.parent.mkdir(parents=True)
    with path.open("w", encoding="utf-8") as f:
        f.write("村名,2024年村集体经济收入（万元）\n")
        f.writelines(f"示例{n:07d}村,{rng.uniform(0, 90):.1f}\n" for n in range(rows))
    return path


def measure_big_table(rows: int) -> None:
    print(
        f"\n7. A made-up table of {rows:,} village rows through `lxw build` (temporary folders): wall time, peak memory"
    )
    if not Path("/proc/self/smaps_rollup").exists():
        print("   skipped: this system has no /proc/<pid>/smaps_rollup to read memory from")
        return
    with tempfile.TemporaryDirectory() as tmp:
        table = big_table(rows, Path(tmp))
        argv = [
            sys.executable,
            "-m",
            "lxw_analysis",
            "build",
            "--raw",
            str(Path(tmp) / "raw"),
            "--processed",
            str(Path(tmp) / "processed"),
            "--reports",
            str(Path(tmp) / "reports"),
        ]
        seconds, peak_pss, _, code, error, _ = _run_sampled(argv)
        if code not in (0, 1):  # 1: built, with findings or reports that failed (said below)
            print(f"   failed (exit {code}) after {seconds:.0f} s: {error.strip().splitlines()[-1:]}")
            return
        pages = sorted(p.name for p in (Path(tmp) / "reports").rglob("*.html"))
        largest = max(((Path(tmp) / "reports").rglob("*.html")), key=lambda p: p.stat().st_size, default=None)
        print(
            f"   {table.stat().st_size / 2**20:.0f} MB CSV; exit {code}; wall time {seconds:.0f} s; peak {peak_pss / 2**20:,.0f} MB PSS, all processes"
        )
        if largest is not None:
            print(f"   {len(pages)} pages; the largest, {largest.name}, {largest.stat().st_size / 2**20:.1f} MB")
        failed = [line for line in error.splitlines() if "failed" in line.lower()]
        if failed:
            print(f"   {failed[-1].strip()}")


def _run_sampled(argv, every: float = 0.1) -> tuple[float, int, int, int, str, int]:
    """Run a command, sampling the memory of it and its children every ``every`` seconds; its
    messages are read as they come (a full pipe would stop it). Returns (seconds, peak PSS,
    peak RSS, exit, stderr, samples)."""
    import threading

    peak_pss = peak_rss = samples = 0
    start = time.perf_counter()
    with subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) as child:
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(child.stderr), daemon=True)
        reader.start()
        while child.poll() is None:
            pss, rss = _memory(_process_tree(child.pid))
            peak_pss, peak_rss, samples = max(peak_pss, pss), max(peak_rss, rss), samples + 1
            time.sleep(every)
        reader.join()
    return time.perf_counter() - start, peak_pss, peak_rss, child.returncode, "".join(lines), samples


# -- the report ---------------------------------------------------------------------------


def load() -> str:
    """The 1, 5 and 15-minute load averages: how busy the machine was besides this run."""
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", default="1000,10000", help="corpus sizes, comma-separated (default 1000,10000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--table-rows", type=int, default=1_000_000, help="rows of the made-up table for 7. (default 1,000,000)"
    )
    parser.add_argument("--quick", action="store_true", help="a tiny run: 20 and 100 reports, no build timings")
    args = parser.parse_args()
    # The generated files are named for arbitrary years (1925.txt …) while their text says 2024:
    # each would warn that its name and text disagree, which is no part of what is measured.
    warnings.simplefilter("ignore", YearDisagreement)
    sizes = QUICK_SIZES if args.quick else sorted({int(s) for s in args.reports.split(",") if s.strip()})

    corpus = generate(sizes[-1], args.seed)
    texts = [r.text for r in corpus]
    extract_money = load_jionlp()
    print("lxw-analysis benchmark: extraction speed, statistics found, memory, build time")
    print(
        f"Corpus: GENERATED, made up for this benchmark (benchmarks/corpus.py, seed {args.seed}): the real 2024 Laxiwa "
        f"report's sentences shuffled, each statistic in them given a random number, plus {MADEUP_PER_REPORT} made-up "
        "sentences per report in other styles. None of its numbers are real statistics."
    )
    print(
        f"Machine: {os.cpu_count()} cores, {platform.system()} {platform.machine()}, Python {platform.python_version()}; "
        f"lxw-analysis {lxw_analysis.__version__}, jionlp {version('jionlp')}. One core (serial) unless a line says otherwise."
        + (" --quick: a tiny run." if args.quick else "")
    )
    print(f"Load average at start: {load()} (other processes compete with the timings when it nears {os.cpu_count()}).")

    # warm-up on other generated reports: build the pattern, load the tables, prepare jionlp
    warm = [r.text for r in generate(WARM_UP_REPORTS, args.seed + 1, record=False)]
    run_lxw(warm)
    run_lxw_each(warm)
    run_regex(warm)
    if extract_money:
        run_jionlp(extract_money, warm)

    results = {}  # (method, size) -> (seconds, per-report results)
    print("\n1. Extraction throughput, one core: all reports into one facts table")
    print(
        f"   {'reports':>8} {'characters':>12} {'planted':>9} {'seconds':>8} {'chars/s':>12} "
        f"{'s per 1,000 reports':>20} {'rows':>9} {'CPU/wall':>9}"
    )
    for n in sizes:
        chars = sum(map(len, texts[:n]))
        gc.collect()
        cpu = time.process_time()
        seconds, table = timed(run_lxw, texts[:n])
        cpu = time.process_time() - cpu
        results["lxw", n] = seconds, table
        planted = sum(len(r.planted) for r in corpus[:n])
        print(
            f"   {n:8,} {chars:12,} {planted:9,} {seconds:8.2f} {chars / seconds:12,.0f} "
            f"{seconds / n * 1000:20.3f} {len(table):9,} {cpu / seconds:9.0%}"
        )
    print("   planted: statistics the generator put in; CPU/wall: the share of a core this run got (100%: undisturbed)")
    ordinary_rate = sum(map(len, texts[: sizes[-1]])) / results["lxw", sizes[-1]][0]

    for n in sizes:
        gc.collect()
        results["each", n] = timed(run_lxw_each, texts[:n])[0], None
        gc.collect()
        results["regex", n] = timed(run_regex, texts[:n])
    jionlp_sizes = []
    if extract_money:
        for n in sizes:
            if jionlp_sizes:
                last = jionlp_sizes[-1]
                projected = results["jionlp", last][0] / last * n
                if projected > JIONLP_BUDGET_S:
                    break
            gc.collect()
            results["jionlp", n] = timed(run_jionlp, extract_money, texts[:n])
            jionlp_sizes.append(n)

    names = {
        "lxw": "lxw_analysis (every statistic)",
        "each": "lxw, a table per report",
        "regex": "baseline plain regex",
        "jionlp": "jionlp extract_money (money)",
    }
    print("\n2. Baselines on the same corpus, same run, one core")
    print(f"   {'method':34} {'reports':>8} {'seconds':>8} {'chars/s':>12} {'s per 1,000 reports':>20}")
    for method in ("lxw", "each", "regex", "jionlp"):
        for n in sizes:
            if (method, n) in results:
                seconds = results[method, n][0]
                chars = sum(map(len, texts[:n]))
                print(
                    f"   {names[method]:34} {n:8,} {seconds:8.2f} {chars / seconds:12,.0f} {seconds / n * 1000:20.3f}"
                )
    if not extract_money:
        print("   jionlp extract_money: skipped, jionlp is not installed (`make bench` installs it)")
    elif jionlp_sizes != sizes:
        skipped = ", ".join(f"{n:,}" for n in sizes if n not in jionlp_sizes)
        print(
            f"   jionlp extract_money: run on {', '.join(f'{n:,}' for n in jionlp_sizes)} reports only; "
            f"on {skipped} it would take over {JIONLP_BUDGET_S} s"
        )
    for method in ("regex", "jionlp"):
        for mine, how in (("lxw", "all reports in one table"), ("each", "a table per report")):
            ratios = [
                f"{n:,} reports {results[method, n][0] / results[mine, n][0]:.2f}x"
                for n in sizes
                if (method, n) in results
            ]
            if ratios:
                print(f"   speed of lxw ({how}) / {names[method].split(' (')[0]}, chars/s: {'; '.join(ratios)}")
    print("   (a speed ratio above 1: lxw reads more characters per second, finding every statistic, not money alone)")

    print("\n   Statistics found: planted statistics whose value and unit a method reports where they were planted")
    print(
        f"   {'method':34} {'reports':>8} {'found':>9} {'of planted':>11} {'share':>7} {'misread':>8} {'not a statistic':>16}"
    )
    lines = []
    for n in sizes:
        n_reports, table = n, results["lxw", n][1]
        lines.append(("lxw_analysis, every statistic", n, score(corpus[:n], lxw_found(table, n_reports))))
        lines.append(("baseline plain regex, every stat.", n, score(corpus[:n], results["regex", n][1])))
    for n in jionlp_sizes:
        table = results["lxw", n][1]
        lines.append(("lxw_analysis, money (元)", n, score(corpus[:n], lxw_found(table, n, unit="元"), unit="元")))
        lines.append(("jionlp extract_money, money (元)", n, score(corpus[:n], results["jionlp", n][1], unit="元")))
    for label, n, s in lines:
        print(f"   {label:34} {n:8,} {s.found:9,} {s.planted:11,} {s.share:7.1%} {s.misread:8,} {s.false_positive:16,}")
    print(
        "   misread: reported on a planted statistic with another value or unit (a range's upper end, a bracket's\n"
        "   edge, the last digits of 1,234); not a statistic: reported where none was planted (false positives:\n"
        "   years, road codes, ordinals, quoted names). Money in 元; the regex's 万/亿 applied and 名/位 read as 人."
    )
    del results, lines
    gc.collect()

    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(texts, Path(tmp) / "raw")
        measure_command(Path(tmp) / "raw", jobs=2)
        if args.quick:
            print("\n4. lxw build timings: skipped in --quick mode")
            print("\n5. --jobs timings: skipped in --quick mode")
        else:
            measure_build()
            measure_jobs(paths)
    oversized = [
        ("~1,000,000 characters (made up)", "long", 3 * 10**6),
        ("one line, no 。 (made up)", "line", 2**20),
        ("20 MB report (made up)", "long", config.MAX_REPORT_BYTES - 2**16),
    ]
    if args.quick:
        oversized = [("one line, no 。 (made up)", "line", 2**17), ("1 MB report (made up)", "long", 2**20)]
    measure_oversized(texts, ordinary_rate, oversized)
    measure_big_table(10_000 if args.quick else args.table_rows)
    print(f"\nLoad average at the end: {load()}.")


if __name__ == "__main__":
    main()
