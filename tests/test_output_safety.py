"""A build never deletes what it did not write, and its cache never runs what it loads.

Each test works on a temporary project (raw data, notebooks, a git repository) and checks that
a refused command leaves all of it byte-identical.
"""

import os
import pickle
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import RAW, ROOT
from test_build import tree_digest

NOTEBOOK = ROOT / "notebooks" / "01_overview.ipynb"


@pytest.fixture
def project(tmp_path):
    """A project folder with data/raw, a notebooks folder (one notebook), a git repository, and
    a home folder of its own, plus a helper running ``lxw`` in it."""
    root = tmp_path / "project"
    shutil.copytree(RAW, root / "data" / "raw")
    (root / "notebooks").mkdir()
    shutil.copy(NOTEBOOK, root / "notebooks")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / "README.md").write_text("# a project\n", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    (home / "letter.txt").write_text("private", encoding="utf-8")
    env = {**os.environ, "LXW_PROJECT_DIR": str(root), "HOME": str(home)}

    def lxw(*args):
        return subprocess.run(
            [sys.executable, "-m", "lxw_analysis", *map(str, args)], capture_output=True, text=True, cwd=root, env=env
        )

    return root, home, lxw


def snapshot(root):
    return {
        "raw": tree_digest(root / "data" / "raw"),
        "notebooks": tree_digest(root / "notebooks"),
        "git": tree_digest(root / ".git"),
        "readme": (root / "README.md").read_bytes(),
    }


def build_args(root, processed, reports):
    return ["build", "--raw", root / "data" / "raw", "--notebooks", root / "notebooks",
            "--processed", processed, "--reports", reports]


@pytest.mark.parametrize(
    "processed,reports,why",
    [
        ("data", "elsewhere/reports", "holds the raw data folder"),
        ("elsewhere/processed", ".", "holds the raw data folder"),
        ("data/processed", "data/raw/reports", "lies inside the raw data folder"),
        ("data/processed", "notebooks", "holds the notebooks folder"),
        ("out", "out", "overlap"),
        ("out", "out/reports", "overlap"),
        ("data/processed", "HOME", "holds your home folder"),
    ],
)
def test_outputs_that_hold_or_overlap_inputs_are_refused_and_nothing_changes(project, processed, reports, why):
    root, home, lxw = project
    before = snapshot(root)
    home_before = tree_digest(home)
    reports = home if reports == "HOME" else root / reports
    result = lxw(*build_args(root, root / processed, reports))
    assert result.returncode == 2, result.stderr
    assert why in result.stderr and "Traceback" not in result.stderr
    assert snapshot(root) == before
    assert tree_digest(home) == home_before


def test_replace_never_adopts_a_folder_holding_the_project(project):
    root, _, lxw = project
    before = snapshot(root)
    result = lxw(*build_args(root, root / "data" / "processed", root), "--replace")
    assert result.returncode == 2 and "holds" in result.stderr
    assert snapshot(root) == before


def test_a_foreign_folder_is_refused_and_its_files_untouched(project):
    root, home, lxw = project
    desktop = home / "Desktop"
    desktop.mkdir()
    (desktop / "photo.jpg").write_bytes(b"\xff\xd8 a photo")
    (desktop / "notes").mkdir()
    (desktop / "notes" / "todo.txt").write_text("buy milk", encoding="utf-8")
    before = tree_digest(desktop)
    result = lxw(*build_args(root, root / "data" / "processed", desktop))
    assert result.returncode == 2
    assert "already holds files that lxw build did not write" in result.stderr and "--replace" in result.stderr
    assert tree_digest(desktop) == before


def test_replace_adopts_a_foreign_folder_once_then_the_build_owns_it(project):
    root, home, lxw = project
    old = root / "old-reports"
    old.mkdir()
    (old / "stale.html").write_text("old page", encoding="utf-8")
    result = lxw(*build_args(root, root / "data" / "processed", old), "--replace")
    assert result.returncode == 0, result.stderr
    assert not (old / "stale.html").exists() and (old / "index.html").exists()
    assert lxw(*build_args(root, root / "data" / "processed", old)).returncode == 0


def test_files_a_user_adds_to_an_output_folder_survive_a_rebuild(project):
    root, _, lxw = project
    args = build_args(root, root / "data" / "processed", root / "reports")
    assert lxw(*args).returncode == 0
    (root / "reports" / "my_notes.md").write_text("keep me", encoding="utf-8")
    result = lxw(*args, "--force")
    assert result.returncode == 0, result.stderr
    assert (root / "reports" / "my_notes.md").read_text(encoding="utf-8") == "keep me"


def test_output_folders_keep_their_permissions(project):
    root, _, lxw = project
    private = root / "private-reports"
    private.mkdir(mode=0o700)
    os.chmod(private, 0o700)
    args = build_args(root, root / "data" / "processed", private)
    for _ in range(2):  # the first build adopts the empty folder, the second replaces its own
        assert lxw(*args, "--force").returncode == 0
        assert stat.S_IMODE(private.stat().st_mode) == 0o700


def test_a_staging_folder_the_build_did_not_make_is_left_alone(project):
    root, _, lxw = project
    lookalike = root / ".reports.building-mine"
    lookalike.mkdir()
    (lookalike / "work.txt").write_text("mine", encoding="utf-8")
    assert lxw(*build_args(root, root / "data" / "processed", root / "reports")).returncode == 0
    assert (lookalike / "work.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("output", ["data/raw/laxiwa/2024.txt", "data/raw/laxiwa/facts.csv", "data/raw"])
def test_extract_never_writes_over_an_input_or_into_raw(project, output):
    root, _, lxw = project
    before = snapshot(root)
    result = lxw("extract", root / "data" / "raw" / "laxiwa" / "2024.txt", "-o", root / output)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "input" in result.stderr or "raw data folder" in result.stderr
    assert snapshot(root) == before


class _Payload:
    """Unpickling this runs a command that leaves a file behind."""

    def __init__(self, sentinel):
        self.sentinel = sentinel

    def __reduce__(self):
        return (os.system, (f"touch {self.sentinel}",))


def set_stamp_aside(cache: Path) -> None:
    """Remove the last build's stamp, so the next build reads its cache entries (with the stamp
    and nothing changed, it would read none)."""
    for stamp in cache.glob("stamp-*"):
        stamp.unlink()


def test_a_tampered_cache_entry_is_ignored_without_running_anything(project, tmp_path):
    root, _, lxw = project
    args = build_args(root, root / "data" / "processed", root / "reports")
    assert lxw(*args).returncode == 0
    cache = root / "data" / ".processed-cache"
    entries = sorted(p for p in cache.iterdir() if p.name.startswith("report-"))
    assert entries, "the first build cached its report"
    facts_before = (root / "data" / "processed" / "facts.csv").read_bytes()
    sentinel = tmp_path / "pwned"
    entries[0].write_bytes(pickle.dumps(_Payload(sentinel)))
    set_stamp_aside(cache)
    result = lxw(*args)
    assert result.returncode == 0, result.stderr
    assert not sentinel.exists(), "the cache ran code it loaded"
    assert f"cache: ignored entry {entries[0].name}" in result.stderr
    assert (root / "data" / "processed" / "facts.csv").read_bytes() == facts_before


@pytest.mark.parametrize(
    "tamper",
    [
        lambda s: s.replace('"version": 2', '"version": 1'),
        lambda s: s.replace("拉西瓦镇", "某某镇"),
        lambda s: s[: len(s) // 2],
        lambda s: "[]",
    ],
    ids=["older version", "changed contents", "truncated", "wrong shape"],
)
def test_a_cache_entry_that_does_not_verify_is_recomputed(tmp_path, tamper):
    from lxw_analysis.cache import Cache

    notices = []
    cache = Cache(tmp_path, notice=notices.append)
    cache.put("report-" + "0" * 64, {"source": ["a", "拉西瓦镇", 2024, "a"], "rows": [], "text": "x"})
    path = tmp_path / ("report-" + "0" * 64)
    path.write_text(tamper(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert Cache(tmp_path, notice=notices.append).get(path.name) is None
    assert len(notices) == 1 and "recomputing" in notices[0]


def test_a_cache_entry_round_trips(tmp_path):
    from lxw_analysis.cache import Cache

    value = {"rows": [["拉西瓦镇", 2024, float("nan"), None]], "text": "开展学习17次"}
    Cache(tmp_path).put("report-" + "1" * 64, value)
    got = Cache(tmp_path).get("report-" + "1" * 64)
    assert got["text"] == value["text"] and got["rows"][0][:2] == ["拉西瓦镇", 2024] and got["rows"][0][3] is None


@pytest.mark.parametrize(
    "kind,wrong",
    [("report", [0, 1]), ("report", {"source": None}), ("html", {"page": 1}), ("html", ["<html>"]), ("stamp", [])],
    ids=["report list", "report missing fields", "html dict", "html list", "stamp list"],
)
def test_a_cache_entry_of_the_wrong_type_is_recomputed_by_the_next_build(project, kind, wrong):
    """Entries that verify (right version and checksum) but hold the wrong shape of data."""
    from lxw_analysis.cache import Cache

    root, _, lxw = project
    args = build_args(root, root / "data" / "processed", root / "reports")
    assert lxw(*args).returncode == 0
    facts_before = (root / "data" / "processed" / "facts.csv").read_bytes()
    folder = root / "data" / ".processed-cache"
    entry = next(p for p in sorted(folder.iterdir()) if p.name.startswith(f"{kind}-"))
    if kind != "stamp":
        set_stamp_aside(folder)
    Cache(folder).put(entry.name, wrong)
    result = lxw(*args)
    assert result.returncode == 0, result.stderr
    assert f"cache: ignored entry {entry.name} (unreadable: " in result.stderr and "fault" not in result.stderr
    assert (root / "data" / "processed" / "facts.csv").read_bytes() == facts_before
    assert lxw(*args).returncode == 0 and "ignored entry" not in lxw(*args).stderr, "the entry was written again"


@pytest.mark.parametrize("place", ["/", "PACKAGE", "PACKAGE_PARENT", "INSIDE_PACKAGE"])
def test_an_output_holding_or_inside_the_package_or_the_root_folder_is_refused(tmp_path, place):
    from lxw_analysis import LxwError, config
    from lxw_analysis.outputs import check_outputs

    folder = {
        "/": Path("/"),
        "PACKAGE": config.PACKAGE_DIR,
        "PACKAGE_PARENT": config.PACKAGE_DIR.parent,
        "INSIDE_PACKAGE": config.PACKAGE_DIR / "reports",
    }[place]
    with pytest.raises(LxwError, match=r"\(--reports\) (holds|lies inside) (the lxw_analysis package|the root folder|the project's git)"):
        check_outputs({"--reports": folder.resolve(), "--processed": tmp_path / "p"}, {})


@pytest.mark.parametrize("how", ["writable-by-others", "owned-by-another-user"])
def test_a_cache_entry_others_could_have_written_is_ignored(tmp_path, how, monkeypatch):
    from lxw_analysis.cache import Cache

    notices = []
    cache = Cache(tmp_path / "cache", notice=notices.append)
    cache.put("report-abc", {"rows": [1, 2]})
    entry = tmp_path / "cache" / "report-abc"
    if how == "writable-by-others":
        entry.chmod(0o666)
    else:
        monkeypatch.setattr(os, "getuid", lambda: os.stat(entry).st_uid + 1)
    assert Cache(tmp_path / "cache", notice=notices.append).get("report-abc") is None
    assert notices == ["cache: ignored entry report-abc (not owned by you, or writable by others); recomputing it"]
