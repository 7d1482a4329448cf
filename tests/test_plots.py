"""The standard charts draw, with Chinese text in a real CJK font."""

import io
import warnings

import matplotlib

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
    assert render(plots.income_bands(brackets)).startswith(b"\x89PNG")


def test_income_bands_draws_one_panel_per_year_with_its_own_brackets():
    brackets = pd.DataFrame(
        {
            "year": [2022, 2022, 2023, 2023, 2023],
            "band": ["5万–10万", "10万以上", "10万–20万", "20万–30万", "30万以上"],
            "band_low": [5e4, 1e5, 1e5, 2e5, 3e5],
            "villages": [3.0, 5.0, 4.0, 3.0, 1.0],
        }
    )
    fig = plots.income_bands(brackets)
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
    fig = plots.facts_per_section(table)
    assert len(fig.axes[0].patches) == 2
    render(fig)
