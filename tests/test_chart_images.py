"""How a report saves a chart as an image: a figure whose layout fits it is saved at its own
size (drawn once), any other figure is cropped to what it draws. Every value is made up."""

from __future__ import annotations

import base64
from unittest import mock

import pandas as pd
import pytest
from matplotlib import pyplot as plt

from lxw_analysis import countyplots, plots, present

MADEUP_YEARS = pd.DataFrame({"year": [2023, 2024], "s": ["甲", "甲"], "v": [1.0, 2.0]})
MADEUP_TOWNSHIPS = pd.DataFrame({"township": ["甲镇", "乙乡", "丙镇"], "year": [2024] * 3, "value": [1.0, 2.0, 3.0]})


def saved_size(fig) -> tuple[int, int]:
    """The pixel size of the image ``present.figure`` shows for ``fig``."""
    with mock.patch("IPython.display.display") as display:
        present.figure(fig)
    (image,), _ = display.call_args
    data = base64.b64decode(image._repr_png_()[0])
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def loose_figure():
    """A figure with no layout, drawing a word in its middle: most of it is empty."""
    fig = plt.figure(figsize=(8, 4))
    fig.text(0.5, 0.5, "甲")
    return fig


@pytest.mark.parametrize(
    "draw",
    [
        pytest.param(lambda: plots.by_year(MADEUP_YEARS, "s", "v", "标题", "个"), id="line_chart"),
        pytest.param(lambda: countyplots.small_multiples(MADEUP_TOWNSHIPS, "value", "标题", "次"), id="county_panels"),
    ],
)
def test_a_chart_whose_layout_fits_it_is_saved_at_its_own_size(draw):
    fig = draw()
    inches = tuple(fig.get_size_inches())
    assert saved_size(fig) == tuple(round(200 * side) for side in inches)


def test_a_figure_without_a_layout_is_cropped_to_what_it_draws():
    width, height = saved_size(loose_figure())
    assert width < 200 * 8 / 4 and height < 200 * 4 / 4


@pytest.mark.parametrize(
    "draw",
    [
        pytest.param(lambda: plots.by_year(MADEUP_YEARS, "s", "v", "标题", "个"), id="line_chart"),
        pytest.param(lambda: plots.plot_facts_per_section(
            pd.DataFrame({"year": [2024], "section": ["党建"], "statistics": [3]})), id="bar_chart"),
        pytest.param(lambda: plots.plot_income_bands(pd.DataFrame(
            {"year": [2023, 2024], "band": ["10万以上"] * 2, "band_low": [1e5] * 2, "villages": [2.0, 3.0]})), id="panels"),
    ],
)
def test_a_chart_is_drawn_once_when_saved_not_once_more_to_lay_it_out(draw):
    fig = draw()
    with mock.patch.object(type(fig), "draw", autospec=True, side_effect=type(fig).draw) as drawn:
        saved_size(fig)
    assert drawn.call_count == 1
