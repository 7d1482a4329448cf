"""Patterns several modules read text with, defined once: numbered headings, years, quote marks."""

from __future__ import annotations

import re

__all__ = ["CN_ORDINAL", "HEADING_START", "YEAR_DIGITS", "QUOTE_MARKS", "QUOTE_PAIRS"]

#: The Chinese digits numbered headings use (一、 （三） 第二部分).
CN_ORDINAL = "一二三四五六七八九十"

#: A line that starts a numbered item: 一、 第一部分 （一） 1、 1． (1)
HEADING_START = re.compile(
    rf"""\s*(?:[{CN_ORDINAL}]+[、.．]|第[{CN_ORDINAL}]+(?:部分|章|节|篇)
        |[（(][{CN_ORDINAL}\d]{{1,3}}[）)]|\d{{1,2}}[、．](?!\d)|\d{{1,2}}\.(?!\d))""",
    re.X,
)

#: A year of four digits not preceded by another digit (2024, 2024年, 2024_villages); what
#: may follow it is the user's to say ((?!\d), (?=年)).
YEAR_DIGITS = r"(?<!\d)((?:19|20)\d{2})"

#: Quote marks reports use, opening and closing alike.
QUOTE_MARKS = "“”\"「」『』《》‘’'"
#: Pairs of quote marks, opening then closing: what a quoted name or title is enclosed in.
QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("「", "」"), ("『", "』"), ("《", "》"))
