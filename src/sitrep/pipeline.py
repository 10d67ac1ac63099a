"""The whole extraction for a batch: paths in, (article, events) pairs and errors out.

Ties the stages together for the command line and the store: read → clean →
extract → merge within the article. Errors with one input are yielded as
`SitrepError`s so a batch goes on.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterator

from .errors import SitrepError
from .extract.events import extract_article, extract_articles
from .ingest.clean import MAX_ARTICLE_CHARS, clean
from .ingest.readers import read_documents
from .model import Article, Event, RawDocument


@dataclass
class Options:
    selective: bool = True
    max_chars: int = MAX_ARTICLE_CHARS
    max_events: int = 500
    model: str | None = None
    typing: str = "rules"  # or "learnt": the classifier of extract/learnt.py re-decides confident ACLED types


def retype(events: list[Event], options: Options, article: Article | None = None) -> list[Event]:
    """The typing stage after extraction: nothing for "rules"; for "learnt", the classifier re-decides confident
    ACLED types and (given the article) may add the one event of a short report in which the rules found none."""
    if options.typing == "learnt":
        retype_all([events], options, [article] if article is not None else None)
    return events


def retype_all(event_lists: list[list[Event]], options: Options, articles: list[Article] | None = None) -> list[list[Event]]:
    """The typing stage over a batch of articles at once (the learnt classifier embeds their sentences together,
    which is several times faster than article by article); the same events as `retype` gives each."""
    if options.typing != "learnt":
        return event_lists
    from .extract.learnt import is_short_report, retype as learnt_retype, suggest
    from .resolve.within import note_for

    short = [is_short_report(a) for a in articles] if articles is not None else [False] * len(event_lists)
    flags = [flag for events, flag in zip(event_lists, short) for _ in events]
    for event in learnt_retype([event for events in event_lists for event in events], flags):
        event.notes = note_for(event)
    if articles is not None:
        suggest(list(zip(articles, event_lists)))
    return event_lists


def process_document(document: RawDocument, options: Options, nlp=None) -> tuple[Article, list[Event]]:
    article = clean(document, options.max_chars)
    try:
        events = extract_article(article, nlp, selective=options.selective, max_events=options.max_events)
    except RecursionError:
        raise SitrepError("text too deeply nested to parse", document.origin) from None
    return article, retype(events, options, article)


def process_paths(paths: list[str], defaults: dict, options: Options, nlp=None) -> Iterator[tuple[Article, list[Event]] | SitrepError]:
    for item in read_documents(paths, defaults):
        if isinstance(item, SitrepError):
            yield item
            continue
        try:
            yield process_document(item, options, nlp)
        except SitrepError as exc:
            yield exc


_WORKER_NLP = None


def _extract_batch(articles: list[Article], options: Options) -> list[tuple[Article, list[Event]] | SitrepError]:
    """Run in a worker process (local or Dask): extract a batch, the model loaded once per process."""
    global _WORKER_NLP
    from .nlp.pipeline import load_model

    if _WORKER_NLP is None:
        _WORKER_NLP = load_model()
    try:
        results = extract_articles(articles, _WORKER_NLP, selective=options.selective, max_events=options.max_events)
        return list(zip(articles, retype_all(results, options, articles)))
    except (SitrepError, RecursionError):
        pass  # one bad article in the batch: redo it one by one so the others go through
    out = []
    for article in articles:
        try:
            out.append((article, retype(extract_article(article, _WORKER_NLP, selective=options.selective,
                                                        max_events=options.max_events), options, article)))
        except SitrepError as exc:
            out.append(exc)
        except RecursionError:
            out.append(SitrepError("text too deeply nested to parse", article.origin))
    return out


def _batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def extract_many(articles: list[Article], options: Options, workers: int = 1, scheduler: str | None = None,
                 batch_size: int = 32) -> Iterator[tuple[Article, list[Event]] | SitrepError]:
    """Events of many articles, in input order, from one process, local worker processes, or a Dask cluster."""
    batches = _batches(articles, batch_size)
    if scheduler:
        from distributed import Client

        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise SitrepError(f"cannot reach the Dask scheduler: {exc}", scheduler) from None
        try:
            futures = client.map(_extract_batch, batches, options=options, pure=False)
            for future in futures:  # in input order, so the store sees what one process would give it
                yield from future.result()
        finally:
            client.close()
        return
    if workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("spawn" if os.environ.get("SITREP_SPAWN") else "fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for batch in pool.map(_extract_batch, batches, [options] * len(batches)):
                yield from batch
        return
    for batch in batches:
        yield from _extract_batch(batch, options)
