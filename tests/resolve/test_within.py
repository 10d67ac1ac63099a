"""Mentions of one event merged within an article (resolve/within.py), on hand-made events."""
from sitrep.model import Event
from sitrep.resolve.within import merge_within_article


def _event(family, sub_event_type, **fields):
    event = Event(family=family, plover_type="ASSAULT", event_type="Battles", sub_event_type=sub_event_type,
                  status="occurred")
    event.event_date, event.time_precision = "2023-11-08", 1
    event.country, event.location, event.geo_precision = "ETH", "Lalibela", 1
    for name, value in fields.items():
        setattr(event, name, value)
    return event


def test_the_fight_for_a_place_and_its_taking_are_one_territorial_battle():
    # world dev 605: "rocked Wednesday by fierce fighting" ... "Fano appeared to have overrun much of the town"
    fight = _event("battle", "Armed clash", triggers=["fierce fighting"])
    taking = _event("territory", "Non-state actor overtakes territory", triggers=["overrun"], actor1="Fano Militia")
    merged = merge_within_article([fight, taking])
    assert [(e.sub_event_type, e.actor1) for e in merged] == [("Non-state actor overtakes territory", "Fano Militia")]
    assert merged[0].triggers == ["fierce fighting", "overrun"]


def test_fighting_elsewhere_or_another_day_stays_a_clash():
    fight = _event("battle", "Armed clash", location="Gondar")
    taking = _event("territory", "Non-state actor overtakes territory")
    assert len(merge_within_article([fight, taking])) == 2
    fight = _event("battle", "Armed clash", event_date="2023-10-20")
    taking = _event("territory", "Non-state actor overtakes territory")
    assert [e.sub_event_type for e in merge_within_article([fight, taking])][0] == "Armed clash"


def test_a_running_share_of_the_city_taken_is_not_what_the_days_fight_took():
    # the Aleppo report: the offensive on Friday, and "had recaptured 32 of east Aleppo's 40 neighbourhoods"
    fight = _event("battle", "Armed clash", location="East Aleppo", country="SYR")
    taking = _event("territory", "Government regains territory", location="East Aleppo", country="SYR")
    taking.evidence = [{"sentence": "The Syrian army and its allies had recaptured 32 of east Aleppo's 40 neighbourhoods, "
                                    "about 85% of the area, he said.", "spans": []}]
    assert [e.sub_event_type for e in merge_within_article([fight, taking])][0] == "Armed clash"
