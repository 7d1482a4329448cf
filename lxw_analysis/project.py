"""``lxw init``: a new analysis project, for another county, laid out as ``lxw build`` expects.

The project holds ``data/raw/`` (with a README on naming files, ``files.csv`` and
``SOURCES.md``), ``data/processed/``, ``references/`` (the package's reference tables' headers,
read over the package's own rows), ``notebooks/`` (copies of the current project's), ``reports/``,
a Makefile whose ``make report`` runs ``lxw build`` there, a README, and ``lxw-project.toml``,
the marker by which ``config.project_dir`` finds the project from any folder inside it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shlex
import shutil
import sys
import tempfile
from importlib import resources
from pathlib import Path

import jinja2

from . import config
from .errors import LxwError
from .files import _umask
from .identity import LISTING_FILE

__all__ = ["PROJECT_MARKER", "REFERENCE_TABLES", "init"]

#: The file that marks a folder as an lxw project (``config.project_dir`` looks for it).
PROJECT_MARKER = "lxw-project.toml"
#: The reference tables a project may hold in ``references/``, each with the package's header.
REFERENCE_TABLES = ("townships.csv", "villages.csv", "indicators.csv")

#: Template → where it goes in the new project.
_TEMPLATES = {
    "Makefile": "Makefile",
    "README.md": "README.md",
    "gitignore": ".gitignore",
    "raw_README.md": "data/raw/README.md",
    "SOURCES.md": "data/raw/SOURCES.md",
    "processed_README.md": "data/processed/README.md",
    "references_README.md": "references/README.md",
    "reports_README.md": "reports/README.md",
}


def _header(table: str) -> str:
    """The header line of one of the package's reference tables (its first line not a comment)."""
    text = resources.files("lxw_analysis").joinpath("data", table).read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lxw-analysis")
    except PackageNotFoundError:
        return "unversioned"


def init(folder: Path, *, notebooks: Path | None = None) -> Path:
    """Create a new analysis project in ``folder`` (which must not exist, or be empty) and return
    its resolved path. Its notebooks are copies of those in ``notebooks`` (default: the current
    project's ``notebooks/``). Nothing is left behind when it fails.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     made = init(Path(d) / "guide")
    ...     sorted(p.name for p in (made / "references").iterdir())
    ['README.md', 'indicators.csv', 'townships.csv', 'villages.csv']
    """
    folder = Path(folder).expanduser().absolute()
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise LxwError(f"{folder}: this is a file, not a folder; give lxw init a new or empty folder.")
    if folder.is_dir():
        present = sorted(p.name for p in folder.iterdir())
        if present:
            shown = ", ".join(present[:3]) + (f" and {len(present) - 3} more" if len(present) > 3 else "")
            raise LxwError(
                f"{folder}: this folder is not empty ({shown}); lxw init creates a project only in a new or "
                "empty folder, so it never mixes with files already there. Give a new folder's name."
            )
    source = Path(notebooks or config.notebooks_dir()).absolute()
    books = sorted(source.glob("*.ipynb")) if source.is_dir() else []
    if not books:
        raise LxwError(
            f"{source}: no notebooks (.ipynb) to copy into the new project; give --notebooks FOLDER, a folder "
            "holding the notebooks to start from (such as the notebooks/ of lxw-analysis's repository)."
        )
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f".{folder.name}.init-", dir=folder.parent))
    except OSError as err:
        raise LxwError(f"{folder}: cannot create the project here ({err.strerror or err}).") from None
    try:
        _fill(stage, folder, books)
        os.chmod(stage, 0o777 & ~_umask())
        try:
            os.rename(stage, folder)  # onto a missing or empty folder: the project appears whole
        except OSError as err:
            raise LxwError(f"{folder}: cannot create the project here ({err.strerror or err}).") from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return folder.resolve()


def _fill(stage: Path, folder: Path, books: list[Path]) -> None:
    """Write the new project's files into ``stage``, the folder that becomes ``folder``."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("lxw_analysis", "templates/project"),
        autoescape=False,
        keep_trailing_newline=True,
    )
    values = {
        "name": folder.name,
        "python": shlex.quote(sys.executable),
        "created": dt.date.today().isoformat(),
        "version": _version(),
    }
    for template, target in _TEMPLATES.items():
        path = stage / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(env.get_template(template).render(values), encoding="utf-8")
    (stage / "data" / "raw" / LISTING_FILE).write_text("file,township,year\n", encoding="utf-8")
    for table in REFERENCE_TABLES:
        (stage / "references" / table).write_text(_header(table) + "\n", encoding="utf-8")
    (stage / "notebooks").mkdir()
    for book in books:
        shutil.copyfile(book, stage / "notebooks" / book.name)
    (stage / PROJECT_MARKER).write_text(
        "# This folder is an lxw-analysis project: lxw build run here, or in any folder below, reads\n"
        "# data/raw/ and writes data/processed/ and reports/ of this folder.\n"
        f"name = {json.dumps(folder.name, ensure_ascii=False)}\n"
        f'created = "{values["created"]}"\n'
        f'lxw-analysis = "{values["version"]}"\n',
        encoding="utf-8",
    )
