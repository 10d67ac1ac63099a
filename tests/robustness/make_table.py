"""Print docs/robustness.md's table from real runs of `sitrep ingest` on each case (one case per run).

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


if __name__ == "__main__":
    main()
