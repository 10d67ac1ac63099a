"""Within-article merging: one article's event mentions in, its distinct events out.

Two mentions are one event when they share a family (battle, air strike,
ceasefire, ...), their places agree (same place at the same precision, or
one was only inherited from context) and their dates agree within their
precision. Merging keeps the most specific date and place, every claim and
every piece of evidence, and the lowest reported death toll (figures are
never summed). `finalise` then settles verification, ids, sources, notes.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date

from ..model import STATEMENT_FAMILIES, Article, Event

PRECISION_DAYS = {1: 0, 2: 3, 3: 15}
GENERIC_ATTACK_WORDS = {"attack", "the attack", "assault", "raid", "attacks", "killing", "killed", "died", "dead"}
GENERIC_BLAST_WORDS = {"explosion", "explosions", "blast", "blasts", "exploded", "bombing", "attack", "the attack"}
VIOLENT = {"battle", "attack", "territory", "air", "shelling", "suicide", "ied", "grenade", "chemical", "civ_attack"}


def _dates_agree(a: Event, b: Event) -> bool:
    if a.event_date is None or b.event_date is None:
        return True
    if a.date_inherited and b.date_inherited:
        slack = 3
    elif a.date_inherited or b.date_inherited:
        slack = 31  # an undated telling ("have been captured") is the dated one ("captured in early January")
    else:
        slack = max(PRECISION_DAYS.get(a.time_precision or 1, 0), PRECISION_DAYS.get(b.time_precision or 1, 0))
    gap = abs((date.fromisoformat(a.event_date) - date.fromisoformat(b.event_date)).days)
    return gap <= slack


def _places_agree(a: Event, b: Event) -> bool:
    if a.location is None or b.location is None:
        return a.location == b.location or a.family in ("consult", "vote", "sanction", "dialogue") or a.family in STATEMENT_FAMILIES
    if (a.location_inherited and not _country_level(a)) or (b.location_inherited and not _country_level(b)):
        return a.location == b.location
    if _country_level(a) or _country_level(b):
        return a.country == b.country  # "in Syria" is a vaguer telling of "in Manbij"
    return a.location == b.location and a.geo_precision == b.geo_precision


def _country_level(event: Event) -> bool:
    return event.geo_precision == 3 and event.admin1 is None


def same_event(a: Event, b: Event) -> bool:
    if a.family != b.family or (a.status == "planned") != (b.status == "planned"):
        return False
    if a.family in STATEMENT_FAMILIES and a.actor1 and b.actor1 and a.actor1 != b.actor1:
        return False  # two refusals (threats, demands, accusations) by two actors are two events
    if a.family in ("consult", "dialogue") and a.actor1 and b.actor1 and not ({a.actor1, a.actor2} & {b.actor1, b.actor2}) - {None}:
        return False  # Rouhani's tour and Pompeo's tour: no party in common, two meetings
    if a.family == "consult" and _is_tour(a) != _is_tour(b):
        return False  # Pompeo's tour of Arab capitals and Bolton's talks in Ankara: a tour is not a meeting
    return _places_agree(a, b) and _dates_agree(a, b)


PROTEST_SEVERITY = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2}


def _is_tour(event: Event) -> bool:
    return any("tour" in trigger.lower() for trigger in event.triggers)


def _absorb(into: Event, other: Event) -> None:
    if PROTEST_SEVERITY.get(other.sub_event_type, -1) > PROTEST_SEVERITY.get(into.sub_event_type, 3):
        into.sub_event_type, into.plover_type = other.sub_event_type, other.plover_type  # the force used decides
    if other.event_date and not other.date_inherited and (into.date_inherited or (other.time_precision or 3) < (into.time_precision or 3)):
        into.event_date, into.time_precision, into.date_inherited = other.event_date, other.time_precision, False
    if ((into.location_inherited or into.location is None or _country_level(into)) and other.location
            and not other.location_inherited and not _country_level(other)):
        for name in ("location", "country", "admin1", "admin2", "latitude", "longitude", "geo_precision"):
            setattr(into, name, getattr(other, name))
        into.location_inherited = False
    for name in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"):
        if getattr(into, name) is None and getattr(other, name) is not None:
            if name == "actor2" and other.actor2 == into.actor1:
                continue
            setattr(into, name, getattr(other, name))
    if into.actor1 and other.actor1 and other.actor1 != into.actor1 and other.actor1 != into.actor2:
        assoc = [a for a in (into.assoc_actor_1 or "").split("; ") if a]
        if other.actor1 not in assoc:
            into.assoc_actor_1 = "; ".join(assoc + [other.actor1])
    into.actor_mentions = list(dict.fromkeys(into.actor_mentions + other.actor_mentions))
    for claim in other.claims:
        if all((c["claimant"], c["stance"]) != (claim["claimant"], claim["stance"]) for c in into.claims):
            into.claims.append(claim)
    seen = {(q["kind"], q["value"]) for q in into.quantities}
    into.quantities += [q for q in other.quantities if (q["kind"], q["value"]) not in seen]
    if other.fatalities is not None:
        into.fatalities = other.fatalities if into.fatalities is None else min(into.fatalities, other.fatalities)
    into.evidence += other.evidence
    into.triggers = list(dict.fromkeys(into.triggers + other.triggers))
    flags = set(filter(None, into.verification.split(","))) | set(filter(None, other.verification.split(",")))
    if "caption" not in into.verification.split(",") or "caption" not in other.verification.split(","):
        flags.discard("caption")
    into.verification = ",".join(sorted(flags))  # the first telling's typing (usually the lede's) stands


def _own_place(event: Event) -> bool:
    return not event.location_inherited and event.location is not None


def _protests_turned_violent(events: list[Event]) -> None:
    """A protest and a riot told of the same place and day are one riot (ACLED: violence by demonstrators makes a riot)."""
    riots = [e for e in events if e.family == "riot" and e.sub_event_type == "Violent demonstration"]
    for event in events:
        if event.family != "protest" or event.status == "planned":
            continue
        riot = next((r for r in riots if _places_agree(r, event) and _dates_agree(r, event)), None)
        if riot is not None:
            event.family, event.event_type, event.sub_event_type = riot.family, riot.event_type, riot.sub_event_type


TERRITORY_TYPES = {"Government regains territory", "Non-state actor overtakes territory"}
# "had recaptured 32 of east Aleppo's 40 neighbourhoods, about 85% of the area": the campaign's running share, not
# what that day's fighting took
SHARE_TAKEN = re.compile(r"\b\d+ of (?:[\w’'-]+ ){0,3}\d+\b|\b\d+ ?(?:%|per ?cent)", re.I)


def _fights_that_took_a_place(events: list[Event]) -> None:
    """Fighting and the taking of the place fought over, told of the same day, are one territorial battle (ACLED:
    a battle in which a place changes hands is coded by the change)."""
    takings = [e for e in events if e.sub_event_type in TERRITORY_TYPES and e.status != "planned"
               and not any(SHARE_TAKEN.search(ev["sentence"]) for ev in e.evidence)]
    for event in events:
        if event.family != "battle" or event.sub_event_type != "Armed clash" or event.status == "planned":
            continue
        taking = next((t for t in takings if _dates_agree(t, event) and (
            _places_agree(t, event) or (t.country == event.country and (_country_level(t) or _country_level(event))))), None)
        if taking is not None:
            event.family, event.sub_event_type, event.plover_type = taking.family, taking.sub_event_type, taking.plover_type


def merge_within_article(events: list[Event]) -> list[Event]:
    _protests_turned_violent(events)
    _fights_that_took_a_place(events)
    merged: list[Event] = []
    for event in events:
        target = next((m for m in merged if same_event(m, event)), None)
        own_date = any(span["field"] == "event_date" for ev in event.evidence for span in ev["spans"])
        if target is None and event.location_inherited and not own_date:
            # no place or date of its own ("the military thrust"): it refers back to the last such event
            target = next((m for m in reversed(merged) if m.family == event.family
                           and (m.status == "planned") == (event.status == "planned")), None)
            if target is None and (event.family in ("battle", "killing") and set(event.triggers) & GENERIC_ATTACK_WORDS
                                   or event.family == "killing"):
                target = next((m for m in reversed(merged) if m.family in VIOLENT), None)  # "wounded in the attack"
        if target is None and event.family in VIOLENT and set(event.triggers) <= GENERIC_BLAST_WORDS \
                and (not _own_place(event) or _country_level(event)):
            # "killed during an explosion", "the bombing, which came days after ...": the blast already told
            target = next((m for m in reversed(merged) if m.family in VIOLENT and m.family != event.family
                           and _dates_agree(m, event) and (m.country == event.country or event.country is None)), None)
        if target is None:
            merged.append(event)
        else:
            _absorb(target, event)
    return merged


def _same_side(claimant: str, actor: str | None) -> bool:
    if not actor:
        return False
    for country in ("Syria", "Russia", "Turkey", "Iran", "Israel", "United States", "Iraq"):
        if country in actor and (country in claimant or country[:5] in claimant):
            return True
    return claimant.split()[0] in actor if claimant else False


def settle_verification(event: Event) -> str:
    flags = set(filter(None, event.verification.split(",")))
    denials = [c for c in event.claims if c["stance"] == "denies"]
    if denials:
        if any(_same_side(c["claimant"], event.actor1) for c in denials):
            return "denied"
        return "disputed"
    if "unverified" in flags:
        return "unverified"
    if "confirmed" in flags:
        return "confirmed"
    return "reported"


def note_for(event: Event) -> str:
    when = f"On {event.event_date}" if event.event_date else "On an unknown date"
    where = f" in {event.location}" if event.location else ""
    if event.country and event.location != event.country and event.location:
        where += f" ({event.admin1 + ', ' if event.admin1 else ''}{event.country})"
    what = event.sub_event_type or event.plover_type.lower()
    who = event.actor1 or "unidentified actors"
    against = f" against {event.actor2}" if event.actor2 else ""
    planned = " (planned)" if event.status == "planned" else ""
    deaths = f"; {event.fatalities} reported killed" if event.fatalities else ""
    source = f"; according to {event.claims[0]['claimant']}" if event.claims else ""
    return f"{when}{where}, {who}: {what}{against}{planned}{deaths}{source}.".replace(":  ", ": ")


def finalise(events: list[Event], article: Article) -> list[Event]:
    out = []
    used: set[str] = set()
    for event in events:
        if "caption" in event.verification.split(",") and len(event.evidence) > 1:
            event.evidence = [e for e in event.evidence if article.text[e["start"]:e["end"]] and
                              not _in_caption(article, e["start"])] or event.evidence
        event.verification = settle_verification(event)
        anchor = event.evidence[0]["start"] if event.evidence else 0
        key = f"{article.article_id}|{event.family}|{event.event_date}|{event.location}|{anchor}"
        while hashlib.sha1(key.encode()).hexdigest()[:16] in used:
            key += "+"  # two events told in one sentence: still one id each, the same on every run
        event.event_id = hashlib.sha1(key.encode()).hexdigest()[:16]
        used.add(event.event_id)
        event.sources = [{"article_id": article.article_id, "source": article.source, "url": article.url,
                          "title": article.title, "published": article.published.isoformat() if article.published else None}]
        event.notes = note_for(event)
        out.append(event)
    return out


def _in_caption(article: Article, offset: int) -> bool:
    return any(p.start <= offset < p.end and p.role == "caption" for p in article.paragraphs)
