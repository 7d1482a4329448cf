"""Numbers as readers read them, in one function for tables, charts, sentences and messages."""

from __future__ import annotations

import math

__all__ = ["number", "signed", "span", "year", "wan", "listing"]


def _missing(value) -> bool:
    return value is None or value is getattr(__import__("pandas"), "NA", None) or (
        isinstance(value, float) and math.isnan(value)
    )


def number(value, *, decimals: int | None = None, percent: bool = False, separators: bool = True, missing: str = "") -> str:
    """A number as a reader writes it: thousands separators, no trailing ``.0``, at most
    ``decimals`` places (else up to 10 significant digits), ``%`` after a percentage, and
    ``missing`` for NA.

    >>> number(1500000.0), number(30.5), number(8.333333333333), number(float("nan"))
    ('1,500,000', '30.5', '8.333333333', '')
    >>> number(96.42857, decimals=1, percent=True), number(1500000.0, separators=False), number(None, missing="missing")
    ('96.4%', '1500000', 'missing')
    """
    if _missing(value):
        return missing
    if hasattr(value, "item") and not isinstance(value, (int, float)):
        value = value.item()  # a NumPy scalar
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return str(value)
    comma = "," if separators else ""
    if decimals is not None:
        text = f"{value:{comma}.{decimals}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        if text in ("-0", "+0"):
            text = "0"
    else:
        text = f"{value:{comma}.10g}" if isinstance(value, float) else f"{value:{comma}}"
    return text + ("%" if percent else "")


def signed(value, *, decimals: int | None = None, percent: bool = False) -> str:
    """A change with its sign, as ``number`` writes the size: +6, -3, ±0.

    >>> signed(6.0), signed(-3.25, decimals=1), signed(0.0), signed(float("nan"))
    ('+6', '-3.2', '±0', '')
    """
    if _missing(value):
        return ""
    text = number(value, decimals=decimals, percent=percent)
    if text.lstrip("-").rstrip("%") == "0":
        return "±" + text.lstrip("-")
    return text if text.startswith("-") else "+" + text


def span(low, high, *, decimals: int | None = None, percent: bool = False, missing: str = "") -> str:
    """A range with both ends (``low`` alone when ``high`` is NA or the same).

    >>> span(200000.0, 500000.0), span(25.0, 100.0, percent=True), span(3.0, float("nan")), span(2.0, 2.0)
    ('200,000–500,000', '25–100%', '3', '2')
    """
    if _missing(low):
        return missing
    if _missing(high) or high == low:
        return number(low, decimals=decimals, percent=percent)
    return f"{number(low, decimals=decimals)}–{number(high, decimals=decimals, percent=percent)}"


def year(value) -> str:
    """A year as written, never with a thousands separator (2,024 is no year).

    >>> year(2024), year(2021.0), year(float("nan"))
    ('2024', '2021', '')
    """
    return "" if _missing(value) else str(int(value))


def wan(yuan: float) -> str:
    """An amount in yuan as 万 (10,000 yuan), the way reports write brackets.

    >>> wan(100000), wan(15000), wan(2_500_000)
    ('10万', '1.5万', '250万')
    """
    return number(yuan / 1e4, separators=False) + "万"


def listing(items, limit: int = 10, sep: str = ", ") -> str:
    """Items joined with commas: at most ``limit`` of them, then how many more (a message or a
    table cell stays readable when a township has a hundred thousand villages).

    >>> listing(["上庄村", "下庄村"]), listing(range(1, 13), 3)
    ('上庄村, 下庄村', '1, 2, 3 … and 9 more')
    """
    items = list(items)
    shown = sep.join(map(str, items[:limit]))
    return shown if len(items) <= limit else f"{shown} … and {number(len(items) - limit)} more"
