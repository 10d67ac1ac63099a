"""Lexicon files: the TSV files under `sitrep/data/` in, compiled matchers out.

Each file has a header row naming its columns and a `pattern` column holding
a Python regular expression; lines starting with "#" are comments. `find`
returns non-overlapping matches, longest first, as (start, end, row).
"""
from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Entry:
    row: dict
    regex: re.Pattern


@dataclass(frozen=True)
class Lexicon:
    name: str
    entries: tuple[Entry, ...]
    combined: re.Pattern  # any entry, for a cheap "does it match at all" test

    def find(self, text: str) -> list[tuple[int, int, dict]]:
        """Non-overlapping matches in `text`, longest wins, in text order."""
        if not self.combined.search(text):
            return []
        found = []
        for entry in self.entries:
            for match in entry.regex.finditer(text):
                if match.end() > match.start():
                    found.append((match.start(), match.end(), entry.row))
        found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        chosen: list[tuple[int, int, dict]] = []
        for start, end, row in found:
            if all(end <= s or start >= e for s, e, _ in chosen):
                chosen.append((start, end, row))
        return sorted(chosen, key=lambda m: m[0])

def bounded(pattern: str) -> str:
    return rf"(?<![\w]){'(?:' + pattern + ')'}(?![\w])"


def read_rows(path: Path) -> list[dict]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    return [dict(row) for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


@functools.lru_cache(maxsize=None)
def load(name: str, data_dir: str | None = None) -> Lexicon:
    path = Path(data_dir or DATA_DIR) / name
    entries = []
    for row in read_rows(path):
        try:
            regex = re.compile(bounded(row["pattern"]), re.I)
        except re.error as exc:
            raise ValueError(f"{path}: bad pattern {row['pattern']!r}: {exc}") from None
        entries.append(Entry(row, regex))
    # one word boundary outside the alternation is much faster than a look-behind in every alternative
    combined = re.compile(r"\b(?:" + "|".join(f"(?:{e.row['pattern']})" for e in entries) + r")(?!\w)", re.I)
    return Lexicon(name, tuple(entries), combined)
