"""Output formats: event records (dicts) in, JSON Lines, ACLED-style CSV, GeoJSON or a table out."""
from __future__ import annotations

import csv
import json
from typing import Iterable, TextIO

ACLED_COLUMNS = [
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "plover_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "fatalities", "verification", "status", "source", "notes",
    "claims", "quantities",
]
FORMATS = ("jsonl", "csv", "geojson", "table")


def acled_row(event: dict) -> dict:
    row = {name: event.get(name) for name in ACLED_COLUMNS}
    row["source"] = "; ".join(dict.fromkeys(s.get("source") or s.get("article_id") for s in event.get("sources") or []))
    row["claims"] = "; ".join(f"{c['claimant']} ({c['stance']}{', via ' + c['via'] if c.get('via') else ''})"
                              for c in event.get("claims") or [])
    row["quantities"] = "; ".join(f"{q['kind']}={q['value']:g}" for q in event.get("quantities") or [] if q.get("value") is not None)
    return row


def write_jsonl(events: Iterable[dict], out: TextIO) -> None:
    for event in events:
        out.write(json.dumps(event, ensure_ascii=False) + "\n")


def write_csv(events: Iterable[dict], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for event in events:
        writer.writerow(acled_row(event))


def geojson(events: Iterable[dict]) -> dict:
    features = []
    for event in events:
        if event.get("latitude") is None or event.get("longitude") is None:
            continue
        properties = acled_row(event)
        properties.pop("latitude"), properties.pop("longitude")
        features.append({"type": "Feature",
                         "geometry": {"type": "Point", "coordinates": [event["longitude"], event["latitude"]]},
                         "properties": properties})
    return {"type": "FeatureCollection", "features": features}


def write_geojson(events: Iterable[dict], out: TextIO) -> None:
    json.dump(geojson(events), out, ensure_ascii=False)
    out.write("\n")


def write_table(events: Iterable[dict], out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for column in ("date", "type", "actors", "location", "deaths", "claimed by", "verification"):
        table.add_column(column, overflow="fold")
    count = 0
    for event in events:
        count += 1
        kind = event.get("sub_event_type") or (event.get("plover_type") or "").title()
        actors = " vs ".join(filter(None, [event.get("actor1"), event.get("actor2")])) or "-"
        where = ", ".join(filter(None, [event.get("location"), event.get("country")])) or "-"
        claims = "; ".join(dict.fromkeys(c["claimant"] for c in event.get("claims") or [])) or "-"
        status = "" if event.get("status") == "occurred" else f" ({event.get('status')})"
        table.add_row(f"{event.get('event_date') or '?'}{status}", kind, actors, where,
                      "" if event.get("fatalities") is None else str(event["fatalities"]), claims, event.get("verification") or "")
    width = Console().width if out.isatty() else 160
    console = Console(file=out, width=max(120, width), force_terminal=False, color_system=None)
    console.print(table)
    console.print(f"{count} events")


def write(events: Iterable[dict], fmt: str, out: TextIO) -> None:
    {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson, "table": write_table}[fmt](events, out)

