"""Where the build may write, and how it replaces what it wrote before.

The build owns an output folder only when the folder carries the marker file it created
(``.lxw-build.json``), which also lists every file that build wrote. A rebuild writes into a
hidden staging folder and swaps it in at the end; files the previous build did not write (a
README, a user's notes) are carried over, never deleted. A folder without the marker that
holds anything else is refused unless the user adopts it (``--replace``), and no output may
hold or lie inside an input, the package, a git repository, the home folder or ``/``. A build
that renders part of the project carries the pages it does not render again over into the new
folder (``carry_over``), so they stay its own.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

from . import config
from .errors import LxwError
from .files import _umask

__all__ = ["MARKER", "KEPT", "manifest", "check_outputs", "exclusive", "remove_stale", "staged", "carry_over", "check_output_file"]

MARKER = ".lxw-build.json"
#: Files an output folder may hold before any build (the folder's own README in git).
KEPT = frozenset({"README.md", ".gitkeep"})


def _is_within(path: Path, folder: Path) -> bool:
    """True when ``path`` is ``folder`` or lies below it."""
    return path == folder or folder in path.parents


def _files_of(folder: Path) -> set[str]:
    """Every file below ``folder``, as POSIX paths relative to it (the marker excepted)."""
    found = set()
    for dirpath, _, names in os.walk(folder):
        for name in names:
            rel = (Path(dirpath) / name).relative_to(folder).as_posix()
            if rel != MARKER:
                found.add(rel)
    return found


def manifest(folder: Path) -> set[str] | None:
    """The files the last build wrote into ``folder``, or None when no build owns it."""
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    return set(files)


def _protected(inputs: dict[str, Path]) -> dict[str, Path]:
    """Folders no output may hold: the inputs, the package, the project's git folder, home, /."""
    places = dict(inputs)
    places["the lxw_analysis package"] = config.PACKAGE_DIR
    git = config.project_dir() / ".git"
    if git.exists():
        places["the project's git repository"] = git.resolve()
    places["your home folder"] = Path.home().resolve()
    places["the root folder"] = Path("/")
    return places


def _has_git(folder: Path) -> bool:
    for dirpath, dirnames, _ in os.walk(folder):
        if ".git" in dirnames or (Path(dirpath) / ".git").exists():
            return True
    return False


def check_outputs(outputs: dict[str, Path], inputs: dict[str, Path], *, replace: bool = False) -> None:
    """Refuse, before anything is written, outputs that overlap each other or an input, that
    hold something that must never be deleted, or that exist with files no build wrote.

    ``outputs`` and ``inputs`` name resolved folders (e.g. {"--reports": Path(...)}).
    """
    for what, out in outputs.items():
        for place, folder in _protected(inputs).items():
            inside = _is_within(out, folder) and place not in ("your home folder", "the root folder")
            if _is_within(folder, out) or inside:
                raise LxwError(
                    f"{out} ({what}) {'holds' if _is_within(folder, out) else 'lies inside'} {place} "
                    f"({folder}); the build replaces its output folders, so it never writes there. "
                    f"Choose another folder for {what}."
                )
    names = list(outputs)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if _is_within(outputs[a], outputs[b]) or _is_within(outputs[b], outputs[a]):
                raise LxwError(
                    f"{outputs[a]} ({a}) and {outputs[b]} ({b}) overlap; give each output its own folder."
                )
    for what, out in outputs.items():
        if not out.exists():
            continue
        if not out.is_dir():
            raise LxwError(f"{out} ({what}) is a file, not a folder; choose a folder for {what}.")
        if manifest(out) is not None:
            continue
        foreign = sorted(_files_of(out) - KEPT)
        if not foreign:
            continue
        if not replace:
            shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
            raise LxwError(
                f"{out} ({what}) already holds files that lxw build did not write ({shown}). "
                "The build replaces its output folders, so it will not write into this one. Choose an "
                "empty or new folder, or give --replace to let the build delete these files and use it."
            )
        if _has_git(out):
            raise LxwError(f"{out} ({what}) holds a git repository; the build never replaces such a folder.")


@contextmanager
def exclusive(targets: list[Path]):
    """Hold the build lock of each output folder (``.name.lock`` beside it, holding the pid):
    a second build on the same folders stops at once, naming the first; the operating system
    frees a lock when its holder ends, even when killed."""
    import fcntl

    held = []
    try:
        for target in dict.fromkeys(Path(t) for t in targets):
            target.parent.mkdir(parents=True, exist_ok=True)
            lock = target.parent / f".{target.name}.lock"
            handle = open(lock, "a+", encoding="utf-8")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "unknown"
                handle.close()
                raise LxwError(
                    f"{target}: another lxw build (process {holder}) is writing this folder. Wait for it to "
                    "finish, or stop it, and build again."
                ) from None
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            held.append(handle)
        yield
    finally:
        for handle in held:
            handle.close()


def remove_stale(target: Path) -> None:
    """Remove the staging folders of ``target`` that a killed build left behind."""
    for stale in target.parent.glob(f".{target.name}.building-*"):
        if stale.is_dir() and (stale / MARKER).exists():
            shutil.rmtree(stale, ignore_errors=True)


@contextmanager
def staged(target: Path):
    """A new folder to write ``target``'s contents into; it replaces ``target`` only on success.

    Files in ``target`` that the previous build did not write are carried over (of a folder
    adopted with ``--replace``, only its README); ``target`` keeps its permissions. A failure or
    Ctrl-C part-way leaves ``target`` as it was; a build killed outright leaves a hidden
    ``.name.building-*`` folder, which the next build removes.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(target)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    try:
        (stage / MARKER).write_text('{"files": []}', encoding="utf-8")  # ours, should it be left behind
        try:
            yield stage
        except OSError as err:  # name the file as the user knows it, not its staging copy
            if err.filename and str(err.filename).startswith(str(stage)):
                final = str(target) + str(err.filename)[len(str(stage)):]
                raise OSError(err.errno, err.strerror, final) from err
            raise
        written = _files_of(stage)
        previous = manifest(target) if target.exists() else set()
        existing = _files_of(target) if target.exists() else set()
        if previous is None:  # adopted with --replace: only the README is kept
            keep = existing & KEPT
        else:
            keep = existing - previous
        clash = sorted((keep - KEPT) & written)
        if clash:
            raise LxwError(
                f"{target / clash[0]} was not written by lxw build, and this build writes a file of that "
                "name; move it away and build again."
            )
        for rel in sorted(keep - written):
            (stage / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(target / rel, stage / rel, follow_symlinks=False)
        (stage / MARKER).write_text(
            json.dumps({"written_by": "lxw build", "files": sorted(written)}, ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o777 & ~_umask()
        os.chmod(stage, mode)
        old = target.parent / f".{target.name}.building-old-{os.getpid()}"
        if target.exists():
            os.rename(target, old)
        os.rename(stage, target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def carry_over(target: Path, stage: Path, files) -> list[str]:
    """Copy into ``stage`` (the new folder ``staged`` gives) those of ``files`` (POSIX paths
    relative to ``target``) that the previous build wrote into ``target`` and that are still
    there, so the new folder keeps them as this build's own. Returns the paths carried over;
    a file no build wrote, a link or a path leading out of ``target`` is never carried."""
    previous = manifest(target) if target.is_dir() else None
    carried = []
    for rel in dict.fromkeys(files):
        parts = Path(rel).parts
        if not previous or rel not in previous or Path(rel).is_absolute() or ".." in parts or rel == MARKER:
            continue
        source = target / rel
        if source.is_symlink() or not source.is_file() or not _is_within(source.resolve(), target.resolve()):
            continue
        (stage / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, stage / rel, follow_symlinks=False)
        carried.append(rel)
    return carried


def check_output_file(output: Path, inputs: list[Path], raw_folders: list[Path]) -> None:
    """Refuse an output file (``-o``) that is one of the inputs or lies in a raw data folder."""
    out = output.resolve()
    for path in inputs:
        if out == Path(path).resolve():
            raise LxwError(f"{output}: this is one of the input files; -o never writes over an input.")
    for raw in raw_folders:
        if _is_within(out, raw.resolve()):
            raise LxwError(f"{output}: this lies inside the raw data folder {raw}, which is never written to.")
    if out.is_dir():
        raise LxwError(f"{output}: this is a folder; give -o a file name (.csv or .parquet).")
