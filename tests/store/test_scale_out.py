"""Scale-out gives exactly the events one process gives: local worker processes and a real Dask LocalCluster."""
import csv
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import GUARDIAN

SITREP = str(Path(sys.executable).with_name("sitrep"))


def events_of(db):
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT event_id, event_date, sub_event_type, plover_type, location, fatalities, sources, claims "
                       "FROM events ORDER BY event_id").fetchall()
    con.close()
    return rows


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    if not GUARDIAN.exists():
        pytest.skip("shared corpus not present")
    path = tmp_path_factory.mktemp("corpus") / "g.csv"
    with GUARDIAN.open(encoding="utf-8", newline="") as handle:
        rows = [{"date": r["date"], "source": r["source"], "text": r["text"]} for r in csv.DictReader(handle)][:24]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["date", "source", "text"])
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def single(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("single") / "s.duckdb"
    subprocess.run([SITREP, "ingest", str(corpus), "--db", str(db)], check=True, capture_output=True, timeout=600)
    return events_of(db)


def test_two_local_workers_give_the_same_events(corpus, single, tmp_path):
    db = tmp_path / "w.duckdb"
    subprocess.run([SITREP, "ingest", str(corpus), "--db", str(db), "--workers", "2"], check=True, capture_output=True, timeout=600)
    assert events_of(db) == single and len(single) > 20


def test_dask_local_cluster_gives_the_same_events(corpus, single, tmp_path):
    from distributed import LocalCluster

    db = tmp_path / "d.duckdb"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = subprocess.run([SITREP, "ingest", str(corpus), "--db", str(db), "--scheduler", cluster.scheduler_address],
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
        assert len(cluster.scheduler.workers) == 2
    assert events_of(db) == single


def test_unreachable_scheduler_is_a_clear_error(corpus, tmp_path):
    result = subprocess.run([SITREP, "ingest", str(corpus), "--db", str(tmp_path / "x.duckdb"), "--scheduler", "tcp://127.0.0.1:1"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Dask scheduler" in result.stderr
