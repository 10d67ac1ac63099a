"""Bad input never crashes and never loses data: a real `sitrep ingest` over a folder of bad and good files."""
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from cases import GOOD_TEXT, bad_cases, good_cases, write
from conftest import ALEPPO

SITREP = str(Path(sys.executable).with_name("sitrep"))


def run(*args):
    return subprocess.run([SITREP, *args], capture_output=True, text=True, timeout=600)


def store_state(db):
    con = duckdb.connect(str(db), read_only=True)
    articles = con.execute("SELECT article_id FROM articles ORDER BY article_id").fetchall()
    events = con.execute("SELECT * FROM events ORDER BY event_id").fetchall()
    con.close()
    return articles, events


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("battery")
    mixed, good = root / "mixed", root / "good"
    write(mixed, bad_cases())
    write(mixed, good_cases())
    write(good, good_cases())
    for folder in (mixed, good):
        (folder / "aleppo.txt").write_bytes(ALEPPO.read_bytes())
    result = run("ingest", str(mixed), str(root / "missing.txt"), "--db", str(root / "mixed.duckdb"), "--published", "2018-01-23")
    reference = run("ingest", str(good), "--db", str(root / "good.duckdb"), "--published", "2018-01-23")
    assert reference.returncode == 0, reference.stderr
    return result, root


def test_each_bad_file_gets_one_clear_line(mixed_run):
    result, root = mixed_run
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    for name, _, words in bad_cases():
        lines = [line for line in errors if name in line]
        assert len(lines) == 1, (name, errors)
        assert words in lines[0].split(name, 1)[1], lines[0]  # in the message, not the file name
    assert any("missing.txt" in line and "no such file" in line for line in errors)
    assert any("mixed.jsonl:line 2" in line and "broken JSON" in line for line in errors)
    assert any("mixed.jsonl:line 3" in line and "not an object" in line for line in errors)
    assert result.returncode == 0  # something could be processed


def test_store_is_exactly_what_the_good_files_give(mixed_run):
    _, root = mixed_run
    assert store_state(root / "mixed.duckdb") == store_state(root / "good.duckdb")
    articles, _ = store_state(root / "good.duckdb")
    assert len(articles) == 1 + len(good_cases())  # every decodable file was processed


def test_odd_encodings_come_through_intact(tmp_path):
    write(tmp_path, good_cases())
    result = run("extract", str(tmp_path / "latin1.txt"), str(tmp_path / "utf16.txt"), str(tmp_path / "bom.txt"),
                 "--published", "2018-01-23", "--articles", str(tmp_path / "articles.jsonl"))
    assert result.returncode == 0, result.stderr
    texts = (tmp_path / "articles.jsonl").read_text(encoding="utf-8")
    assert "Zoé Müller" in texts and "Manbij" in texts and "\ufeff" not in texts
    assert "Manbij" in result.stdout and "Idlib" in result.stdout


def test_nothing_processed_exits_non_zero(tmp_path):
    write(tmp_path, bad_cases()[:3])
    result = run("ingest", str(tmp_path), "--db", str(tmp_path / "s.duckdb"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("error: no input could be processed")


def test_unparsable_published_date():
    result = run("ingest", str(ALEPPO), "--published", "yesterday")
    assert result.returncode == 2 and "cannot parse date 'yesterday'" in result.stderr


def test_a_failed_run_keeps_what_was_stored(tmp_path):
    db = tmp_path / "s.duckdb"
    assert run("ingest", str(ALEPPO), "--published", "2016-12-09", "--db", str(db)).returncode == 0
    before = store_state(db)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    assert run("ingest", str(bad), "--db", str(db)).returncode == 1
    assert store_state(db) == before


def test_read_only_store(tmp_path):
    """A store file made read-only, in a read-only folder (chattr +i as well when root): one line, exit 1, untouched."""
    from lockdown import unwritable

    db = tmp_path / "s.duckdb"
    assert run("ingest", str(ALEPPO), "--published", "2016-12-09", "--db", str(db)).returncode == 0
    before, state = db.read_bytes(), store_state(db)
    other = tmp_path / "other.txt"
    other.write_text(GOOD_TEXT, encoding="utf-8")
    with unwritable(db, tmp_path):
        result = run("ingest", str(other), "--published", "2018-01-23", "--db", str(db))
        after = db.read_bytes()
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {db}: cannot open store:"), lines
    assert after == before and store_state(db) == state and sorted(p.name for p in tmp_path.iterdir()) == ["other.txt", "s.duckdb"]


def test_limits_are_configurable_with_clear_messages(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text((GOOD_TEXT + "\n\n") * 50, encoding="utf-8")
    result = run("extract", str(path), "--max-chars", "1000", "--published", "2018-01-23")
    assert result.returncode == 1 and "over the 1,000 limit (--max-chars)" in result.stderr
    result = run("extract", str(path), "--max-events", "1", "--published", "2018-01-23")
    assert result.returncode == 0 and "stopped after 1 events (--max-events)" in result.stderr
