"""An optional group written as an alternative with nothing matches what the group with ``?`` does.

The patterns and texts here are made up; they exercise the shapes the extraction pattern uses.
"""

import re

import pytest

from lxw_analysis.grammar import _optional_as_alternative, grammar


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        pytest.param(r"(?P<pre>约|近)?(?P<n>\d+)(?P<unit>个|人)", "约12个、30人、近5人", id="madeup_named_groups"),
        pytest.param(r"(?:(?P<a>\d+)(?:至(?P<b>\d+))?)?万元", "10至20万元,万元,5万元", id="madeup_nested"),
        pytest.param(r"[(?]?(\d+)(?:[)?])?", "(3) 4? (5", id="madeup_parens_and_marks_in_classes"),
        pytest.param(r"\((\d+)\)?个", "(3)个 (4个", id="madeup_escaped_parens"),
        pytest.param(r"(\d+)(?:余)??(余)?人", "30余人 20人", id="madeup_lazy_group_kept"),
        pytest.param(r"(\d+)(?=个)?个?", "3个 4", id="madeup_lookahead_kept"),
    ],
)
def test_optional_group_as_alternative_matches_the_same(pattern, text):
    written = re.compile(pattern)
    rewritten = re.compile(_optional_as_alternative(pattern))
    assert [(m.span(), m.groups()) for m in rewritten.finditer(text)] == [
        (m.span(), m.groups()) for m in written.finditer(text)
    ]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        pytest.param(r"(a)?", r"(?:(a)|)", id="group"),
        pytest.param(r"(?:a(b)?)?", r"(?:(?:a(?:(b)|))|)", id="nested"),
        pytest.param(r"(a)??(b)?+", r"(a)??(b)?+", id="lazy_and_possessive_kept"),
        pytest.param(r"(?<!a)?[)]?", r"(?<!a)?[)]?", id="lookbehind_and_class_kept"),
    ],
)
def test_optional_groups_rewritten(pattern, expected):
    assert _optional_as_alternative(pattern) == expected


def test_extraction_pattern_has_no_optional_group_left():
    pattern = grammar().pattern.pattern
    assert _optional_as_alternative(pattern) == pattern
