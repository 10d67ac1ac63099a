"""The Aleppo report (Reuters, 9 December 2016), end to end: what an analyst reads in it.

Every expectation below is written from the report's text, not from output.
"""
from conftest import find


def only(events, **wanted):
    found = find(events, **wanted)
    assert found, f"no event with {wanted}"
    return found[0]


def claimants(event):
    return {c["claimant"] for c in event["claims"]}


def test_government_offensive_in_east_aleppo_on_friday(aleppo_events):
    event = only(aleppo_events, event_type="Battles", sub_event_type="Armed clash", location="East Aleppo",
                 event_date="2016-12-09")
    assert event["actor1"] == "Military Forces of Syria"
    assert event["actor2"] == "Rebel forces"
    assert event["country"] == "SYR" and event["admin1"] == "Aleppo"
    # "Reuters journalists, rebels and a monitor confirmed the military thrust."
    assert event["verification"] == "confirmed"


def test_air_strikes_in_aleppo_that_day(aleppo_events):
    strikes = find(aleppo_events, sub_event_type="Air/drone strike", event_date="2016-12-09",
                   location=lambda loc: loc in ("Aleppo", "Old Aleppo", "East Aleppo"))
    assert strikes
    counted = [q for e in strikes for q in e["quantities"] if q["kind"] == "strikes"]
    assert counted and counted[0]["value"] == 9  # "counted the sound of nine air strikes"


def test_32_of_40_neighbourhoods_claimed_by_a_syrian_military_source(aleppo_events):
    event = only(aleppo_events, sub_event_type="Government regains territory", location="East Aleppo")
    kinds = {q["kind"]: q for q in event["quantities"]}
    assert kinds["territory_units"]["value"] == 32 and "40" in kinds["territory_units"]["unit"]
    assert kinds["territory_share"]["value"] == 85
    claim = next(c for c in event["claims"] if c["claimant"] == "Syrian military source")
    assert claim["via"] == "Reuters" and claim["stance"] == "asserts"


def test_10500_fled_per_russian_defence_ministry_unverified(aleppo_events):
    event = only(aleppo_events, quantities=lambda qs: any(q["kind"] == "displaced" and q["value"] == 10500 for q in qs))
    assert "Russian defence ministry" in claimants(event)
    assert event["verification"] == "unverified"
    assert event["fatalities"] is None
    assert event["event_date"] == "2016-12-09"


def test_ceasefire_around_damascus_and_idlib_from_friday_evening(aleppo_events):
    ceasefires = find(aleppo_events, sub_event_type="Agreement", event_date="2016-12-09")
    places = {e["location"] for e in ceasefires}
    assert {"Damascus", "Idlib"} <= places
    for event in ceasefires:
        if event["location"] in ("Damascus", "Idlib"):
            assert event["actor1"] == "Military Forces of Syria"
            assert event["geo_precision"] in (2, 3)  # "around Damascus", "the province of Idlib"
    assert not find(ceasefires, location="Aleppo", triggers=lambda t: "truce" in t)  # "no sign of any such truce"


def test_sheikh_saeed_clashes_friday_and_advance_thursday(aleppo_events):
    assert find(aleppo_events, location="Sheikh Saeed", event_type="Battles", event_date="2016-12-09")
    advance = only(aleppo_events, location="Sheikh Saeed", event_type="Battles", event_date="2016-12-08")
    assert advance["actor1"] == "Military Forces of Syria"
    assert {"Syrian Observatory for Human Rights", "Syrian military source"} <= claimants(advance)


def test_al_bab_fighting_against_islamic_state(aleppo_events):
    event = only(aleppo_events, location=lambda loc: loc and "B" in loc and "b" in loc.lower() and loc.lower().replace("ā", "a").endswith("bab"))
    assert event["event_type"] == "Battles"
    assert event["actor1"] == "Rebel forces"
    assert event["actor2"] == "Islamic State"
    assert "Military Forces of Turkey" in (event["assoc_actor_1"] or "")
    assert "Turkish foreign ministry" in claimants(event)


def test_un_general_assembly_vote_122_to_13(aleppo_events):
    event = only(aleppo_events, actor1="United Nations General Assembly")
    votes = {q["kind"]: q["value"] for q in event["quantities"]}
    assert votes == {"votes_for": 122, "votes_against": 13}
    assert event["event_date"] == "2016-12-09" and event["event_type"] is None


def test_eu_sanctions(aleppo_events):
    event = only(aleppo_events, plover_type="SANCTION")
    assert event["actor1"] == "European Union"
    assert event["event_type"] is None


def test_geneva_meeting_planned_for_saturday(aleppo_events):
    event = only(aleppo_events, plover_type="CONSULT", location="Geneva")
    assert event["status"] == "planned"
    assert event["event_date"] == "2016-12-10" and event["time_precision"] == 1
    assert event["country"] == "CHE"
    assert {event["actor1"], event["actor2"]} == {"Government of the United States", "Government of Russia"}


def test_missing_men_reported_by_un_and_denied_by_government(aleppo_events):
    event = only(aleppo_events, sub_event_type="Abduction/forced disappearance")
    assert event["actor1"] == "Military Forces of Syria"  # "at the hands of government forces"
    stances = {(c["claimant"], c["stance"]) for c in event["claims"]}
    assert ("United Nations Human Rights Office", "asserts") in stances
    assert ("Government of Syria", "denies") in stances
    assert event["verification"] == "denied"
    assert any(q["kind"] == "missing" for q in event["quantities"])


def test_no_war_dead_no_massachusetts_no_paris(aleppo_events, aleppo_article):
    assert all(e["fatalities"] != 300000 for e in aleppo_events)
    assert all(q["value"] != 300000 for e in aleppo_events for q in e["quantities"])
    assert not [e for e in aleppo_events if e["location"] in ("Massachusetts", "Paris")]
    # the one event abroad is the General Assembly's vote, at its seat (docs/annotation.md: New York for UN bodies)
    abroad = [e for e in aleppo_events if e["country"] in ("USA", "FRA")]
    assert [(e["actor1"], e["location"]) for e in abroad] in ([], [("United Nations General Assembly", "New York City")])
    context = {(f["kind"], f["value"]) for f in aleppo_article.context_figures}
    assert ("killed", 300000) in context  # the war-wide total goes to the article
    assert ("people", 100000) in context  # "about 100,000 people are now squeezed into"


def test_repeated_caption_and_lede_give_no_duplicate_events(aleppo_events, aleppo_article):
    ids = [e["event_id"] for e in aleppo_events]
    assert len(ids) == len(set(ids))
    assert aleppo_article.text.count("now appears closer to victory") == 1
    assert aleppo_article.text.count("People, who left the eastern districts") == 1
    keys = [(e["sub_event_type"] or e["plover_type"], e["event_date"], e["location"], e["geo_precision"], e["status"], e["actor1"])
            for e in aleppo_events]
    assert len(keys) == len(set(keys))


def test_every_event_traces_to_its_words(aleppo_events, aleppo_article):
    for event in aleppo_events:
        assert event["plover_type"]
        assert event["evidence"] and event["notes"]
        for evidence in event["evidence"]:
            assert aleppo_article.text[evidence["start"]:evidence["end"]] == evidence["sentence"]
            for span in evidence["spans"]:
                assert aleppo_article.text[span["start"]:span["end"]] == span["text"]
        assert event["sources"][0]["article_id"] == aleppo_article.article_id


def test_ids_are_stable(aleppo_article, nlp, aleppo_events):
    from sitrep.extract.events import extract_article

    again = [e.event_id for e in extract_article(aleppo_article, nlp)]
    assert again == [e["event_id"] for e in aleppo_events]
