"""The README's "In your own notebook" section runs, statement by statement, against the
shipped data built with ``lxw build`` into a temporary project.

Each statement is its own case, so each failure shows on its own; a case first runs the
imports and assignments above it (the names it may use), then its statement.
"""

import ast
import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402
from matplotlib import pyplot as plt  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SECTION = "## In your own notebook"


def snippet() -> str:
    """The first Python block of the README's own-notebook section."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index(SECTION):]
    section = section[: section.find("\n## ", len(SECTION))] if "\n## " in section[len(SECTION):] else section
    start = section.index("```python\n") + len("```python\n")
    return section[start: section.index("\n```", start)]


def statements() -> list[tuple[str, bool]]:
    """Each top-level statement's source, and whether later statements may need it (an import
    or an assignment)."""
    code = snippet()
    lines = code.splitlines()
    out = []
    for node in ast.parse(code).body:
        source = "\n".join(lines[node.lineno - 1: node.end_lineno])
        out.append((source, isinstance(node, (ast.Import, ast.ImportFrom, ast.Assign, ast.AnnAssign))))
    return out


STATEMENTS = statements()


def case_id(source: str) -> str:
    first = source.splitlines()[0].split("  #")[0].strip()
    return first if len(first) <= 70 else first[:67] + "..."


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A project holding the shipped raw data, built with ``lxw build``."""
    root = tmp_path_factory.mktemp("readme_project")
    shutil.copytree(ROOT / "data" / "raw", root / "data" / "raw")
    done = subprocess.run(
        [sys.executable, "-m", "lxw_analysis", "build", "--raw", str(root / "data" / "raw"),
         "--processed", str(root / "data" / "processed"), "--reports", str(root / "reports")],
        capture_output=True, text=True, cwd=root, timeout=900,
        env={**{k: v for k, v in os.environ.items() if k != "LXW_PROJECT_DIR"}, "MPLBACKEND": "Agg"},  # the notebooks
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert (root / "data" / "processed" / "facts.parquet").exists()
    return root


@pytest.fixture
def in_project(project, monkeypatch) -> Path:
    monkeypatch.setenv("LXW_PROJECT_DIR", str(project))
    monkeypatch.chdir(project)
    yield project
    plt.close("all")


def run(source: str, namespace: dict) -> None:
    exec(compile(source, str(README), "exec"), namespace)


def test_the_section_has_statements_to_run():
    assert len(STATEMENTS) >= 20 and any("load_facts" in s for s, _ in STATEMENTS)


@pytest.mark.parametrize("index", range(len(STATEMENTS)), ids=[case_id(s) for s, _ in STATEMENTS])
def test_readme_statement_runs_on_the_shipped_data(in_project, index):
    namespace: dict = {}
    for source, needed in STATEMENTS[:index]:
        if needed:
            run(source, namespace)
    source, _ = STATEMENTS[index]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        run(source, namespace)
    deprecated = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning) and w.filename == str(README)]
    assert not deprecated, f"the README calls a deprecated name: {deprecated}"
