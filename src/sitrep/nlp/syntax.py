"""Small questions asked of the spaCy parse: a token or char span in, the syntactic head that matters out."""
from __future__ import annotations


def governing_verb(token):
    """The verb a word belongs to: itself if a verb, else the verb its phrase hangs from (at most six steps up)."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT":
            return current
        current = current.head
    return current


def root_of(doc, start: int, end: int):
    """The syntactic head of the characters start..end of a parsed sentence, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None
