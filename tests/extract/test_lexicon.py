"""Lexicon matching: the word-beginning shortcut finds exactly what trying every entry finds."""
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.extract.lexicon import Entry, Lexicon, beginnings, load


def test_beginnings_of_patterns():
    assert beginnings("clash(?:es|ed)?") == {"clas"}
    assert beginnings("(?:ground |heavy )?fighting") == {"grou", "heav", "figh"}
    assert beginnings("air ?strikes?") == {"air ", "airs"}
    assert beginnings(r"\w+ tour") is None  # any word can begin it
    assert beginnings("us") == {"us"}  # a match shorter than four letters

def _brute(lexicon, text):
    every = Lexicon(lexicon.name, tuple(Entry(e.row, e.regex, None) for e in lexicon.entries), lexicon.combined)
    return every.find(text)

def test_same_matches_as_every_entry():
    lexicon = load("event_triggers.tsv")
    for text in ("Turkish warplanes bombed Afrin and clashes broke out; Russia's air strikes went on.",
                 "US-backed fighters retook Baghuz, the SDF said. Protesters rallied in İstanbul.",
                 "No event here at all.", ""):
        assert lexicon.find(text) == _brute(lexicon, text)

WORDS = ["air", "strike", "strikes", "clash", "clashes", "shelled", "protest", "fighting", "ground", "the", "US",
         "talks", "İ", "Kilis", "bombed", "suicide", "bomber", "-", ",", "“", "withdrawal", "of", "troops"]

@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12), st.sampled_from([" ", "", "-"]))
def test_same_matches_on_generated_text(words, glue):
    text = glue.join(words)
    for name in ("event_triggers.tsv", "actors.tsv"):
        lexicon = load(name)
        assert lexicon.find(text) == _brute(lexicon, text)
        assert lexicon.matches_any(text) == bool(lexicon.combined.search(text))
