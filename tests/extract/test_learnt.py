"""Learnt typing (extract/learnt.py, `--typing learnt`): what it may change, and what it gets right.

The sentences are written for the test (not from the training data); the expected types are read from them.
"""
from datetime import date

import pytest

from sitrep.model import RawDocument
from sitrep.pipeline import Options, process_document


def events_of(nlp, text, typing):
    _, events = process_document(RawDocument(text, "test", None, date(2024, 5, 10), None, None), Options(typing=typing), nlp)
    return events


@pytest.mark.parametrize("text,expected", [
    # stones, attacks on offices and burnt police stations are the demonstrators' violence (the rules: a clash)
    ("Thousands of protesters threw stones, attacked government offices and burnt three police stations in the city "
     "on Monday.", "Violent demonstration"),
    # grenades hurled into a rally are a grenade attack, not a peaceful protest
    ("Attackers hurled grenades into an opposition rally in Phnom Penh on Sunday, wounding dozens of people.", "Grenade"),
    # men seized by a mob and burned to death: mob violence, not arrests
    ("A mob seized two men accused of stealing a cow and burned them to death in a village on Wednesday.", "Mob violence"),
])
def test_every_event_of_the_report_gets_the_type_its_words_give(nlp, text, expected):
    assert {e.sub_event_type for e in events_of(nlp, text, "learnt")} == {expected}


def test_it_never_types_an_event_the_rules_left_untyped_and_says_what_it_changed(nlp):
    text = ("Attackers hurled grenades into an opposition rally in Phnom Penh on Sunday, wounding dozens of people. "
            "The prime minister met the French ambassador on Monday. Floods killed 12 people in the north on Tuesday.")
    by_rules, learnt = events_of(nlp, text, "rules"), events_of(nlp, text, "learnt")
    assert [e.event_id for e in learnt] == [e.event_id for e in by_rules]  # no event made or lost
    for rule_event, event in zip(by_rules, learnt):
        decided = event.evidence[0].get("typing")
        if rule_event.sub_event_type is None:
            assert event.sub_event_type is None and decided is None  # out of ACLED's scope stays out
            assert event.plover_type == rule_event.plover_type
        elif decided and decided["sub_event_type"] == "(none)":  # taken out of ACLED's scope
            assert decided["probability"] >= 0.6 and event.event_type is None and event.sub_event_type is None
        elif decided:
            assert decided["by"] == "learnt classifier" and decided["probability"] >= 0.5
            assert decided["rules"] == rule_event.sub_event_type and event.sub_event_type == decided["sub_event_type"]
        else:
            assert event.sub_event_type == rule_event.sub_event_type
    assert any(e.evidence[0].get("typing") for e in learnt)


def test_a_place_changing_hands_keeps_its_precedence_over_the_weapons(nlp):
    # the Aleppo report's lede: the offensive "with ground fighting and air strikes" retook districts
    text = ("The Syrian army pressed an offensive in Aleppo on Friday with ground fighting and air strikes in an operation "
            "to retake all of the city's rebel-held east. The army recaptured the district of Sheikh Saeed on Friday.")
    by_rules, learnt = events_of(nlp, text, "rules"), events_of(nlp, text, "learnt")
    territory = {"Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory"}
    for rule_event, event in zip(by_rules, learnt):
        if rule_event.sub_event_type in territory:
            assert event.sub_event_type in territory


def test_a_batch_of_articles_is_typed_as_each_article_alone(nlp):
    from sitrep.extract.events import extract_articles
    from sitrep.ingest.clean import clean
    from sitrep.pipeline import retype_all

    texts = ["Attackers hurled grenades into an opposition rally in Phnom Penh on Sunday, wounding dozens of people.",
             "A mob seized two men accused of stealing a cow and burned them to death in a village on Wednesday. "
             "Soldiers shelled rebel positions near the town on Thursday."]
    articles = [clean(RawDocument(t, f"test-{i}", None, date(2024, 5, 10), None, None)) for i, t in enumerate(texts)]
    alone = [events_of(nlp, t, "learnt") for t in texts]
    together = retype_all(extract_articles(articles, nlp, selective=True), Options(typing="learnt"))
    assert [[(e.sub_event_type, e.evidence[0].get("typing")) for e in events] for events in together] == \
           [[(e.sub_event_type, e.evidence[0].get("typing")) for e in events] for events in alone]
    assert together[0][0].sub_event_type == "Grenade"


# a short report whose words hold no trigger: the classifier may tell what it is, and says it did
UNTRIGGERED = ("Dizzy and struggling to breathe, eleven policemen were taken to hospital in Tikrit on Monday. "
               "Doctors said they had inhaled chlorine.")


def test_a_short_report_with_no_trigger_gets_the_event_the_classifier_is_sure_of(nlp):
    assert events_of(nlp, UNTRIGGERED, "rules") == []
    [event] = events_of(nlp, UNTRIGGERED, "learnt")
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Chemical weapon")
    typing = event.evidence[0]["typing"]
    assert typing["created"] is True and typing["rules"] == "(none)" and typing["probability"] >= 0.6
    assert event.triggers == []  # no words of the lexicon typed it: the classifier did, and the evidence says so
    # dated and placed by the report's other sentence, "in Tikrit on Monday" (10 May 2024 was a Friday)
    assert (event.location, event.country, event.event_date) == ("Tikrīt", "IRQ", "2024-05-06")
    assert event.date_inherited and event.location_inherited
    assert event.event_id and event.notes.startswith("On 2024-05-06 in Tikrīt")


def test_long_reports_and_reports_the_rules_put_out_of_scope_get_none_created(nlp):
    filler = " ".join(["The ministry published its annual budget figures on Monday."] * 30)
    assert len(filler) > 1500
    assert [e for e in events_of(nlp, UNTRIGGERED + "\n\n" + filler, "learnt") if e.event_type] == []
    # the rules' out-of-scope call stands: a flood's toll is no attack, whatever the classifier thinks
    flood = "Floods swept through three villages near Kasese on Monday, killing 12 people."
    assert all(e.event_type is None for e in events_of(nlp, flood, "learnt"))


def test_a_batch_creates_what_each_report_alone_creates(nlp):
    from sitrep.extract.events import extract_articles
    from sitrep.ingest.clean import clean
    from sitrep.pipeline import retype_all

    texts = [UNTRIGGERED, "Hundreds of teachers marched through Lilongwe on Monday, demanding better pay.",
             "The prime minister opened a new bridge in the capital on Monday."]
    articles = [clean(RawDocument(t, f"t{i}", None, date(2024, 5, 10), None, None)) for i, t in enumerate(texts)]
    together = retype_all(extract_articles(articles, nlp), Options(typing="learnt"), articles)
    alone = [events_of(nlp, t, "learnt") for t in texts]
    assert [[(e.sub_event_type, e.location) for e in events] for events in together] == \
           [[(e.sub_event_type, e.location) for e in events] for events in alone]


# a claim of responsibility on its own is outside ACLED's scope; the rules' trigger ("bomb attack") types it
CLAIM = ("The Islamic State group claimed responsibility on Tuesday for a bomb attack on a market in the city, "
         "in a statement on its news agency.")


def test_in_a_short_report_it_takes_away_an_acled_type_it_is_sure_does_not_fit(nlp):
    assert [e.sub_event_type for e in events_of(nlp, CLAIM, "rules")] == ["Remote explosive/landmine/IED"]
    [event] = events_of(nlp, CLAIM, "learnt")
    assert (event.event_type, event.sub_event_type) == (None, None)
    assert event.plover_type is not None  # the event stays, with its PLOVER type
    typing = event.evidence[0]["typing"]
    assert typing["sub_event_type"] == "(none)" and typing["rules"] == "Remote explosive/landmine/IED"
    assert typing["probability"] >= 0.6
    # what is in scope keeps its type
    ambush = "Rebels ambushed an army convoy near the town on Monday, killing six soldiers."
    assert [e.sub_event_type for e in events_of(nlp, ambush, "learnt")] == ["Armed clash"]


def test_in_a_long_article_the_rules_keep_their_acled_types(nlp):
    filler = " ".join(["The ministry published its annual budget figures on Monday."] * 30)
    text = CLAIM + "\n\n" + filler
    assert len(text) > 1500
    typed = [e.sub_event_type for e in events_of(nlp, text, "learnt") if e.sub_event_type]
    assert typed == ["Remote explosive/landmine/IED"]
