"""Print docs/robustness.md's tables from real runs: `sitrep ingest` on each bad or odd file (one case per run),
then the store, option and limit cases.

    .venv/bin/python tests/robustness/make_table.py > /tmp/table.md
"""
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from cases import bad_cases, good_cases, write  # noqa: E402

SITREP = str(Path(sys.executable).with_name("sitrep"))


def main() -> None:
    print("| case | exit | message (stderr) | store after | seconds |")
    print("| --- | --- | --- | --- | --- |")
    for name, content, *_ in bad_cases() + good_cases():
        with tempfile.TemporaryDirectory() as folder:
            write(folder, [(name, content)])
            started = time.perf_counter()
            result = subprocess.run([SITREP, "ingest", str(Path(folder) / name), "--db", str(Path(folder) / "s.duckdb"),
                                     "--published", "2018-01-23"], capture_output=True, text=True, timeout=600)
            elapsed = time.perf_counter() - started
            lines = [l.replace(folder + "/", "").replace("|", "\\|") for l in result.stderr.splitlines() if l.startswith(("error:", "added"))]
            errors = "<br>".join(l for l in lines if l.startswith("error:"))
            added = next((l.split(" to ")[0] for l in lines if l.startswith("added")), "nothing written")
            print(f"| {name} ({len(content):,} bytes) | {result.returncode} | {errors or '-'} | {added} | {elapsed:.1f} |")


def _counts(db: Path) -> str:
    import duckdb

    if not db.exists():
        return "no store file"
    con = duckdb.connect(str(db), read_only=True)
    articles, events = (con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("articles", "events"))
    con.close()
    return f"{articles} articles, {events} events"


def special_cases() -> None:
    """The cases that are not one bad file: the store, the options, the limits (one real run each)."""
    import contextlib
    import re

    import duckdb
    from lockdown import unwritable

    sys.path.insert(0, str(Path(__file__).parents[1]))
    from conftest import ALEPPO
    from cases import GOOD_TEXT

    print("| case | exit | standard error | store after |")
    print("| --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as root:
        root = Path(root)
        seed = root / "seed.duckdb"
        subprocess.run([SITREP, "ingest", str(ALEPPO), "--published", "2016-12-09", "--db", str(seed)], capture_output=True)
        good = root / "good.txt"
        good.write_text(GOOD_TEXT, encoding="utf-8")
        absurd = root / "absurd.txt"
        absurd.write_text(GOOD_TEXT.replace("three", "300000000000000000000"), encoding="utf-8")
        text = re.sub(r"\s+", " ", re.sub(r"[.!?…]", "", ALEPPO.read_text(encoding="utf-8")))
        line = root / "line.txt"
        line.write_text((text * (1024 * 1024 // len(text) + 1))[:1024 * 1024] + "\n", encoding="utf-8")

        def store(folder: str) -> Path:
            (root / folder).mkdir()
            db = root / folder / "s.duckdb"
            db.write_bytes(seed.read_bytes())
            return db

        def locked(db):
            holder = duckdb.connect(str(db), read_only=True)
            try:
                yield "locked"
            finally:
                holder.close()

        cases = [
            ("a missing path (alone)", ["ingest", str(root / "missing.txt")], "new", None),
            ("`--published yesterday`", ["ingest", str(good), "--published", "yesterday"], "new", None),
            ("`--published 2016-13-45`", ["ingest", str(good), "--published", "2016-13-45"], "new", None),
            ("read-only store (file 0444, folder 0555; chattr +i as root)", ["ingest", str(good)], "readonly", "both"),
            ("store in use by another process", ["ingest", str(good)], "locked", "lock"),
            ("store in a read-only folder, file writable", ["ingest", str(good)], "rofolder", "folder"),
            ("`--max-chars 1000` (Aleppo report)", ["ingest", str(ALEPPO), "--max-chars", "1000"], "new", None),
            ("`--max-events 1`, extract (Aleppo report)", ["extract", str(ALEPPO), "--max-events", "1", "--published", "2016-12-09"], None, None),
            ("`--max-events 1`, ingest (Aleppo report)", ["ingest", str(ALEPPO), "--max-events", "1", "--published", "2016-12-09"], "new", None),
            ("a death toll of 3×10^20 beside a good file", ["ingest", str(absurd), str(good), "--published", "2018-01-23"], "new", None),
            ("1 MB line of news, no sentence break (extract)", ["extract", str(line), "--published", "2016-12-09"], None, None),
        ]
        for number, (name, args, kind, lock) in enumerate(cases):
            db = None
            if kind == "new":
                (root / f"new{number}").mkdir()
                db = root / f"new{number}" / "s.duckdb"
            elif kind is not None:
                db = store(f"case{number}")
            if db is not None:
                args = args + ["--db", str(db)]
            before = _counts(db) if db is not None and db.exists() else None
            if lock == "both":
                guard = unwritable(db, db.parent)
            elif lock == "folder":
                guard = unwritable(db.parent)
            elif lock == "lock":
                guard = contextlib.contextmanager(locked)(db)
            else:
                guard = contextlib.nullcontext()
            started = time.perf_counter()
            try:
                with guard:
                    result = subprocess.run([SITREP, *args], capture_output=True, text=True, timeout=600)
            except BaseException as exc:  # pytest.skip from unwritable(): root without chattr +i
                if type(exc).__name__ != "Skipped":
                    raise
                print(f"| {name} | - | not run: {exc} | - |")
                continue
            elapsed = time.perf_counter() - started
            lines = result.stderr.strip().splitlines()
            if any(l.startswith("Traceback") for l in lines):
                last = [l for l in lines if l[:1].strip() and not l.startswith(("Traceback", "During", "LINE"))]
                shown = f"Traceback ({len(lines)} lines): {last[-1][:200] if last else lines[-1]}"
            elif len(lines) > 3:
                shown = "<br>".join(lines[:1] + [f"… ({len(lines) - 2} more lines)"] + lines[-1:])
            else:
                shown = "<br>".join(lines)
            shown = shown.replace(str(root) + "/", "").replace(str(Path(ALEPPO).parent) + "/", "").replace("|", "\\|")
            shown = re.sub(r"\(PID \d+\)", "(PID …)", re.sub(r", [\d.]+ articles/s", "", shown))
            after = "-" if db is None else _counts(db)
            if before is not None:
                after = ("unchanged: " if after == before else f"was {before}, now ") + after
            print(f"| {name} ({elapsed:.1f} s) | {result.returncode} | {shown} | {after} |")


if __name__ == "__main__":
    main()
    print()
    special_cases()
