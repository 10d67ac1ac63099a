"""The embedded store: idempotent, crash-safe ingest, cross-article dedup, exports that load back."""
import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from conftest import ALEPPO, GUARDIAN

SITREP = str(Path(sys.executable).with_name("sitrep"))

TWO_REPORTS = [
    {"date": "2019-03-22", "source": "Reuters",
     "text": "Syrian government warplanes struck the town of Khan Sheikhoun in Idlib province on Thursday, killing 12 "
             "civilians, the Syrian Observatory for Human Rights said."},
    {"date": "2019-03-22", "source": "AFP",
     "text": "Air raids by regime aircraft hit Khan Sheikhoun on Thursday and at least ten people died, rescue workers "
             "from the White Helmets said."},
]


def sitrep(*args, check=True):
    result = subprocess.run([SITREP, *args], capture_output=True, text=True, timeout=900)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["date", "source", "text"])
        writer.writeheader()
        writer.writerows(rows)


def stored_events(db):
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT event_id, event_date, sub_event_type, plover_type, location, fatalities, sources, claims, "
                       "verification FROM events ORDER BY event_id").fetchall()
    con.close()
    return rows


def guardian_subset(path, count):
    if not GUARDIAN.exists():
        pytest.skip("shared corpus not present")
    with GUARDIAN.open(encoding="utf-8", newline="") as handle:
        rows = [{"date": r["date"], "source": r["source"], "text": r["text"]} for r in csv.DictReader(handle)][:count]
    write_csv(path, rows)


def test_two_reports_of_one_event_give_one_event_with_two_sources(tmp_path):
    write_csv(tmp_path / "two.csv", TWO_REPORTS)
    db = tmp_path / "s.duckdb"
    sitrep("ingest", str(tmp_path / "two.csv"), "--db", str(db))
    events = [json.loads(line) for line in sitrep("events", "--db", str(db), "--format", "jsonl").stdout.splitlines()]
    [strike] = [e for e in events if e["sub_event_type"] == "Air/drone strike"]
    assert [s["source"] for s in strike["sources"]] == ["Reuters", "AFP"]
    assert strike["location"] == "Khan Sheikhoun" and strike["event_date"] == "2019-03-21"
    assert strike["fatalities"] == 10  # the lower figure, never 22
    assert {"Syrian Observatory for Human Rights", "White Helmets"} <= {c["claimant"] for c in strike["claims"]}


def test_reingest_adds_nothing(tmp_path):
    db = tmp_path / "s.duckdb"
    sitrep("ingest", str(ALEPPO), "--published", "2016-12-09", "--db", str(db))
    first = stored_events(db)
    again = sitrep("ingest", str(ALEPPO), "--published", "2016-12-09", "--db", str(db))
    assert "added 0 articles and 0 events" in again.stderr
    assert stored_events(db) == first and len(first) >= 12


def test_killed_ingest_resumes_to_the_same_events(tmp_path):
    corpus = tmp_path / "g.csv"
    guardian_subset(corpus, 40)
    clean_db, killed_db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    sitrep("ingest", str(corpus), "--db", str(clean_db))
    process = subprocess.Popen([SITREP, "ingest", str(corpus), "--db", str(killed_db)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = Path(str(killed_db) + ".wal")
    deadline = time.time() + 120
    while time.time() < deadline and not (wal.exists() and wal.stat().st_size > 50_000):
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    con = duckdb.connect(str(killed_db), read_only=True)
    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    orphans = con.execute("SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT article_id FROM articles)").fetchone()[0]
    con.close()
    assert 0 < stored < 40, "the kill did not land mid-run"
    assert orphans == 0
    sitrep("ingest", str(corpus), "--db", str(killed_db))
    assert stored_events(killed_db) == stored_events(clean_db)


def test_exports_load_back(tmp_path):
    db = tmp_path / "s.duckdb"
    sitrep("ingest", str(ALEPPO), "--published", "2016-12-09", "--db", str(db))
    count = len(stored_events(db))
    sitrep("export", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "e.csv"))
    frame = pd.read_csv(tmp_path / "e.csv")
    assert len(frame) == count
    for column in ("event_id", "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2",
                   "assoc_actor_2", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
                   "fatalities", "source", "notes"):
        assert column in frame.columns
    sitrep("export", "--db", str(db), "--format", "geojson", "-o", str(tmp_path / "e.geojson"))
    geo = json.loads((tmp_path / "e.geojson").read_text())
    assert geo["type"] == "FeatureCollection" and geo["features"]
    for feature in geo["features"]:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    sitrep("export", "--db", str(db), "--format", "parquet", "-o", str(tmp_path / "e.parquet"))
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{tmp_path / 'e.parquet'}'").fetchone()[0] == count


def test_queries_filter(tmp_path):
    db = tmp_path / "s.duckdb"
    sitrep("ingest", str(ALEPPO), "--published", "2016-12-09", "--db", str(db))
    def ids(*args):
        return [json.loads(l)["event_id"] for l in sitrep("events", "--db", str(db), "--format", "jsonl", *args).stdout.splitlines()]
    everything = ids()
    assert set(ids("--country", "CHE")) < set(everything)  # the Geneva meeting
    battles = [json.loads(l) for l in sitrep("events", "--db", str(db), "--format", "jsonl", "--type", "Battles").stdout.splitlines()]
    assert battles and all(e["event_type"] == "Battles" for e in battles)
    assert all(e["event_date"] == "2016-12-08" for e in
               (json.loads(l) for l in sitrep("events", "--db", str(db), "--format", "jsonl", "--until", "2016-12-08",
                                              "--since", "2016-12-08").stdout.splitlines()))
    assert ids("--actor", "Islamic State")
    stats = json.loads(sitrep("stats", "--db", str(db), "--format", "json").stdout)
    assert stats["events"] == len(everything) and stats["by_type"]


def test_newer_schema_is_refused_not_touched(tmp_path):
    db = tmp_path / "s.duckdb"
    sitrep("ingest", str(ALEPPO), "--published", "2016-12-09", "--db", str(db))
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    before = db.read_bytes()
    result = sitrep("events", "--db", str(db), check=False)
    assert result.returncode == 1 and "schema version 99" in result.stderr
    assert db.read_bytes() == before


def test_foreign_database_is_refused(tmp_path):
    db = tmp_path / "other.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE customers (id INTEGER)")
    con.close()
    result = sitrep("ingest", str(ALEPPO), "--db", str(db), check=False)
    assert result.returncode == 1 and "not a sitrep store" in result.stderr
