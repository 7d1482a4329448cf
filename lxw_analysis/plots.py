"""The standard charts. Importing this module registers a CJK font so Chinese labels render."""

from __future__ import annotations

from importlib import resources

import matplotlib
import pandas as pd
from matplotlib import font_manager
from matplotlib import pyplot as plt

from .formats import number

__all__ = ["CJK_FONT_FILE", "use_cjk_font", "CJK_FONT", "facts_per_section", "income_bands", "by_year"]

#: The bundled font (from the mplfonts package) used for Chinese text in every chart.
CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"


def use_cjk_font() -> str:
    """Register the bundled Noto Sans CJK SC font as matplotlib's sans-serif; return its name."""
    path = resources.files("mplfonts").joinpath("fonts", CJK_FONT_FILE)
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [name, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return name


CJK_FONT = use_cjk_font()


def _axes(title: str, figsize=(8, 4)):
    fig, ax = plt.subplots(figsize=figsize, layout="constrained")
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def facts_per_section(table: pd.DataFrame, title: str = "各部分统计数 (statistics per section)"):
    """Horizontal bars: how many statistics each section holds (table from ``overview.facts_per_section``)."""
    labels = [f"{s or '(引言)'} ({y})" for y, s in zip(table["year"], table["section"])]
    fig, ax = _axes(title, figsize=(8, 0.5 * len(table) + 1.5))
    ax.barh(labels[::-1], table["statistics"][::-1], color="#4c78a8")
    ax.set_xlabel("统计数 (statistics)")
    return fig


def income_bands(brackets: pd.DataFrame, title: str = "村集体经济收入分档 (villages by collective income)"):
    """Bars of villages per income bracket, one panel per year with that year's brackets as stated."""
    years = sorted(brackets["year"].unique())
    fig, axes = plt.subplots(
        1, len(years), figsize=(3.2 * len(years) + 1.5, 3.8), sharey=True, layout="constrained", squeeze=False
    )
    for ax, year in zip(axes[0], years):
        rows = brackets[brackets["year"] == year].sort_values("band_low", na_position="first")
        bars = ax.bar(rows["band"], rows["villages"], color="#4c78a8")
        ax.bar_label(bars, fmt="%g")
        ax.set_title(str(year))
        ax.tick_params(axis="x", rotation=30)
        ax.spines[["top", "right"]].set_visible(False)
    axes[0][0].set_ylabel("村数 (villages)")
    fig.suptitle(title)
    fig.supxlabel("收入分档 (income bracket, 元)")
    return fig


def by_year(
    table: pd.DataFrame, series: str, value: str, title: str, ylabel: str, *, percent: bool = False
):
    """One line per ``series`` over the years (bars when there is only one year), values labelled."""
    years = sorted(table["year"].unique())
    fig, ax = _axes(title)
    if len(years) == 1:
        bars = ax.barh(table[series].astype(str)[::-1], table[value][::-1], color="#4c78a8")
        ax.bar_label(bars, labels=[number(v, decimals=1, percent=percent) for v in table[value][::-1]])
        ax.set_xlabel(f"{ylabel} ({years[0]})")
        return fig
    for name, rows in table.groupby(series, sort=False):
        rows = rows.sort_values("year")
        ax.plot(rows["year"], rows[value], marker="o", label=str(name))
        last = rows.dropna(subset=[value]).tail(1)
        for x, y in zip(last["year"], last[value]):
            ax.annotate(number(y, decimals=1, percent=percent), (x, y), textcoords="offset points", xytext=(6, 0), va="center")
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlabel("年份 (year)")
    ax.set_ylabel(ylabel)
    ax.legend(loc="best", fontsize="small")
    return fig
