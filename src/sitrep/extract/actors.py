"""Actors: a parsed sentence and an event's trigger in, normalized actors out.

Mentions come from the actor lexicon (`data/actors.tsv`); "{country}" names
("government forces", "the army") take the article's main country. Roles
come from the parse: the subject (or "by"/"at the hands of" agent) of the
trigger's verb is actor1, its object or "against"/"on" target actor2, other
conjuncts associated actors. "X-backed" adds X's forces as an associate;
"X-held" names who holds a place under attack.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp.syntax import governing_verb, root_of
from .lexicon import load, read_rows, DATA_DIR

SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
OBJECT_PREPS = {"against", "on", "at", "upon"}
BACKED = re.compile(r"(?<!\w)([A-Z][\w’']+)-(?:backed|supported|allied)\b")
HELD = re.compile(r"(?<!\w)([A-Za-z][\w’']+)-(?:held|controlled|run)\b")


@dataclass
class Mention:
    start: int  # offsets within the sentence
    end: int
    name: str
    kind: str
    raw: str


def demonym_country(word: str) -> str | None:
    for row in read_rows(DATA_DIR / "countries.tsv"):
        if re.fullmatch(rf"(?:{row['pattern']})", word, re.I):
            return row["name"]
    return None


def find_mentions(text: str, country_name: str | None, masked: list[tuple[int, int]] = ()) -> list[Mention]:
    """Actor mentions in a sentence, outside the masked spans (claimants)."""
    mentions = []
    for start, end, row in load("actors.tsv").find(text):
        if any(s <= start < e for s, e in masked) or text[end:end + 1] == "-":
            continue  # "rebel-held", "Iran-backed": a modifier, not the actor
        name = row["name"]
        if "{country}" in name:
            name = name.replace("{country}", country_name) if country_name else "State forces"
        mentions.append(Mention(start, end, name, row["kind"], text[start:end]))
    return mentions


def backers(text: str) -> list[tuple[int, str]]:
    """("Turkish-backed rebels") -> [(offset, "Military Forces of Turkey")]."""
    out = []
    for match in BACKED.finditer(text):
        country = demonym_country(match.group(1))
        if country:
            out.append((match.start(), f"Military Forces of {country}"))
    return out


def holders(text: str, country_name: str | None) -> list[tuple[int, str]]:
    """("ISIS-held city") -> [(offset, "Islamic State")]; "government-held" -> state forces."""
    out = []
    for match in HELD.finditer(text):
        word = match.group(1)
        found = find_mentions(word, country_name)
        if word.lower() in ("government", "regime"):
            out.append((match.start(), f"Military Forces of {country_name}" if country_name else "State forces"))
        elif word.lower() in ("rebel", "opposition"):
            out.append((match.start(), "Rebel forces"))
        elif found:
            out.append((match.start(), found[0].name))
    return out




PASSIVE_TRIGGER = re.compile(r"missing|disappeared|detained|arrested|abducted|kidnapped|killed|executed", re.I)
AGENT_BEFORE = re.compile(r"(?:at the hands of|claimed by|carried out by|blamed on|launched by|surrendered to|"
                          r"handed over to|fell to|forces loyal to)\s+(?:the\s+)?(?:forces of\s+)?(?:President\s+)?$", re.I)
CLAUSE_BREAKS = {"relcl", "advcl", "ccomp", "acl", "parataxis"}


def _side(name: str | None) -> str | None:
    """The country an actor name belongs to ("Military Forces of Syria" -> "Syria")."""
    match = re.search(r" of (?:the )?(.+)$", name or "")
    return match.group(1) if match else None


def assign_roles(doc, trigger, mentions: list[Mention], trigger_text: str = "") -> dict:
    """actor1, assoc_actor_1, actor2, assoc_actor_2 for one trigger token."""
    verb = governing_verb(trigger)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        PASSIVE_TRIGGER.search(trigger_text or trigger.text)
        and re.match(r"(?:were|are|was|is|went|gone|remain\w*|have been|had been)\b", trigger_text or "", re.I))
    subjects, objects, others = [], [], []
    for mention in mentions:
        token = root_of(doc, mention.start, mention.end)
        if token is None:
            continue
        role = _role(token, verb, trigger)
        if AGENT_BEFORE.search(doc.text[max(0, mention.start - 40):mention.start]):
            role = "subject"
        elif passive and role == "subject":
            role = "object"
        (subjects if role == "subject" else objects if role == "object" else others).append((mention, token))
    actor1 = subjects[0][0].name if subjects else None
    assoc1 = [m.name for m, _ in subjects[1:] if m.name != actor1]
    actor2 = next((m.name for m, _ in objects if m.name != actor1), None)
    assoc2 = [m.name for m, _ in objects if m.name not in (actor1, actor2)]
    named_subject = any(c.dep_ == "nsubj" and c.pos_ in ("PRON", "PROPN") for c in verb.children)
    if actor1 is None and others and not named_subject:  # "he urged ...": the speaker, not a country named earlier
        before = [(m, t) for m, t in others if t.i < trigger.i and m.kind != "civilians"]
        if before:
            actor1 = before[0][0].name
    if actor2 is None:
        after = [m.name for m, t in others if m.name != actor1 and t.i > trigger.i and _same_clause(t, verb)
                 and m.kind not in ("international", "outlet")
                 and not (_side(m.name) and _side(m.name) == _side(actor1))]
        actor2 = after[0] if after else None
    return {
        "actor1": actor1,
        "assoc_actor_1": "; ".join(dict.fromkeys(assoc1)) or None,
        "actor2": actor2,
        "assoc_actor_2": "; ".join(dict.fromkeys(assoc2)) or None,
    }


def _same_clause(token, verb) -> bool:
    """Whether `token` hangs from `verb` without crossing into another clause."""
    for node in [token] + list(token.ancestors):
        if node.i == verb.i:
            return True
        if node.dep_ in CLAUSE_BREAKS:
            return False
    return False


def _role(token, verb, trigger) -> str:
    chain = [token] + list(token.ancestors)
    for node in chain:
        if node.head == verb or node.head == trigger:
            if node.dep_ in SUBJECT_DEPS:
                return "subject"
            if node.dep_ == "poss" and node.head == trigger and trigger.pos_ == "NOUN":
                return "subject"  # "Turkey's offensive", "Rouhani's tour": whose act it is
            if node.dep_ == "conj" and node.head.dep_ in SUBJECT_DEPS:
                return "subject"
            if node.dep_ in ("dobj", "nsubjpass", "attr"):
                return "object"
            if node.dep_ == "prep":
                word = node.lower_
                if word == "by" or node.dep_ == "agent":
                    return "subject"
                if word in OBJECT_PREPS and node.head == trigger or word == "against":
                    return "object"
            if node.dep_ == "agent":
                return "subject"
            break
        if node.dep_ == "pobj" and node.head.lower_ in ("hands",):
            return "subject"
        if node.lower_ == "hands" and node.head.lower_ == "at":
            return "subject"
    return "other"
