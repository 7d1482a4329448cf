"""Text for reader-facing reports. Report text is data: everything shown is HTML-escaped."""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML


def heading(text: str, level: int = 1) -> HTML:
    """A heading showing ``text`` literally."""
    return HTML(f"<h{level}>{html.escape(str(text))}</h{level}>")


def paragraph(text: str) -> HTML:
    """A paragraph showing ``text`` literally."""
    return HTML(f"<p>{html.escape(str(text))}</p>")


def number(value) -> str:
    """A value as readers expect it: thousands separators, no trailing ``.0``, blank when missing.

    >>> number(1500000.0), number(30.5), number(float("nan"))
    ('1,500,000', '30.5', '')
    """
    if pd.isna(value):
        return ""
    return f"{value:,.12g}" if isinstance(value, float) else str(value)


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


def banner(text: str) -> HTML:
    """A highlighted notice at the top of a report (for example: made-up data)."""
    style = "background:#fff3cd;border:1px solid #e0c36a;padding:.6rem 1rem;border-radius:4px;font-weight:bold"
    return HTML(f'<p style="{style}">{html.escape(str(text))}</p>')
