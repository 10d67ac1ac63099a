"""Three Guardian articles end to end; expectations written from their text (rows of the shared corpus)."""
import pytest

from conftest import find, guardian_article


@pytest.fixture(scope="module")
def events_of(nlp):
    from sitrep.extract.events import extract_article

    cache = {}

    def run(row):
        if row not in cache:
            cache[row] = [e.to_dict() for e in extract_article(guardian_article(row), nlp)]
        return cache[row]
    return run


def test_manbij_ied_2018_03_29(events_of):
    # "killed by a roadside improvised explosive device ... during an operation in Manbij, northern Syria on Thursday"
    # (published Saturday 31 March 2018); "Five others were wounded in the attack."
    events = events_of(138)
    [ied] = find(events, sub_event_type="Remote explosive/landmine/IED")
    assert (ied["location"], ied["country"], ied["admin1"]) == ("Manbij", "SYR", "Aleppo")
    assert ied["event_date"] == "2018-03-29"
    assert {"kind": "injured", "value": 5.0, "unit": None, "text": "Five"} in ied["quantities"]
    assert not find(events, event_type="Violence against civilians")  # soldiers, not civilians


def test_afrin_offensive_2018_01_20(events_of):
    # "Up to 24 civilians have been killed and an estimated 5,000 displaced in the first three days of Turkey’s
    # offensive ... Turkey launched the assault on Saturday, aiming to force ... out of Afrin." (published Tue 23 Jan 2018)
    events = events_of(182)
    offensive = find(events, event_type="Battles", location="Afrin")
    assert offensive and offensive[0]["actor1"] == "Military Forces of Turkey"
    assert offensive[0]["event_date"] == "2018-01-20"
    assert offensive[0]["fatalities"] == 24
    assert any(q["kind"] == "displaced" and q["value"] == 5000 for e in events for q in e["quantities"])


def test_raqqa_deal_and_mayadeen_2017_10_14(events_of):
    # "Omar Alloush, a senior official of the Raqqa Civil Council, told Agence France-Presse a deal had been reached
    # to allow fighters out of the city" ... "Opposition from militants in Mayadeen collapsed on Saturday" ...
    # "the Syrian Observatory for Human Rights said government troops ... had taken control of the town"
    events = events_of(224)
    [deal] = find(events, sub_event_type="Agreement")
    assert deal["location"] == "Raqqa"
    assert any("Raqqa Civil Council" in c["claimant"] and c["via"] == "AFP" for c in deal["claims"])
    [taken] = find(events, sub_event_type="Government regains territory")
    assert taken["actor1"] == "Military Forces of Syria"
    assert taken["location"].replace("ā", "a").replace("ī", "i").lower() in ("al mayadin", "mayadeen")
    assert taken["event_date"] == "2017-10-14"
    assert "Syrian Observatory for Human Rights" in {c["claimant"] for c in taken["claims"]}
