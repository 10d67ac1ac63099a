"""Counts of the world gold set (tests/gold/world): passages per main sub-event type and split, and per country.

Prints the Markdown tables kept in tests/gold/world/README.md, so the README can be regenerated after a batch:
    python scripts/world_gold_counts.py
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "tests" / "gold" / "world"
SUB_TYPES = ["Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Chemical weapon",
             "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
             "Grenade", "Sexual violence", "Attack", "Abduction/forced disappearance", "Peaceful protest",
             "Protest with intervention", "Excessive force against protesters", "Violent demonstration", "Mob violence",
             "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
             "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory",
             "Other"]


def passages() -> list[tuple[str, dict]]:
    return [(split, json.loads(path.read_text(encoding="utf-8")))
            for split in ("dev", "heldout") for path in sorted((ROOT / split).glob("*.json"))]


def main() -> None:
    rows = passages()
    main_type = Counter()
    all_events = Counter()
    countries = Counter()
    for split, passage in rows:
        countries[passage.get("country") or "?"] += 1
        events = passage.get("events") or []
        label = events[0]["sub_event_type"] if events and events[0].get("sub_event_type") else "Out of scope"
        main_type[(label, split)] += 1
        for event in events:
            if event.get("sub_event_type"):
                all_events[event["sub_event_type"]] += 1
    print("| sub-event type (main event) | all | dev | heldout | all events incl. secondary |")
    print("| --- | --- | --- | --- | --- |")
    for label in SUB_TYPES + ["Out of scope"]:
        dev, held = main_type[(label, "dev")], main_type[(label, "heldout")]
        print(f"| {label} | {dev + held} | {dev} | {held} | {all_events[label] if label != 'Out of scope' else '-'} |")
    dev = sum(v for (_, s), v in main_type.items() if s == "dev")
    held = sum(v for (_, s), v in main_type.items() if s == "heldout")
    print(f"| **total passages** | {dev + held} | {dev} | {held} | {sum(all_events.values())} events |")
    print()
    print(", ".join(f"{code} {n}" for code, n in sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))))
    print()
    print(f"{len(countries)} countries in all, {len([c for c in countries if c != 'SYR'])} other than Syria.")


if __name__ == "__main__":
    main()
