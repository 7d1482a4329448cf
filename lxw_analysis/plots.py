"""The standard charts. Importing this module registers a CJK font so Chinese labels render."""

from __future__ import annotations

from importlib import resources

import matplotlib
import pandas as pd
from matplotlib import font_manager
from matplotlib import pyplot as plt

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
    """Horizontal bars: how many statistics each section holds (table from ``trends.facts_per_section``)."""
    labels = [f"{s or '(引言)'} ({y})" for y, s in zip(table["year"], table["section"])]
    fig, ax = _axes(title, figsize=(8, 0.5 * len(table) + 1.5))
    ax.barh(labels[::-1], table["statistics"][::-1], color="#4c78a8")
    ax.set_xlabel("统计数 (statistics)")
    return fig


def income_bands(bands: pd.DataFrame, title: str = "村集体经济收入分档 (villages by collective income)"):
    """Grouped bars: villages in each income bracket, one colour per year, brackets as reported."""
    wide = bands.pivot_table(index="band", columns="year", values="villages", aggfunc="sum", sort=False)
    wide = wide.reindex(bands.drop_duplicates("band").sort_values("band_low", na_position="first")["band"])
    fig, ax = _axes(title)
    width = 0.8 / max(len(wide.columns), 1)
    for i, year in enumerate(wide.columns):
        xs = [x + i * width for x in range(len(wide))]
        bars = ax.bar(xs, wide[year].fillna(0), width=width, label=str(year))
        ax.bar_label(bars, fmt="%g")
    ax.set_xticks([x + width * (len(wide.columns) - 1) / 2 for x in range(len(wide))], wide.index)
    ax.set_xlabel("收入分档 (income bracket, 元)")
    ax.set_ylabel("村数 (villages)")
    ax.legend(title="年份 (year)")
    return fig
