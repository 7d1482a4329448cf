"""The project's set-up files agree with each other and with the standing rules."""

import hashlib
import inspect
import re
import subprocess
import tomllib

import nbformat
import pytest
import yaml

import lxw_analysis as lxw
from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
ENVIRONMENT = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _conda_requirements() -> dict[str, str]:
    reqs = {}
    for dep in ENVIRONMENT["dependencies"]:
        for req in dep["pip"] if isinstance(dep, dict) else [dep]:
            if not req.startswith("-e"):
                reqs[_name(req)] = req.replace(" ", "")
    return reqs


def test_environment_yml_installs_the_same_dependencies_as_pyproject():
    project = PYPROJECT["project"]
    wanted = {_name(r): r.replace(" ", "") for r in project["dependencies"] + project["optional-dependencies"]["dev"]}
    conda = _conda_requirements()
    conda.pop("python"), conda.pop("pip")
    assert conda == wanted


def test_environment_yml_installs_the_package_itself_editable():
    pip = next(d["pip"] for d in ENVIRONMENT["dependencies"] if isinstance(d, dict))
    assert "-e .[dev]" in pip


def test_python_version_agrees():
    assert PYPROJECT["project"]["requires-python"] == ">=3.11"
    assert "python>=3.11" in ENVIRONMENT["dependencies"]


NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def git_blob(revision: str, path) -> str | None:
    """The text git stores for a file: in a commit (``HEAD``) or, for ``""``, in the index."""
    result = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{revision}:{path.relative_to(ROOT).as_posix()}"],
        capture_output=True,
        text=True,
    )
    return result.stdout if result.returncode == 0 else None


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_in_git_without_outputs(notebook):
    """What git holds, not the working copy, which JupyterLab may have saved with its outputs."""
    assert (ROOT / ".git").exists(), "the project is not a git clone: the stored notebooks cannot be checked"
    staged = git_blob("", notebook)
    assert staged is not None, f"{notebook.relative_to(ROOT)} is not in git: `git add` it"
    stored = {"the index": staged}
    if (committed := git_blob("HEAD", notebook)) is not None:
        stored["HEAD"] = committed
    for where, text in stored.items():
        for cell in nbformat.reads(text, as_version=4).cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, f"{where} holds outputs"


def test_git_filters_notebooks_through_nbstripout():
    attributes = subprocess.run(
        ["git", "-C", str(ROOT), "check-attr", "filter", "--", *(str(n.relative_to(ROOT)) for n in NOTEBOOKS)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert attributes and all(line.endswith(": filter: nbstripout") for line in attributes)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_takes_parameters(notebook):
    nb = nbformat.read(notebook, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and "township" in tagged[0].source and "data_dir" in tagged[0].source
    assert "../" not in "".join(c.source for c in nb.cells) and "sys.path" not in "".join(c.source for c in nb.cells)


def test_every_public_name_is_in_all_and_every_name_in_all_exists():
    public = {name for name, value in vars(lxw).items() if not name.startswith("_") and not inspect.ismodule(value)}
    assert set(lxw.__all__) == public and len(lxw.__all__) == len(set(lxw.__all__))
    assert {"read_table", "read_tables", "extract_file", "load_facts", "extract_facts"} <= public


def test_every_lxw_name_the_readme_uses_is_in_all():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.findall(r"^```\w*\n(.*?)^```", readme, flags=re.M | re.S) + re.findall(r"`([^`\n]+)`", readme)
    used = {name for block in code for name in re.findall(r"\blxw\.([A-Za-z_]\w*)", block)}
    assert {"load_facts", "extract_facts"} <= used
    assert used - set(lxw.__all__) == set()


def test_readme_quick_start_is_the_two_make_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^\s*(make \w+)", quick, flags=re.M)
    assert commands == ["make report", "make test"]
    assert "conda env create -f environment.yml" in readme


def test_ci_runs_the_readme_test_command_and_installs_nothing_itself():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, flags=re.M) and "set -euo pipefail" in ci
    commands = [line.strip() for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert commands == ["set -euo pipefail", 'cd "$(dirname "$0")/.."', "make test"]


def test_raw_report_is_the_one_sources_md_records():
    sources = (ROOT / "data" / "raw" / "SOURCES.md").read_text(encoding="utf-8")
    digest = hashlib.sha256((ROOT / "data" / "raw" / "laxiwa" / "2024.txt").read_bytes()).hexdigest()
    assert "`laxiwa/2024.txt`" in sources and digest in sources


def test_generated_outputs_are_not_committed():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert "/data/processed/*" in ignored and "/reports/*" in ignored
    assert (ROOT / "data" / "processed" / "README.md").exists() and (ROOT / "reports" / "README.md").exists()


def test_the_readme_layout_lists_every_module_and_nothing_that_is_not_there():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme.split("## Layout", 1)[1].split("```", 2)[1]
    listed = set(re.findall(r"^  ([a-z_]+\.py|[a-z]+/)", layout, re.M))
    package = ROOT / "lxw_analysis"
    modules = {p.name for p in package.glob("*.py") if p.name not in ("__init__.py", "__main__.py")}
    folders = {p.name + "/" for p in package.iterdir() if p.is_dir() and not p.name.startswith("__")}
    assert modules | folders == listed
    for top in re.findall(r"^([a-z_/]+/) ", layout, re.M):
        assert (ROOT / top).exists(), top


def test_every_module_of_the_package_lists_its_public_names():
    import importlib
    import pkgutil

    import lxw_analysis

    for info in pkgutil.iter_modules(lxw_analysis.__path__):
        if info.name == "__main__":
            continue
        module = importlib.import_module(f"lxw_analysis.{info.name}")
        assert hasattr(module, "__all__"), info.name
        assert all(hasattr(module, name) for name in module.__all__), info.name
