"""Text for reader-facing reports. Report text is data: everything shown is HTML-escaped."""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML

from .formats import number

__all__ = ["heading", "paragraph", "table", "tables_by", "banner", "start", "chart"]


def heading(text: str, level: int = 1) -> HTML:
    """A heading showing ``text`` literally."""
    return HTML(f"<h{level}>{html.escape(str(text))}</h{level}>")


def paragraph(text: str) -> HTML:
    """A paragraph showing ``text`` literally."""
    return HTML(f"<p>{html.escape(str(text))}</p>")


def table(df: pd.DataFrame) -> HTML:
    """A DataFrame as an HTML table: cell text escaped, numbers formatted, missing cells blank."""
    shown = pd.DataFrame({c: [number(v) for v in df[c]] for c in df.columns})
    return HTML(shown.to_html(index=False, escape=True, classes="lxw-table"))


def tables_by(df: pd.DataFrame, column: str, level: int = 3) -> HTML:
    """One heading and table per value of ``column``, in order of first appearance."""
    parts = []
    for key, group in df.groupby(column, sort=False, dropna=False):
        title = key if isinstance(key, str) and key else "(引言 introduction)"
        parts.append(heading(title, level).data + table(group.drop(columns=[column])).data)
    return HTML("".join(parts))


_NOTICE = "background:#fff3cd;border:1px solid #e0c36a;padding:.6rem 1rem;border-radius:4px;font-weight:bold"


def banner(text: str) -> HTML:
    """A highlighted notice at the top of a report (for example: made-up data)."""
    return HTML(f'<p style="{_NOTICE}">{html.escape(str(text))}</p>')


def start(township: str | None = None, years=None, data_dir=None, banner: str | None = None):
    """What every report notebook does first: load the processed facts of one township (and
    ``years``), show the ``banner`` if any, and return the facts and the township's name.

    With no ``township``, the first township in the data is used, and the page says so.
    """
    from IPython.display import display

    from .facts import load_facts

    facts = load_facts(data_dir, years=years)
    townships = list(dict.fromkeys(facts["township"].dropna()))
    chosen = township or (townships[0] if townships else None)
    if banner:
        display(HTML(f'<p style="{_NOTICE}">{html.escape(str(banner))}</p>'))
    if township is None and len(townships) > 1:
        others = "、".join(t for t in townships if t != chosen)
        display(paragraph(f"This page shows {chosen}; the data also hold {others} (set the township parameter)."))
    return facts[facts["township"] == chosen].reset_index(drop=True), chosen


def chart(table: pd.DataFrame, draw, missing: str) -> None:
    """Draw ``table`` with ``draw(table)``, or say in a sentence why there is no chart."""
    from IPython.display import display

    if table.empty:
        display(paragraph(missing))
    else:
        draw(table)
