"""The command line as users (and outside checks) call it: a real process, real files."""
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from conftest import ALEPPO

SITREP = [str(Path(sys.executable).with_name("sitrep"))]


def run(*args, stdin=None):
    return subprocess.run(SITREP + list(args), input=stdin, capture_output=True, text=True, timeout=300)


def test_extract_jsonl_csv_table_geojson():
    result = run("extract", str(ALEPPO), "--published", "2016-12-09", "--source", "Reuters")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(events) >= 12
    assert all(e["plover_type"] and e["evidence"] for e in events)
    assert all(e["sources"][0]["source"] == "Reuters" for e in events)

    table = run("extract", str(ALEPPO), "--published", "2016-12-09", "--format", "table")
    assert "Sheikh Saeed" in table.stdout and f"{len(events)} events" in table.stdout

    rows = list(csv.DictReader(io.StringIO(run("extract", str(ALEPPO), "--published", "2016-12-09", "--format", "csv").stdout)))
    assert len(rows) == len(events)
    for column in ("event_id", "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2",
                   "country", "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities", "notes"):
        assert column in rows[0]

    geo = json.loads(run("extract", str(ALEPPO), "--published", "2016-12-09", "--format", "geojson").stdout)
    assert geo["type"] == "FeatureCollection" and geo["features"]
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert 30 < lat < 40 and 35 < lon < 40


def test_stdin_and_missing_date_note():
    result = run("extract", "-", stdin=ALEPPO.read_text(encoding="utf-8"))
    assert result.returncode == 0
    assert result.stderr.count("no publication date") == 1
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and all(e["event_date"] is None for e in events)


def test_bad_file_beside_good_one(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("extract", str(empty), str(ALEPPO), str(tmp_path / "missing.txt"), "--published", "2016-12-09")
    assert result.returncode == 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert "empty.txt" in errors[0] and "empty" in errors[0]
    assert "missing.txt" in errors[1] and "no such file" in errors[1]
    assert result.stdout.count("\n") >= 12


def test_nothing_processed_is_an_error(tmp_path):
    result = run("extract", str(tmp_path / "nope.txt"))
    assert result.returncode == 1 and "nope.txt" in result.stderr


def test_bad_published_date_is_a_clear_error():
    result = run("extract", str(ALEPPO), "--published", "9/12/2016")
    assert result.returncode == 2 and "cannot parse date" in result.stderr
