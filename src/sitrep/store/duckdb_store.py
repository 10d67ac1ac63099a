"""The embedded store: articles and their events in, queries and exports out (a DuckDB file).

Each article is written in one transaction with its events, already merged
with the stored events it reports (cross-article deduplication); an
article is identified by its content hash, so ingesting it again adds
nothing, and a killed ingest leaves only whole articles behind. The schema
carries a version: an older store is migrated, a newer one refused.
"""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from ..errors import SitrepError
from ..model import Article, Event
from ..resolve import across

SCHEMA_VERSION = 1
DEFAULT_DB = "sitrep.duckdb"
JSON_FIELDS = ("actor_mentions", "quantities", "claims", "evidence", "sources", "triggers")
EVENT_COLUMNS = [
    ("event_id", "VARCHAR PRIMARY KEY"), ("family", "VARCHAR"), ("event_date", "DATE"), ("time_precision", "INTEGER"),
    ("event_type", "VARCHAR"), ("sub_event_type", "VARCHAR"), ("plover_type", "VARCHAR"),
    ("actor1", "VARCHAR"), ("assoc_actor_1", "VARCHAR"), ("actor2", "VARCHAR"), ("assoc_actor_2", "VARCHAR"),
    ("actor_mentions", "JSON"), ("country", "VARCHAR"), ("admin1", "VARCHAR"), ("admin2", "VARCHAR"),
    ("location", "VARCHAR"), ("latitude", "DOUBLE"), ("longitude", "DOUBLE"), ("geo_precision", "INTEGER"),
    ("fatalities", "INTEGER"), ("quantities", "JSON"), ("claims", "JSON"), ("verification", "VARCHAR"),
    ("status", "VARCHAR"), ("evidence", "JSON"), ("sources", "JSON"), ("notes", "VARCHAR"), ("triggers", "JSON"),
    ("n_sources", "INTEGER"),
]
SCHEMA = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE IF NOT EXISTS articles (
        article_id VARCHAR PRIMARY KEY, title VARCHAR, published DATE, source VARCHAR, url VARCHAR,
        text VARCHAR, paragraphs JSON, language VARCHAR, origin VARCHAR, context_figures JSON,
        n_events INTEGER, seq BIGINT)""",
    "CREATE TABLE IF NOT EXISTS events (" + ", ".join(f"{n} {t}" for n, t in EVENT_COLUMNS) + ")",
    "CREATE TABLE IF NOT EXISTS mentions (event_id VARCHAR, article_id VARCHAR, record JSON)",
]
MIGRATIONS: dict[int, list[str]] = {}  # from version N to N+1: statements


def default_db() -> str:
    return os.environ.get("SITREP_DB", DEFAULT_DB)


class Store:
    """A DuckDB file holding articles and deduplicated events."""

    def __init__(self, path: str | None = None, read_only: bool = False):
        import duckdb

        self.path = path or default_db()
        if read_only and not Path(self.path).exists():
            raise SitrepError("no such store (run `sitrep ingest` first)", self.path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            reason = str(exc).splitlines()[0]
            if "Conflicting lock" in reason:
                reason = "it is locked by another process (another sitrep run using it?)"
            raise SitrepError(f"cannot open store: {reason}", self.path) from None
        self.read_only = read_only
        self._check_schema()

    # --- schema -------------------------------------------------------------------
    def _check_schema(self) -> None:
        tables = {row[0] for row in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "meta" not in tables:
            if tables:
                raise SitrepError("not a sitrep store (it holds other tables)", self.path)
            if self.read_only:
                raise SitrepError("empty store", self.path)
            try:
                self.con.execute("BEGIN")
                for statement in SCHEMA:
                    self.con.execute(statement)
                self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
                self.con.execute("COMMIT")
            except Exception as exc:
                self.con.execute("ROLLBACK")
                raise SitrepError(f"cannot create store: {str(exc).splitlines()[0]}", self.path) from None
            return
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise SitrepError(f"store has schema version {version}, newer than this sitrep understands ({SCHEMA_VERSION}); "
                              "upgrade sitrep", self.path)
        if version < SCHEMA_VERSION:
            if self.read_only:
                raise SitrepError(f"store has old schema version {version}; open it once without read-only to migrate", self.path)
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        self.con.execute("BEGIN")
        try:
            while version < SCHEMA_VERSION:
                if version not in MIGRATIONS:
                    raise SitrepError(f"no migration from schema version {version}", self.path)
                for statement in MIGRATIONS[version]:
                    self.con.execute(statement)
                version += 1
            self.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.con.close()

    # --- writing ------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE article_id = ?", [article_id]).fetchone() is not None

    def known_articles(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT article_id FROM articles").fetchall()}

    def add_article(self, article: Article, events: list[Event]) -> tuple[int, int]:
        """Store one article and its events in one transaction. Returns (new events, merged events)."""
        if self.has_article(article.article_id):
            return 0, 0
        new = merged = 0
        self.con.execute("BEGIN")
        try:
            seq = self.con.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()[0]
            record = article.to_dict()
            self.con.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article.article_id, article.title, article.published, article.source, article.url, article.text,
                 json.dumps(record["paragraphs"]), article.language, article.origin,
                 json.dumps(article.context_figures), len(events), seq])
            for event in events:
                incoming = dict(event.to_dict(), family=event.family)
                target = self._find_same(incoming)
                if target is None:
                    self._insert_event(incoming)
                    new += 1
                else:
                    self._replace_event(across.merge(target, incoming))
                    merged += 1
                self.con.execute("INSERT INTO mentions VALUES (?, ?, ?)",
                                 [target["event_id"] if target else incoming["event_id"], article.article_id, json.dumps(incoming)])
            self.con.execute("COMMIT")
        except Exception as exc:
            try:
                self.con.execute("ROLLBACK")
            except Exception:
                pass  # the failed COMMIT already ended the transaction
            import duckdb

            if isinstance(exc, duckdb.Error):
                raise SitrepError(f"cannot write to store: {str(exc).splitlines()[0]}", self.path) from None
            raise
        return new, merged

    def _find_same(self, incoming: dict) -> dict | None:
        if not incoming.get("event_date"):
            return None
        day = date.fromisoformat(incoming["event_date"])
        rows = self.con.execute(
            "SELECT * FROM events WHERE family = ? AND event_date BETWEEN ? - INTERVAL 16 DAY AND ? + INTERVAL 16 DAY "
            "AND coalesce(country, '') = coalesce(?, '') ORDER BY event_id",
            [incoming["family"], day, day, incoming.get("country")]).fetchall()
        names = [d[0] for d in self.con.description]
        own = {s["article_id"] for s in incoming.get("sources") or []}
        for row in rows:
            stored = self._decode(dict(zip(names, row)))
            if own & {s["article_id"] for s in stored["sources"]}:
                continue  # events of one article were already merged within it
            if across.same_event(stored, incoming):
                return stored
        return None

    def _row(self, event: dict) -> list:
        values = []
        for name, _ in EVENT_COLUMNS:
            if name == "n_sources":
                values.append(len(event.get("sources") or []))
            elif name in JSON_FIELDS:
                values.append(json.dumps(event.get(name) or []))
            else:
                values.append(event.get(name))
        return values

    def _insert_event(self, event: dict) -> None:
        self.con.execute(f"INSERT INTO events VALUES ({', '.join('?' * len(EVENT_COLUMNS))})", self._row(event))

    def _replace_event(self, event: dict) -> None:
        self.con.execute("DELETE FROM events WHERE event_id = ?", [event["event_id"]])
        self._insert_event(event)

    # --- reading ------------------------------------------------------------------
    @staticmethod
    def _decode(row: dict) -> dict:
        for name in JSON_FIELDS:
            if isinstance(row.get(name), str):
                row[name] = json.loads(row[name])
        if isinstance(row.get("event_date"), date):
            row["event_date"] = row["event_date"].isoformat()
        return row

    def events(self, country=None, since=None, until=None, event_type=None, actor=None, verification=None,
               limit=None, offset=0) -> list[dict]:
        where, params = self._filters(country, since, until, event_type, actor, verification)
        sql = f"SELECT * FROM events {where} ORDER BY event_date NULLS LAST, event_id"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        cursor = self.con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        out = []
        for row in cursor.fetchall():
            record = self._decode(dict(zip(names, row)))
            record.pop("family", None), record.pop("n_sources", None)
            out.append(record)
        return out

    def count_events(self, **filters) -> int:
        where, params = self._filters(**filters)
        return self.con.execute(f"SELECT count(*) FROM events {where}", params).fetchone()[0]

    @staticmethod
    def _filters(country=None, since=None, until=None, event_type=None, actor=None, verification=None):
        clauses, params = [], []
        if country:
            clauses.append("upper(country) = upper(?)")
            params.append(country)
        if since:
            clauses.append("event_date >= ?")
            params.append(since)
        if until:
            clauses.append("event_date <= ?")
            params.append(until)
        if event_type:
            clauses.append("(lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?) OR lower(plover_type) = lower(?))")
            params += [event_type] * 3
        if actor:
            clauses.append("(actor1 ILIKE ? OR actor2 ILIKE ? OR assoc_actor_1 ILIKE ? OR assoc_actor_2 ILIKE ?)")
            params += [f"%{actor}%"] * 4
        if verification:
            clauses.append("verification = ?")
            params.append(verification)
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

    def event(self, event_id: str) -> dict | None:
        cursor = self.con.execute("SELECT * FROM events WHERE event_id = ?", [event_id])
        names = [d[0] for d in cursor.description]
        row = cursor.fetchone()
        if row is None:
            return None
        record = self._decode(dict(zip(names, row)))
        record.pop("family", None), record.pop("n_sources", None)
        return record

    def article(self, article_id: str) -> dict | None:
        cursor = self.con.execute("SELECT * FROM articles WHERE article_id = ?", [article_id])
        names = [d[0] for d in cursor.description]
        row = cursor.fetchone()
        if row is None:
            return None
        record = dict(zip(names, row))
        for name in ("paragraphs", "context_figures"):
            record[name] = json.loads(record[name]) if record[name] else []
        if record.get("published"):
            record["published"] = record["published"].isoformat()
        return record

    def article_events(self, article_id: str) -> list[str]:
        """Ids of the (deduplicated) events an article reports."""
        rows = self.con.execute("SELECT DISTINCT event_id FROM mentions WHERE article_id = ? ORDER BY event_id", [article_id]).fetchall()
        return [row[0] for row in rows]

    def counts(self) -> tuple[int, int]:
        articles = self.con.execute("SELECT count(*) FROM articles").fetchone()[0]
        events = self.con.execute("SELECT count(*) FROM events").fetchone()[0]
        return articles, events

    def stats(self) -> dict:
        def pairs(sql):
            return [list(row) for row in self.con.execute(sql).fetchall()]
        return {
            "articles": self.counts()[0], "events": self.counts()[1],
            "by_type": pairs("SELECT coalesce(event_type, plover_type), count(*) n FROM events GROUP BY 1 ORDER BY n DESC, 1"),
            "by_month": pairs("SELECT strftime(event_date, '%Y-%m') m, count(*) FROM events WHERE event_date IS NOT NULL GROUP BY 1 ORDER BY 1"),
            "by_day": pairs("SELECT strftime(event_date, '%Y-%m-%d') d, count(*) FROM events WHERE event_date IS NOT NULL GROUP BY 1 ORDER BY 1"),
            "by_admin1": pairs("SELECT coalesce(admin1, '?') || ', ' || coalesce(country, '?'), count(*) n FROM events GROUP BY 1 ORDER BY n DESC, 1 LIMIT 20"),
            "top_actors": pairs("SELECT a, count(*) n FROM (SELECT actor1 a FROM events UNION ALL SELECT actor2 FROM events) WHERE a IS NOT NULL GROUP BY a ORDER BY n DESC, a LIMIT 15"),
        }

    def export_parquet(self, path: str) -> None:
        self.con.execute(f"COPY (SELECT * EXCLUDE (family) FROM events ORDER BY event_date, event_id) TO '{_quote(path)}' (FORMAT PARQUET)")


def _quote(path: str) -> str:
    return str(path).replace("'", "''")
