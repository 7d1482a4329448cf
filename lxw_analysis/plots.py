"""The standard charts, in one look. Importing the package registers a CJK font so Chinese
labels render (``lxw_analysis.register_cjk_font``); importing this module also sets the
sizes and colours every chart uses.

Every function here draws and returns a figure, and its name says so (``plot_…``, or what
it draws over: ``by_year``); the functions that count live elsewhere (``bands.income_bands``,
``overview.facts_per_section``). The old drawing names ``income_bands`` and
``facts_per_section`` still work for one release, with a ``DeprecationWarning``.

Each chart starts its bars and counts at zero and draws rates on 0–100%; series that
coincide stay visible (the one drawn later is wider, beneath) and value labels are moved
apart so they never overprint. Every figure carries a sentence saying what it shows
(``alt_text``), which reports put in the image's ``alt``.
"""

from __future__ import annotations

import math
import warnings

import matplotlib
import pandas as pd
from cycler import cycler
from matplotlib import pyplot as plt
from matplotlib.ticker import FuncFormatter, MaxNLocator
from matplotlib.transforms import offset_copy

from . import CJK_FONT_FILE, register_cjk_font
from .formats import number, year

__all__ = [
    "CJK_FONT_FILE",
    "use_cjk_font",
    "CJK_FONT",
    "PALETTE",
    "MUTED",
    "SIZES",
    "STYLE",
    "alt_text",
    "plot_facts_per_section",
    "plot_income_bands",
    "by_year",
    "amounts_by_year",
    "facts_per_section",
    "income_bands",
]

#: Series colours, in order (colour-blind safe, after Okabe and Ito, wine for black), and the grey of what is not stated.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#882255"]
MUTED = "#9a9a9a"

#: Font sizes (points): titles, axis labels, tick labels, value labels and legends.
SIZES = {"title": 12, "label": 10, "tick": 9, "value": 9}

#: The matplotlib settings every chart is drawn with.
STYLE = {
    "font.size": SIZES["label"],
    "axes.titlesize": SIZES["title"],
    "figure.titlesize": SIZES["title"],
    "axes.labelsize": SIZES["label"],
    "figure.labelsize": SIZES["label"],
    "xtick.labelsize": SIZES["tick"],
    "ytick.labelsize": SIZES["tick"],
    "legend.fontsize": SIZES["value"],
    "legend.title_fontsize": SIZES["value"],
    "axes.prop_cycle": cycler(color=PALETTE),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#e4e4e4",
    "axes.axisbelow": True,
    "hatch.color": MUTED,
    "text.parse_math": False,  # a $ in a heading or a name is a dollar sign, not mathematics
}


def use_cjk_font() -> str:
    """Make the bundled Noto Sans CJK SC font (``CJK_FONT_FILE``, registered by
    ``lxw_analysis.register_cjk_font``) matplotlib's sans-serif, with DejaVu Sans for what it
    lacks; return its name.

    >>> use_cjk_font(), matplotlib.rcParams["font.sans-serif"]
    ('Noto Sans CJK SC', ['Noto Sans CJK SC', 'DejaVu Sans'])
    """
    name = register_cjk_font()
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [name, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return name


CJK_FONT = use_cjk_font()
matplotlib.rcParams.update(STYLE)


def alt_text(fig) -> str:
    """The sentence saying what a chart of this module shows ('' for other figures).

    >>> fig = plot_facts_per_section(pd.DataFrame({"year": [2024], "section": ["党建"], "statistics": [12]}))
    >>> alt_text(fig), alt_text(plt.figure())
    ('Bar chart: 各部分统计数 (statistics per section). 党建 (2024) 12.', '')
    >>> plt.close("all")
    """
    return getattr(fig, "lxw_alt", "")


def _with_alt(fig, text: str):
    fig.lxw_alt = text
    return fig


def _axes(title: str, figsize=(8, 4)):
    fig, ax = plt.subplots(figsize=figsize)
    ax.set_title(title, y=1.0)  # placed above the axes, not moved clear of it (which measures its ticks at each draw)
    return fig, ax


#: The space kept around what a chart draws and between its panels, in points (constrained layout's own).
_PAD = 3

#: The resolution reports save charts at (``present.figure``): a chart is laid out measuring its
#: text at it, so that saving finds every text already measured.
SAVED_DPI = 200


def _fit(fig, legend=None, heading=None):
    """Lay ``fig`` out once, its panels as large as the titles, tick and axis labels, value
    labels, any ``legend`` of the figure under them and its ``heading`` (suptitle) let them
    be, rather than solve a constrained layout at every draw (which measures every text
    twice, and draws once more before saving). It is then saved as it is (``lxw_fitted``)."""
    shown = fig.dpi
    fig.set_dpi(SAVED_DPI)  # the layout is the same at any resolution; only the text's measures are kept
    try:
        renderer, gap = fig.canvas.get_renderer(), _PAD * fig.dpi / 72
        if heading is not None:
            heading.set_in_layout(False)  # placed here, not by the layout
        fig.tight_layout(pad=_PAD / SIZES["label"])  # measured once: a rect would measure it twice
        placed = fig.subplotpars
        bottom, top = placed.bottom, placed.top
        if legend is not None:  # a figure legend at the foot: the panels stand above it
            bottom += (legend.get_window_extent(renderer).y1 + gap) / fig.bbox.height
        if heading is not None:  # the figure's title on top: the panels' titles stand a gap below it
            top -= 1 - (heading.get_window_extent(renderer).y0 - 2 * gap) / fig.bbox.height
        fig.subplots_adjust(bottom=bottom, top=top)
    finally:
        fig.set_dpi(shown)
    fig.set_layout_engine(None)  # laid out: saving need not draw it once more to lay it out
    fig.lxw_fitted = True
    return fig


def _number_axis(axis, *, percent: bool = False, integer: bool = False) -> None:
    """Tick labels written as ``formats.number`` writes numbers (1,500,000; 50%)."""
    if integer:
        axis.set_major_locator(MaxNLocator(integer=True))
    axis.set_major_formatter(FuncFormatter(lambda v, _: number(v, decimals=2, percent=percent)))


def _value_labels(ax, bars, values, *, percent: bool = False, **kwargs) -> None:
    ax.bar_label(bars, labels=[number(v, decimals=1, percent=percent) for v in values], fontsize=SIZES["value"],
                 padding=2, **kwargs)


def _listing(pairs, limit: int = 12) -> str:
    """``a 1, b 2 …`` for alt text, cut after ``limit`` items."""
    pairs = list(pairs)
    shown = ", ".join(f"{k} {v}" for k, v in pairs[:limit])
    return shown + (f" and {len(pairs) - limit} more" if len(pairs) > limit else "")


def plot_facts_per_section(table: pd.DataFrame, title: str = "各部分统计数 (statistics per section)"):
    """Horizontal bars from zero: how many statistics each section holds (table from
    ``overview.facts_per_section``, which counts them).

    >>> t = pd.DataFrame({"year": [2024, 2024], "section": ["", "党建"], "statistics": [3, 12]})
    >>> fig = plot_facts_per_section(t)
    >>> [float(bar.get_width()) for bar in fig.axes[0].patches], float(fig.axes[0].get_xlim()[0])
    ([12.0, 3.0], 0.0)
    >>> plt.close(fig)
    """
    labels = [f"{s or '(引言)'} ({year(y)})" for y, s in zip(table["year"], table["section"])]
    fig, ax = _axes(title, figsize=(8, 0.4 * len(table) + 1.5))
    bars = ax.barh(labels[::-1], table["statistics"][::-1], color=PALETTE[0])
    _value_labels(ax, bars, table["statistics"][::-1])
    ax.set_xlim(left=0)
    ax.grid(False)
    _number_axis(ax.xaxis, integer=True)
    ax.set_xlabel("统计数 (statistics)")
    alt = f"Bar chart: {title}. " + _listing(zip(labels, (number(v) for v in table["statistics"]))) + "."
    return _with_alt(_fit(fig), alt)


def plot_income_bands(
    brackets: pd.DataFrame,
    counted: pd.DataFrame | None = None,
    title: str = "村集体经济收入分档 (villages by collective income)",
):
    """Bars of villages per income bracket from zero, one panel per year with that year's
    brackets as stated. A row whose ``stated`` is False (``bands.band_table(not_stated=True)``)
    is drawn grey and hatched: villages no stated bracket holds. ``counted``
    (``bands.compare_brackets``) adds, beside each bracket, the villages the village table puts in it.
    (``bands.income_bands``, also ``lxw.income_bands``, counts brackets from village incomes.)

    >>> from lxw_analysis import bands, extract_facts
    >>> brackets = bands.band_table(extract_facts("2024年,某镇全镇10个村,其中10万至20万的村3个、50万以上的村5个。"),
    ...                             not_stated=True)
    >>> fig = plot_income_bands(brackets)
    >>> [float(bar.get_height()) for bar in fig.axes[0].patches]
    [3.0, 5.0, 2.0]
    >>> alt_text(fig)
    'Bar chart, one panel per year: 村集体经济收入分档 (villages by collective income). 2024: 3 at 10万–20万, 5 at 50万以上, 2 at 未说明 not stated.'
    >>> plt.close(fig)
    """
    years = sorted(brackets["year"].unique())
    fig, axes = plt.subplots(
        1, len(years), figsize=(3.3 * len(years) + 1.5, 4.2), sharey=True, squeeze=False
    )
    stated_flag = brackets["stated"].astype(bool) if "stated" in brackets else pd.Series(True, index=brackets.index)
    described = []
    for ax, when in zip(axes[0], years):
        rows = brackets[brackets["year"] == when]
        flags = stated_flag[rows.index]
        rows = pd.concat([rows[flags].sort_values("band_low", na_position="first"), rows[~flags]])
        flags = stated_flag[rows.index]
        mine = counted[counted["year"] == when] if counted is not None else None
        labels = list(rows["band"])
        if mine is not None:
            labels += [b for b in mine["band"] if b not in labels]
        x = {b: i for i, b in enumerate(labels)}
        width = 0.4 if mine is not None and len(mine) else 0.75
        shift = -width / 2 if width < 0.75 else 0.0
        bars = ax.bar([x[b] + shift for b in rows["band"]], rows["villages"], width=width,
                      color=[PALETTE[0] if f else "white" for f in flags],
                      edgecolor=[PALETTE[0] if f else MUTED for f in flags],
                      hatch=[None if f else "//" for f in flags], label="报告所列 stated")
        _value_labels(ax, bars, rows["villages"])
        said = ", ".join(f"{number(v)} at {b}" for b, v in zip(rows["band"], rows["villages"]))
        if mine is not None and len(mine):
            table_bars = ax.bar([x[b] + width / 2 for b in mine["band"]], mine["counted"], width=width, color="white",
                                edgecolor=PALETTE[1], linewidth=1.5, label="村级台账计数 counted from the village table")
            _value_labels(ax, table_bars, mine["counted"])
            said += "; counted from the village table: " + ", ".join(
                f"{number(v)} at {b}" for b, v in zip(mine["band"], mine["counted"]))
        described.append(f"{year(when)}: {said}")
        ax.set_xticks(range(len(labels)), labels, rotation=30, ha="right", rotation_mode="anchor")
        ax.set_title(year(when), y=1.0)
        _number_axis(ax.yaxis, integer=True)
    axes[0][0].set_ylim(0, max(1.0, _tallest(brackets, counted)) * 1.18)  # the panels share it
    axes[0][0].set_ylabel("村数 (villages)")
    if (~stated_flag).any() or counted is not None and len(counted):
        handles = [plt.Rectangle((0, 0), 1, 1, color=PALETTE[0], label="报告所列 stated")]
        if (~stated_flag).any():
            handles.append(plt.Rectangle((0, 0), 1, 1, facecolor="white", edgecolor=MUTED, hatch="//",
                                         label=f"{_not_stated_label(brackets)} (in no stated bracket)"))
        if counted is not None and len(counted):
            handles.append(plt.Rectangle((0, 0), 1, 1, facecolor="white", edgecolor=PALETTE[1], linewidth=1.5,
                                         label="村级台账计数 counted from the village table"))
        across = len(handles) if len(years) > 1 else 1  # one panel is narrower than the keys side by side
        legend = fig.legend(handles=handles, loc="lower center", ncols=across, frameon=False,
                            title="收入分档 (income bracket, 元)")
    else:
        legend = None
        fig.supxlabel("收入分档 (income bracket, 元)")
    return _with_alt(_fit(fig, legend, fig.suptitle(title)), f"Bar chart, one panel per year: {title}. " + "; ".join(described) + ".")


def _not_stated_label(brackets: pd.DataFrame) -> str:
    if "stated" not in brackets:
        return ""
    return str(brackets.loc[~brackets["stated"].astype(bool), "band"].iloc[0]) if (~brackets["stated"].astype(bool)).any() else ""


def _tallest(rows: pd.DataFrame, counted: pd.DataFrame | None) -> float:
    values = list(rows["villages"].dropna())
    if counted is not None:
        values += list(counted["counted"].dropna())
    return max(values, default=0.0)


def _coinciding(drawn: list[set], points: set) -> int:
    """How many series drawn before share a point with this one."""
    return sum(1 for earlier in drawn if earlier & points)


def _spread(positions: list[float], gap: float, low: float, high: float) -> list[float]:
    """Label positions at least ``gap`` apart, as near their points as can be, within low–high.

    >>> _spread([100.0, 100.0, 50.0], 10.0, 0.0, 110.0)
    [100.0, 110.0, 50.0]
    """
    order = sorted(range(len(positions)), key=lambda i: positions[i])
    placed = [positions[i] for i in order]
    for k in range(1, len(placed)):
        placed[k] = max(placed[k], placed[k - 1] + gap)
    overflow = placed[-1] - high if placed else 0.0
    if overflow > 0:
        placed = [p - overflow for p in placed]
        for k in range(len(placed) - 2, -1, -1):
            placed[k] = min(placed[k], placed[k + 1] - gap)
        placed = [max(p, low) for p in placed]
    out = [0.0] * len(positions)
    for i, p in zip(order, placed):
        out[i] = p
    return out


def by_year(
    table: pd.DataFrame, series: str, value: str, title: str, ylabel: str, *, percent: bool = False,
    upper: str | None = None,
):
    """One line per ``series`` over the years (bars when there is only one year), values labelled.

    The value axis starts at zero, and runs to 100% for rates (``percent``). ``upper`` names
    a column holding the upper end of a range: drawn as a bar from the value up, labelled
    with both ends. Series that coincide are all visible, and labels are moved apart.

    >>> t = pd.DataFrame({"year": [2023, 2024], "series": ["轮训率", "轮训率"], "value": [90.0, 96.0]})
    >>> fig = by_year(t, "series", "value", "轮训率 (rotation training)", "%", percent=True)
    >>> tuple(map(float, fig.axes[0].get_ylim())), alt_text(fig)
    ((0.0, 100.0), 'Line chart by year, 2023–2024: 轮训率 (rotation training). 轮训率: 90% in 2023, 96% in 2024.')
    >>> plt.close(fig)
    """
    years = sorted(int(y) for y in table["year"].dropna().unique())
    fig, ax = _axes(title)
    top = _top(table, value, upper, percent)
    if len(years) == 1:
        rows = table[::-1]
        bars = ax.barh(rows[series].astype(str), rows[value], color=PALETTE[0])
        ax.bar_label(bars, labels=[_label(r, value, upper, percent) for r in rows.to_dict("records")],
                     fontsize=SIZES["value"], padding=2)
        ax.set_xlim(0, top)
        ax.grid(False)
        _number_axis(ax.xaxis, percent=percent, integer=not percent)
        ax.set_xlabel(f"{ylabel} ({years[0]})")
        listing = _listing((s, _label(r, value, upper, percent)) for s, r in zip(rows[series][::-1], rows.to_dict("records")[::-1]))
        return _with_alt(_fit(fig), f"Bar chart for {years[0]}: {title}. {listing}.")
    drawn: list[set] = []
    labels = []  # (x, y, text, colour)
    described = []
    for k, (name, rows) in enumerate(table.groupby(series, sort=False)):
        rows = rows.sort_values("year")
        points = {(int(x), round(float(y), 9)) for x, y in zip(rows["year"], rows[value]) if not pd.isna(y)}
        level = _coinciding(drawn, points)
        drawn.append(points)
        colour = PALETTE[k % len(PALETTE)]
        ax.plot(rows["year"], rows[value], marker="o", color=colour, label=str(name),
                markersize=6 + 5 * level, linewidth=1.8 + 2.5 * level, zorder=3 - level,
                markerfacecolor="white" if level else colour, markeredgewidth=1.5 + level)
        if upper is not None:  # a range: a pale bar from the value up, beside the other series' bars
            ranged = rows[rows[upper] > rows[value]]
            dodge = (k - (table[series].nunique() - 1) / 2) * 0.05 * max(1, years[-1] - years[0])
            ax.vlines(ranged["year"] + dodge, ranged[value], ranged[upper], color=colour, linewidth=5, alpha=0.35,
                      zorder=2)
        last = rows.dropna(subset=[value]).tail(1)
        for r in last.to_dict("records"):
            labels.append((r["year"], r[value], _label(r, value, upper, percent), colour))
        described.append(f"{name}: " + ", ".join(
            f"{_label(r, value, upper, percent) or 'not stated'} in {year(r['year'])}" for r in rows.to_dict("records")))
    ax.set_ylim(0, top)
    gap = 0.075 * top
    spread = _spread([y for _, y, _, _ in labels], gap, 0.0, top)
    beside = offset_copy(ax.transData, fig=fig, x=10, y=0, units="points")
    for (x, y, text, colour), placed in zip(labels, spread):
        ax.annotate(text, (x, y), xytext=(x, placed), textcoords=beside, va="center", fontsize=SIZES["value"],
                    color=colour, annotation_clip=False,
                    arrowprops={"arrowstyle": "-", "color": colour, "linewidth": 0.6, "shrinkA": 0, "shrinkB": 2}
                    if abs(placed - y) > gap / 3 else None)
    span = years[-1] - years[0]
    ax.set_xlim(years[0] - 0.08 * span - 0.1, years[-1] + 0.22 * span + 0.2)
    ax.set_xticks(years, [str(y) for y in years])
    _number_axis(ax.yaxis, percent=percent, integer=not percent and top <= 10)
    ax.set_xlabel("年份 (year)")
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return _with_alt(_fit(fig), f"Line chart by year, {years[0]}–{years[-1]}: {title}. " + "; ".join(described) + ".")


def _top(table: pd.DataFrame, value: str, upper: str | None, percent: bool) -> float:
    """The top of the value axis: 100 for rates (more when a rate exceeds it), else the largest value plus room."""
    values = list(table[value].dropna()) + (list(table[upper].dropna()) if upper else [])
    largest = max(values, default=0.0)
    if percent:
        return 100.0 if largest <= 100 else largest * 1.05
    return largest * 1.15 if largest > 0 else 1.0


def _label(row: dict, value: str, upper: str | None, percent: bool) -> str:
    low = row.get(value)
    if pd.isna(low):
        return ""
    high = row.get(upper) if upper else math.nan
    if upper and not pd.isna(high) and high > low:
        return f"{number(low, decimals=1)}–{number(high, decimals=1, percent=percent)}"
    return number(low, decimals=1, percent=percent)


def amounts_by_year(table: pd.DataFrame, place: str, value: str, title: str, ylabel: str):
    """Grouped bars from zero: one group per year, one bar per ``place`` with an amount that
    year (a year without one has no bar, and no line joins the years). Each place keeps its
    colour across years; its name is under its bar and the amount above.

    >>> t = pd.DataFrame({"year": [2023, 2024, 2024], "place": ["甲村", "甲村", "乙村"], "wan": [35.0, 20.0, 12.5]})
    >>> fig = amounts_by_year(t, "place", "wan", "各村项目投资", "万元")
    >>> [float(bar.get_height()) for bar in fig.axes[0].patches]
    [35.0, 20.0, 12.5]
    >>> plt.close(fig)
    """
    years = sorted(int(y) for y in table["year"].dropna().unique())
    places = list(dict.fromkeys(table.sort_values("year")[place]))
    colours = {p: PALETTE[i % len(PALETTE)] for i, p in enumerate(places)}
    positions, names, centres, described = [], [], [], []
    x = 0.0
    for when in years:
        rows = table[table["year"] == when].copy()
        rows["order"] = rows[place].map(places.index)
        rows = rows.sort_values("order")
        start = x
        for r in rows.to_dict("records"):
            positions.append((x, r[value], colours[r[place]]))
            names.append(str(r[place]))
            x += 1.0
        centres.append((start + x - 1.0) / 2)
        described.append(f"{when}: " + ", ".join(f"{r[place]} {number(r[value], decimals=1)}" for r in rows.to_dict("records")))
        x += 0.8
    fig, ax = _axes(title, figsize=(max(6.0, 0.42 * x + 2.0), 4.6))
    bars = ax.bar([p for p, _, _ in positions], [v for _, v, _ in positions], width=0.8,
                  color=[c for _, _, c in positions])
    _value_labels(ax, bars, [v for _, v, _ in positions])
    ax.set_xticks([p for p, _, _ in positions], names, rotation=90)
    longest = max((len(n) for n in names), default=2)
    ax.xaxis.remove_overlapping_locs = False  # a year of one bar has its year under that bar's name
    ax.set_xticks(centres, [str(y) for y in years], minor=True)
    ax.tick_params(axis="x", which="minor", length=0, pad=SIZES["tick"] * (longest + 1.2), labelsize=SIZES["label"])
    ax.set_ylim(0, max((v for _, v, _ in positions), default=1.0) * 1.15)
    _number_axis(ax.yaxis)
    ax.set_ylabel(ylabel)
    ax.set_xlabel("年份 (year)")
    return _with_alt(_fit(fig), f"Grouped bar chart by year: {title}. " + "; ".join(described) + ".")


def _deprecated(old: str, new, counts: str):
    def alias(*args, **kwargs):
        warnings.warn(
            f"plots.{old} is deprecated and will be removed in the next release: use plots.{new.__name__} "
            f"(it draws; {counts} counts).", DeprecationWarning, stacklevel=2,
        )
        return new(*args, **kwargs)

    alias.__name__ = alias.__qualname__ = old
    alias.__doc__ = f"""Deprecated name of ``{new.__name__}``, kept for one release: it warns, then draws the same.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     _ = {old}(pd.DataFrame({{"year": [2024], "section": ["党建"], "statistics": [1], "band": ["10万以上"],
    ...                               "band_low": [1e5], "villages": [1.0]}}))
    >>> caught[0].category.__name__, "{new.__name__}" in str(caught[0].message)
    ('DeprecationWarning', True)
    >>> plt.close("all")
    """
    return alias


income_bands = _deprecated("income_bands", plot_income_bands, "bands.income_bands")
facts_per_section = _deprecated("facts_per_section", plot_facts_per_section, "overview.facts_per_section")
