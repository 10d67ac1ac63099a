"""Shared fixtures: the sample report, the Guardian corpus, the parsed model (loaded once)."""
from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ALEPPO = ROOT / "samples" / "aleppo-2016-12-09.txt"
GUARDIAN = ROOT.parent / "shared" / "corpus" / "guardian-syria-2019.csv"

csv.field_size_limit(sys.maxsize)


@pytest.fixture(scope="session")
def nlp():
    from sitrep.nlp.pipeline import load_model

    return load_model()


@pytest.fixture(scope="session")
def aleppo_article():
    from sitrep.ingest.clean import clean
    from sitrep.ingest.readers import read_documents

    document = next(read_documents([str(ALEPPO)], {"published": date(2016, 12, 9), "source": "Reuters"}))
    return clean(document)


@pytest.fixture(scope="session")
def aleppo_events(aleppo_article, nlp):
    from sitrep.extract.events import extract_article

    return [event.to_dict() for event in extract_article(aleppo_article, nlp)]


def guardian_rows() -> list[dict]:
    if not GUARDIAN.exists():
        pytest.skip("shared/corpus/guardian-syria-2019.csv is not beside the checkout")
    with GUARDIAN.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def guardian_article(row_index: int):
    from sitrep.ingest.clean import clean
    from sitrep.model import RawDocument

    row = guardian_rows()[row_index]
    return clean(RawDocument(row["text"], f"guardian:{row_index}", None, date.fromisoformat(row["date"]), "Guardian"))


def find(events, **wanted):
    """Events whose fields equal every `wanted` value (a callable value is a predicate)."""
    out = []
    for event in events:
        if all(value(event.get(key)) if callable(value) else event.get(key) == value for key, value in wanted.items()):
            out.append(event)
    return out


@pytest.fixture(scope="session")
def store_path(tmp_path_factory) -> str:
    """A store holding the Aleppo report, built once by the real `sitrep ingest` (API and serve tests)."""
    import subprocess

    path = tmp_path_factory.mktemp("api") / "aleppo.duckdb"
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    result = subprocess.run([sitrep, "ingest", str(ALEPPO), "--published", "2016-12-09", "--db", str(path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return str(path)
