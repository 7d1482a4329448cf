"""lxw-analysis: township work reports and tables into tidy, validated facts and reports.

>>> import lxw_analysis as lxw
>>> lxw.extract_facts("在曲卜藏村投资35万元安装太阳能路灯80盏").value.tolist()
[350000.0, 80.0]
"""

from .bands import income_bands
from .errors import LxwError
from .extract import extract_facts
from .facts import FACT_COLUMNS, empty_facts, fact_row, load_facts, load_findings
from .identity import infer_township, infer_year
from .indicators import indicator_table as indicators
from .numbers import parse_number
from .reports import extract_file
from .tables import read_table, read_tables
from .text import read_text
from .validate import validate

__all__ = [
    "FACT_COLUMNS",
    "LxwError",
    "empty_facts",
    "extract_facts",
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
    "validate",
]
__version__ = "0.1.0"
