"""What extraction works out once and reuses gives what working it out afresh gives.

Matching keeps the answer for a subject no clause can change, the labels trim their edges
with str.strip, and the project's reference files are found once per project folder: each
must still answer as the first reading did. All sentences here are made up (madeup_*).
"""

from __future__ import annotations

import os
import re

import pytest

from lxw_analysis import labels, reference
from lxw_analysis.indicators import match_indicator

# --- a subject whose phrasing needs its clause: each clause decides, in any order ------------------

MADEUP_CADRE_CLAUSES = [
    ("madeup_planned", "4名村干部纳入2025年村干部学历提升学习计划", "cadres_planned_for_degree_programme"),
    ("madeup_enrolled", "8名村干部参加学历提升教育", "cadres_in_degree_programme"),
    ("madeup_neither", "全镇有村干部12人", None),
]


@pytest.mark.parametrize(("clause", "expected"), [(c, e) for _, c, e in MADEUP_CADRE_CLAUSES], ids=[i for i, _, _ in MADEUP_CADRE_CLAUSES])
def test_a_phrasing_with_a_context_is_resolved_by_each_clause_after_others(clause, expected):
    for other, _ in [(c, e) for _, c, e in MADEUP_CADRE_CLAUSES if c != clause]:
        match_indicator("村干部", "人", other)  # matched in another clause first
    assert match_indicator("村干部", "人", clause) == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [("力争地区生产总值增长7%", "gdp_growth_rate_target"), ("地区生产总值增长7%", "gdp_growth_rate")],
    ids=["madeup_aim", "madeup_reached"],
)
def test_the_same_subject_is_a_target_only_where_its_clause_aims_at_it(clause, expected):
    match_indicator("地区生产总值增长", "%", "力争地区生产总值增长7%")
    match_indicator("地区生产总值增长", "%", "地区生产总值增长7%")
    assert match_indicator("地区生产总值增长", "%", clause) == expected


# --- label edges: str.strip takes what the edge pattern took ---------------------------------------

_EDGES = re.compile(r"^[和及与、,:;()\s]+|[和及与、,:;(\s]+$")


@pytest.mark.parametrize(
    "label",
    ["和农户", "农户和", ")农户(", "(农户)", "\u3000农户\n", "、,和", ")", "和\n", "农户\u00a0", "农\u2003户", ""],
    ids=lambda s: "madeup_" + (s.encode("unicode_escape").decode() or "empty"),
)
def test_label_edges_are_trimmed_as_the_edge_pattern_trims_them(label):
    assert label.lstrip(labels._EDGES_START).rstrip(labels._EDGES_END) == _EDGES.sub("", label)


def test_the_edge_white_space_is_every_white_space_character():
    assert set(labels._SPACES) == {chr(c) for c in range(0x110000) if chr(c).isspace()}


# --- the project's reference files: found once, looked at on every call ----------------------------


def test_a_project_file_saved_after_a_first_look_is_seen(tmp_path, monkeypatch):
    monkeypatch.setenv("LXW_PROJECT_DIR", str(tmp_path))
    (tmp_path / "references").mkdir()
    assert reference.project_stamp("villages.csv") is None
    path = tmp_path / "references" / "villages.csv"
    path.write_text("township,name,aliases\n新寨乡,上庄村,\n", encoding="utf-8")
    os.utime(path, ns=(5, 5))
    assert reference.project_stamp("villages.csv") == (str(path), 5)


def test_another_project_folder_is_looked_at_when_lxw_project_dir_changes(tmp_path, monkeypatch):
    for name in ("a", "b"):
        (tmp_path / name / "references").mkdir(parents=True)
        path = tmp_path / name / "references" / "townships.csv"
        path.write_text("slug,name,county,prefecture,province\n", encoding="utf-8")
        os.utime(path, ns=(7, 7))
    monkeypatch.setenv("LXW_PROJECT_DIR", str(tmp_path / "a"))
    assert reference.project_stamp("townships.csv")[0] == str(tmp_path / "a" / "references" / "townships.csv")
    monkeypatch.setenv("LXW_PROJECT_DIR", str(tmp_path / "b"))
    assert reference.project_stamp("townships.csv")[0] == str(tmp_path / "b" / "references" / "townships.csv")


# --- villages: a report that names none gives none ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["2024年,某某镇全镇开展党委理论学习17次,交流发言50余人。", "2024年,某某镇投资12万元修建卫生厕所3处。"],
    ids=["madeup_scope_word", "madeup_no_place"],
)
def test_a_report_naming_no_village_gives_no_fact_a_village(text):
    from lxw_analysis import extract_facts

    facts = extract_facts(text)
    assert len(facts) and facts["village"].isna().all()


# --- fuzzy matching: the phrasings gathered once are those a scan of the catalogue finds ---------


def _scanned(s, unit, band):
    """The fuzzy candidates of ``s`` from a scan of every phrasing, as matching first did."""
    import importlib

    from rapidfuzz import fuzz, process

    ind = importlib.import_module("lxw_analysis.indicators")
    choices = {}
    for i in ind.catalogue():
        if unit in i.units and i.band == band:
            for p in i.subjects:
                if not p.endswith("*") and ind._guards(p) == ind._guards(s):
                    choices.setdefault(p, []).append(i)
    found = process.extract(s, list(choices), scorer=fuzz.ratio, score_cutoff=ind.FUZZY_THRESHOLD, limit=3)
    return [(i.id, "fuzzy", round(score, 1)) for p, score, _ in found for i in choices[p]]


@pytest.mark.parametrize(
    ("s", "unit"),
    [("党委理论学习中心组专题学习", "次"), ("党员干部培训", "人次"), ("培训党员干部", "人次"), ("全镇地区生产总值", "元")],
    ids=["madeup_study", "madeup_cadre_training", "madeup_training", "madeup_gdp"],
)
def test_fuzzy_candidates_are_those_a_scan_of_every_phrasing_finds(s, unit):
    import importlib

    ind = importlib.import_module("lxw_analysis.indicators")
    from_index = ind._candidates(s, unit, False, ind.catalogue_key())
    assert all(how == "fuzzy" for _, how, _ in from_index)  # no phrasing matches it exactly
    assert [(i.id, how, score) for i, how, score in from_index] == _scanned(s, unit, False)
