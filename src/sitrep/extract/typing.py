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
TERRITORY = "{territory}"  # a rule's sub-type decided by who takes the place (see territory_subtype)
STATE_KINDS = {"state", "government"}
NON_STATE_KINDS = {"rebel", "islamist", "militia"}


@functools.lru_cache(maxsize=1)
def rules() -> list[dict]:
    out = []
    for row in read_rows(DATA_DIR / "typing_rules.tsv"):
        families = set(row["families"].split(",")) if row["families"] != ANY else {ANY}
        out.append({**row, "families": families, "regex": re.compile(row["cue"], re.I)})
    return out


def refine(family: str, sentence: str, context: str | None = None) -> tuple[dict, str] | None:
    """(rule, cue words) of the first rule that applies, or None.

    `context` (the paragraph up to and including the sentence) is where the out-of-scope rules
    look for a bare death toll ("At least 27 people were killed"), whose cause is told before it."""
    for rule in rules():
        if ANY not in rule["families"] and family not in rule["families"]:
            continue
        where = context if context is not None and rule["event_type"] == "-" and rule["regex"].pattern[:1] != "^" else sentence
        match = rule["regex"].search(where)
        if match:
            return rule, match.group(0)
    return None


def actor_kind(name: str | None, kinds: dict[str, str]) -> str | None:
    """The class of an ACLED-style actor name: from the sentence's mentions, else from the name's form."""
    if not name:
        return None
    if name in kinds:
        return kinds[name]
    if name.startswith(("Military Forces of", "Police Forces of", "Government of")) or name == "Police Forces":
        return "state"
    if NON_STATE_NAME.search(name):
        return "rebel"  # "Rebel forces", "Unidentified Militants", "Fighters loyal to X": a non-state armed group by its name
    return None


NON_STATE_NAME = re.compile(r"\b(?:rebels?|insurgents?|militants?|jihadists?|militias?|militiamen|guerrillas?|fighters loyal)\b", re.I)


def territory_subtype(actor1_kind: str | None, actor2_kind: str | None = None) -> str:
    """Who took the place: state forces regain, anyone else overtakes.

    The taker (actor1) decides; when no taker is known, the side that lost it (actor2: "retaken
    ... from rebels") does; failing that, the government is assumed to have regained it. (The
    other armed groups named in the sentence are no guide: "the army recaptured X, six days
    after rebels seized it".)"""
    if actor1_kind in NON_STATE_KINDS:
        return "Non-state actor overtakes territory"
    if actor1_kind in STATE_KINDS:
        return "Government regains territory"
    if actor2_kind in NON_STATE_KINDS:
        return "Government regains territory"
    if actor2_kind in STATE_KINDS:
        return "Non-state actor overtakes territory"
    return "Government regains territory"
