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
    starts: frozenset | None = None  # the lower-cased beginnings (up to 4 letters) a match can have (None: any)


@dataclass(frozen=True)
class Lexicon:
    name: str
    entries: tuple[Entry, ...]
    combined: re.Pattern  # any entry, for a cheap "does it match at all" test

    def candidates(self, text: str) -> tuple[Entry, ...]:
        """The entries that can match `text`: those one of whose possible beginnings starts a word of it.

        Exact: every entry is bounded by non-word characters, so a match that begins with a letter begins a word,
        and `beginnings` lists every way a match can begin. Much cheaper than trying every entry (or one big
        alternation of them all) on every sentence."""
        present = word_beginnings(text)
        if present is None:  # a letter whose lower case is two letters: no shortcut
            return self.entries if self.combined.search(text) else ()
        return tuple(e for e in self.entries if may_begin(e.starts, present))

    def matches_any(self, text: str) -> bool:
        return any(entry.regex.search(text) for entry in self.candidates(text))

    def find(self, text: str) -> list[tuple[int, int, dict]]:
        """Non-overlapping matches in `text`, longest wins, in text order."""
        found = []
        for entry in self.candidates(text):
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
        entries.append(Entry(row, regex, beginnings(row["pattern"])))
    # one word boundary outside the alternation is much faster than a look-behind in every alternative
    combined = re.compile(r"\b(?:" + "|".join(f"(?:{e.row['pattern']})" for e in entries) + r")(?!\w)", re.I)
    return Lexicon(name, tuple(entries), combined)


MAX_BEGINNINGS = 2000
WORD_HEAD = re.compile(r"(?<!\w)(?=(\w.{0,3}))", re.S)


def may_begin(starts: frozenset | None, present: frozenset | None) -> bool:
    """Whether a pattern with these possible beginnings (`beginnings`) can match a text with these word beginnings."""
    return starts is None or present is None or not starts.isdisjoint(present)


@functools.lru_cache(maxsize=16)
def word_beginnings(text: str) -> frozenset | None:
    """The first one to four letters (lower-cased) of every word of `text`; None if lower-casing changes its length."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return None
    heads = set(WORD_HEAD.findall(lowered))  # each word's first four characters (fewer if the word is shorter)
    # cached for the few texts in hand: every lexicon asks about the same sentence
    return frozenset(heads | {h[:3] for h in heads} | {h[:2] for h in heads} | {h[:1] for h in heads})


def beginnings(pattern: str, size: int = 4) -> frozenset | None:
    """Every lower-cased string of `size` characters (or fewer, where a match may be that short) a match of
    `pattern` can begin with, worked out from the parsed pattern; None when that cannot be bounded (a class like
    \\w, a back-reference, too many alternatives). `find` skips an entry none of whose beginnings is in the text."""
    from re import _constants as c
    from re import _parser

    def chars_of(item) -> set | None:
        op, av = item
        if op is c.LITERAL:
            return {chr(av).lower()}
        if op is c.IN:
            out = set()
            for sub_op, sub_av in av:
                if sub_op is c.LITERAL:
                    out.add(chr(sub_av).lower())
                elif sub_op is c.RANGE and sub_av[1] - sub_av[0] < 64:
                    out.update(chr(code).lower() for code in range(sub_av[0], sub_av[1] + 1))
                else:
                    return None  # a negated set, a category (\\w, \\s), a wide range
            return out
        return None

    def walk(items: list, need: int) -> set | None:
        """Beginnings (up to `need` characters) of the sequence `items`."""
        if need == 0 or not items:
            return {""}
        head, rest = items[0], items[1:]
        op, av = head
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return walk(rest, need)  # zero width
        if op is c.SUBPATTERN:
            return walk(list(av[-1]) + rest, need)
        if op is c.BRANCH:
            out = set()
            for branch in av[1]:
                sub = walk(list(branch) + rest, need)
                if sub is None:
                    return None
                out |= sub
            return out if len(out) <= MAX_BEGINNINGS else None
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, high, sub = av
            once = list(sub)
            again = [(c.MAX_REPEAT, (0, high - 1 if high != c.MAXREPEAT else high, sub))] if high != 1 else []
            out = walk(once + again + rest, need) if high != 0 else set()
            if out is None:
                return None
            if low == 0:
                skipped = walk(rest, need)
                if skipped is None:
                    return None
                out |= skipped
            return out if len(out) <= MAX_BEGINNINGS else None
        chars = chars_of(head)
        if chars is None:
            return None
        tails = walk(rest, need - 1)
        if tails is None:
            return None
        out = {ch + tail for ch in chars for tail in tails}
        return out if len(out) <= MAX_BEGINNINGS else None

    try:
        found = walk(list(_parser.parse(pattern, re.I)), size)
    except (re.error, RecursionError):
        return None
    if found is None or "" in found or any(not re.match(r"\w", b[0]) for b in found):
        return None  # a match could begin with a space or a quote: no word start to look for
    return frozenset(found)
