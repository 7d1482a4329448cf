"""The project's set-up: what the Makefile installs, checks and opens, and the package as pip builds it."""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT

BIN = Path(sys.executable).parent
SCRIPT = ROOT / "scripts" / "system_packages.sh"
ABSENT = "lxw-madeup-absent-package"  # a Debian package name that exists nowhere


def make(*args, **kwargs) -> subprocess.CompletedProcess:
    """``make`` in the project with this environment's tools and no install step."""
    return subprocess.run(["make", *args, "INSTALL=", f"BIN={BIN}"], capture_output=True, text=True, **kwargs)


# --- the Debian packages the tests need ------------------------------------------------------


@pytest.fixture
def sandbox():
    """A folder every user can read, holding a copy of the script and a log the stubs write to.

    pytest's own tmp folders are private to their owner, and the script is run as nobody too.
    """
    with tempfile.TemporaryDirectory(prefix="lxw-system-packages-") as folder:
        root = Path(folder)
        root.chmod(0o755)
        (root / "bin").mkdir(mode=0o755)
        shutil.copy(SCRIPT, root / "system_packages.sh")
        log = root / "log"
        log.touch()
        log.chmod(0o666)
        yield root


def stub(sandbox: Path, name: str) -> None:
    """A command that records how it was called instead of doing anything."""
    path = sandbox / "bin" / name
    path.write_text(f'#!/bin/sh\necho "{name} $*" >> {sandbox / "log"}\n', encoding="utf-8")
    path.chmod(0o755)


def tools(sandbox: Path, *names: str) -> None:
    """Links to the real commands named, so a PATH of sandbox/bin alone has them and nothing else."""
    for name in names:
        (sandbox / "bin" / name).symlink_to(shutil.which(name))


def run_script(sandbox: Path, *packages: str, user: str, path: str) -> subprocess.CompletedProcess:
    """The script as root or as nobody, with the PATH given."""
    command = ["/bin/sh", str(sandbox / "system_packages.sh"), *packages]
    if user == "root" and os.geteuid() != 0:
        command = [shutil.which("unshare"), "--map-root-user", *command]
    elif user == "nobody" and os.geteuid() == 0:
        command = [shutil.which("setpriv"), "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, env={"PATH": path, "LANG": "C.UTF-8"}, timeout=60)


def test_make_system_packages_installs_nothing_when_every_package_is_there(sandbox):
    stub(sandbox, "apt-get")
    stub(sandbox, "sudo")
    env = {**os.environ, "PATH": f"{sandbox / 'bin'}:{os.environ['PATH']}"}
    result = make("-s", "system-packages", cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    assert (sandbox / "log").read_text() == "", "apt-get or sudo was run: a package the tests need is missing"
    assert result.stdout == "" and result.stderr == ""


def test_system_packages_as_root_installs_only_the_missing_ones_with_apt_get(sandbox):
    stub(sandbox, "apt-get")
    stub(sandbox, "sudo")
    result = run_script(sandbox, "dpkg", ABSENT, user="root", path=f"{sandbox / 'bin'}:{os.environ['PATH']}")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Installing Debian packages: {ABSENT}\n"
    assert (sandbox / "log").read_text().splitlines() == [
        "apt-get update -qq",
        f"apt-get install -y -qq --no-install-recommends {ABSENT}",
    ]


def test_system_packages_not_as_root_goes_through_sudo(sandbox):
    stub(sandbox, "apt-get")
    stub(sandbox, "sudo")
    tools(sandbox, "dpkg-query", "id")
    result = run_script(sandbox, ABSENT, user="nobody", path=str(sandbox / "bin"))
    assert result.returncode == 0, result.stderr
    assert (sandbox / "log").read_text().splitlines() == [
        "sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq",
        f"sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends {ABSENT}",
    ]


def test_system_packages_without_root_or_sudo_says_what_to_install_and_fails(sandbox):
    stub(sandbox, "apt-get")
    tools(sandbox, "dpkg-query", "id")
    result = run_script(sandbox, "dpkg", ABSENT, user="nobody", path=str(sandbox / "bin"))
    assert result.returncode == 1 and result.stdout == ""
    message = result.stderr
    assert message.count("\n") == 1, message  # one paragraph
    assert f"not installed: {ABSENT}." in message and f"'apt-get install {ABSENT}'" in message
    assert "not root and has no sudo" in message
    assert (sandbox / "log").read_text() == ""


def test_system_packages_without_dpkg_says_so(sandbox):
    tools(sandbox, "id")
    result = run_script(sandbox, "chromium", user="root", path=str(sandbox / "bin"))
    assert result.returncode == 1 and "has no dpkg" in result.stderr and "'chromium'" in result.stderr


def test_system_packages_without_arguments_shows_its_usage():
    result = subprocess.run(["/bin/sh", str(SCRIPT)], capture_output=True, text=True)
    assert result.returncode == 2 and "usage:" in result.stderr


def test_make_test_installs_the_system_packages_and_lints_before_the_tests():
    result = subprocess.run(["make", "-n", "test", "INSTALL="], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if not line.startswith("make")]
    system, lint, tests = (next(i for i, line in enumerate(lines) if word in line) for word in
                           ("system_packages.sh chromium fonts-noto-cjk", "ruff check", "pytest"))
    assert system < tests and lint < tests


# --- lint ------------------------------------------------------------------------------------


def test_make_lint_passes():
    result = make("lint", f"RUFF={BIN / 'ruff'}", cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_lint_rules_find_unused_imports_unsorted_imports_and_likely_bugs(tmp_path):
    bad = tmp_path / "madeup_module.py"
    bad.write_text(
        "import sys\nimport os\n\n\ndef f(items=[]):\n    return os.sep == 1 is 2\n", encoding="utf-8"
    )
    result = subprocess.run(
        [BIN / "ruff", "check", "--config", ROOT / "pyproject.toml", "--output-format", "concise", bad],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    found = set(re.findall(r": ([A-Z]+\d+) ", result.stdout))
    assert {"F401", "I001", "B006", "F632"} <= found, result.stdout


# --- notebooks: outputs stay out of git ------------------------------------------------------


def test_make_git_filter_stores_notebooks_without_their_outputs(tmp_path):
    repo = tmp_path / "madeup_repo"
    repo.mkdir()
    git = ["git", "-C", str(repo)]
    subprocess.run([*git, "init", "-q"], check=True)
    shutil.copy(ROOT / ".gitattributes", repo / ".gitattributes")
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "print(35)",
                execution_count=1,
                outputs=[nbformat.v4.new_output("stream", name="stdout", text="35\n")],
            )
        ]
    )
    nbformat.write(notebook, repo / "madeup.ipynb")
    result = subprocess.run(["make", "-f", str(ROOT / "Makefile"), "git-filter", f"BIN={BIN}"],
                            capture_output=True, text=True, cwd=repo)
    assert result.returncode == 0, result.stderr
    subprocess.run([*git, "add", "madeup.ipynb"], check=True)
    stored = nbformat.reads(subprocess.run([*git, "show", ":madeup.ipynb"], capture_output=True, text=True,
                                           check=True).stdout, as_version=4)
    assert stored.cells[0].source == "print(35)"
    assert stored.cells[0].outputs == [] and stored.cells[0].execution_count is None
    assert nbformat.read(repo / "madeup.ipynb", as_version=4).cells[0].outputs  # the working copy keeps them


def test_make_git_filter_outside_a_git_clone_does_nothing(tmp_path):
    result = subprocess.run(["make", "-s", "-f", str(ROOT / "Makefile"), "git-filter", f"BIN={BIN}"],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0 and result.stdout == "" and list(tmp_path.iterdir()) == []


# --- JupyterLab --------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_make_lab_opens_jupyterlab_at_the_project_root_with_the_notebooks_first(tmp_path):
    port, token = _free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
    }
    args = f"--no-browser --ip=127.0.0.1 --port={port} --ServerApp.port_retries=0 --IdentityProvider.token={token}"
    lab = subprocess.Popen(
        ["make", "lab", "INSTALL=", f"BIN={BIN}", f"LAB_ARGS={args}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "lab.log").open("w"),
        start_new_session=True,
    )
    try:
        page = None
        for _ in range(120):
            if lab.poll() is not None:
                pytest.fail(f"make lab stopped: {(tmp_path / 'lab.log').read_text()}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}", timeout=5) as response:
                    page = response.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.5)
        assert page, "JupyterLab did not answer within a minute"
        config = json.loads(re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>',
                                      page, re.S).group(1))
        assert Path(config["serverRoot"]).resolve() == ROOT and config["preferredPath"] == "notebooks"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents?token={token}", timeout=10) as response:
            top = {item["name"] for item in json.load(response)["content"]}
        assert {"data", "reports", "notebooks"} <= top
    finally:
        os.killpg(lab.pid, signal.SIGTERM)
        lab.wait(timeout=30)


# --- the package as pip builds it --------------------------------------------------------------


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """What pip reads of the project, copied, so the build's own build/ folder is not left in it."""
    copy = tmp_path / "lxw-analysis"
    copy.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, copy / name)
    shutil.copytree(ROOT / "lxw_analysis", copy / "lxw_analysis", ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def pip(*args, cwd) -> str:
    result = subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True, cwd=cwd, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_wheel_builds_without_warnings_and_holds_the_reference_tables_templates_and_example(project_copy, tmp_path):
    output = pip("wheel", "--no-deps", str(project_copy), "-w", str(tmp_path / "wheels"), cwd=tmp_path)
    assert not re.search("warn", output, re.I), output
    (wheel,) = (tmp_path / "wheels").glob("lxw_analysis-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("lxw_analysis/data/indicators.csv", "lxw_analysis/templates/index.html",
                 "lxw_analysis/templates/report/index.html.j2",
                 "lxw_analysis/examples/madeup_qingshi/raw/青石乡/madeup_2024.txt"):
        assert name in names
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)


def test_editable_install_prints_no_warnings(project_copy, tmp_path):
    output = pip("install", "--no-deps", "-e", str(project_copy), "--target", str(tmp_path / "site"), cwd=tmp_path)
    assert not re.search("warn", output, re.I), output
    (pth,) = (tmp_path / "site").glob("__editable__*lxw_analysis*.pth")
    assert Path(pth.read_text(encoding="utf-8").strip()) == project_copy
