"""The attribute ruler by dictionary lookups gives exactly the tokens spaCy's own AttributeRuler gives."""
from conftest import ALEPPO, guardian_article

from sitrep.nlp.pipeline import parse, split_sentences


def _tokens(docs):
    return [[(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc] for doc in docs]


def test_same_tokens_as_spacy(nlp, aleppo_article):
    texts = [s.text for s in split_sentences(aleppo_article)]
    texts += [s.text for row in (138, 182, 224) for s in split_sentences(guardian_article(row))]
    texts += ["Y'all gonna see it.", "Let's go, c'mon.", "It ain't over; I gotta go.", "There were clashes.", "But he left. "]
    assert len(texts) > 100
    assert _tokens(parse(nlp, texts)) == _tokens(nlp.pipe(texts))
