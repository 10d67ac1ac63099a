"""Cross-article deduplication: a stored event and a new article's event in, same-event verdict and merged record out.

Reports of one event (same type family, dates within their precision, the
same place or — at a vaguer precision — the same admin area, compatible
actors) become one event that lists every source and every claim. Figures
are never summed: the lowest reported death toll is kept (ACLED keeps the
most conservative figure) and every source's figures stay in `quantities`.
A claim that denies what another asserts marks the event `disputed`.
"""
from __future__ import annotations

from datetime import date

PRECISION_DAYS = {1: 1, 2: 4, 3: 16}
ORDER = {"confirmed": 0, "reported": 1, "unverified": 2, "disputed": 3, "denied": 4}


def _dates_agree(a: dict, b: dict) -> bool:
    if not a.get("event_date") or not b.get("event_date"):
        return a.get("event_date") == b.get("event_date")
    slack = max(PRECISION_DAYS.get(a.get("time_precision") or 3, 16), PRECISION_DAYS.get(b.get("time_precision") or 3, 16))
    gap = abs((date.fromisoformat(a["event_date"]) - date.fromisoformat(b["event_date"])).days)
    return gap <= slack


def _places_agree(a: dict, b: dict) -> bool:
    if a.get("country") != b.get("country"):
        return False
    if a.get("location") == b.get("location"):
        return True
    vague = max(a.get("geo_precision") or 3, b.get("geo_precision") or 3) >= 3
    return vague and a.get("admin1") is not None and a.get("admin1") == b.get("admin1")


def _actors_agree(a: dict, b: dict) -> bool:
    """No conflict: each side named by both reports is the same (or named by one only)."""
    def fits(x, y):
        return x is None or y is None or x == y
    straight = fits(a.get("actor1"), b.get("actor1")) and fits(a.get("actor2"), b.get("actor2"))
    swapped = fits(a.get("actor1"), b.get("actor2")) and fits(a.get("actor2"), b.get("actor1"))
    return straight or swapped


def same_event(stored: dict, new: dict) -> bool:
    if stored.get("family") != new.get("family") or (stored.get("status") == "planned") != (new.get("status") == "planned"):
        return False
    if stored.get("location") is None and new.get("location") is None:
        return _dates_agree(stored, new) and stored.get("actor1") == new.get("actor1")
    return _dates_agree(stored, new) and _places_agree(stored, new) and _actors_agree(stored, new)


def merge(stored: dict, new: dict) -> dict:
    """The stored event with the new report folded in (sources, claims, evidence; figures not summed)."""
    merged = dict(stored)
    if (new.get("time_precision") or 3) < (stored.get("time_precision") or 3):
        merged["event_date"], merged["time_precision"] = new["event_date"], new["time_precision"]
    if (new.get("geo_precision") or 3) < (stored.get("geo_precision") or 3) and new.get("location"):
        for key in ("location", "admin1", "admin2", "latitude", "longitude", "geo_precision"):
            merged[key] = new.get(key)
    for key in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "event_type", "sub_event_type"):
        if merged.get(key) is None and new.get(key) is not None:
            merged[key] = new[key]
    merged["actor_mentions"] = list(dict.fromkeys((stored.get("actor_mentions") or []) + (new.get("actor_mentions") or [])))
    merged["claims"] = list(stored.get("claims") or [])
    for claim in new.get("claims") or []:
        if all((c["claimant"], c["stance"]) != (claim["claimant"], claim["stance"]) for c in merged["claims"]):
            merged["claims"].append(claim)
    merged["quantities"] = list(stored.get("quantities") or [])
    seen = {(q["kind"], q["value"]) for q in merged["quantities"]}
    merged["quantities"] += [q for q in new.get("quantities") or [] if (q["kind"], q["value"]) not in seen]
    tolls = [t for t in (stored.get("fatalities"), new.get("fatalities")) if t is not None]
    merged["fatalities"] = min(tolls) if tolls else None
    merged["evidence"] = list(stored.get("evidence") or []) + list(new.get("evidence") or [])
    merged["sources"] = list(stored.get("sources") or [])
    known = {s["article_id"] for s in merged["sources"]}
    merged["sources"] += [s for s in new.get("sources") or [] if s["article_id"] not in known]
    merged["triggers"] = list(dict.fromkeys((stored.get("triggers") or []) + (new.get("triggers") or [])))
    merged["verification"] = combined_verification(stored, new, merged["claims"])
    return merged


def combined_verification(stored: dict, new: dict, claims: list[dict]) -> str:
    stances = {c["stance"] for c in claims}
    if "denies" in stances and "asserts" in stances and "denied" not in (stored.get("verification"), new.get("verification")):
        return "disputed"
    if "confirmed" in (stored.get("verification"), new.get("verification")):
        return "confirmed"
    if len({s["article_id"] for s in (stored.get("sources") or []) + (new.get("sources") or [])}) > 1 \
            and stored.get("verification") == new.get("verification") == "reported":
        return "reported"
    return max(stored.get("verification") or "reported", new.get("verification") or "reported", key=lambda v: ORDER.get(v, 1))
