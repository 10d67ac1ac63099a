"""Figures: reporters' numbers parsed, typed, and war-wide totals kept apart."""
from sitrep.extract.figures import find_quantities, is_context_figure


def kinds(sentence):
    return [(q.kind, q.value) for q in find_quantities(sentence)]


def test_aleppo_figures():
    assert kinds("The Syrian army and its allies had recaptured 32 of east Aleppo‘s 40 neighbourhoods, about 85% of the area, he said.") \
        == [("territory_units", 32), ("territory_share", 85)]
    assert kinds("up to 10,500 Syrian citizens had fled parts of east Aleppo") == [("displaced", 10500)]
    assert kinds("The UN General Assembly voted 122 to 13 on Friday") == [("votes_for", 122), ("votes_against", 13)]
    assert kinds("Reuters journalists counted the sound of nine air strikes in about half an hour.") == [("strikes", 9)]
    assert kinds("hundreds of men from eastern Aleppo were missing after leaving rebel-held areas") == [("missing", 100)]


def test_aleppo_context_figures():
    sentence = "The war has killed more than 300,000 people and made more than half of Syrians homeless."
    [total] = find_quantities(sentence)
    assert (total.kind, total.value) == ("killed", 300000) and is_context_figure(sentence, total)
    sentence = "The UN estimates about 100,000 people are now squeezed into an “ever shrinking” rebel-held pocket of Aleppo."
    [population] = find_quantities(sentence)
    assert population.value == 100000 and is_context_figure(sentence, population)


def test_guardian_figures():
    # Guardian 2018-01-23
    assert kinds("Up to 24 civilians have been killed and an estimated 5,000 displaced in the first three days of Turkey’s offensive") \
        == [("killed", 24), ("displaced", 5000)]
    assert kinds("Turkish officials on Tuesday said two of its soldiers had been killed.") == [("killed", 2)]
    # Guardian 2018-03-31
    assert kinds("Five others were wounded in the attack.") == [("injured", 5)]


def test_ages_and_years_are_not_figures():
    assert kinds("Maher Tashtash, aged nine, said the bombardment had been frightening") == []
    assert kinds("The rebels have controlled the eastern section since 2012") == []
