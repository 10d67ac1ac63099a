"""A store holding the Aleppo report, built once by the real `sitrep ingest`, for the API and serve tests."""
import subprocess
import sys
from pathlib import Path

import pytest

ALEPPO = Path(__file__).resolve().parents[2] / "samples" / "aleppo-2016-12-09.txt"
SITREP = str(Path(sys.executable).with_name("sitrep"))


@pytest.fixture(scope="session")
def store_path(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("api") / "aleppo.duckdb"
    result = subprocess.run([SITREP, "ingest", str(ALEPPO), "--published", "2016-12-09", "--db", str(path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return str(path)
