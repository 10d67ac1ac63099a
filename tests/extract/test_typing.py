"""ACLED sub-event typing and its precedence (data/typing_rules.tsv), on sentences written for the test."""
import pytest

from sitrep.extract.events import extract_article
from sitrep.ingest.clean import clean
from sitrep.model import RawDocument
from datetime import date


def types_of(nlp, text):
    article = clean(RawDocument(text, "test", published=date(2020, 3, 4)))
    return [(e.event_type, e.sub_event_type, e.triggers) for e in extract_article(article, nlp)]


@pytest.mark.parametrize("text,sub_event_type,cue", [
    ("A suicide bomber blew himself up at a crowded market in Maiduguri on Tuesday, killing 12 people.", "Suicide bomb", "suicide bomber"),
    ("Police fired tear gas to disperse hundreds of protesters in Nairobi on Tuesday.", "Protest with intervention", "tear gas"),
    ("Security forces opened fire on protesters in Yangon on Tuesday, killing at least five people.",
     "Excessive force against protesters", "opened fire on protesters"),
    ("Rioters torched a police station in Jos on Tuesday after a protest turned violent.", "Violent demonstration", None),
    ("A mob lynched a man accused of theft in a village near Lilongwe on Tuesday.", "Mob violence", None),
    ("Soldiers found a weapons cache containing rifles and explosives near Tumaco on Tuesday.", "Disrupted weapons use", None),
    ("Houthi rebels fired a missile at a military camp in Marib on Tuesday.", "Shelling/artillery/missile attack", None),
])
def test_sub_event_type_and_its_cue(nlp, text, sub_event_type, cue):
    found = types_of(nlp, text)
    assert found and found[0][1] == sub_event_type, found
    if cue:
        assert any(cue in t for t in found[0][2])  # the words that decided the type are kept


@pytest.mark.parametrize("text", [
    "Floods and landslides killed 20 people in Kerala on Tuesday, officials said.",
    "The roof of a five-storey building collapsed on Tuesday in Dhaka, killing seven people.",
    "The foreign ministry summoned the ambassador on Tuesday and handed him a letter of protest.",
    "Armed robbers killed a shopkeeper during a robbery in Lagos on Tuesday.",
])
def test_out_of_scope_gets_no_acled_type(nlp, text):
    assert all(event_type is None for event_type, _, _ in types_of(nlp, text))
