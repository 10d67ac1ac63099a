"""Event typing refinements: a typed event and its sentence in, its final ACLED type and the cue that decided it out.

The rules and their order (ACLED's precedence) live in `data/typing_rules.tsv`;
this module only applies them: the first row whose families include the
event's family and whose cue is in the sentence wins. The cue's words are
returned so they can be kept with the event's triggers.
"""
from __future__ import annotations

import functools
import re

from .lexicon import DATA_DIR, read_rows

ANY = "*"


@functools.lru_cache(maxsize=1)
def rules() -> list[dict]:
    out = []
    for row in read_rows(DATA_DIR / "typing_rules.tsv"):
        families = set(row["families"].split(",")) if row["families"] != ANY else {ANY}
        out.append({**row, "families": families, "regex": re.compile(row["cue"], re.I)})
    return out


def refine(family: str, sentence: str) -> tuple[dict, str] | None:
    """(rule, cue words) of the first rule that applies, or None."""
    for rule in rules():
        if ANY not in rule["families"] and family not in rule["families"]:
            continue
        match = rule["regex"].search(sentence)
        if match:
            return rule, match.group(0)
    return None
