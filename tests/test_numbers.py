"""Written numbers as reports write them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lxw_analysis.numbers import CN_NUMERAL_CHARS, parse_number, to_halfwidth


@pytest.mark.parametrize(
    "written,value",
    [
        ("17", 17),
        ("0", 0),
        ("98.5", 98.5),
        ("1,500", 1500),
        ("3,500,000", 3_500_000),
        ("１７", 17),
        ("１，２００", 1200),
        ("９８．５", 98.5),
        ("3.5万", 35_000),
        ("150万", 1_500_000),
        ("1.2亿", 120_000_000),
        ("3千", 3000),
        ("3千万", 30_000_000),
        ("2百万", 2_000_000),
        ("十", 10),
        ("十七", 17),
        ("二十", 20),
        ("三十", 30),
        ("一百二十一", 121),
        ("两", 2),
        ("两百", 200),
        ("两千零二十四", 2024),
        ("三十五万", 350_000),
        ("百", 100),
        ("万", 10_000),
        ("〇", 0),
        ("壹佰", 100),
        ("七点五", 7.5),
    ],
)
def test_parse_number(written, value):
    assert parse_number(written) == value


@pytest.mark.parametrize("written", ["", "  ", "十四五", "abc", "万万万", "1.2.3"])
def test_not_a_number_raises_value_error(written):
    with pytest.raises(ValueError):
        parse_number(written)


def test_halfwidth_keeps_length_and_maps_digits_and_punctuation():
    assert to_halfwidth("１７次，３０％；（一）") == "17次,30%;(一)"


@given(st.text())
def test_halfwidth_never_changes_length(text):
    assert len(to_halfwidth(text)) == len(text)


@given(st.text(alphabet=CN_NUMERAL_CHARS + "0123456789.,万亿千点余", max_size=12))
def test_parse_number_returns_a_float_or_raises_value_error(text):
    try:
        assert isinstance(parse_number(text), float)
    except ValueError:
        pass
