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


def _plain_numerals() -> list[str]:
    """Every numeral ``numbers`` reads without cn2an: below 10,000 in full, perhaps times 万."""
    digits = list("一二两三四五六七八九")
    tens = [a + "十" + b for a in ["", *digits[1:]] for b in ["", *digits]]
    below_hundred = [""] + ["零" + d for d in digits] + [d + "十" + e for d in digits for e in ["", *digits]]
    hundreds = [d + "百" + rest for d in digits for rest in below_hundred]
    below_thousand = [""] + ["零" + d for d in digits] + ["零" + d + "十" + e for d in digits for e in ["", *digits]]
    thousands = [d + "千" + rest for d in digits for rest in below_thousand + hundreds]
    return [n + w for n in thousands + hundreds + tens + digits for w in ("", "万")]


def test_plain_chinese_numerals_are_read_as_cn2an_reads_them():
    import cn2an

    from lxw_analysis.numbers import _PLAIN_CHINESE, _plain_chinese

    numerals = _plain_numerals()
    assert all(_PLAIN_CHINESE.fullmatch(n) for n in numerals)
    assert [_plain_chinese(n) for n in numerals] == [float(cn2an.cn2an(n, "smart")) for n in numerals]


@pytest.mark.parametrize("written", ["一十二", "二零二四", "一百一", "三万五", "壹佰", "一点五", "三亿"])
def test_other_chinese_numerals_are_left_to_cn2an(written):
    import cn2an

    from lxw_analysis.numbers import _PLAIN_CHINESE

    assert not _PLAIN_CHINESE.fullmatch(written)
    assert parse_number(written) == float(cn2an.cn2an(written, "smart"))
