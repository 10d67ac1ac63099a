"""Readers: paths (or "-" for standard input) in, `RawDocument`s out.

Accepts plain text, HTML (boilerplate stripped with trafilatura), JSON Lines
and CSV with a `text` column (optional `date`/`published`, `title`,
`source`, `url`). Every problem is raised as `SitrepError` naming the file;
`read_documents` yields errors in-line so that a batch can go on.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from pathlib import Path
from typing import Iterator

from ..errors import SitrepError
from ..model import RawDocument

MAX_FILE_BYTES = 60 * 1024 * 1024
TEXT_COLUMNS = ("text", "body", "content")
DATE_COLUMNS = ("date", "published", "publication_date")

csv.field_size_limit(MAX_FILE_BYTES)


def parse_date(value: str | None, origin: str) -> date | None:
    """ISO date (a timestamp's date part is taken); empty gives None."""
    if value is None:
        return None
    value = str(value).strip()
    if not value or value.lower() in ("nan", "none", "null"):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise SitrepError(f"cannot parse date {value[:40]!r} (expected YYYY-MM-DD)", origin) from None


def decode_bytes(data: bytes, origin: str) -> str:
    """UTF-8 (with or without BOM), UTF-32 or UTF-16 with BOM, UTF-16 without one, else Windows-1252 or Latin-1."""
    if not data:
        raise SitrepError("file is empty", origin)
    if not data.strip():
        raise SitrepError("file holds only whitespace", origin)
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        try:
            text = data.decode("utf-32")
        except UnicodeDecodeError:
            raise SitrepError("invalid UTF-32 text", origin) from None
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise SitrepError("invalid UTF-16 text", origin) from None
    elif b"\x00" in data[:8192]:
        encoding = _utf16_without_bom(data[:8192])
        try:
            text = data.decode(encoding) if encoding else None
        except UnicodeDecodeError:
            text = None
        if text is None:
            raise SitrepError("binary file, not text", origin)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")  # Windows-1252: Latin-1 with “curly quotes”, dashes and € where Latin-1 has controls
            except UnicodeDecodeError:
                text = data.decode("latin-1")
            if _control_share(text) > 0.05:
                raise SitrepError("binary file, not text", origin) from None
    if _control_share(text) > 0.05:
        raise SitrepError("binary file, not text", origin)
    if not text.strip():
        raise SitrepError("file holds only whitespace", origin)
    return text


def _utf16_without_bom(sample: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when the NUL bytes sit on one side of each pair, as in mostly-Latin UTF-16 text."""
    even, odd = sample[0::2], sample[1::2]
    if not even or not odd:
        return None
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.5 and even_nul < 0.02:
        return "utf-16-le"
    if even_nul > 0.5 and odd_nul < 0.02:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or 0x7F <= ord(ch) < 0xA0)
    return bad / len(sample)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head or ("<p>" in head and "</" in head)


def html_to_text(html: str, origin: str) -> tuple[str, str | None]:
    """Main text and title of an HTML page (trafilatura), boilerplate stripped."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=False, favor_precision=True)
    text = getattr(extracted, "text", None) if extracted is not None else None
    title = getattr(extracted, "title", None) if extracted is not None else None
    if isinstance(extracted, dict):
        text, title = extracted.get("text"), extracted.get("title")
    if not text or not text.strip():
        return _deep_html_to_text(html, origin)
    return text, title


def _deep_html_to_text(html: str, origin: str) -> tuple[str, str | None]:
    """Second try for a page whose tags nest deeper than the parser's 255 levels (the text below was cut off)."""
    import lxml.html
    import trafilatura

    def parsed(huge: bool):
        parser = lxml.html.HTMLParser(huge_tree=huge)  # huge_tree: up to 2,048 levels
        try:
            tree = lxml.html.document_fromstring(html, parser=parser)
        except (ValueError, lxml.etree.LxmlError):
            return None, False
        return tree, any("Excessive depth" in error.message for error in parser.error_log)

    if not parsed(False)[1]:
        raise SitrepError("HTML page holds no article text", origin)
    tree, too_deep = parsed(True)
    if tree is None or too_deep:
        raise SitrepError("HTML tags nested too deeply to read (over 2,048 levels)", origin)
    try:
        extracted = trafilatura.bare_extraction(tree, include_comments=False, include_tables=False, favor_precision=True)
    except RecursionError:
        raise SitrepError("HTML tags nested too deeply to read", origin) from None
    text = getattr(extracted, "text", None) if extracted is not None else None
    title = getattr(extracted, "title", None) if extracted is not None else None
    if isinstance(extracted, dict):
        text, title = extracted.get("text"), extracted.get("title")
    if not text or not text.strip():
        raise SitrepError("HTML page holds no article text", origin)
    return text, title


def read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    if not file.exists():
        raise SitrepError("no such file", path)
    if file.is_dir():
        raise SitrepError("is a folder, not a file", path)
    size = file.stat().st_size
    if size > MAX_FILE_BYTES:
        raise SitrepError(f"file is {size // (1024 * 1024)} MB, over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit", path)
    try:
        return file.read_bytes()
    except OSError as exc:
        raise SitrepError(f"cannot read: {exc.strerror or exc}", path) from None


def _from_record(record: dict, origin: str, defaults: dict) -> RawDocument:
    lowered = {str(k).strip().lower(): v for k, v in record.items() if k is not None}
    text = next((lowered[c] for c in TEXT_COLUMNS if c in lowered and lowered[c]), None)
    if not isinstance(text, str) or not text.strip():
        raise SitrepError("record has no text", origin)
    raw_date = next((lowered[c] for c in DATE_COLUMNS if lowered.get(c)), None)
    published = parse_date(raw_date, origin) if raw_date else defaults.get("published")
    html = looks_like_html(text)
    title = lowered.get("title") or None
    if html:
        text, html_title = html_to_text(text, origin)
        title = title or html_title
    return RawDocument(
        text=text,
        origin=origin,
        title=str(title) if title else None,
        published=published,
        source=str(lowered.get("source") or defaults.get("source") or "") or None,
        url=str(lowered.get("url") or "") or None,
        is_html=html,
    )


def _records_csv(text: str, origin: str) -> Iterator[tuple[str, dict]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c.strip().lower() for c in (reader.fieldnames or []) if c]
    if not any(c in columns for c in TEXT_COLUMNS):
        raise SitrepError(f"CSV has no 'text' column (columns: {', '.join(columns[:8]) or 'none'})", origin)
    for number, row in enumerate(reader, start=1):
        yield f"{origin}:row {number}", row


def _records_jsonl(text: str, origin: str) -> Iterator[tuple[str, dict] | SitrepError]:
    stripped = text.strip()
    if stripped.startswith(("{", "[")) and "\n" in stripped:
        try:  # a whole JSON document (one object, or a list of them) rather than JSON Lines
            whole = json.loads(stripped)
        except (ValueError, RecursionError):  # JSONDecodeError, a 5,000-digit number, [[[[... nested too deep
            whole = None
        if isinstance(whole, dict):
            yield origin, whole
            return
        if isinstance(whole, list):
            for number, record in enumerate(whole, start=1):
                if isinstance(record, dict):
                    yield f"{origin}:item {number}", record
                else:
                    yield SitrepError("JSON list item is not an object", f"{origin}:item {number}")
            return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SitrepError(f"broken JSON line ({exc.msg})", where)
            continue
        except RecursionError:
            yield SitrepError("broken JSON line (nested too deeply)", where)
            continue
        except ValueError as exc:  # e.g. a number of more than 4,300 digits
            yield SitrepError(f"broken JSON line ({str(exc).split(';')[0]})", where)
            continue
        if not isinstance(record, dict):
            yield SitrepError("JSON line is not an object", where)
            continue
        yield where, record


def sniff_format(path: str, text: str) -> str:
    suffix = Path(path).suffix.lower() if path != "-" else ""
    if suffix in (".csv",):
        return "csv"
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    stripped = text.lstrip()
    if stripped.startswith("{") and stripped.splitlines()[0].rstrip().endswith("}"):
        return "jsonl"
    if looks_like_html(text):
        return "html"
    return "text"


def read_path(path: str, defaults: dict | None = None) -> Iterator[RawDocument | SitrepError]:
    """Documents of one path; a bad record yields its error and reading goes on."""
    defaults = defaults or {}
    try:
        text = decode_bytes(read_bytes(path), path)
        kind = sniff_format(path, text)
        if kind == "csv":
            records = _records_csv(text, path)
        elif kind == "jsonl":
            records = _records_jsonl(text, path)
        elif kind == "html":
            body, title = html_to_text(text, path)
            yield RawDocument(body, path, title, defaults.get("published"), defaults.get("source"), None, True)
            return
        else:
            yield RawDocument(text, path, None, defaults.get("published"), defaults.get("source"))
            return
        for item in records:
            if isinstance(item, SitrepError):
                yield item
                continue
            where, record = item
            try:
                yield _from_record(record, where, defaults)
            except SitrepError as exc:
                yield exc
    except SitrepError as exc:
        yield exc


def expand_paths(paths: list[str]) -> Iterator[str]:
    """Files named, folders walked (sorted), globs expanded; "-" kept."""
    import glob

    for path in paths:
        if path == "-":
            yield path
        elif any(ch in path for ch in "*?[") and not Path(path).exists():
            matches = sorted(glob.glob(path, recursive=True))
            yield from (m for m in matches if Path(m).is_file())
            if not matches:
                yield path  # reported as missing by read_path
        elif Path(path).is_dir():
            yield from (str(p) for p in sorted(Path(path).rglob("*")) if p.is_file() and not p.name.startswith("."))
        else:
            yield path


def read_documents(paths: list[str], defaults: dict | None = None) -> Iterator[RawDocument | SitrepError]:
    for path in expand_paths(paths):
        yield from read_path(path, defaults)
