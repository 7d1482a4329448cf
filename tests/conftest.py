import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
LAXIWA_2024 = RAW / "laxiwa" / "2024.txt"


@pytest.fixture(scope="session")
def laxiwa_text() -> str:
    from lxw_analysis import read_text

    return read_text(LAXIWA_2024)


@pytest.fixture
def raw_copy(tmp_path) -> Path:
    """A copy of the shipped data/raw/ in a temporary data folder (tmp/data/raw)."""
    target = tmp_path / "data" / "raw"
    shutil.copytree(RAW, target)
    return target
