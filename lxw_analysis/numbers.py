"""Numbers as township reports write them: Arabic, full-width, Chinese numerals, 万/亿.

Chinese numerals are read with cn2an; this module only adds what reports do around it
(multipliers after Arabic digits, thousands separators, a bare 万 meaning 一万).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import config

__all__ = [
    "HALFWIDTH",
    "MULTIPLIERS",
    "CN_NUMERAL_CHARS",
    "ARABIC",
    "MIXED",
    "MULTIPLIER",
    "CHINESE",
    "to_halfwidth",
    "parse_number",
]

#: Full-width ASCII (！ to ～) and the ideographic space, mapped one character to one, so
#: offsets into the mapped text are offsets into the original.
_HALF = {**{chr(0xFF01 + i): chr(0x21 + i) for i in range(94)}, "\u3000": " "}
HALFWIDTH = str.maketrans(_HALF)
#: A run of characters ``HALFWIDTH`` changes: one, then any more (a pattern that starts with a
#: character set, not a repetition of one, is searched for quickly: the regex engine skips to
#: the next character of the set).
_FULLWIDTH = re.compile("[\uff01-\uff5e\u3000][\uff01-\uff5e\u3000]*")

#: Multipliers that may follow Arabic digits (3.5万, 1.2亿, 3千万).
MULTIPLIERS = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4, "千": 1e3}

#: Characters of Chinese numerals, including financial forms (壹, 拾) and 两.
CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"

#: Arabic numbers: thousands separated by commas (1,500) or, in some reports, by a space
#: (1 068.2); a decimal point, or the middle dot some bulletins print for it (0·6).
ARABIC = r"\d+(?:,\d{3})+(?:[.·]\d+)?|(?<!\d)\d{1,3}(?:[ \u00a0]\d{3})+(?!\d)(?:[.·]\d+)?|\d+(?:[.·]\d+)?"
#: Arabic digits with written units inside (6亿3千815万, 2億8仟46萬), as some reports write large sums.
MIXED = r"\d+亿(?:\d+[千仟])?\d+万|\d+[千仟]\d+万"
#: 千 is a multiplier except in the units 千米, 千克, 千瓦 (12千米 is 12 公里).
MULTIPLIER = "|".join(sorted(MULTIPLIERS, key=len, reverse=True)).replace("千", "千(?![米克瓦])")
CHINESE = f"[{CN_NUMERAL_CHARS}]+(?:点[{CN_NUMERAL_CHARS}]+)?"

_ARABIC_RE = re.compile(rf"(?P<sign>-)?(?P<digits>{ARABIC})(?P<mult>{MULTIPLIER})?")
_MIXED_RE = re.compile(MIXED)
_MIXED_PART = re.compile(r"(\d+)([亿万千仟]?)")
_MIXED_UNIT = {"亿": 1e8, "万": 1e4, "千": 1e3, "仟": 1e3, "": 1}


def _mixed(text: str) -> float:
    """6亿3千815万 → 638,150,000: each 亿/万 closes a section of the digits and 千s before it."""
    total, section = 0.0, 0.0
    for digits, unit in _MIXED_PART.findall(text):
        if unit in ("亿", "万"):
            total += (section + float(digits)) * _MIXED_UNIT[unit]
            section = 0.0
        else:
            section += float(digits) * _MIXED_UNIT[unit]
    return total + section


def to_halfwidth(text: str) -> str:
    """Full-width digits, letters and punctuation to ASCII, keeping the length.

    >>> to_halfwidth("１７次，３０％")
    '17次,30%'
    """
    # Each full-width character the text holds is replaced throughout (str.replace is a fast
    # scan): str.translate is slow on Chinese text (it looks up every character in the table),
    # and a report holds few distinct full-width characters, mostly its punctuation.
    runs = _FULLWIDTH.findall(text)
    if not runs:
        return text
    for char in set("".join(runs)):
        text = text.replace(char, _HALF[char])
    return text


_CN_DIGIT = "[一二两三四五六七八九]"
_CN_TENS = f"[二两三四五六七八九]?十{_CN_DIGIT}?"
_CN_HUNDREDS = f"{_CN_DIGIT}百(?:零{_CN_DIGIT}|{_CN_DIGIT}十{_CN_DIGIT}?)?"
_CN_THOUSANDS = f"{_CN_DIGIT}千(?:零{_CN_DIGIT}|零{_CN_DIGIT}十{_CN_DIGIT}?|{_CN_HUNDREDS})?"
#: The Chinese numerals reports write most (七, 十五, 两百零三, 三千五百万): a number below 10,000
#: written out in full, perhaps times 万. They are read here, as cn2an reads them; cn2an takes
#: long to import and is loaded only for the others (一点五, 三亿, 壹佰, 一十二).
_PLAIN_CHINESE = re.compile(f"(?:{_CN_THOUSANDS}|{_CN_HUNDREDS}|{_CN_TENS}|{_CN_DIGIT})万?")
_CN_VALUES = {**{c: i for i, c in enumerate("零一二三四五六七八九")}, "两": 2}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def _plain_chinese(text: str) -> float:
    """The value of a numeral ``_PLAIN_CHINESE`` matches: 三千零五十 → 3050.0."""
    value, digit = 0, 0
    for c in text:
        if c in _CN_UNITS:
            value += (digit or 1) * _CN_UNITS[c]  # 十五: a bare 十 is one ten
            digit = 0
        elif c == "万":
            value = (value + digit) * 10_000
            digit = 0
        else:
            digit = _CN_VALUES[c]
    return float(value + digit)


@lru_cache(maxsize=4096)
def _chinese(text: str) -> float:
    if text[0] in "百千万亿佰仟":
        text = "一" + text  # 百余人, 万余元: a bare multiplier means one of it
    if _PLAIN_CHINESE.fullmatch(text):
        return _plain_chinese(text)
    import cn2an  # loaded when a report first writes another numeral: it compiles its tables on import

    try:
        return float(cn2an.cn2an(text, "smart"))
    except ValueError:
        if "点" in text and text[-1] in MULTIPLIERS:
            return _chinese(text[:-1]) * MULTIPLIERS[text[-1]]  # 一点五亿: cn2an reads no 点 before 亿
        raise


@lru_cache(maxsize=4096)  # a report repeats its numbers (1, 2, 10 …): read each once
def parse_number(text: str) -> float:
    """The value of one written number; raises ``ValueError`` if it is not one.

    >>> parse_number("1,500")
    1500.0
    >>> parse_number("3.5万")
    35000.0
    >>> parse_number("一百二十一")
    121.0
    >>> parse_number("１７")
    17.0
    >>> parse_number("-0.64"), parse_number("6亿3千815万")
    (-0.64, 638150000.0)

    Runs longer than ``config.MAX_NUMBER_CHARS`` and values beyond ``config.MAX_VALUE`` are
    not statistics (a page of digits, a serial number) and raise ``ValueError`` too.
    """
    if len(text) > config.MAX_NUMBER_CHARS:  # no statistic is written so long; cn2an would take long
        raise ValueError(f"too long to be one number: {len(text):,} characters")
    value = _value(to_halfwidth(text.strip()))
    if not abs(value) <= config.MAX_VALUE:
        raise ValueError(f"larger than any statistic: {text!r}")
    return value


def _value(text: str) -> float:
    if not text:
        raise ValueError("empty number")
    match = _ARABIC_RE.fullmatch(text)
    if match:
        digits = match["digits"].replace(",", "").replace(" ", "").replace("\u00a0", "").replace("·", ".")
        value = float(digits) * (-1 if match["sign"] else 1)
        return value * MULTIPLIERS[match["mult"]] if match["mult"] else value
    if _MIXED_RE.fullmatch(text):
        return _mixed(text)
    try:
        return _chinese(text)
    except (ValueError, KeyError, IndexError, TypeError, OverflowError) as err:
        raise ValueError(f"not a number: {text!r}") from err
