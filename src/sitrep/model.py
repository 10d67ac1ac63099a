"""The records that move between stages: Article, Paragraph, Sentence, Event.

Plain dataclasses, no behaviour beyond (de)serialisation helpers. Readers
give `RawDocument`s; the cleaner gives `Article`s; the extractors give
`Event`s; the store and the outputs take them as dicts via `to_dict()`.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

TYPINGS = ("rules", "learnt")  # how ACLED types are decided: the rules alone, or the rules then extract/learnt.py

# Event families placed and kept apart by who speaks (demands, accusations, threats, refusals): docs/annotation.md
STATEMENT_FAMILIES = frozenset({"request", "accuse", "threat", "reject"})


@dataclass
class RawDocument:
    """One article as read from a file, before cleaning."""

    text: str
    origin: str  # file name (and row) it came from
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    is_html: bool = False


@dataclass
class Paragraph:
    text: str
    role: str  # body, caption, credit, dateline, heading, boilerplate, duplicate
    start: int  # offset into Article.text
    end: int


@dataclass
class Article:
    article_id: str
    title: str | None
    published: date | None
    source: str | None
    url: str | None
    text: str
    paragraphs: list[Paragraph]
    language: str = "en"
    origin: str = ""
    context_figures: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        record = dataclasses.asdict(self)
        record["published"] = self.published.isoformat() if self.published else None
        return record


@dataclass
class Sentence:
    """A sentence of an article's body: its text and where it lies."""

    text: str
    start: int
    end: int
    paragraph_index: int


@dataclass
class Quantity:
    kind: str
    value: float | None
    unit: str | None
    text: str
    start: int = -1
    end: int = -1


@dataclass
class Claim:
    claimant: str
    via: str | None
    stance: str  # asserts | denies
    text: str


@dataclass
class Event:
    event_id: str = ""
    event_date: str | None = None
    time_precision: int | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    plover_type: str = ""
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    actor_mentions: list[str] = field(default_factory=list)
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    quantities: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    verification: str = "reported"
    status: str = "occurred"
    evidence: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    notes: str = ""
    # working fields, not part of the record
    family: str = ""
    triggers: list[str] = field(default_factory=list)
    date_inherited: bool = False
    location_inherited: bool = False

    RECORD_FIELDS = (
        "event_id", "event_date", "time_precision", "event_type", "sub_event_type",
        "plover_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
        "actor_mentions", "country", "admin1", "admin2", "location", "latitude",
        "longitude", "geo_precision", "fatalities", "quantities", "claims",
        "verification", "status", "evidence", "sources", "notes", "triggers",
    )

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.RECORD_FIELDS}
