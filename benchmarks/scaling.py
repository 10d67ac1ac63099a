"""Scale-out on Dask: articles/s of `sitrep ingest`'s extraction on 1 and 2 workers of a LocalCluster.

    python benchmarks/scaling.py CORPUS.csv [--limit N]

Starts a Dask `LocalCluster` (one thread per worker process), runs the same
extraction `sitrep ingest --scheduler` runs (batches of articles mapped to the
workers, results gathered in input order), and prints articles/s for 1 and 2
workers and a linear extrapolation to N workers from the measured per-worker
rate and the measured 1→2 efficiency.
"""
from __future__ import annotations

import argparse
import math
import time

from throughput import load_articles


def measure(articles, workers: int) -> float:
    from distributed import Client, LocalCluster

    from sitrep.pipeline import Options, _batches, _extract_batch

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        client.run(_warm)  # load the model in every worker before timing
        started = time.perf_counter()
        futures = client.map(_extract_batch, _batches(articles, 16), options=Options(), pure=False)
        done = sum(len(f.result()) for f in futures)
        elapsed = time.perf_counter() - started
    assert done == len(articles)
    return len(articles) / elapsed


def _warm():
    from sitrep.nlp.pipeline import load_model

    load_model()
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    articles = load_articles(args.corpus, args.limit)
    one = measure(articles, 1)
    two = measure(articles, 2)
    efficiency = two / (2 * one)
    print(f"{len(articles)} articles")
    print(f"1 worker: {one:.1f} articles/s")
    print(f"2 workers: {two:.1f} articles/s (efficiency {efficiency:.0%})")
    for n in (8, 32, 128):
        print(f"extrapolated {n} workers: {one * n * efficiency:.0f} articles/s = {one * n * efficiency * 86400 / 1e6:.1f} M articles/day")
    needed = math.ceil(2_000_000 / 86400 / (one * efficiency))
    print(f"2 M articles/day (23.1 articles/s) needs {needed} worker cores at the measured rate")


if __name__ == "__main__":
    main()
