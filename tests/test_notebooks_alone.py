"""Each shipped notebook run as JupyterLab's "Run All" runs it: no parameters injected, the
kernel started in the notebooks folder, the project found through ``LXW_PROJECT_DIR``, on
processed data holding two townships. The page is about one township, names it and lists
the other; nothing of the other township's data is on it."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import RAW, ROOT


def township_notebook(path: Path) -> bool:
    """A notebook about one township (a project-wide one says ``"lxw": {"scope": "project"}``)."""
    return json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("lxw", {}).get("scope") != "project"


NOTEBOOKS = [p for p in sorted((ROOT / "notebooks").glob("*.ipynb")) if township_notebook(p)]
JUPYTER = Path(sys.executable).parent / "jupyter"

#: A made-up second township whose figures cannot be mistaken for 拉西瓦镇's (10 villages).
MADEUP_XINZHAI_2024 = (
    "新寨乡2024年党建工作总结（虚构示例，用于测试）\n"
    "2024年，新寨乡开展党委理论学习9次；党员轮训4期，轮训率达97.5%。"
    "全乡3个村村集体经济收益全部达5万元以上，其中5万至10万的村2个、10万以上的村1个。"
    "全年排查各类矛盾纠纷11起，化解11起。在上庄村投资13万元安装太阳能路灯26盏。\n"
)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A project folder with 拉西瓦镇 (the shipped report) and the made-up 新寨乡, built."""
    root = tmp_path_factory.mktemp("two-townships")
    raw = root / "data" / "raw"
    shutil.copytree(RAW, raw)
    (raw / "新寨乡").mkdir()
    (raw / "新寨乡" / "madeup_2024.txt").write_text(MADEUP_XINZHAI_2024, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lxw_analysis", "build", "--raw", raw, "--processed", root / "data" / "processed",
         "--reports", root / "reports"],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return root


def run_as_jupyterlab(notebook: Path, project: Path, out: Path) -> nbformat.NotebookNode:
    """Execute the notebook file as stored, with the kernel its metadata names, from its own folder."""
    env = {**os.environ, "LXW_PROJECT_DIR": str(project)}
    result = subprocess.run(
        [str(JUPYTER), "nbconvert", "--to", "notebook", "--execute", str(notebook), "--output-dir", str(out)],
        capture_output=True, text=True, cwd=notebook.parent, env=env, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return nbformat.read(out / notebook.name, as_version=4)


def shown_text(nb: nbformat.NotebookNode) -> str:
    """Everything the outputs show as text or HTML (tags and images left out)."""
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            parts.append(data.get("text/html", "") or data.get("text/plain", "") or output.get("text", ""))
            if output.get("output_type") == "error":
                parts.append("\n".join(output.get("traceback", [])))
    text = re.sub(r'<img[^>]*>|href="data:[^"]*"', "", "\n".join(parts))
    return re.sub(r"<[^>]+>", " ", text)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_notebook_run_all_in_jupyterlab_shows_one_township_names_it_and_lists_the_other(project, notebook, tmp_path):
    nb = run_as_jupyterlab(notebook, project, tmp_path)
    assert not any("injected-parameters" in c.metadata.get("tags", []) for c in nb.cells)
    text = shown_text(nb)
    assert "This page shows 拉西瓦镇; the data also hold 新寨乡 (set the township parameter)." in text
    assert re.search(r"拉西瓦镇: \S", text), "the page's heading names the township it shows"
    mentions = text.replace("the data also hold 新寨乡", "")
    assert "新寨乡" not in mentions and "上庄村" not in mentions, "the other township's data are on the page"
    assert "97.5" not in mentions and "13万元" not in mentions


def test_the_brackets_page_counts_one_townships_villages(project, tmp_path):
    nb = run_as_jupyterlab(ROOT / "notebooks" / "02_income_bands.ipynb", project, tmp_path)
    text = shown_text(nb)
    assert "2024: 10 villages in brackets:" in text and "13 villages" not in text

