"""Executing analysis notebooks with parameters, and rendering them to reader-facing HTML."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

from .errors import LxwError

__all__ = ["TEMPLATES", "ProjectKernelManager", "inject_parameters", "execute", "to_html"]

TEMPLATES = Path(__file__).parent / "templates"


class ProjectKernelManager(KernelManager):
    """Runs notebooks on the Python running this package, whatever kernels the machine has."""

    @property
    def kernel_spec(self) -> KernelSpec:
        return KernelSpec(
            argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            display_name="Python (lxw-analysis)",
            language="python",
        )


def inject_parameters(nb: nbformat.NotebookNode, parameters: dict) -> nbformat.NotebookNode:
    """A copy of ``nb`` with a cell setting ``parameters`` after the cell tagged ``parameters``.

    The same convention as papermill: the tagged cell holds defaults, the injected cell wins.
    """
    nb = nbformat.from_dict(nb)
    source = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    nb.cells.insert(tagged[0] + 1 if tagged else 0, cell)
    return nb


def execute(path: Path, parameters: dict, *, timeout: int = 600) -> nbformat.NotebookNode:
    """Run a notebook with ``parameters``; raise ``LxwError`` naming the notebook and cell on failure."""
    nb = inject_parameters(nbformat.read(path, as_version=4), parameters)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_manager_class=ProjectKernelManager,
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as err:
        index = next(
            (i for i, c in enumerate(nb.cells) if any(o.get("output_type") == "error" for o in c.get("outputs", []))),
            None,
        )
        where = f"cell {index + 1}" if index is not None else "a cell"
        last = str(err).strip().splitlines()[-1] if str(err).strip() else type(err).__name__
        raise LxwError(f"{path.name}: {where} failed: {last}") from err
    return nb


def to_html(nb: nbformat.NotebookNode, title: str, *, show_code: bool = False) -> str:
    """Reader-facing HTML: outputs and text, charts embedded; code only when ``show_code``."""
    exporter = HTMLExporter(
        extra_template_basedirs=[str(TEMPLATES)],
        template_name="report",
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        language_code="zh",
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body
