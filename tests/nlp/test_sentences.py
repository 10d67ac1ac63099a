"""The cheap sentence splitter: where a report's sentences end."""
from sitrep.nlp.pipeline import split_text


def sentences(text):
    return [text[start:end] for start, end in split_text(text)]


def test_a_lost_space_after_a_full_stop_still_ends_the_sentence():
    # world dev 605 (AFP copy as reposted): "... residents said.The Amhara regional ..."
    text = "Lalibela was rocked Wednesday by fierce fighting, residents said.The Amhara group appeared to have overrun it."
    assert sentences(text) == ["Lalibela was rocked Wednesday by fierce fighting, residents said.",
                               "The Amhara group appeared to have overrun it."]


def test_abbreviations_and_addresses_do_not_end_sentences():
    assert sentences("He said the U.S.Army was there. Visit www.bbc.com today.") == [
        "He said the U.S.Army was there.", "Visit www.bbc.com today."]
    assert sentences("Gen. Smith met Mr. Jones in St. Petersburg.") == ["Gen. Smith met Mr. Jones in St. Petersburg."]
