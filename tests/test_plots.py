"""The standard charts draw, with Chinese text in a real CJK font."""

import io
import warnings

import matplotlib
import matplotlib.pyplot

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from lxw_analysis import plots  # noqa: E402


def render(fig) -> bytes:
    """Draw the figure to PNG, turning matplotlib's missing-glyph warnings into errors."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing.*")
        fig.savefig(buffer, format="png")
    return buffer.getvalue()


def test_importing_plots_registers_a_cjk_font():
    path = font_manager.findfont(font_manager.FontProperties(family=plots.CJK_FONT), fallback_to_default=False)
    assert "CJK" in path and matplotlib.rcParams["font.sans-serif"][0] == plots.CJK_FONT


def test_chinese_labels_render_without_missing_glyphs():
    brackets = pd.DataFrame(
        {"year": [2024, 2024], "band": ["10万–20万", "50万以上"], "band_low": [1e5, 5e5], "villages": [3.0, 5.0]}
    )
    assert render(plots.plot_income_bands(brackets)).startswith(b"\x89PNG")


def test_income_bands_draws_one_panel_per_year_with_its_own_brackets():
    brackets = pd.DataFrame(
        {
            "year": [2022, 2022, 2023, 2023, 2023],
            "band": ["5万–10万", "10万以上", "10万–20万", "20万–30万", "30万以上"],
            "band_low": [5e4, 1e5, 1e5, 2e5, 3e5],
            "villages": [3.0, 5.0, 4.0, 3.0, 1.0],
        }
    )
    fig = plots.plot_income_bands(brackets)
    panels = [ax for ax in fig.axes if ax.get_title()]
    assert [ax.get_title() for ax in panels] == ["2022", "2023"]
    assert [len(ax.patches) for ax in panels] == [2, 3]
    render(fig)


@pytest.mark.parametrize("years,kind", [([2024], "bars"), ([2023, 2024], "lines")])
def test_by_year_draws_lines_from_two_years_and_bars_for_one(years, kind):
    table = pd.DataFrame({"year": years, "series": ["党员轮训率"] * len(years), "value": [92.0, 100.0][: len(years)]})
    fig = plots.by_year(table, "series", "value", "培训覆盖率", "%", percent=True)
    ax = fig.axes[0]
    assert (len(ax.lines) > 0) == (kind == "lines") and (len(ax.patches) > 0) == (kind == "bars")
    render(fig)


def test_facts_per_section_draws_a_bar_per_section():
    table = pd.DataFrame({"year": [2024, 2024], "section": ["以党的政治建设为统领", ""], "statistics": [8, 3]})
    fig = plots.plot_facts_per_section(table)
    assert len(fig.axes[0].patches) == 2
    render(fig)


# --- one look, zero baselines, visible series, labels apart, alt text -----------------------

@pytest.fixture(autouse=True)
def close_figures():
    yield
    matplotlib.pyplot.close("all")


def labels_of(fig) -> list:
    """Every value label drawn in the axes (bar labels and annotations), with the box of its
    text in pixels (an annotation's leader line left out)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = matplotlib.text.Text.get_window_extent
    return [(t.get_text(), box(t, renderer)) for ax in fig.axes for t in ax.texts if t.get_text()]


def overprinted(fig) -> list[tuple[str, str]]:
    boxes = labels_of(fig)
    return [(a, b) for i, (a, ba) in enumerate(boxes) for b, bb in boxes[i + 1:] if ba.overlaps(bb)]


NAN = float("nan")


def series_table(values: dict[str, list[float]], years=(2021, 2022, 2023, 2024)) -> pd.DataFrame:
    return pd.DataFrame(
        [{"year": y, "series": name, "value": v} for name, vs in values.items() for y, v in zip(years, vs)]
    )


INVESTMENTS = pd.DataFrame({
    "year": [2021, 2021, 2023, 2023, 2024], "place": ["上坪村", "下坪村", "上坪村", "石门村", "上坪村"],
    "wan": [18.0, 12.0, 35.0, 30.0, 30.0],
})  # fmt: skip

BRACKETS_WITH_A_GAP = pd.DataFrame({
    "year": [2024, 2024], "band": ["50万以上", "未说明 not stated"], "band_low": [5e5, NAN], "villages": [2.0, 6.0],
    "stated": [True, False],
})  # fmt: skip


CHARTS = ["by_year lines", "by_year bars", "income_bands", "facts_per_section", "amounts_by_year"]


def every_chart():
    """One figure of each chart function, on made-up tables."""
    return {
        "by_year lines": plots.by_year(series_table({"甲": [95.7, 96.0, 97.0, 97.5]}), "series", "value", "率", "%", percent=True),
        "by_year bars": plots.by_year(series_table({"甲": [3.0], "乙": [5.0]}, years=[2024]), "series", "value", "数", "个"),
        "income_bands": plots.plot_income_bands(BRACKETS_WITH_A_GAP),
        "facts_per_section": plots.plot_facts_per_section(
            pd.DataFrame({"year": [2024, 2024], "section": ["以党的政治建设为统领", ""], "statistics": [8, 3]})
        ),
        "amounts_by_year": plots.amounts_by_year(INVESTMENTS, "place", "wan", "各村项目投资", "万元"),
    }


@pytest.mark.parametrize("percent,bottom_top", [(True, (0, 100)), (False, (0, None))])
def test_rates_run_from_0_to_100_and_counts_from_zero(percent, bottom_top):
    fig = plots.by_year(series_table({"化解率": [95.7, 96.1, 97.0, 97.5]}), "series", "value", "t", "%", percent=percent)
    bottom, top = fig.axes[0].get_ylim()
    assert bottom == 0 and (bottom_top[1] is None or top == bottom_top[1])


@pytest.mark.parametrize("name", ["income_bands", "facts_per_section", "amounts_by_year", "by_year bars"])
def test_bars_start_at_zero(name):
    fig = every_chart()[name]
    for ax in fig.axes:
        bars = [p for p in ax.patches if p.get_width() > 0 and p.get_height() > 0]
        assert bars, name
        vertical = ax.get_ylim()[0] if name != "facts_per_section" and name != "by_year bars" else ax.get_xlim()[0]
        assert vertical == 0, name
        assert {round(p.get_y() if name not in ("facts_per_section", "by_year bars") else p.get_x(), 9) for p in bars} == {0}


def test_series_that_coincide_are_both_visible():
    fig = plots.by_year(series_table({"甲": [14.0, 15.0, 16.0, 14.0], "乙": [14.0, 15.0, 16.0, 14.0]}), "series", "value", "t", "起")
    first, second = fig.axes[0].lines[:2]
    assert second.get_zorder() < first.get_zorder(), "the series drawn later lies beneath"
    assert second.get_markersize() > first.get_markersize() and second.get_linewidth() > first.get_linewidth()


@pytest.mark.parametrize(
    "values",
    [{"党员轮训率": [85, 92, 96, 100], "村两委中有大学生的村占比": [50, 75, 87.5, 100], "其他": [90, 95, 97, 99]},
     {"甲": [14, 15, 16, 14], "乙": [14, 15, 16, 14]}],
)
def test_value_labels_never_overprint(values):
    fig = plots.by_year(series_table(values), "series", "value", "t", "%", percent=True)
    assert len(labels_of(fig)) == len(values)
    assert overprinted(fig) == []


@pytest.mark.parametrize("name", ["income_bands", "facts_per_section", "amounts_by_year", "by_year bars"])
def test_bar_labels_never_overprint(name):
    assert overprinted(every_chart()[name]) == []


def test_per_village_amounts_are_grouped_bars_by_year_not_lines():
    fig = plots.amounts_by_year(INVESTMENTS, "place", "wan", "各村项目投资", "万元")
    ax = fig.axes[0]
    assert len(ax.lines) == 0 and len(ax.patches) == len(INVESTMENTS)
    assert [t.get_text() for t in ax.get_xticklabels(minor=True)] == ["2021", "2023", "2024"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["上坪村", "下坪村", "上坪村", "石门村", "上坪村"]
    colours = {p.get_facecolor() for p, place in zip(ax.patches, INVESTMENTS["place"]) if place == "上坪村"}
    assert len(colours) == 1, "a village keeps its colour across years"


def test_villages_in_no_stated_bracket_are_drawn_apart():
    ax = plots.plot_income_bands(BRACKETS_WITH_A_GAP).axes[0]
    stated, gap = ax.patches[:2]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["50万以上", "未说明 not stated"]
    assert gap.get_hatch() and not stated.get_hatch() and gap.get_height() == 6


@pytest.mark.parametrize("name", CHARTS)
def test_every_chart_has_one_look(name):
    fig = every_chart()[name]
    fig.canvas.draw()
    sizes = {t.get_fontsize() for t in fig.findobj(matplotlib.text.Text) if t.get_text()}
    assert sizes <= set(plots.SIZES.values()), f"{name}: font sizes {sizes}"
    allowed = {matplotlib.colors.to_rgba(c) for c in [*plots.PALETTE, plots.MUTED, "white"]}
    fills = {p.get_facecolor() for ax in fig.axes for p in ax.patches}
    assert fills <= allowed, f"{name}: colours outside the palette"
    lines = {matplotlib.colors.to_rgba(line.get_color()) for ax in fig.axes for line in ax.lines}
    assert lines <= allowed


def test_tick_labels_are_written_as_readers_write_numbers():
    table = series_table({"投资": [1_500_000.0, 2_400_000.0]}, years=[2023, 2024])
    fig = plots.by_year(table, "series", "value", "t", "元")
    fig.canvas.draw()
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "2,000,000" in ticks and not any("e" in t for t in ticks)


@pytest.mark.parametrize("name", CHARTS)
def test_every_chart_says_what_it_shows(name):
    fig = every_chart()[name]
    alt = plots.alt_text(fig)
    titles = [t for t in (fig.get_suptitle(), *(ax.get_title() for ax in fig.axes)) if t]
    assert alt and any(t in alt for t in titles), f"{name}: {alt!r}"
    drawn = [text for text, _ in labels_of(fig)]
    assert all(value in alt for value in drawn), f"{name}: the alt text leaves out values the chart shows"


@pytest.mark.parametrize("section", ["收入$增长$部分", r"收入$\frac{$增长", "$$"])
def test_dollar_signs_in_data_are_drawn_as_written_not_as_mathematics(section):
    table = pd.DataFrame({"year": [2024, 2024], "section": [section, "党建"], "statistics": [3, 5]})
    fig = plots.plot_facts_per_section(table)
    assert render(fig).startswith(b"\x89PNG"), "mathtext would fail to parse this label"
    label = next(t for t in fig.axes[0].get_yticklabels() if section in t.get_text())
    assert label._preprocess_math(label.get_text())[1] is False, "the label would be set as mathematics"


# --- laid out once, at its own size, with every text inside it and apart -------------------

def every_chart_and_its_variants():
    """``every_chart`` and the charts whose layout differs: income bands with a figure legend
    and the village table's counts beside them, and without a legend (the bracket axis named below)."""
    stated = BRACKETS_WITH_A_GAP[BRACKETS_WITH_A_GAP["stated"]]
    counted = pd.DataFrame({"year": [2024], "band": ["50万以上"], "counted": [3.0]})
    return {
        **every_chart(),
        "income_bands counted": plots.plot_income_bands(BRACKETS_WITH_A_GAP, counted),
        "income_bands no legend": plots.plot_income_bands(stated),
        "by_year range": plots.by_year(
            series_table({"10万以上": [40.0, 50.0], "50万以上": [10.0, 20.0]}, years=[2023, 2024]).assign(upper=lambda t: t["value"] + 10),
            "series", "value", "收入达到门槛的村占比 (villages at or above a threshold)", "占比 (share of villages, %)",
            percent=True, upper="upper"),
    }


VARIANTS = [*CHARTS, "income_bands counted", "income_bands no legend", "by_year range"]


def drawn_texts(fig) -> list:
    """Every visible, non-empty text of ``fig`` and its box in pixels, drawn at the resolution reports save it at."""
    fig.set_dpi(plots.SAVED_DPI)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    undrawn = {id(label) for ax in fig.axes for axis in (ax.xaxis, ax.yaxis)
               for tick in axis.get_major_ticks() + axis.get_minor_ticks()
               if not min(axis.get_view_interval()) <= tick.get_loc() <= max(axis.get_view_interval())
               for label in (tick.label1, tick.label2)}  # ticks beyond the axis are not drawn
    texts = [t for t in fig.findobj(matplotlib.text.Text)
             if t.get_visible() and t.get_text().strip() and id(t) not in undrawn]
    return [(t, matplotlib.text.Text.get_window_extent(t, renderer)) for t in texts]


@pytest.mark.parametrize("name", VARIANTS)
def test_every_chart_is_laid_out_once_not_at_each_draw(name):
    fig = every_chart_and_its_variants()[name]
    assert fig.get_layout_engine() is None and fig.lxw_fitted


@pytest.mark.parametrize("name", VARIANTS)
def test_every_text_of_a_chart_lies_inside_its_figure(name):
    fig = every_chart_and_its_variants()[name]
    edge = fig.bbox
    outside = [t.get_text() for t, box in drawn_texts(fig)
               if not (edge.x0 <= box.x0 and box.x1 <= edge.x1 and edge.y0 <= box.y0 and box.y1 <= edge.y1)]
    assert outside == []


@pytest.mark.parametrize("name", VARIANTS)
def test_no_two_texts_of_a_chart_overlap(name):
    boxes = drawn_texts(every_chart_and_its_variants()[name])
    touching = [(a.get_text(), b.get_text()) for i, (a, ba) in enumerate(boxes) for b, bb in boxes[i + 1:]
                if ba.overlaps(bb)]
    assert touching == []
