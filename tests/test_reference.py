"""The reference tables beside the code load and say what the extractor relies on."""

import pytest

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
    assert roles == {"lead_verb", "scope", "link", "stop", "tail", "money", "band_noun", "band_link", "band_verb"}


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
