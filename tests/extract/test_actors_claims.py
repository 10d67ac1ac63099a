"""Actors and claims, read from the parse of sentences of the Aleppo report and Guardian articles."""
from sitrep.extract.actors import assign_roles, find_mentions
from sitrep.extract.claims import find_claims, unverified


def roles(nlp, sentence, trigger_word, country="Syria", trigger_text=None):
    doc = nlp(sentence)
    claims = find_claims(doc, None)
    masked = [c.speaker_span for c in claims]
    mentions = find_mentions(sentence, country, masked)
    trigger = next(t for t in doc if t.text == trigger_word)
    return assign_roles(doc, trigger, mentions, trigger_text or trigger_word)


def claims_of(nlp, sentence, last=None):
    return [(c.claimant, c.via, c.stance) for c in find_claims(nlp(sentence), last)]


def test_actor_names_are_normalized():
    names = [m.name for m in find_mentions("The army and its allies tried to advance on two fronts", "Syria")]
    assert names == ["Military Forces of Syria"]
    names = [m.name for m in find_mentions("Turkish-backed rebels closed in on the ISIS-held city of al-Bab", "Syria")]
    assert names == ["Rebel forces"]  # "ISIS-held" and "Turkish-backed" are modifiers, read separately
    names = [m.name for m in find_mentions("The UN General Assembly voted 122 to 13", "Syria")]
    assert names == ["United Nations General Assembly"]


def test_aleppo_roles(nlp):
    r = roles(nlp, "The Syrian army pressed an offensive in Aleppo on Friday with ground fighting and air strikes.", "offensive")
    assert r["actor1"] == "Military Forces of Syria"
    r = roles(nlp, "The UN human rights office said hundreds of men from eastern Aleppo were missing after leaving "
                   "rebel-held areas, voicing deep concern over their fate at the hands of government forces.", "missing",
              trigger_text="were missing")
    assert (r["actor1"], r["actor2"]) == ("Military Forces of Syria", "Civilians")


def test_guardian_roles(nlp):
    # Guardian 2018-01-23
    r = roles(nlp, "Turkey launched the assault on Saturday, aiming to force the Syrian Kurdish Democratic Union party (PYD) "
                   "out of Afrin.", "assault")
    assert r["actor1"] == "Government of Turkey"  # becomes "Military Forces of Turkey" on a violent event (events module)


def test_aleppo_claims(nlp):
    assert ("Syrian military source", "Reuters", "asserts") in claims_of(
        nlp, "“The advance is going according to plan and is sometimes faster than expected,” a Syrian military source told Reuters.")
    assert claims_of(nlp, "Russia’s foreign minister Sergei Lavrov said the Syrian army had suspended military activity to let "
                          "civilians leave rebel-held areas, RIA news agency reported.") == [("Russian foreign ministry", "RIA", "asserts")]
    assert ("Russian defence ministry", None, "asserts") in claims_of(
        nlp, "Russian defence ministry official Sergei Rudskoi said on Friday up to 10,500 Syrian citizens had fled parts of east Aleppo.")
    assert claims_of(nlp, "The government has dismissed reports of mass arrests, torture and extrajudicial killings by its forces "
                          "as fabrications.") == [("Government of Syria", None, "denies")]
    # "he said" is the last named speaker
    assert claims_of(nlp, "The Syrian army and its allies had recaptured 32 of east Aleppo‘s 40 neighbourhoods, he said.",
                     ("Syrian military source", "Reuters")) == [("Syrian military source", "Reuters", "asserts")]


def test_guardian_claims(nlp):
    # Guardian 2017-10-14
    found = claims_of(nlp, "Omar Alloush, a senior official of the Raqqa Civil Council, told Agence France-Presse a deal had been "
                           "reached to allow fighters out of the city.")
    assert len(found) == 1 and "Raqqa Civil Council" in found[0][0] and found[0][1] == "AFP"
    found = claims_of(nlp, "Rami Abdurrahman, the head of the Britain-based Syrian Observatory for Human Rights said government "
                           "troops backed by Shia militias had taken control of the town.")
    assert found == [("Syrian Observatory for Human Rights", None, "asserts")]


def test_verification_cue():
    assert unverified("This could not be independently verified.")
    assert not unverified("Reuters journalists, rebels and a monitor confirmed the military thrust.")


def test_an_event_noun_is_no_speaker(nlp):
    # world dev 1166: spaCy parses "strike" as the subject of "said", with "killed" hanging from it
    from sitrep.extract.claims import find_claims
    doc = nlp("A Turkish drone strike killed at least four members of the Kurdistan Workers´ Party (PKK) in northern Iraq "
              "on Sunday, authorities in the autonomous Kurdistan region said.")
    assert all("strike" not in (c.claimant or "").lower() for c in find_claims(doc, None))
