"""The project's set-up: what the Makefile installs, checks and opens, and the package as pip builds it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

BIN = Path(sys.executable).parent


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
