"""Figures: a sentence's text in, quantities (kind, value, unit, text, span) out.

Parses numbers as reporters write them ("up to 10,500", "more than 300,000",
"hundreds of", "nine", "85%", "32 of ... 40", "122 to 13") and gives each a
kind from the words around it (killed, injured, displaced, detained,
missing, territory_share, territory_units, strikes, votes_for,
votes_against, people). `is_context_figure` tells war-wide totals and
population estimates, which belong to the article, not to an event.
"""
from __future__ import annotations

import math
import re

from ..model import Quantity

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "dozens": 12, "scores": 20,
    "hundreds": 100, "thousands": 1000, "tens of thousands": 10000, "hundreds of thousands": 100000,
    "millions": 1000000, "several": 3,
}
SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "m": 1_000_000, "bn": 1_000_000_000}
NUMBER = (
    r"(?P<qual>up to|more than|over|at least|about|around|nearly|almost|some|roughly|approximately|fewer than|less than)?\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|tens of thousands|hundreds of thousands|a dozen|dozens|scores|hundreds|thousands|millions|"
    + "|".join(sorted((w for w in WORD_NUMBERS if " " not in w), key=len, reverse=True)) + r")"
    r"(?:\s*(?P<scale>hundred|thousand|million|billion|bn|m)\b)?"
)
NUMBER_RE = re.compile(rf"(?<![\w.,-]){NUMBER}(?![\w])", re.I)
PERCENT_RE = re.compile(r"(?P<qual>about|around|nearly|almost|more than|over|some)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent)", re.I)
OF_RE = re.compile(rf"{NUMBER}\s+of\s+(?:the\s+)?(?:[\w’‘'-]+\s+){{0,3}}?(?P<total>\d{{1,3}}(?:,\d{{3}})*|\w+)\s+(?P<unit>neighbourhoods|neighborhoods|districts|villages|towns|areas|provinces|cities)", re.I)
VOTE_RE = re.compile(r"vot(?:ed|e|es)\s+(?P<for>\d+)\s*(?:to|-|–|against)\s*(?P<against>\d+)", re.I)

KIND_CUES = [
    ("killed", r"killed|dead|died|deaths?|bodies|killing|lives|fatalities|massacred|executed|slain"),
    ("injured", r"injured|wounded|injuries|hurt|casualties"),
    ("displaced", r"fled|flee|fleeing|displaced|homeless|refugees|evacuated|uprooted|escaped"),
    ("detained", r"arrested|detained|(?<!-)held|detainees|prisoners|captured|rounded up|in custody"),
    ("missing", r"missing|disappeared|unaccounted"),
    ("strikes", r"(?:air ?)?strikes|raids|airstrikes|bombs|shells|rockets|missiles|barrel bombs"),
    ("territory_units", r"neighbourhoods|neighborhoods|districts|villages|towns"),
    ("people", r"people|civilians|residents|citizens|children|men|women|fighters|soldiers|troops|families|syrians|"
               r"americans|russians|britons|iraqis|turks|kurds|iranians|israelis|afghans|palestinians|lebanese|"
               r"servicemen|policemen|police officers|officers|militants|rebels|jihadists|members|guards|workers|"
               r"students|pupils|worshippers|passengers|villagers|farmers|protesters|demonstrators|mercenaries|nationals"),
]
KIND_RES = [(kind, re.compile(rf"\b(?:{cue})\b", re.I)) for kind, cue in KIND_CUES]

CONTEXT_CUES = re.compile(
    r"\b(?:the (?:civil )?war|the conflict|the uprising|since (?:19|20)\d\d|since the (?:start|beginning)|"
    r"over the (?:past|last) \w+ years|in (?:the )?\w+ years of|so far in the war|in total|"
    r"(?:the \w+ )?estimates(?: that)?|population|are now squeezed|live in|living in|home to|made more than half|"
    r"(?:death )?toll (?:has )?(?:risen|rose|climbed|reached|stands)|towards|overall|in all|altogether|cumulative|"
    r"week-?long|month-?long|days-long|brought (?:the )?(?:\w+ ){0,3}(?:toll|total|carnage|number))\b",
    re.I,
)


def parse_number(num: str, scale: str | None = None) -> float | None:
    """The number's value; None if it has none (or only an infinite one: "1e400", "nan", 400 digits)."""
    num = num.casefold().strip()  # casefold: re.I lets "ſeven" (long s) match "seven"
    if num in WORD_NUMBERS:
        value = float(WORD_NUMBERS[num])
    else:
        try:
            value = float(num.replace(",", ""))
        except ValueError:
            return None
    if scale:
        value *= SCALE.get(scale.lower(), 1)
    return value if math.isfinite(value) else None


def _nearest_kind(window: str, kinds=None) -> tuple[str, int] | None:
    best = None
    for kind, regex in KIND_RES:
        if kinds is not None and kind not in kinds:
            continue
        match = regex.search(window)
        if match and (best is None or match.start() < best[1]):
            best = (kind, match.start())
    return best


EVENT_KINDS = ("killed", "injured", "displaced", "detained", "missing")


def _kind_after(text: str, end: int, start: int) -> str | None:
    """Kind of a number from the nouns after it, the verb after those, or the verb before it."""
    window = text[end:end + 80]
    best = _nearest_kind(window)
    if best is None or best[1] > 40:
        return None
    if best[0] != "people":
        return best[0]
    before = _nearest_kind(text[max(0, start - 22):start], EVENT_KINDS)
    if before:
        return before[0]  # "has killed more than 300,000 people"
    verb = _nearest_kind(window[best[1]:best[1] + 50], EVENT_KINDS)
    return verb[0] if verb else "people"


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Figures of one sentence; `offset` is the sentence's start in the article text."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    if not NUMBER_RE.search(text):
        return found  # no number of any kind: nothing to parse

    def add(kind, value, unit, start, end):
        found.append(Quantity(kind, value, unit, text[start:end].strip(), offset + start, offset + end))
        taken.append((start, end))

    for match in VOTE_RE.finditer(text):
        votes_for, votes_against = parse_number(match.group("for")), parse_number(match.group("against"))
        if votes_for is None or votes_against is None:
            continue
        add("votes_for", votes_for, "votes", match.start("for"), match.end("for"))
        add("votes_against", votes_against, "votes", match.start("against"), match.end("against"))
    for match in OF_RE.finditer(text):
        value = parse_number(match.group("num"), match.group("scale"))
        total = parse_number(match.group("total"))
        if value is None:
            continue
        unit = match.group("unit").lower()
        add("territory_units", value, f"{unit} of {int(total)}" if total else unit, match.start("num"), match.end())
    for match in PERCENT_RE.finditer(text):
        if any(s <= match.start("num") < e for s, e in taken):
            continue
        window = text[match.end():match.end() + 40].lower()
        kind = "territory_share" if re.search(r"of the (?:area|territory|city|land|country)|of (?:its|their) territory", window) else "share"
        value = parse_number(match.group("num"))
        if value is None:
            continue
        add(kind, value, "percent", match.start(), match.end())
    for match in NUMBER_RE.finditer(text):
        if any(not (match.end() <= s or match.start() >= e) for s, e in taken):
            continue
        following = text[match.end():match.end() + 12]
        if re.match(r"\s*(?:%|per ?cent|years?|months?|weeks?|days?|hours?|minutes?|km|kilomet|miles?|metres|am|pm|\$|bn|percent)\b", following, re.I):
            continue
        if re.match(r"(?:19|20)\d\d$", match.group("num")) and not match.group("qual"):
            continue  # a year
        preceding = text[max(0, match.start() - 12):match.start()].lower()
        if re.search(r"(?:aged|age|\$|£|€|no\.)\s*$", preceding) or re.search(r"\b(?:on|in|since) (?:\w+ )?$", preceding) and match.group("num").isdigit() and len(match.group("num")) <= 2:
            continue
        kind = _kind_after(text, match.end(), match.start())
        if kind is None:
            continue
        value = parse_number(match.group("num"), match.group("scale"))
        if value is None:
            continue
        add(kind, value, None, match.start(), match.end())
    return sorted(found, key=lambda q: q.start)


VAGUE = re.compile(r"^(?:dozens|scores|hundreds|thousands|tens of thousands|hundreds of thousands|millions|several|a dozen)$", re.I)


def is_exact(quantity: Quantity) -> bool:
    """A number the text states ("12", "four"), not a vague one ("dozens", "hundreds"): only these become fatalities."""
    words = re.sub(r"^(?:up to|more than|over|at least|about|around|nearly|almost|some|roughly|approximately|fewer than|less than)\s+",
                   "", quantity.text.strip(), flags=re.I)
    return not VAGUE.match(words)


def is_context_figure(sentence: str, quantity: Quantity, offset: int = 0) -> bool:
    """War-wide totals and population estimates, not one event's figures."""
    if quantity.kind == "people":
        return True
    local_start = quantity.start - offset
    window = sentence[max(0, local_start - 40):local_start + 80]
    return bool(CONTEXT_CUES.search(window))
