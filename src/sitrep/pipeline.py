"""The whole extraction for a batch: paths in, (article, events) pairs and errors out.

Ties the stages together for the command line and the store: read → clean →
extract → merge within the article. Errors with one input are yielded as
`SitrepError`s so a batch goes on.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from .errors import SitrepError
from .extract.events import extract_article
from .ingest.clean import MAX_ARTICLE_CHARS, clean
from .ingest.readers import read_documents
from .model import Article, Event, RawDocument


@dataclass
class Options:
    selective: bool = True
    max_chars: int = MAX_ARTICLE_CHARS
    max_events: int = 500
    model: str | None = None


def process_document(document: RawDocument, options: Options, nlp=None) -> tuple[Article, list[Event]]:
    article = clean(document, options.max_chars)
    try:
        events = extract_article(article, nlp, selective=options.selective, max_events=options.max_events)
    except RecursionError:
        raise SitrepError("text too deeply nested to parse", document.origin) from None
    return article, events


def process_paths(paths: list[str], defaults: dict, options: Options, nlp=None) -> Iterator[tuple[Article, list[Event]] | SitrepError]:
    for item in read_documents(paths, defaults):
        if isinstance(item, SitrepError):
            yield item
            continue
        try:
            yield process_document(item, options, nlp)
        except SitrepError as exc:
            yield exc
