"""Charts of the county view: small multiples, one panel per township on shared axes.

The package registers the CJK font; importing ``plots`` sets the look every chart shares. Each
figure carries the sentence saying what it shows in ``lxw_alt`` (``plots.alt_text`` reads
it), which reports put in the image's ``alt``.
"""

from __future__ import annotations

import math

import pandas as pd
from matplotlib import pyplot as plt
from matplotlib.ticker import MaxNLocator

from . import plots  # the CJK font and the charts' look
from .formats import number
from .identity import township_from_folder

__all__ = ["NOT_STATED", "small_multiples", "indicator_panels", "threshold_panels"]

#: Written in a township's panel when it states nothing the chart shows.
NOT_STATED = "未说明 not stated"

_GREY = "#9a9a9a"


def _label(value, percent: bool) -> str:
    return number(value, decimals=1, percent=percent)


def small_multiples(
    table: pd.DataFrame, value: str, title: str, ylabel: str, *, townships=None, years=None,
    series: str | None = None, percent: bool = False, columns: int = 3,
):
    """One panel per township (``townships``, by default those in ``table``, in order), every
    panel on the same axes, so levels and trends compare at a glance: a line per ``series``
    over the years (``years``, by default those in ``table``; one line when ``series`` is
    None), each point labelled. Values start at zero, rates run
    to 100%; a township that states nothing the chart shows gets a panel saying so. A
    township may be given by its folder slug (laxiwa for 拉西瓦镇).

    >>> t = pd.DataFrame({"township": ["甲镇", "甲镇", "乙乡"], "year": [2023, 2024, 2024], "value": [2.0, 3.0, 4.0]})
    >>> fig = small_multiples(t, "value", "党员轮训期数", "期", townships=["甲镇", "乙乡", "丙镇"])
    >>> len([ax for ax in fig.axes if ax.get_visible()]), float(fig.axes[0].get_ylim()[0])
    (3, 0.0)
    >>> fig.lxw_alt
    'Small multiples, one panel per township on shared axes: 党员轮训期数 (期). 甲镇: 2 in 2023, 3 in 2024; 乙乡: 4 in 2024; 丙镇: not stated.'
    >>> plt.close(fig)
    """
    held = set(table["township"].dropna())
    names = (
        [t if t in held else township_from_folder(t) or t for t in ([townships] if isinstance(townships, str) else townships)]
        if townships is not None else list(dict.fromkeys(table["township"]))
    )
    years = sorted(int(y) for y in (years if years is not None else table["year"].dropna().unique()))
    across = max(1, min(columns, len(names)))
    down = math.ceil(len(names) / across) if names else 1
    fig, axes = _panels(len(names), across, down)
    largest = table[value].max() if len(table) else math.nan
    top = 100.0 if percent and not largest > 100 else (largest if largest > 0 else 1.0)
    described = []
    for ax, name in zip(axes, names):
        mine = table[(table["township"] == name) & table[value].notna()]
        ax.set_title(name, y=1.0)  # placed, not moved clear of the axis (which measures every panel's ticks)
        if mine.empty:
            ax.text(0.5, 0.5, NOT_STATED, transform=ax.transAxes, ha="center", va="center", color=_GREY)
            described.append(f"{name}: not stated")
            continue
        lines = mine.groupby(series, sort=False) if series else [(None, mine)]
        parts = []
        for key, rows in lines:
            rows = rows.sort_values("year")
            ax.plot(rows["year"], rows[value], marker="o", label=None if key is None else str(key))
            for x, y in zip(rows["year"], rows[value]):
                ax.annotate(_label(y, percent), (x, y), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=8)
            points = ", ".join(f"{_label(y, percent)} in {int(x)}" for x, y in zip(rows["year"], rows[value]))
            parts.append(points if key is None else f"{key} {points}")
        described.append(f"{name}: " + "; ".join(parts))
    first = axes[0]
    first.set_ylim(0, top * 1.15)  # room for the labels above the highest point
    if percent and top <= 100:
        first.set_yticks(range(0, 101, 20))
    else:  # a misread share far above 100% must not ask for a tick every 20%
        first.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))  # a few gridlines: each tick is drawn in every panel
    if years:
        pad = 0.4 if len(years) == 1 else 0.25
        first.set_xlim(years[0] - pad, years[-1] + pad)
        first.set_xticks(years, [str(y) for y in years])
    handles, labels = next(((h, la) for h, la in (ax.get_legend_handles_labels() for ax in axes) if h), ([], []))
    if series and handles:
        fig.legend(handles, labels, loc="lower center", ncol=len(labels), frameon=False)
    _fit(fig, first, across, down, legend=bool(series and handles))
    fig.suptitle(title, y=1 - _EDGE / fig.get_figheight(), va="top")
    fig.supylabel(ylabel, x=_EDGE / fig.get_figwidth())
    unit = f" ({ylabel})" if ylabel else ""
    fig.lxw_alt = f"Small multiples, one panel per township on shared axes: {title}{unit}. " + "; ".join(described) + "."
    return fig


#: The fixed layout of the small multiples, in inches: the space at the figure's edges, above
#: a panel (its title), between panels, below the bottom panels (their year labels) and the legend.
_EDGE, _TITLE, _GAP, _YEARS, _LEGEND = 0.08, 0.28, 0.12, 0.3, 0.3


def _panels(count: int, across: int, down: int):
    """The figure and its ``count`` panels on a grid ``across`` × ``down``, sharing both axes;
    year labels under the last panel of each column, value labels left of the first."""
    fig = plt.figure(figsize=(3.4 * across + 0.8, 2.6 * down + 1.0))
    grid = fig.add_gridspec(down, across)
    axes = []
    for i in range(max(count, 1)):
        ax = fig.add_subplot(grid[i // across, i % across], sharex=axes[0] if axes else None,
                             sharey=axes[0] if axes else None)
        ax.tick_params(labelleft=i % across == 0, labelbottom=i + across >= count)
        axes.append(ax)
    return fig, axes


def _fit(fig, first, across: int, down: int, *, legend: bool) -> None:
    """Place the panels so that the titles, the value labels (as wide as ``first``'s are) and
    the legend fit: a fixed layout, drawn once, rather than one the figure solves at every draw.
    The figure is then saved as it is (``lxw_fitted``), not cropped."""
    width, height = fig.get_size_inches()
    values = first.yaxis.get_tightbbox(fig.canvas.get_renderer())
    left = _EDGE + 1.6 * plots.SIZES["label"] / 72 + (values.width / fig.dpi if values is not None else 0.4)
    top = _EDGE + 1.6 * plots.SIZES["title"] / 72 + _TITLE
    bottom = _EDGE + _YEARS + (_LEGEND if legend else 0.0)
    panel_w = (width - left - _EDGE - _GAP * (across - 1)) / across
    panel_h = (height - top - bottom - (_TITLE + _GAP) * (down - 1)) / down
    fig.subplots_adjust(left=left / width, right=1 - _EDGE / width, top=1 - top / height, bottom=bottom / height,
                        wspace=_GAP / panel_w, hspace=(_TITLE + _GAP) / panel_h)
    fig.lxw_fitted = True


def indicator_panels(rows: pd.DataFrame, townships=None, years=None):
    """The small multiples of one indicator of ``county.headline_by_year``: its value by year
    (over ``years``, so every indicator's chart spans the project's), a panel per township,
    titled with the indicator's Chinese and English labels.

    >>> from lxw_analysis import county, extract_facts
    >>> f = pd.concat([extract_facts("党员轮训2期。", year=2023, township="甲镇"),
    ...                extract_facts("党员轮训3期。", year=2024, township="甲镇")])
    >>> fig = indicator_panels(county.headline_by_year(f), ["甲镇", "乙乡"], [2023, 2024])
    >>> fig.lxw_alt
    'Small multiples, one panel per township on shared axes: 党员轮训期数 (Party member rotation training rounds) (期). 甲镇: 2 in 2023, 3 in 2024; 乙乡: not stated.'
    >>> plt.close(fig)
    """
    first = rows.iloc[0]
    title = f"{first['label_zh']} ({first['label_en']})" if isinstance(first.get("label_en"), str) else str(first["label_zh"])
    unit = "/".join(dict.fromkeys(u for u in rows["unit"] if isinstance(u, str)))  # 件/起: one family, several words
    return small_multiples(rows, "value", title, unit, townships=townships, years=years, percent=unit == "%")


def threshold_panels(table: pd.DataFrame, townships=None, years=None):
    """The share of villages at or above each income threshold of
    ``county.income_thresholds_by_township``, a line per threshold, a panel per township.

    >>> t = pd.DataFrame({"township": ["甲镇"], "year": [2024], "share_10万": [100.0], "share_50万": [40.0]})
    >>> fig = threshold_panels(t)
    >>> fig.lxw_alt
    'Small multiples, one panel per township on shared axes: 收入达到门槛的村占比 (share of villages at or above each income threshold) (%). 甲镇: 10万以上 100% in 2024; 50万以上 40% in 2024.'
    >>> plt.close(fig)
    """
    shares = [c for c in table.columns if c.startswith("share_") and not c.endswith("_upper")]
    long = table.melt(id_vars=["township", "year"], value_vars=shares, var_name="threshold", value_name="share")
    long["threshold"] = long["threshold"].str.removeprefix("share_") + "以上"
    title = "收入达到门槛的村占比 (share of villages at or above each income threshold)"
    return small_multiples(long, "share", title, "%", townships=townships, years=years, series="threshold", percent=True)
