"""The world gold set keeps the shape issue #9 asks of it (a check on the data, not on the extractor)."""
import json
from collections import Counter
from pathlib import Path

import pycountry
import pytest

ROOT = Path(__file__).resolve().parent.parent / "gold" / "world"
SUB_TYPES = {"Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Chemical weapon",
             "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
             "Grenade", "Sexual violence", "Attack", "Abduction/forced disappearance", "Peaceful protest",
             "Protest with intervention", "Excessive force against protesters", "Violent demonstration", "Mob violence",
             "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
             "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory",
             "Other"}
USER_ASSIGNED = {"XKX"}  # Kosovo: not in ISO 3166, the code the EU and the World Bank use


@pytest.fixture(scope="module")
def passages():
    return {path: json.loads(path.read_text(encoding="utf-8")) for split in ("dev", "heldout")
            for path in sorted((ROOT / split).glob("*.json"))}


def test_size_countries_types_and_out_of_scope(passages):
    assert len(passages) >= 150
    countries = {p["country"] for p in passages.values()} - {"SYR"}
    assert len(countries) >= 15
    main = Counter(p["events"][0]["sub_event_type"] for p in passages.values() if p["events"])
    # every one of the 25 sub-types is the main type of at least 5 passages
    assert all(main[t] >= 5 for t in SUB_TYPES), {t: main[t] for t in SUB_TYPES if main[t] < 5}
    assert sum(1 for p in passages.values() if not p["events"]) >= 25


def test_every_fourth_passage_is_held_out(passages):
    for path, passage in passages.items():
        number = int(path.stem)
        assert passage["id"] == f"world-{path.stem}"
        assert (path.parent.name == "heldout") == (number % 4 == 0), path


def test_cues_are_verbatim_and_codes_are_real(passages):
    for path, passage in passages.items():
        assert passage["country"] in USER_ASSIGNED or pycountry.countries.get(alpha_3=passage["country"]), path
        for event in passage["events"]:
            assert event["cue"] in passage["text"], (path, event["cue"])
            if event.get("sub_event_type"):
                assert event["sub_event_type"] in SUB_TYPES, path
        if not passage["events"]:
            assert passage.get("out_of_scope"), path
