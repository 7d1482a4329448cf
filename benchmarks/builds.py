"""Build timings on generated made-up projects, against rendering the same pages without lxw.

    python benchmarks/builds.py

For projects of (1 township, 1 year), (3, 2) and (10, 3), each generated into a temporary
folder from the made-up corpus (``corpus.generate``: the real 2024 Laxiwa report's sentences,
every number made up, each township and year named in its text as its file is named), this
prints the wall time of ``lxw build`` cold (fresh output folders and cache) and warm (again,
nothing changed: the build says so and stops), seconds per page, the cold build's processor
time (user + system, of the build and of every process it ran: extraction, kernels; wall time
on a shared machine says more about the machine's other work), and the same pages rendered
the way a user would without lxw: ``papermill`` executing each notebook with the parameters the build gives it, then
``jupyter nbconvert --to html`` on the result, one page after another. papermill is installed
for the benchmark only (``benchmarks/requirements.txt``); without it that column is skipped.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import ROOT, generate

#: The made-up projects: (townships, years).
SIZES = [(1, 1), (3, 2), (10, 3)]
FIRST_YEAR = 2022
#: Made-up township names (none of them the shipped example's or a real report's).
MADEUP_TOWNSHIPS = ["示例一乡", "示例二镇", "示例三乡", "示例四镇", "示例五乡",
                    "示例六镇", "示例七乡", "示例八镇", "示例九乡", "示例十镇"]  # fmt: skip


def madeup_project(folder: Path, townships: int, years: int, seed: int = 19) -> Path:
    """A made-up raw folder of ``townships`` × ``years`` generated reports; returns it."""
    raw = folder / "raw"
    reports = generate(townships * years, seed, record=False)
    for i, report in enumerate(reports):
        name, year = MADEUP_TOWNSHIPS[i // years], FIRST_YEAR + i % years
        text = report.text.replace("拉西瓦镇", name).replace("2024年", f"{year}年")
        path = raw / name / f"{year}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return raw


def lxw_build(raw: Path, out: Path) -> tuple[float, subprocess.CompletedProcess]:
    """``lxw build`` of ``raw`` into ``out`` as a command with its default options: (seconds, result)."""
    seconds, _, result = timed_build(raw, out)
    return seconds, result


def timed_build(raw: Path, out: Path) -> tuple[float, float, subprocess.CompletedProcess]:
    """``lxw build`` of ``raw`` into ``out``: (wall seconds, processor seconds, result). The
    processor time is user + system of the build and of the processes it waited for."""
    argv = [sys.executable, "-m", "lxw_analysis", "build", "--raw", raw,
            "--processed", out / "processed", "--reports", out / "reports"]  # fmt: skip
    before, start = _children_cpu(), time.perf_counter()
    result = subprocess.run([str(a) for a in argv], capture_output=True, text=True, cwd=ROOT)
    return time.perf_counter() - start, _children_cpu() - before, result


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def built_pages(out: Path) -> list[dict]:
    """The pages the build lists (its ``.lxw-pages.json``)."""
    return json.loads((out / "reports" / ".lxw-pages.json").read_text(encoding="utf-8"))


def papermill_pages(pages: list[dict], processed: Path, work: Path) -> tuple[float, int]:
    """Each page as a user renders it without lxw: papermill with the build's parameters, then
    ``jupyter nbconvert --to html``, one page after another. Returns (seconds, pages failed)."""
    bin_dir = Path(sys.executable).parent
    notebooks = ROOT / "notebooks"
    townships = [p["township"] for p in pages if p["township"]]
    failed = 0
    start = time.perf_counter()
    for i, page in enumerate(pages):
        params = {"years": None, "banner": None, "data_dir": str(processed)}
        if page["township"]:
            params["township"] = page["township"]
        else:
            params["townships"] = list(dict.fromkeys(townships))
        executed = work / f"{i:03d}_{page['notebook']}"
        run = subprocess.run(
            [str(bin_dir / "papermill"), str(notebooks / page["notebook"]), str(executed),
             "-y", json.dumps(params, ensure_ascii=False), "--cwd", str(notebooks), "--no-progress-bar"],
            capture_output=True, text=True, cwd=ROOT,
        )  # fmt: skip
        if run.returncode == 0:
            run = subprocess.run(
                [str(bin_dir / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)],
                capture_output=True, text=True, cwd=ROOT,
            )  # fmt: skip
        failed += run.returncode != 0
    return time.perf_counter() - start, failed


def has_papermill() -> bool:
    return (Path(sys.executable).parent / "papermill").exists()


def measure_builds(sizes=SIZES) -> None:
    """Print cold and warm build times of made-up projects and the papermill + nbconvert baseline."""
    print(
        "\n4. lxw build of generated made-up projects (townships × years; temporary folders), as a command with"
        " its default options:\n   cold (fresh folders and cache), warm (again, nothing changed), and the same"
        " pages rendered without lxw\n   (papermill with the same parameters, then `jupyter nbconvert --to html`,"
        " one page after another)"
    )
    baseline = has_papermill()
    if not baseline:
        print("   papermill is not installed (pip install -r benchmarks/requirements.txt): its column is skipped")
    print(f"   {'made-up project':>16} {'pages':>5} {'cold':>8} {'per page':>9} {'cpu':>7} {'warm':>7} "
          f"{'papermill+nbconvert':>20} {'per page':>9} {'ratio':>6}")  # fmt: skip
    for townships, years in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            raw = madeup_project(folder, townships, years)
            out = folder / "out"
            cold, cpu, result = timed_build(raw, out)
            if result.returncode != 0:
                print(f"   ({townships}, {years}): build failed (exit {result.returncode}): "
                      f"{result.stderr.strip().splitlines()[-1:]}")  # fmt: skip
                continue
            warm, again = lxw_build(raw, out)
            pages = [p for p in built_pages(out) if p["ok"]]
            n = len(pages)
            line = f"   {f'({townships}, {years})':>16} {n:5} {cold:7.1f}s {cold / n:8.2f}s {cpu:6.1f}s {warm:6.2f}s"
            if again.returncode != 0:
                line += " (warm build failed)"
            elif "Nothing changed" not in again.stderr:
                line += " (warm build ran in full: the cold one could not read a file or render a page)"
            if baseline:
                work = folder / "papermill"
                work.mkdir()
                seconds, failed = papermill_pages(pages, out / "processed", work)
                line += f" {seconds:19.1f}s {seconds / n:8.2f}s {seconds / cold:5.1f}x"
                if failed:
                    line += f" ({failed} page(s) failed under papermill)"
                shutil.rmtree(work, ignore_errors=True)
            print(line)
    print("   cpu: the cold build's processor time (user + system, its extraction processes and kernels included)")
    print("   ratio: papermill + nbconvert time over the cold build's, on the same pages in the same run")


if __name__ == "__main__":
    measure_builds()
