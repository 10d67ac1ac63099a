"""The store under stress (in use, unwritable folder), the limits, and a 1 MB line: real `sitrep` runs in subprocesses.

Three of these found bugs outside the input path (store/, extract/events.py, commands.py); they are fixed.
"""
import re
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from cases import GOOD_TEXT
from conftest import ALEPPO
from test_bad_input import store_state
from lockdown import unwritable

SITREP = str(Path(sys.executable).with_name("sitrep"))


def run(*args, timeout=600):
    return subprocess.run([SITREP, *args], capture_output=True, text=True, timeout=timeout)


def only_one_line_messages(stderr: str) -> bool:
    """Every line of standard error is one of sitrep's own (no traceback, no usage text)."""
    return all(line.startswith(("error: ", "note: ", "added ")) for line in stderr.splitlines())


@pytest.fixture(scope="module")
def aleppo_store(tmp_path_factory):
    """A store holding the Aleppo report (copied per test)."""
    db = tmp_path_factory.mktemp("aleppo") / "s.duckdb"
    result = run("ingest", str(ALEPPO), "--published", "2016-12-09", "--db", str(db))
    assert result.returncode == 0, result.stderr
    return db


def copy_store(source: Path, folder: Path) -> Path:
    db = folder / "s.duckdb"
    db.write_bytes(source.read_bytes())
    return db


def test_store_in_use_by_another_process(aleppo_store, tmp_path):
    db = copy_store(aleppo_store, tmp_path)
    state, other = store_state(db), tmp_path / "other.txt"
    other.write_text(GOOD_TEXT, encoding="utf-8")
    holder = duckdb.connect(str(db), read_only=True)  # another process reading the store holds its lock
    try:
        result = run("ingest", str(other), "--published", "2018-01-23", "--db", str(db))
    finally:
        holder.close()
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {db}: cannot open store:") and "lock" in lines[0], lines
    assert store_state(db) == state


def test_store_in_read_only_folder(aleppo_store, tmp_path):
    folder = tmp_path / "store"
    folder.mkdir()
    db = copy_store(aleppo_store, folder)
    state, other = store_state(db), tmp_path / "other.txt"
    other.write_text(GOOD_TEXT, encoding="utf-8")
    with unwritable(folder):
        result = run("ingest", str(other), "--published", "2018-01-23", "--db", str(db))
    assert store_state(db) == state  # holds today already: nothing half-written
    assert result.returncode == 1 and only_one_line_messages(result.stderr), result.stderr
    assert str(db) in result.stderr


def test_absurd_death_toll_does_not_end_the_batch(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_absurd.txt").write_text(GOOD_TEXT.replace("three", "300000000000000000000"), encoding="utf-8")
    (folder / "b_good.txt").write_text(GOOD_TEXT.replace("Afrin", "Azaz"), encoding="utf-8")
    result = run("ingest", str(folder), "--published", "2018-01-23", "--db", str(tmp_path / "s.duckdb"))
    assert only_one_line_messages(result.stderr), result.stderr
    assert result.returncode == 0 and len(store_state(tmp_path / "s.duckdb")[0]) >= 1


def test_max_chars_on_ingest(aleppo_store, tmp_path):
    db = copy_store(aleppo_store, tmp_path)
    state = store_state(db)
    long_one = tmp_path / "long.txt"
    long_one.write_text((GOOD_TEXT + "\n\n") * 20, encoding="utf-8")
    result = run("ingest", str(long_one), "--max-chars", "1000", "--db", str(db))
    assert result.returncode == 1
    size = len((GOOD_TEXT + "\n\n") * 20)
    assert f"error: {long_one}: article is {size:,} characters, over the 1,000 limit (--max-chars)" in result.stderr.splitlines()
    assert only_one_line_messages(result.stderr) and store_state(db) == state


def test_max_events_on_ingest_says_so(tmp_path):
    result = run("ingest", str(ALEPPO), "--published", "2016-12-09", "--max-events", "1", "--db", str(tmp_path / "s.duckdb"))
    assert result.returncode == 0
    assert f"note: {ALEPPO}: stopped after 1 events (--max-events)" in result.stderr


def test_one_megabyte_line_of_news_without_a_sentence_break(tmp_path):
    """The Aleppo report with its sentence ends removed, repeated into one 1 MB line: processed, within the event
    limit, without hanging (its time is a figure for tests/robustness/make_table.py, not a test: machines vary 3x)."""
    text = re.sub(r"\s+", " ", re.sub(r"[.!?…]", "", ALEPPO.read_text(encoding="utf-8")))
    line = (text * (1024 * 1024 // len(text) + 1))[:1024 * 1024]
    path = tmp_path / "line.txt"
    path.write_text(line + "\n", encoding="utf-8")
    started = time.perf_counter()
    result = run("extract", str(path), "--published", "2016-12-09", timeout=900)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    assert only_one_line_messages(result.stderr)
    assert f"note: {path}: stopped after 500 events (--max-events)" in result.stderr
    assert result.stdout.count("\n") >= 1
    print(f"1 MB line: {elapsed:.1f} s")


def test_new_encodings_come_through_intact(tmp_path):
    from cases import CP1252_TEXT, more_good_cases, write

    write(tmp_path, more_good_cases())
    names = ["cp1252.txt", "utf16be.txt", "utf16_no_bom.txt", "utf32.txt", "html_300_levels.html", "surrogate.jsonl"]
    result = run("extract", *(str(tmp_path / name) for name in names), "--published", "2018-01-23",
                 "--articles", str(tmp_path / "articles.jsonl"))
    assert result.returncode == 0 and only_one_line_messages(result.stderr), result.stderr
    texts = (tmp_path / "articles.jsonl").read_text(encoding="utf-8")
    import json

    articles = {json.loads(line)["origin"].rsplit("/", 1)[-1]: json.loads(line)["text"] for line in texts.splitlines()}
    assert articles["cp1252.txt"] == CP1252_TEXT  # “curly quotes”, José Ramírez and the dashes survive
    assert "Kobani" in articles["utf16be.txt"] and "\ufeff" not in articles["utf16be.txt"]
    assert "Tal Abyad" in articles["utf16_no_bom.txt"] and "Qamishli" in articles["utf32.txt"]
    assert "Mare" in articles["html_300_levels.html"]  # 300 levels deep: past the HTML parser's default 255
    assert "said \ufffd." in articles["surrogate.jsonl:line 1"]  # a lone surrogate escape became U+FFFD
