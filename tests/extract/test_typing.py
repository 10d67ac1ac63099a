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


@pytest.mark.parametrize("text,sub_event_type", [
    # territory changing hands outranks the weapon and the attack verb; who takes it decides the sub-type
    ("Militants attacked and seized control of an army base in the town of Gao on Tuesday.", "Non-state actor overtakes territory"),
    ("The town of Kidal was captured on Tuesday by jihadists after a night of fighting.", "Non-state actor overtakes territory"),
    ("The army retook the town of Gao from rebels on Tuesday after heavy fighting.", "Government regains territory"),
    # weapons named by what they do, not by a fixed phrase
    ("A military jet dropped two bombs on a market in Kutkai on Tuesday, killing nine people.", "Air/drone strike"),
    ("Three soldiers were killed when their truck hit a landmine near Gao on Tuesday.", "Remote explosive/landmine/IED"),
    ("Five policemen were killed in a roadside bombing in Kunduz on Tuesday.", "Remote explosive/landmine/IED"),
    ("A rocket filled with a toxic substance was fired at an army post near Mosul on Tuesday.", "Chemical weapon"),
    # violence against civilians described by how they were killed
    ("Four farmers were beheaded in a village near Mocimboa da Praia on Tuesday.", "Attack"),
    # protests: who is violent, and what the police did
    ("Riot police used water cannon to disperse a rally in Tbilisi on Tuesday.", "Protest with intervention"),
    ("Opposition supporters clashed with police and set fire to cars in Jakarta on Tuesday.", "Violent demonstration"),
    ("Police arrested 40 protesters outside the governor's office in Kano on Tuesday.", "Protest with intervention"),
    ("Hundreds of nurses took to the streets of Harare on Tuesday to demand better pay.", "Peaceful protest"),
    # strategic developments
    ("The two sides carried out a swap of prisoners in Aden on Tuesday.", "Agreement"),
    ("Two rebel commanders said on Tuesday they had split from their leader in Juba.", "Change to group/activity"),
])
def test_generalised_cues(nlp, text, sub_event_type):
    found = types_of(nlp, text)
    assert found and found[0][1] == sub_event_type, found


@pytest.mark.parametrize("text", [
    "Raging floodwaters swept through 40 villages in Assam on Tuesday. At least 12 people were killed.",
    "An explosion ripped through a fireworks factory in Hebei on Tuesday, killing 20 workers.",
    "Police arrested two men with 5 kilogrammes of cocaine at the port of Lagos on Tuesday.",
    "The group claimed responsibility on Tuesday for Sunday's bombings in Colombo.",
    "The foreign ministry voiced its ‘strong protest’ on Tuesday against the remarks.",
])
def test_more_out_of_scope(nlp, text):
    assert all(event_type is None for event_type, _, _ in types_of(nlp, text))


def test_a_claim_that_first_tells_the_attack_keeps_its_type(nlp):
    text = "The group claimed responsibility for a suicide attack on a funeral in Baqubah on Tuesday that killed 16 people."
    assert types_of(nlp, text)[0][1] == "Suicide bomb"


def test_territory_subtype_by_actor_class():
    from sitrep.extract.typing import actor_kind, territory_subtype

    assert territory_subtype("rebel") == "Non-state actor overtakes territory"
    assert territory_subtype("state") == "Government regains territory"
    assert territory_subtype(None, "rebel") == "Government regains territory"  # taken from rebels
    assert territory_subtype(None, "state") == "Non-state actor overtakes territory"  # taken from the army
    assert actor_kind("Military Forces of Mali", {}) == "state"


@pytest.mark.parametrize("text,sub_event_type", [
    ("Two soldiers were killed when their patrol stepped on an anti-personnel mine near Tibu on Tuesday.", "Remote explosive/landmine/IED"),
    ("Army and rebel units exchanged fire for several hours near Kidal on Tuesday.", "Armed clash"),
    ("Dozens of women were sexually assaulted by militiamen in the village of Bule on Tuesday.", "Sexual violence"),
    ("The rebels relocated their fighters to the Rwenzori mountains on Tuesday.", "Change to group/activity"),
    ("An army colonel seized control of state television on Tuesday and declared that the government had been dissolved.", "Other"),
])
def test_third_batch_cues(nlp, text, sub_event_type):
    found = types_of(nlp, text)
    assert found and found[0][1] == sub_event_type, found


@pytest.mark.parametrize("text", [
    "The foreign ministry summoned the chargés d'affaires on Tuesday and expressed the strongest protest over the incident.",
    "A court in Dhaka sentenced seven militants to death on Tuesday for an attack that killed 20 people in 2016.",
    "Police on Tuesday outlawed mass demonstrations planned by the opposition in Nairobi.",
])
def test_third_batch_out_of_scope(nlp, text):
    assert all(event_type is None for event_type, _, _ in types_of(nlp, text))


def test_a_protest_held_despite_a_ban_keeps_its_type(nlp):
    found = types_of(nlp, "Thousands of protesters marched in Nairobi on Tuesday despite a police ban on demonstrations.")
    assert found and found[0][0] == "Protests", found


def test_actor_class_from_the_name():
    from sitrep.extract.typing import actor_kind
    assert actor_kind("Rebel forces", {}) == "rebel"
    assert actor_kind("Unidentified Militants", {}) == "rebel"
    assert actor_kind("Military Forces of Mali", {}) == "state"
    assert actor_kind("Civilians", {}) is None
