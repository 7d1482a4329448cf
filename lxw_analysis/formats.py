"""Numbers as readers read them, in one function for tables, charts, sentences and messages."""

from __future__ import annotations

import math

__all__ = ["number", "wan"]


def number(value, *, decimals: int | None = None, percent: bool = False, separators: bool = True, missing: str = "") -> str:
    """A number as a reader writes it: thousands separators, no trailing ``.0``, at most
    ``decimals`` places (else up to 10 significant digits), ``%`` after a percentage, and
    ``missing`` for NA.

    >>> number(1500000.0), number(30.5), number(8.333333333333), number(float("nan"))
    ('1,500,000', '30.5', '8.333333333', '')
    >>> number(96.42857, decimals=1, percent=True), number(1500000.0, separators=False), number(None, missing="missing")
    ('96.4%', '1500000', 'missing')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is getattr(
        __import__("pandas"), "NA", None
    ):
        return missing
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return str(value)
    comma = "," if separators else ""
    if decimals is not None:
        text = f"{value:{comma}.{decimals}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    else:
        text = f"{value:{comma}.10g}" if isinstance(value, float) else f"{value:{comma}}"
    return text + ("%" if percent else "")


def wan(yuan: float) -> str:
    """An amount in yuan as 万 (10,000 yuan), the way reports write brackets.

    >>> wan(100000), wan(15000), wan(2_500_000)
    ('10万', '1.5万', '250万')
    """
    return number(yuan / 1e4, separators=False) + "万"
