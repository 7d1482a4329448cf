"""The reference tables beside the code load and say what the extractor relies on."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lxw_analysis import reference
from lxw_analysis.facts import QUALIFIERS
from lxw_analysis.villages import find_villages

TABLES = {
    "measure_words.csv": {"word", "unit", "kind"},
    "qualifiers.csv": {"word", "position", "qualifier", "not_after", "only_before", "bracket"},
    "change_words.csv": {"word", "direction", "after_decline", "not_after", "needs"},
    "not_statistics.csv": {"phrase", "why"},
    "label_words.csv": {"word", "role"},
    "townships.csv": {"slug", "name", "county", "prefecture", "province"},
    "villages.csv": {"township", "name", "aliases"},
}


@pytest.mark.parametrize("name,columns", TABLES.items())
def test_table_loads_with_its_columns_and_no_blank_keys(name, columns):
    rows = reference.load_table(name)
    assert rows and set(rows[0]) == columns
    key = next(iter(rows[0]))
    assert all(row[key] for row in rows)


@pytest.mark.parametrize("name", TABLES)
def test_table_has_no_duplicate_rows(name):
    rows = [tuple(r.values()) for r in reference.load_table(name)]
    assert len(rows) == len(set(rows))


def test_people_measure_words_normalize_to_ren():
    words = reference.measure_words()
    assert {words[w] for w in ("人", "名", "位")} == {"人"}
    assert words["人次"] == "人次"


def test_qualifier_words_use_only_the_contract_qualifiers():
    rows = reference.load_table("qualifiers.csv")
    assert {r["qualifier"] for r in rows} <= set(QUALIFIERS)
    assert {r["position"] for r in rows} == {"before", "middle", "after"}


def test_label_word_roles_are_known():
    roles = {r["role"] for r in reference.load_table("label_words.csv")}
    assert roles == {"lead_verb", "scope", "link", "stop", "tail", "money", "band_noun", "band_link", "band_verb",
                     "verb_noun", "attribute", "per_capita", "reached", "bare_verb", "note", "unit_noun", "whole",
                     "preposition", "object_verb", "pair", "stop_noun", "times_verb"}


def test_change_words_give_only_the_contract_directions():
    from lxw_analysis.facts import DIRECTIONS

    rows = reference.load_table("change_words.csv")
    assert {r["direction"] for r in rows} == set(DIRECTIONS)
    assert {r["after_decline"] for r in rows} <= set(DIRECTIONS) | {""}


def test_bracket_words_are_qualifier_words_of_a_bound():
    rows = reference.load_table("qualifiers.csv")
    assert {r["bracket"] for r in rows} == {"yes", ""}
    assert all(r["qualifier"] in ("at_least", "at_most", "more_than") for r in rows if r["bracket"])


def test_gazetteer_names_the_seven_laxiwa_villages_of_the_2024_report():
    names = {r["name"] for r in reference.villages() if r["township"] == "拉西瓦镇"}
    assert names == {"叶后浪村", "多拉村", "仍果村", "豆后浪村", "尼那村", "曲卜藏村", "曲乃亥村"}


@pytest.mark.parametrize("alias,name", [("尼那", "尼那村"), ("尼那村", "尼那村"), ("曲乃亥", "曲乃亥村")])
def test_village_alias_resolves_to_canonical_name(alias, name):
    assert find_villages(f"敷设{alias}高压线路", "拉西瓦镇") == [name]


def test_gazetteer_says_it_is_incomplete_and_how_to_extend_it():
    text = (reference.resources.files("lxw_analysis") / "data" / "villages.csv").read_text(encoding="utf-8")
    assert "INCOMPLETE" in text and "append a row" in text


def test_set_phrases_are_not_statistics():
    from lxw_analysis import extract_facts

    for phrase in reference.stop_phrases():
        assert extract_facts(f"认真落实{phrase}工作").empty, phrase


# --- a project's own references, read over the package's ----------------------------------------


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A made-up project folder with a references/ folder of its own."""
    monkeypatch.setenv("LXW_PROJECT_DIR", str(tmp_path))
    (tmp_path / "references").mkdir()
    return tmp_path / "references"


def test_a_project_village_is_added_to_the_gazetteer_and_found_in_text(project):
    (project / "villages.csv").write_text("township,name,aliases\n新寨乡,上庄村,上庄|尚庄\n", encoding="utf-8")
    rows = reference.villages()
    assert {"township": "新寨乡", "name": "上庄村", "aliases": "上庄|尚庄"} in rows
    assert {r["name"] for r in rows if r["township"] == "拉西瓦镇"} >= {"尼那村", "曲卜藏村"}  # the package's kept
    assert find_villages("在尚庄投资12万元", "新寨乡") == ["上庄村"]


def test_a_project_row_replaces_the_package_row_with_its_key(project):
    (project / "townships.csv").write_text(
        "# 本项目的乡镇（虚构示例）\nslug,name,county,prefecture,province\nlaxiwa,拉西瓦镇,贵德县,海南州,青海省\nxinzhai,新寨乡,某县,某州,某省\n",
        encoding="utf-8",
    )
    rows = {r["slug"]: r for r in reference.townships()}
    assert rows["laxiwa"]["prefecture"] == "海南州" and rows["xinzhai"]["name"] == "新寨乡"
    assert [r["slug"] for r in reference.townships()].count("laxiwa") == 1
    from lxw_analysis.identity import township_from_folder

    assert township_from_folder("xinzhai") == "新寨乡"


def test_a_changed_project_gazetteer_is_read_again(project):
    path = project / "villages.csv"
    path.write_text("township,name,aliases\n新寨乡,上庄村,\n", encoding="utf-8")
    assert find_villages("在上庄村投资12万元", "新寨乡") == ["上庄村"]
    path.write_text("township,name,aliases\n新寨乡,下河村,\n", encoding="utf-8")
    import os

    os.utime(path, ns=(1, 1))  # a different stamp, as a later save has
    assert find_villages("在下河村投资12万元", "新寨乡") == ["下河村"]


def test_a_ragged_project_row_names_the_file_and_line(project):
    from lxw_analysis import LxwError

    (project / "villages.csv").write_text("township,name,aliases\n新寨乡,上庄村,\n新寨乡,下河村,下河,多余\n", encoding="utf-8")
    with pytest.raises(LxwError, match=r"villages.csv, line 3: the row does not have the 3 columns"):
        reference.villages()


def _naive_mentions(text, township):
    """village_mentions as first written: each unknown name checked against every known span."""
    import re as _re

    from lxw_analysis import villages

    names = villages.alias_map(township)
    pattern = _re.compile("|".join(map(_re.escape, sorted(names, key=len, reverse=True))))
    found = [(m.start(), names[m.group()]) for m in pattern.finditer(text)]
    covered = [m.span() for m in pattern.finditer(text)]
    for m in villages._UNKNOWN.finditer(text):
        if villages._NOT_NAMES.match(m[1]) or any(s <= m.start(1) < e for s, e in covered):
            continue
        found.append((m.start(1), m[1] + "村"))
    return sorted(found)


_VILLAGE_PIECES = ["在尼那村", "尼那", "在曲卜藏村", "曲卜藏", "在上庄村", "依托下河村", "投资12万元", "，", "。", "村", "在"]


@given(st.lists(st.sampled_from(_VILLAGE_PIECES), max_size=60).map("".join))
def test_village_mentions_are_found_as_a_scan_of_every_known_span_finds_them(text):
    from lxw_analysis.villages import village_mentions

    assert village_mentions(text, "拉西瓦镇") == _naive_mentions(text, "拉西瓦镇")
