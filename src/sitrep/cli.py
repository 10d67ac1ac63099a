"""The `sitrep` command line: arguments in, events (or errors, one line each) out.

Subcommands follow SPEC.md: extract, ingest, events, export, stats,
evaluate, serve. A bad input prints one line naming the file and the
problem; the batch goes on; the exit status is non-zero only when nothing
could be processed.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from . import __version__
from .errors import SitrepError
from .formats import FORMATS, write
from .model import TYPINGS
from .workers import one_blas_thread_per_process

EXAMPLES = """examples:
  sitrep extract report.txt --published 2016-12-09 --format table
  sitrep extract corpus.csv --format csv > events.csv      # CSV with text,date columns
  curl -s URL | sitrep extract - --published 2019-03-22     # HTML from standard input
"""


def _date_arg(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"cannot parse date {value!r} (expected YYYY-MM-DD)") from None


def _error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr, flush=True)


def _note(message: str) -> None:
    print(f"note: {message}", file=sys.stderr, flush=True)


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--published", type=_date_arg, metavar="YYYY-MM-DD",
                        help="publication date for inputs that carry none (relative dates such as 'on Friday' resolve against it)")
    parser.add_argument("--source", metavar="NAME", help="outlet name for inputs that carry none (e.g. Reuters)")
    parser.add_argument("--parse-all", action="store_true",
                        help="parse every sentence, not only those with an event trigger (slower; same events expected)")
    parser.add_argument("--max-chars", type=int, default=2_000_000, metavar="N", help="refuse articles longer than N characters (default 2,000,000)")
    parser.add_argument("--max-events", type=int, default=500, metavar="N", help="stop after N events in one article (default 500)")
    parser.add_argument("--typing", choices=TYPINGS, default="rules",
                        help="how ACLED types are decided: 'rules' (data/typing_rules.tsv, fast) or 'learnt' (the rules, "
                             "then a sentence-embedding classifier trained on the gold sets re-decides the types it is "
                             "confident of, and gives a short report in which the rules found nothing the one event it "
                             "is sure of, marked 'created' in its evidence; more accurate on unfamiliar wording, "
                             "about 1.4x slower)")


def options_from(args):
    from .pipeline import Options

    return Options(selective=not args.parse_all, max_chars=args.max_chars, max_events=args.max_events,
                   typing=getattr(args, "typing", "rules"))


def cmd_extract(args) -> int:
    from .pipeline import process_paths

    defaults = {"published": args.published, "source": args.source}
    records, processed, failed = [], 0, 0
    articles_out = open(args.articles, "w", encoding="utf-8") if args.articles else None
    undated_noted = False
    for item in _with_progress(process_paths(args.files, defaults, options_from(args)), "extracting"):
        if isinstance(item, SitrepError):
            failed += 1
            _error(str(item))
            continue
        article, events = item
        processed += 1
        if article.published is None and not undated_noted:
            _note(f"{article.origin}: no publication date (pass --published YYYY-MM-DD); event dates are left null")
            undated_noted = True
        for warning in article.warnings:
            _note(f"{article.origin}: {warning}")
        records.extend(event.to_dict() for event in events)
        if articles_out:
            articles_out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
    if articles_out:
        articles_out.close()
    write(records, args.format, sys.stdout)
    if processed == 0:
        _error("no input could be processed")
        return 1
    return 0


def _with_progress(items, label: str):
    """Show a progress line on a terminal; pass items through unchanged."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn(f"{label}: {{task.completed}} articles"), TimeElapsedColumn(),
                  transient=True, console=None) as progress:
        task = progress.add_task(label, total=None)
        for item in items:
            progress.advance(task)
            yield item


class OneLineErrors(argparse.ArgumentParser):
    """Bad arguments get one line (the problem and where to look), not the usage block."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineErrors(
        prog="sitrep",
        description="Turn conflict news reports into sourced, dated, geolocated, deduplicated events.",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"sitrep {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineErrors)
    sub.required = True

    extract = sub.add_parser("extract", help="extract events from articles and print them",
                             description="Extract events from articles (plain text, HTML, JSON Lines, CSV with text/date columns; '-' reads standard input) and print them.",
                             epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    extract.add_argument("files", nargs="+", metavar="FILE", help="input files, folders or globs; '-' for standard input")
    add_input_options(extract)
    extract.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default jsonl: one event per line)")
    extract.add_argument("--articles", metavar="FILE", help="also write the cleaned article records (with context figures) as JSON Lines to FILE")
    extract.set_defaults(func=cmd_extract)

    from . import commands

    commands.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    one_blas_thread_per_process(getattr(args, "workers", 1) or 1)
    try:
        return args.func(args)
    except SitrepError as exc:
        _error(str(exc))
        return 1
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
