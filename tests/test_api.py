"""The analyst-facing API: townships by name or folder, years as an int or a list, unknown
indicator ids named with the closest known ones, listing what the data hold, the CJK font
set up by importing the package, and drawing functions named apart from counting ones."""

import inspect
import json
import subprocess
import sys
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib import pyplot as plt  # noqa: E402

import lxw_analysis as lxw  # noqa: E402
from lxw_analysis import bands, county, countyplots, overview, plots, trends  # noqa: E402
from lxw_analysis.facts import write_csv, write_facts  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

FACTS = pd.concat(
    [
        lxw.extract_facts("2023年,拉西瓦镇排查矛盾纠纷20起,化解18起,党员轮训率达90%。", year=2023, township="拉西瓦镇"),
        lxw.extract_facts("2024年,拉西瓦镇排查矛盾纠纷28起,化解27起,党员轮训率达96%。", year=2024, township="拉西瓦镇"),
        lxw.extract_facts("2024年,新寨乡排查矛盾纠纷10起,化解10起。", year=2024, township="新寨乡"),
    ],
    ignore_index=True,
)


@pytest.fixture
def processed(tmp_path, monkeypatch) -> Path:
    """A project whose data/processed/ holds FACTS and one finding per township; load_facts() reads it."""
    folder = tmp_path / "data" / "processed"
    write_facts(FACTS, folder)
    findings = pd.DataFrame({
        "rule": ["rate_over_100", "disputes_resolved_over_found", "schema"],
        "severity": ["warning", "warning", "error"],
        "township": ["拉西瓦镇", "新寨乡", None],
        "year": ["2024", "2024", None],
        "message": ["a", "b", "c"],
    })
    write_csv(findings, folder / "quality.csv")
    monkeypatch.setenv("LXW_PROJECT_DIR", str(tmp_path))
    return folder


# --- townships: a name or a folder slug; a miss names the known ones --------------------------

TOWNSHIP_TAKERS = {
    "load_facts": lambda folder, t: sorted(set(zip(*lxw.load_facts(folder, township=t)[["township", "year"]].T.values))),
    "load_findings": lambda folder, t: lxw.load_findings(folder, township=t)["rule"].tolist(),
    "lxw.years": lambda folder, t: lxw.years(township=t),
    "county.start": lambda folder, t: county.start(t, data_dir=folder)[1],
}
OF_LAXIWA = {
    "load_facts": [("拉西瓦镇", 2023), ("拉西瓦镇", 2024)],
    "load_findings": ["rate_over_100", "schema"],
    "lxw.years": [2023, 2024],
    "county.start": ["拉西瓦镇"],
}


@pytest.mark.parametrize("asked", ["拉西瓦镇", "laxiwa", "LAXIWA", " laxiwa "])
@pytest.mark.parametrize("function", TOWNSHIP_TAKERS)
def test_township_slug_is_accepted_like_its_name(processed, function, asked):
    assert TOWNSHIP_TAKERS[function](processed, asked) == OF_LAXIWA[function]


@pytest.mark.parametrize("asked", ["拉西瓦", "laxiwo", "新寨镇", ""])
@pytest.mark.parametrize("function", TOWNSHIP_TAKERS)
def test_unknown_township_raises_naming_the_known_ones(processed, function, asked):
    with pytest.raises(lxw.LxwError) as caught:
        TOWNSHIP_TAKERS[function](processed, asked)
    message = str(caught.value)
    assert repr(asked.strip()) in message and "拉西瓦镇 (folder laxiwa)" in message and "新寨乡" in message


def test_township_of_no_findings_is_known_from_the_facts_beside_them(processed):
    write_csv(pd.DataFrame({"rule": ["schema"], "township": [None], "year": [None]}), processed / "quality.csv")
    assert lxw.load_findings(processed, township="新寨乡")["rule"].tolist() == ["schema"]


def test_small_multiples_take_a_township_by_its_folder_slug():
    table = pd.DataFrame({"township": ["拉西瓦镇"], "year": [2024], "value": [3.0]})
    fig = countyplots.small_multiples(table, "value", "t", "个", townships=["laxiwa"])
    assert [ax.get_title() for ax in fig.axes if ax.get_visible()] == ["拉西瓦镇"]
    assert "拉西瓦镇: 3 in 2024" in fig.lxw_alt
    plt.close(fig)


# --- years: an int or any iterable of ints ---------------------------------------------------

@pytest.mark.parametrize(
    "years", [2024, [2024], (2024,), {2024}, range(2024, 2025), np.int64(2024), [np.int64(2024)], "2024", ["2024"]],
    ids=repr,
)
def test_years_accept_an_int_or_a_list(processed, years):
    got = lxw.load_facts(processed, years=years)
    assert set(got["year"]) == {2024} and len(got) == (FACTS["year"] == 2024).sum()


@pytest.mark.parametrize("years", [[2023, 2024], range(2020, 2030)], ids=repr)
def test_several_years_keep_each(processed, years):
    assert set(lxw.load_facts(processed, years=years)["year"]) == {2023, 2024}


@pytest.mark.parametrize("years", [2024.5, "twenty", True, [2024, None]], ids=repr)
def test_years_that_are_not_years_are_refused(processed, years):
    with pytest.raises(lxw.LxwError, match="give a year"):
        lxw.load_facts(processed, years=years)


@pytest.mark.parametrize(("township", "years", "held"), [(None, 2030, "2023, 2024"), ("新寨乡", [2023], "2024")])
def test_years_none_of_which_the_data_hold_raise_naming_those_they_do(processed, township, years, held):
    with pytest.raises(lxw.LxwError) as caught:
        lxw.load_facts(processed, township=township, years=years)
    assert str(years).strip("[]") in str(caught.value) and f"they hold {held}" in str(caught.value)


# --- indicator ids: an unknown one names the closest known ones ------------------------------

IDS_TAKERS = {
    "trends.ratio numerator": lambda bad: trends.ratio(FACTS, bad, "disputes_found"),
    "trends.ratio denominator": lambda bad: trends.ratio(FACTS, "disputes_found", bad),
    "trends.yoy": lambda bad: trends.yoy(FACTS, [bad]),
    "trends.yoy one id": lambda bad: trends.yoy(FACTS, bad),
    "trends.indicator_by_year": lambda bad: trends.indicator_by_year(FACTS, [bad]),
    "county.compare_townships": lambda bad: county.compare_townships(FACTS, [bad]),
    "county.headline_by_year": lambda bad: county.headline_by_year(FACTS, [bad]),
    "county.coverage": lambda bad: county.coverage(FACTS, [bad]),
    "county.describe_comparison": lambda bad: county.describe_comparison(county.compare_townships(FACTS), [bad]),
}


@pytest.mark.parametrize("bad", ["disputes_resolve", "Disputes_Resolved", "disputes resolved"])
@pytest.mark.parametrize("function", IDS_TAKERS)
def test_unknown_indicator_id_raises_naming_the_closest_known_ids(function, bad):
    with pytest.raises(lxw.LxwError) as caught:
        IDS_TAKERS[function](bad)
    message = str(caught.value)
    assert repr(bad) in message and "disputes_resolved" in message.split("closest known:")[1]


def test_known_indicator_ids_still_give_their_rows():
    assert trends.ratio(FACTS, "disputes_resolved", "disputes_found")["rate"].round(1).tolist() == [90.0, 96.4, 100.0]
    assert trends.yoy(FACTS, "disputes_resolved")["value"].tolist() == [18.0, 27.0, 10.0]
    assert set(county.compare_townships(FACTS, ["disputes_resolved"])["township"]) == {"拉西瓦镇", "新寨乡"}


def test_an_indicator_the_facts_state_outside_the_catalogue_is_known():
    facts = FACTS.assign(indicator=FACTS["indicator"].replace({"disputes_found": "my_own_disputes"}))
    assert trends.yoy(facts, ["my_own_disputes"])["value"].tolist() == [20.0, 28.0, 10.0]


def test_unknown_topic_raises_naming_the_closest():
    with pytest.raises(lxw.LxwError, match=r"unknown indicator topic 'trainin'; the closest known: training"):
        trends.topic(FACTS, "trainin")


# --- listing what is there --------------------------------------------------------------------

def test_townships_years_and_indicators_list_the_facts_given():
    assert lxw.townships(FACTS) == ["拉西瓦镇", "新寨乡"]
    assert lxw.years(FACTS) == [2023, 2024] and lxw.years(FACTS, township="新寨乡") == [2024]
    stated = lxw.indicators(FACTS).set_index("id")["statistics"].to_dict()
    assert stated == {"party_member_rotation_training_rate": 2, "disputes_found": 3, "disputes_resolved": 3}


def test_with_no_facts_the_listings_read_the_processed_data(processed):
    assert lxw.townships() == ["拉西瓦镇", "新寨乡"]
    assert lxw.years() == [2023, 2024] and lxw.years(township="laxiwa") == [2023, 2024]


def test_indicators_with_no_facts_is_the_whole_catalogue():
    from lxw_analysis.indicators import indicator_table, known_ids

    table = lxw.indicators()
    assert table["id"].tolist() == known_ids() and list(table.columns) == list(indicator_table().columns)


def test_listing_with_no_processed_data_says_how_to_make_them(tmp_path, monkeypatch):
    monkeypatch.setenv("LXW_PROJECT_DIR", str(tmp_path))
    with pytest.raises(lxw.LxwError, match="lxw build"):
        lxw.townships()


# --- the CJK font, set up by importing the package, cheaply ---------------------------------

def run_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={"MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"}, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


FONT_IN_USE = """
import warnings
from matplotlib import font_manager
from matplotlib import pyplot as plt
found = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]), fallback_to_default=False)
fig, ax = plt.subplots()
ax.set_title("拉西瓦镇村集体经济收入")
with warnings.catch_warnings():
    warnings.simplefilter("error")
    fig.savefig(__import__("io").BytesIO(), format="png")
print(found)
"""


@pytest.mark.parametrize("order", ["package first", "matplotlib first"])
def test_importing_the_package_makes_a_users_own_chart_draw_chinese(order):
    first, second = ("import lxw_analysis", "import matplotlib.pyplot") if order == "package first" else (
        "import matplotlib.pyplot", "import lxw_analysis")
    found = run_python(f"{first}\n{second}\n{FONT_IN_USE}")
    assert found.endswith(lxw.CJK_FONT_FILE)


def test_without_the_package_the_bundled_font_is_not_what_matplotlib_finds():
    assert not run_python("import matplotlib.pyplot\n" + FONT_IN_USE.replace('"拉西瓦镇村集体经济收入"', '"title"')).endswith(
        lxw.CJK_FONT_FILE)


def test_importing_the_package_imports_no_matplotlib():
    loaded = run_python("import sys, lxw_analysis\nprint(sorted(m for m in sys.modules if m.startswith('matplotlib')))")
    assert loaded == "[]"


def test_importing_the_font_manager_alone_registers_the_font_once():
    got = json.loads(run_python(
        "import json, lxw_analysis\nfrom matplotlib import font_manager, rcParams\nimport lxw_analysis.plots\n"
        "print(json.dumps([sum(f.fname.endswith(lxw_analysis.CJK_FONT_FILE) and f.name == 'Noto Sans CJK SC'"
        " for f in font_manager.fontManager.ttflist),"
        " rcParams['font.sans-serif'][0]]))"
    ))
    assert got == [1, "Noto Sans CJK SC"]


# --- counting and drawing functions have distinct names ---------------------------------------

BRACKETS = bands.band_table(
    lxw.extract_facts("2024年,某镇全镇10个村,其中10万至20万的村3个、50万以上的村5个。"), not_stated=True
)
SECTIONS = pd.DataFrame({"year": [2024, 2024], "section": ["", "党建"], "statistics": [3, 12]})
RENAMED = {
    "income_bands": ("plot_income_bands", BRACKETS),
    "facts_per_section": ("plot_facts_per_section", SECTIONS),
}


@pytest.mark.parametrize("old", RENAMED)
def test_old_drawing_name_warns_and_draws_the_same(old):
    new, table = RENAMED[old]
    with pytest.warns(DeprecationWarning, match=rf"plots\.{old} is deprecated.*plots\.{new}"):
        fig = getattr(plots, old)(table)
    assert plots.alt_text(fig) == plots.alt_text(getattr(plots, new)(table)) != ""
    plt.close("all")


def test_new_drawing_names_do_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        plots.plot_income_bands(BRACKETS)
        plots.plot_facts_per_section(SECTIONS)
    plt.close("all")


def test_counting_names_count_and_drawing_names_draw():
    assert lxw.income_bands is bands.income_bands and callable(overview.facts_per_section)
    counting = {n for m in (lxw, bands, overview, trends, county) for n in m.__all__}
    drawing = {n for n in plots.__all__ if inspect.isfunction(getattr(plots, n))}
    assert drawing & counting == set(RENAMED)  # only the deprecated aliases share a name


@pytest.mark.parametrize("notebook", sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb")))
def test_notebooks_call_the_drawing_names_and_keep_no_outputs(notebook):
    cells = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    code = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert all(f"plots.{old}(" not in code for old in RENAMED)
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in cells if c["cell_type"] == "code")


# --- every public function says what it does, with an example ---------------------------------

MODULES = [lxw, trends, plots, bands, county, countyplots]


@pytest.mark.parametrize(
    ("module", "name"),
    [(m, n) for m in MODULES for n in m.__all__
     if inspect.isfunction(getattr(m, n)) and getattr(m, n).__module__ == m.__name__],
    ids=lambda v: getattr(v, "__name__", v),
)
def test_every_public_function_has_a_docstring_with_an_example(module, name):
    doc = inspect.getdoc(getattr(module, name)) or ""
    assert doc and ">>> " in doc, f"{module.__name__}.{name}"
