"""`sitrep serve`: the HTTP API and the web page over a store, on 127.0.0.1 unless a token guards it.

Binding to any address that is not loopback needs a token (`--token` or $SITREP_TOKEN), which every API call must
then carry; without one the command refuses to start with a one-line error.
"""
from __future__ import annotations

import ipaddress
import os
import sys

from ..errors import SitrepError

LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")


def register(sub) -> None:
    """Add the `serve` subcommand to the `sitrep` subparsers."""
    from ..commands import _db_option
    from . import DEFAULT_MAX_BODY

    serve = sub.add_parser("serve", help="serve the HTTP API and the web page (map, timeline, evidence)",
                           description="Serve the store read-only: a JSON API (OpenAPI document at /openapi.json) "
                                       "and a web page with a map, a timeline, filters and each event's evidence "
                                       "highlighted in its article. Works with no internet.")
    _db_option(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1; any other needs a token)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--token", help="secret every API call must carry (default $SITREP_TOKEN); "
                                       "required to bind a non-loopback address")
    serve.add_argument("--max-body", type=int, default=DEFAULT_MAX_BODY, metavar="BYTES",
                       help=f"largest request body /api/extract accepts (default {DEFAULT_MAX_BODY:,})")
    serve.set_defaults(func=cmd_serve)


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_binding(host: str, token: str | None) -> None:
    """Refuse a non-loopback address without a token."""
    if not is_loopback(host) and not token:
        raise SitrepError(f"refusing to serve on {host} without a token: pass --token TOKEN or set SITREP_TOKEN "
                          "(or bind 127.0.0.1)")


def loopback_hosts(host: str, port: int) -> list[str] | None:
    """Host header values a loopback server accepts (a guard against DNS rebinding); None when bound elsewhere."""
    if not is_loopback(host):
        return None
    return ["127.0.0.1", "localhost", "::1", "[::1]", host]


def cmd_serve(args) -> int:
    import uvicorn

    from ..store.duckdb_store import default_db
    from .app import create_app

    db = args.db or default_db()
    token = args.token or os.environ.get("SITREP_TOKEN") or None
    check_binding(args.host, token)
    if not 0 <= args.port <= 65535:
        raise SitrepError(f"port {args.port} is out of range (0-65535)")
    if args.max_body < 1:
        raise SitrepError("--max-body must be at least 1 byte")
    app = create_app(db, token=token, max_body=args.max_body, allowed_hosts=loopback_hosts(args.host, args.port))
    shown = f"[{args.host}]" if ":" in args.host else args.host
    suffix = "/?token=…" if token else "/"
    print(f"sitrep: serving {db} read-only at http://{shown}:{args.port}{suffix}",
          file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
