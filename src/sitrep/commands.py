"""Subcommands beyond `extract`: ingest, events, export, stats (the store), evaluate, serve."""
from __future__ import annotations

import json
import sys
import time

from .errors import SitrepError
from .formats import FORMATS, write


def _db_option(parser) -> None:
    parser.add_argument("--db", metavar="DB", help="store file (default: $SITREP_DB or ./sitrep.duckdb)")


def register(sub) -> None:
    from .cli import _date_arg, add_input_options

    ingest = sub.add_parser("ingest", help="add articles to the store, extract, deduplicate across articles",
                            description="Add articles to the store: each is cleaned, identified by its content hash "
                                        "(so ingesting it again adds nothing), extracted, and its events merged with "
                                        "stored reports of the same events. Each article is written in one transaction; "
                                        "an interrupted ingest resumes where it stopped.")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, globs, CSV or JSON Lines; '-' for standard input")
    _db_option(ingest)
    add_input_options(ingest)
    ingest.add_argument("--workers", type=int, default=1, metavar="N", help="extract in N local processes (default 1)")
    ingest.add_argument("--scheduler", metavar="ADDRESS", help="extract on a Dask distributed cluster (e.g. tcp://10.0.0.5:8786)")
    ingest.set_defaults(func=cmd_ingest)

    events = sub.add_parser("events", help="query the store", description="Print stored events matching the filters.")
    _db_option(events)
    _filter_options(events, _date_arg)
    events.add_argument("--format", choices=FORMATS, default="table", help="output format (default table)")
    events.add_argument("--limit", type=int, metavar="N", help="at most N events")
    events.set_defaults(func=cmd_events)

    export = sub.add_parser("export", help="write the store's events as ACLED-style CSV, GeoJSON or Parquet",
                            description="Export stored events (filters as for `sitrep events`).")
    _db_option(export)
    _filter_options(export, _date_arg)
    export.add_argument("--format", choices=("csv", "geojson", "parquet", "jsonl"), default="csv")
    export.add_argument("-o", "--output", metavar="FILE", help="output file (required for parquet; default standard output)")
    export.set_defaults(func=cmd_export)

    stats = sub.add_parser("stats", help="events by type, month, admin1; top actors")
    _db_option(stats)
    stats.add_argument("--format", choices=("table", "json"), default="table")
    stats.set_defaults(func=cmd_stats)

    from .evaluate import register as register_evaluate

    register_evaluate(sub)
    try:
        from .api.cli import register as register_serve
    except ImportError:  # the HTTP server's command lives with the API
        register_serve = None
    if register_serve is not None:
        register_serve(sub)


def _filter_options(parser, date_arg) -> None:
    parser.add_argument("--country", metavar="ISO3", help="ISO 3166 alpha-3 code, e.g. SYR")
    parser.add_argument("--since", type=date_arg, metavar="YYYY-MM-DD")
    parser.add_argument("--until", type=date_arg, metavar="YYYY-MM-DD")
    parser.add_argument("--type", dest="event_type", metavar="TYPE", help="ACLED event or sub-event type, or PLOVER type")
    parser.add_argument("--actor", metavar="NAME", help="part of an actor name, e.g. 'Islamic State'")
    parser.add_argument("--verification", choices=("confirmed", "reported", "unverified", "disputed", "denied"))


def _filters(args) -> dict:
    return {"country": args.country, "since": args.since, "until": args.until, "event_type": args.event_type,
            "actor": args.actor, "verification": args.verification}


def cmd_ingest(args) -> int:
    from .cli import _error, _note, options_from
    from .ingest.clean import clean
    from .ingest.readers import read_documents
    from .pipeline import extract_many
    from .store.duckdb_store import Store

    store = Store(args.db)
    options = options_from(args)
    known = store.known_articles()
    articles, seen, failed, skipped = [], set(), 0, 0
    for item in read_documents(args.paths, {"published": args.published, "source": args.source}):
        if isinstance(item, SitrepError):
            failed += 1
            _error(str(item))
            continue
        try:
            article = clean(item, options.max_chars)
        except SitrepError as exc:
            failed += 1
            _error(str(exc))
            continue
        if article.article_id in known or article.article_id in seen:
            skipped += 1
            continue
        seen.add(article.article_id)
        articles.append(article)
    before_articles, before_events = store.counts()
    if skipped:
        _note(f"{skipped} articles already in the store (or repeated in the input): skipped")
    stored = merged = 0
    started = time.perf_counter()
    with _progress(len(articles)) as advance:
        for item in extract_many(articles, options, workers=args.workers, scheduler=args.scheduler):
            if isinstance(item, SitrepError):
                failed += 1
                _error(str(item))
                advance(0)
                continue
            article, events = item
            for warning in article.warnings:
                _note(f"{article.origin}: {warning}")
            try:
                new, joined = store.add_article(article, events)
            except SitrepError as exc:
                failed += 1
                _error(str(exc))
                advance(0)
                continue
            stored += 1
            merged += joined
            advance(new)
    after_articles, after_events = store.counts()
    elapsed = time.perf_counter() - started
    rate = f", {stored / elapsed:.1f} articles/s" if stored and elapsed > 0 else ""
    print(f"added {after_articles - before_articles} articles and {after_events - before_events} events "
          f"({merged} reports merged into known events) to {store.path}{rate}", file=sys.stderr)
    store.close()
    if stored == 0 and failed and not skipped:
        _error("no input could be processed")
        return 1
    return 0


class _progress:
    """A rich progress bar (articles, events, rate, ETA) on a terminal, silent otherwise."""

    def __init__(self, total: int):
        self.total, self.events, self.bar = total, 0, None

    def __enter__(self):
        if sys.stderr.isatty() and self.total:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn
            from rich.text import Text

            class RateColumn(ProgressColumn):
                def render(self, task):
                    return Text(f"{task.speed or 0:.1f} articles/s")

            self.bar = Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                                TextColumn("{task.fields[events]} events"), RateColumn(), TextColumn("ETA"),
                                TimeRemainingColumn(), transient=False)
            self.bar.start()
            self.task = self.bar.add_task("ingest", total=self.total, events=0)
        return self.advance

    def advance(self, new_events: int) -> None:
        self.events += new_events
        if self.bar is not None:
            self.bar.update(self.task, advance=1, events=self.events)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


def cmd_events(args) -> int:
    from .store.duckdb_store import Store

    store = Store(args.db, read_only=True)
    write(store.events(**_filters(args), limit=args.limit), args.format, sys.stdout)
    return 0


def cmd_export(args) -> int:
    from .store.duckdb_store import Store

    store = Store(args.db, read_only=True)
    if args.format == "parquet":
        if not args.output:
            raise SitrepError("--output FILE is needed for parquet")
        store.export_parquet(args.output)
        return 0
    events = store.events(**_filters(args))
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as handle:
            write(events, args.format, handle)
    else:
        write(events, args.format, sys.stdout)
    return 0


def cmd_stats(args) -> int:
    from .store.duckdb_store import Store

    stats = Store(args.db, read_only=True).stats()
    if args.format == "json":
        print(json.dumps(stats, indent=2))
        return 0
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"{stats['articles']} articles, {stats['events']} events")
    for key, title in (("by_type", "events by type"), ("by_month", "events by month"), ("by_admin1", "events by admin1"),
                       ("top_actors", "top actors")):
        table = Table(title=title, title_justify="left")
        table.add_column(title.split()[-1])
        table.add_column("events", justify="right")
        for name, count in stats[key]:
            table.add_row(str(name), str(count))
        console.print(table)
    return 0
