"""lxw-analysis: township work reports and tables into tidy, validated facts and reports.

>>> import lxw_analysis as lxw
>>> lxw.extract_facts("在曲卜藏村投资35万元安装太阳能路灯80盏").value.tolist()
[350000.0, 80.0]

Importing the package makes matplotlib draw Chinese text with the bundled CJK font: the
font is registered with matplotlib's font manager as soon as matplotlib loads it (at once
when it is loaded already), so importing the package does not import matplotlib.
"""

import sys as _sys
from importlib.abc import Loader as _Loader
from importlib.abc import MetaPathFinder as _MetaPathFinder
from importlib.util import find_spec as _find_spec
from os import path as _path

import pandas as _pd

from .bands import income_bands
from .errors import LxwError
from .extract import extract_facts, extract_texts
from .facts import FACT_COLUMNS, empty_facts, fact_row, load_facts, load_findings
from .identity import infer_township, infer_year
from .identity import township_among as _township_among
from .indicators import indicator_table as _indicator_table
from .numbers import parse_number
from .reports import extract_file
from .tables import read_table, read_tables
from .text import read_text
from .validate import validate

__all__ = [
    "FACT_COLUMNS",
    "LxwError",
    "CJK_FONT_FILE",
    "cjk_font_path",
    "register_cjk_font",
    "empty_facts",
    "extract_facts",
    "extract_texts",
    "extract_file",
    "fact_row",
    "income_bands",
    "indicators",
    "infer_township",
    "infer_year",
    "load_facts",
    "load_findings",
    "parse_number",
    "read_table",
    "read_tables",
    "read_text",
    "townships",
    "validate",
    "years",
]
__version__ = "0.1.0"


def townships(facts: _pd.DataFrame | None = None) -> list[str]:
    """The townships ``facts`` hold (by default the processed data, ``load_facts()``), in the
    order they first appear. Any function taking a township takes one of these names, or its
    folder slug (laxiwa for 拉西瓦镇).

    >>> facts = _pd.concat([extract_facts("开展学习12次", year=2024, township="拉西瓦镇"),
    ...                     extract_facts("开展学习9次", year=2023, township="新寨乡")])
    >>> townships(facts)
    ['拉西瓦镇', '新寨乡']
    """
    facts = load_facts() if facts is None else facts
    return list(dict.fromkeys(str(t) for t in facts["township"].dropna()))


def years(facts: _pd.DataFrame | None = None, township: str | None = None) -> list[int]:
    """The years ``facts`` hold (by default the processed data), ascending; of one township
    (its name or folder slug) when given.

    >>> facts = _pd.concat([extract_facts("开展学习12次", year=2024, township="拉西瓦镇"),
    ...                     extract_facts("开展学习9次", year=2023, township="新寨乡")])
    >>> years(facts), years(facts, township="laxiwa")
    ([2023, 2024], [2024])
    """
    facts = load_facts() if facts is None else facts
    if township is not None:
        facts = facts[facts["township"] == _township_among(township, facts["township"].dropna().unique())]
    return sorted({int(y) for y in facts["year"].dropna()})


def indicators(facts: _pd.DataFrame | None = None) -> _pd.DataFrame:
    """The indicator catalogue (id, topic, label_zh, label_en, unit, phrasings, adds_up): every
    id a function taking indicator ids knows. With ``facts``, only the ids they state, with
    how many ``statistics`` state each.

    >>> indicators().set_index("id").loc["disputes_found", ["topic", "label_en"]].tolist()
    ['governance', 'Disputes identified']
    >>> indicators(extract_facts("排查矛盾纠纷28起,化解27起。"))[["id", "statistics"]].values.tolist()
    [['disputes_found', 1], ['disputes_resolved', 1]]
    """
    table = _indicator_table()
    if facts is None:
        return table
    counts = facts["indicator"].dropna().value_counts()
    stated = table[table["id"].isin(counts.index)]
    return stated.assign(statistics=stated["id"].map(counts).astype("int64")).reset_index(drop=True)


#: The bundled font (from the mplfonts package) used for Chinese text in every chart.
CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"


def cjk_font_path() -> str:
    """The bundled CJK font's file, found without importing mplfonts (which imports matplotlib).

    >>> cjk_font_path().endswith(CJK_FONT_FILE)
    True
    """
    spec = _find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise LxwError("the mplfonts package is missing: install it (pip install mplfonts) to draw Chinese text.")
    return _path.join(next(iter(spec.submodule_search_locations)), "fonts", CJK_FONT_FILE)


def register_cjk_font() -> str:
    """Register the bundled CJK font with matplotlib's font manager (once) and put it first
    among the sans-serif fonts, so Chinese labels render in any chart; return its name. This
    imports ``matplotlib.font_manager`` but not pyplot.

    >>> register_cjk_font()
    'Noto Sans CJK SC'
    """
    import matplotlib
    from matplotlib import font_manager

    path = cjk_font_path()
    manager = font_manager.fontManager
    entry = next((f for f in manager.ttflist if f.fname == path), None)
    if entry is None:
        manager.addfont(path)
        entry = next(f for f in manager.ttflist if f.fname == path)
    if manager.ttflist[0] is not entry:
        # first of the fonts of its name (a system Noto Sans CJK SC too), so it is the one found
        manager.ttflist.remove(entry)
        manager.ttflist.insert(0, entry)
        cached = getattr(manager, "_findfont_cached", None)  # matplotlib's cache of what was found
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()
    families = [f for f in matplotlib.rcParams["font.sans-serif"] if f != entry.name]
    matplotlib.rcParams["font.sans-serif"] = [entry.name, *families]
    matplotlib.rcParams["axes.unicode_minus"] = False  # the CJK font has no Unicode minus sign
    return entry.name


class _FontLoader(_Loader):
    """Loads ``matplotlib.font_manager`` as usual, then registers the CJK font."""

    def __init__(self, loader):
        self.loader = loader

    def __getattr__(self, name):
        return getattr(self.loader, name)

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        self.loader.exec_module(module)
        _register_quietly()


class _FontOnImport(_MetaPathFinder):
    """Waits for matplotlib's font manager to be imported, registers the font, and leaves."""

    lxw_font_hook = True

    def find_spec(self, name, path=None, target=None):
        if name != "matplotlib.font_manager":
            return None
        if self in _sys.meta_path:
            _sys.meta_path.remove(self)
        for finder in _sys.meta_path:
            spec = getattr(finder, "find_spec", lambda *a: None)(name, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _FontLoader(spec.loader)
                return spec
        return None


def _register_quietly() -> None:
    """``register_cjk_font``, with a warning rather than an error when it cannot be done: a
    chart without the font still draws (Chinese as boxes)."""
    try:
        register_cjk_font()
    except Exception as err:  # matplotlib must import even when the font cannot be registered
        import warnings

        warnings.warn(f"lxw_analysis could not register its CJK font ({err}): Chinese text in charts may show as boxes.",
                      stacklevel=2)


if "matplotlib.font_manager" in _sys.modules:
    _register_quietly()
elif not any(getattr(f, "lxw_font_hook", False) for f in _sys.meta_path):
    _sys.meta_path.insert(0, _FontOnImport())
