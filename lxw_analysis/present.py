"""Text for reader-facing reports. Report text is data: everything shown is HTML-escaped.

Tables show numbers for reading (thousands separators, at most two decimals, years as
written, a range with both ends) and offer themselves as a CSV download (UTF-8 with BOM, so
Excel opens it) holding the numbers unrounded. A page shows at most
``config.MAX_SHOWN_ROWS`` rows of a table and carries a download of at most
``config.MAX_DOWNLOAD_BYTES``; it says so when a table is longer, and the processed data
(``facts.csv``, ``quality.csv``) hold every row. Charts are shown as PNG images with their
alt text.
"""

from __future__ import annotations

import base64
import html
import io
import re

import pandas as pd
from IPython.display import HTML

from . import config
from .facts import to_csv
from .formats import number, span, year

__all__ = [
    "heading",
    "paragraph",
    "table",
    "csv_link",
    "tables_by",
    "banner",
    "findings",
    "start",
    "figure",
    "chart",
]


def heading(text: str, level: int = 1) -> HTML:
    """A heading showing ``text`` literally."""
    return HTML(f"<h{level}>{html.escape(str(text))}</h{level}>")


def paragraph(text: str) -> HTML:
    """A paragraph showing ``text`` literally."""
    return HTML(f"<p>{html.escape(str(text))}</p>")


def _is_year(column: str) -> bool:
    return column == "year" or column.endswith("_year") or column in ("年份", "年")


def _upper_of(column: str, columns) -> str | None:
    """The column holding the upper end of ``column``'s range: ``upper`` for ``value``, else ``<column>_upper``."""
    name = "upper" if column == "value" else f"{column}_upper"
    return name if name in columns else None


def _shown(df: pd.DataFrame, decimals: int, percent) -> pd.DataFrame:
    """The cells as text for reading; a range's upper end joins its low end, its column dropped."""
    uppers = {_upper_of(c, df.columns) for c in df.columns} - {None}
    columns = {}
    for c in df.columns:
        if c in uppers:
            continue
        pct = c in percent
        places = 1 if pct else decimals
        if _is_year(c):
            columns[c] = [year(v) for v in df[c]]
        elif (high := _upper_of(c, df.columns)) is not None:
            columns[c] = [span(v, h, decimals=places, percent=pct) for v, h in zip(df[c], df[high])]
        else:
            columns[c] = [number(v, decimals=places, percent=pct) for v in df[c]]
    return pd.DataFrame(columns)


def csv_link(df: pd.DataFrame, name: str) -> str:
    """An HTML link that downloads ``df`` as ``<name>.csv`` (UTF-8 with BOM), the page carrying
    the file itself; a table too large to carry (``config.MAX_DOWNLOAD_BYTES``) gets a note instead."""
    buffer = io.StringIO()
    to_csv(df, buffer)
    raw = b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
    filename = re.sub(r'[\\/:*?"<>|\s]+', "_", name) + ".csv"
    if len(raw) > config.MAX_DOWNLOAD_BYTES:
        return (
            f'<p class="lxw-download">{html.escape(filename)}: {number(len(df))} rows, {len(raw) / 2**20:,.0f} MB, too '
            "large to carry in this page; the processed data (facts.csv, quality.csv) hold every row.</p>"
        )
    data = base64.b64encode(raw).decode("ascii")
    return (
        f'<p class="lxw-download"><a download="{html.escape(filename)}" '
        f'href="data:text/csv;charset=utf-8;base64,{data}">下载 CSV · download {html.escape(filename)}</a></p>'
    )


def _first_rows(df: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The rows a page shows, and the sentence saying how many were left out ('' when none)."""
    limit = config.MAX_SHOWN_ROWS
    if len(df) <= limit:
        return df, ""
    return df.head(limit), (
        f'<p class="lxw-more">The first {number(limit)} of {number(len(df))} rows are shown '
        "(config.MAX_SHOWN_ROWS); the download holds them all.</p>"
    )


def table(df: pd.DataFrame, name: str | None = None, *, decimals: int = 2, percent=(), csv: bool = True) -> HTML:
    """A DataFrame as an HTML table: cell text escaped, numbers formatted for reading (at most
    ``decimals`` places; one, with ``%``, in the ``percent`` columns), years as written, a
    ``value`` with its ``upper`` (a ``<col>`` with its ``<col>_upper``) as a range, missing cells
    blank; below it, a link downloading the table as ``<name>.csv`` (unless ``csv`` is False).
    At most ``config.MAX_SHOWN_ROWS`` rows are shown.
    """
    rows, more = _first_rows(df)
    shown = _shown(rows, decimals, set(percent))
    parts = [shown.to_html(index=False, escape=True, classes="lxw-table", na_rep=""), more]
    if csv:
        parts.append(csv_link(df, name or "table"))
    return HTML("".join(parts))


def tables_by(df: pd.DataFrame, column: str, level: int = 3, name: str | None = None, **options) -> HTML:
    """One heading and table per value of ``column``, in order of first appearance, and one
    link downloading them all as ``<name>.csv``. Each table shows at most
    ``config.MAX_SHOWN_ROWS`` rows, and the page ten times that in all."""
    parts, shown = [], 0
    groups = list(df.groupby(column, sort=False, dropna=False))
    for i, (key, group) in enumerate(groups):
        if shown >= 10 * config.MAX_SHOWN_ROWS:
            parts.append(f'<p class="lxw-more">{number(len(groups) - i)} more parts are not shown; '
                         "the download holds them all.</p>")
            break
        title = key if isinstance(key, str) and key else "(引言 introduction)"
        parts.append(heading(title, level).data + table(group.drop(columns=[column]), csv=False, **options).data)
        shown += min(len(group), config.MAX_SHOWN_ROWS)
    if name is not None:
        parts.append(csv_link(df, name))
    return HTML("".join(parts))


_NOTICE = "background:#fff3cd;border:1px solid #e0c36a;padding:.6rem 1rem;border-radius:4px;font-weight:bold"
_FINDINGS = "background:#fdecea;border:1px solid #e3a39b;padding:.6rem 1rem;border-radius:4px"


def banner(text: str) -> HTML:
    """A highlighted notice at the top of a report (for example: made-up data)."""
    return HTML(f'<p style="{_NOTICE}">{html.escape(str(text))}</p>')


def findings(sentences, none: str = "") -> HTML:
    """What a reader must know before trusting a table or chart, as a highlighted list on the
    page (``none``, a plain sentence, when there is nothing to say)."""
    sentences = [str(s) for s in sentences if str(s)]
    if not sentences:
        return paragraph(none) if none else HTML("")
    items = "".join(f"<li>{html.escape(s)}</li>" for s in sentences)
    return HTML(f'<div class="lxw-findings" role="note" style="{_FINDINGS}"><strong>注意 Note</strong><ul>{items}</ul></div>')


def start(township: str | None = None, years=None, data_dir=None, banner: str | None = None):
    """What every report notebook does first: load the processed facts of one township (and
    ``years``), show the ``banner`` if any, and return the facts and the township's name.

    With no ``township``, the first township in the data is used, and the page says so; a
    township is named as the data name it or by its folder slug (拉西瓦镇 or laxiwa).
    """
    from IPython.display import display

    from .facts import load_facts
    from .identity import township_among

    facts = load_facts(data_dir, years=years)
    townships = list(dict.fromkeys(facts["township"].dropna()))
    chosen = township_among(township, townships) if township else (townships[0] if townships else None)
    if banner:
        display(HTML(f'<p style="{_NOTICE}">{html.escape(str(banner))}</p>'))
    if township is None and len(townships) > 1:
        others = "、".join(t for t in townships if t != chosen)
        display(paragraph(f"This page shows {chosen}; the data also hold {others} (set the township parameter)."))
    return facts[facts["township"] == chosen].reset_index(drop=True), chosen


def figure(fig, alt: str | None = None) -> None:
    """Show a matplotlib figure as a PNG whose ``alt`` says what it shows (``plots.alt_text``,
    else the figure's titles), sharp on high-density screens, and close it. The image is
    cropped to what the figure draws, unless its layout already fits it (``_fitted``):
    cropping draws the figure once more."""
    from IPython.display import Image, display
    from matplotlib import pyplot as plt

    from .plots import SAVED_DPI, alt_text

    if alt is None:
        titles = [t for t in (fig.get_suptitle(), *(ax.get_title() for ax in fig.axes)) if t]
        alt = alt_text(fig) or ("Chart: " + "; ".join(titles) if titles else "Chart")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=SAVED_DPI, bbox_inches=None if _fitted(fig) else "tight")
    plt.close(fig)
    data = buffer.getvalue()
    width = int.from_bytes(data[16:20], "big") // 2
    display(Image(data=data, format="png", width=width, alt=alt))


def _fitted(fig) -> bool:
    """Whether ``fig``'s layout keeps what it draws inside it: one the drawing function fitted
    itself (``lxw_fitted``: the charts of ``plots`` and the county charts) or a constrained layout."""
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    return getattr(fig, "lxw_fitted", False) or isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine)


def chart(table: pd.DataFrame, draw, missing: str) -> None:
    """Draw ``table`` with ``draw(table)`` and show the figure with its alt text (``figure``),
    or say in a sentence why there is no chart."""
    from IPython.display import display

    if table.empty:
        display(paragraph(missing))
        return
    fig = draw(table)
    if fig is not None:
        figure(fig)
