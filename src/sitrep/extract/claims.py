"""Claims: a parsed sentence in, who asserts or denies what it reports, and via whom.

Finds speech and attribution verbs ("said", "told Reuters", "reported",
"confirmed", "denied", "dismissed ... as fabrications", "according to"),
normalizes the speaker through `data/claimants.tsv` and the outlet through
`data/outlets.tsv`, resolves "he said"/"the official said" to the last
named speaker, and reads the text's own verification cues.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import load

SPEECH_LEMMAS = {
    "say", "tell", "report", "confirm", "announce", "claim", "add", "deny", "dismiss", "estimate", "accuse",
    "state", "insist", "warn", "acknowledge", "quote", "declare", "allege", "reject", "note",
}
DENY_LEMMAS = {"deny", "dismiss", "reject"}
PRONOUN_SPEAKER = re.compile(r"^(?:he|she|they|it|the (?:official|source|fighter|spokesman|spokeswoman|commander|minister|monitor|group|ministry|agency|officials))$", re.I)
UNVERIFIED = re.compile(
    r"could not (?:be )?(?:independently )?(?:verif|confirm)|not (?:been )?independently (?:verified|confirmed)|"
    r"unable to (?:independently )?(?:verify|confirm)|\bunverified\b|cannot be (?:independently )?verified|impossible to verify",
    re.I,
)
OBSERVED = re.compile(r"\b(?:journalists?|reporters?|correspondents?|witness(?:es)?)\b[^.]{0,40}\b(?:counted|saw|witnessed|observed|heard|confirmed)\b", re.I)


@dataclass
class ClaimSpan:
    claimant: str
    via: str | None
    stance: str
    verb_index: int  # token index of the speech verb
    scope: tuple[int, int]  # token range of what is claimed
    speaker_span: tuple[int, int]  # char range of the speaker's words (masked for actors/places)
    confirms: bool = False


ROLE_WORDS = re.compile(
    r"\b(?:official|source|minister|ministry|spokes(?:man|woman|person)|commander|fighter|journalist|monitor|agency|"
    r"office|council|government|army|military|group|activist|witness|resident|doctor|envoy|president|secretary|head|"
    r"chief|leader|police|rebels?|officials|diplomats|media|observatory|members?)\b", re.I)


ORG_WORDS = re.compile(
    r"\b(?:Council|Committee|Ministry|Office|Forces|Army|Front|Party|Commission|Observatory|Agency|Group|Union|Assembly|"
    r"Court|Department|Authority|Administration|Coalition|Brigade|Movement|Organi[sz]ation|Network|Media|News|Times|Post|"
    r"Guardian|Institute|Centre|Center|Foundation|Red|Crescent|Cross|Helmets|Watch|International|Nations)\b")


def _proper_name_runs(span) -> list[str]:
    """Runs of proper-noun tokens in a speaker's words: the people named ("Sergei Rudskoi")."""
    runs, current = [], []
    for token in span:
        if token.tag_ == "NNP" and token.text[:1].isupper():
            current.append(token.text)
        else:
            if current:
                runs.append(" ".join(current))
            current = []
    if current:
        runs.append(" ".join(current))
    return [r for r in runs if not load("claimants.tsv").find(r) and not load("actors.tsv").find(r) and not ORG_WORDS.search(r)]


def normalise_claimant(text: str, doc_span=None) -> str:
    found = load("claimants.tsv").find(text)
    if found:
        return found[0][2]["name"]
    outlet = outlet_of(text)
    if outlet and re.search(r"news agency|agency|television|\btv\b|newspaper|radio|outlet", text, re.I):
        return outlet
    actors = load("actors.tsv").find(text)
    if actors and "{country}" not in actors[0][2]["name"]:
        return actors[0][2]["name"]
    words = text
    people = _proper_name_runs(doc_span) if doc_span is not None else []
    for person in people:
        if len(person) < len(text):
            words = words.replace(person, " ")
    if people and not ROLE_WORDS.search(words):
        return people[0]
    words = re.sub(r"^\s*(?:a|an|the)\s+", "", words.strip(" ,"), flags=re.I)
    words = re.sub(r"\s+", " ", words).strip(" ,")
    return words[:80] or text.strip()[:80]


def outlet_of(text: str) -> str | None:
    found = load("outlets.tsv").find(text)
    return found[0][2]["name"] if found else None


def _subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if verb.dep_ == "conj":
        return _subject(verb.head)
    return None


def _trailing_speaker(doc, verb):
    """"..., the Syrian Observatory for Human Rights said." misparsed without a subject: the words after the last comma."""
    if verb.i < 2 or doc[verb.i - 1].is_punct:
        return None
    start = verb.i - 1
    while start > 0 and not doc[start - 1].is_punct and verb.i - start < 10:
        start -= 1
    if start == 0 or doc[start - 1].text not in (",", "”", '"'):
        return None
    span = doc[start:verb.i]
    return span if any(t.pos_ in ("PROPN", "NOUN") for t in span) else None


EVENT_NOUNS = {"strike", "airstrike", "attack", "bombing", "blast", "explosion", "raid", "clash", "assault", "shelling",
               "ambush", "fighting", "bomb", "fire", "offensive", "battle"}


def find_claims(doc, last_claimant: str | None) -> list[ClaimSpan]:
    """Attributions in one parsed sentence."""
    claims: list[ClaimSpan] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma == "accord" and token.lower_ == "according":
            for prep in token.children:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.lower_ not in ("plan", "schedule", "law", "rules", "reports"):
                        span = doc[obj.left_edge.i: obj.right_edge.i + 1]
                        claims.append(ClaimSpan(normalise_claimant(span.text, span), outlet_of(span.text),
                                                "asserts", token.i, (0, len(doc)), (span.start_char, span.end_char)))
            continue
        if lemma not in SPEECH_LEMMAS or token.pos_ not in ("VERB", "AUX"):
            continue
        if lemma in ("declare", "announce", "claim", "count", "add", "note") and not any(c.dep_ == "ccomp" for c in token.children):
            continue  # "declared a ceasefire" is the event itself, not a claim
        subject = _subject(token)
        if subject is None:
            trailing = _trailing_speaker(doc, token)
            if trailing is not None:
                claims.append(ClaimSpan(normalise_claimant(trailing.text, trailing), None, "asserts", token.i,
                                        (0, trailing.start), (trailing.start_char, trailing.end_char)))
            continue
        if subject.pos_ == "NUM" or subject.like_num:
            continue
        if subject.lemma_.lower() in EVENT_NOUNS and any(c.dep_ == "acl" for c in subject.children):
            continue  # "A Turkish drone strike killed four ..., authorities said": a misparse; a strike says nothing
        span = doc[subject.left_edge.i: subject.right_edge.i + 1]
        if len(span) > 25 or any(t.pos_ == "VERB" and t.dep_ not in ("amod", "compound") for t in span if t.i != subject.i):
            span = doc[subject.left_edge.i: subject.i + 1]  # a misparse swallowed a clause: keep the noun phrase
        speaker_text = span.text
        outlet = outlet_of(speaker_text) if re.search(r"news agency|agency|reported|television|\bradio\b", speaker_text + " " + token.lower_, re.I) or lemma == "report" else None
        via = None
        speakers = [normalise_claimant(speaker_text, span)]
        if PRONOUN_SPEAKER.match(speaker_text.strip()):
            if not last_claimant:
                continue
            speakers, via = [last_claimant[0]], last_claimant[1]
        elif " and " in speaker_text and not load("claimants.tsv").find(speaker_text.split(" and ")[0]) == []:
            speakers = [normalise_claimant(part) for part in speaker_text.split(" and ")]
        for child in token.children:
            words = doc[child.left_edge.i:child.right_edge.i + 1].text if child.dep_ in ("dobj", "dative", "iobj") else ""
            carrier = outlet_of(words) if words and len(words) < 60 else None
            if carrier:
                via = carrier
        stance = "denies" if lemma in DENY_LEMMAS or any(c.dep_ == "neg" for c in token.children) else "asserts"
        content = [c for c in token.children if c.dep_ in ("ccomp", "dobj", "xcomp", "advcl", "prep", "conj") and c.i != subject.i]
        if content:
            lo = min(c.left_edge.i for c in content)
            hi = max(c.right_edge.i for c in content) + 1
        else:
            lo, hi = 0, len(doc)
        # "..., a Syrian military source told Reuters": the quote before the verb is the content
        if token.i > 0 and all(c.i > token.i for c in content) and token.dep_ == "ROOT":
            lo = 0
        if token.dep_ in ("parataxis", "ccomp") and token.head.i < token.i:
            lo, hi = 0, token.i
        for name in dict.fromkeys(speakers):
            claims.append(ClaimSpan(name, outlet or via, stance, token.i, (lo, hi), (span.start_char, span.end_char),
                                    confirms=lemma == "confirm"))
    # "Lavrov said X, RIA news agency reported": the outlet carries the other speaker's claim
    agencies = [c for c in claims if outlet_of(c.claimant) == c.claimant or re.search(r"news agency|agency reported", c.claimant, re.I)]
    speakers = [c for c in claims if c not in agencies]
    if agencies and speakers:
        for claim in speakers:
            claim.via = claim.via or outlet_of(agencies[0].claimant) or agencies[0].claimant
        claims = speakers
    return claims


def unverified(text: str) -> bool:
    return bool(UNVERIFIED.search(text))


def observed(text: str) -> bool:
    return bool(OBSERVED.search(text))
