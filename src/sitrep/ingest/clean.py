"""Cleaning: a `RawDocument` in, an `Article` out.

Splits paragraphs, gives each a role (body, caption, credit, dateline,
heading, boilerplate), drops repeated paragraphs (a lede or caption printed
twice keeps its first or fullest copy), splits a leading dateline
("Aleppo, Syria/Beirut:") into its own paragraph, and hashes the cleaned
text into the article id.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from ..errors import SitrepError
from ..model import Article, Paragraph, RawDocument

MAX_ARTICLE_CHARS = 2_000_000

CAPTION_CUES = re.compile(
    r"\b(in this (handout |file )?(picture|photo|photograph|image)|handout picture|file photo|picture taken|"
    r"photo taken|is seen in this|pictured)\b|\b(Credits?|Photograph|Photo|Image|Picture)\s*:\s*\S|REUTERS/|AFP/|/Handout",
    re.I,
)
# `\S+` (not `\S+(/\S+)?`, the same strings) so that a long run of "a/a/a..." cannot backtrack for minutes
CREDIT_ONLY = re.compile(r"^\s*(Credits?|Photograph|Photo|Image|Picture)\s*:.{0,80}$|^\s*\S+\s*(via|/)\s*(Reuters|AFP|AP|Getty Images)\s*$", re.I)
BOILERPLATE = re.compile(
    r"^\s*(read more|sign up|click here|subscribe|follow us|share this|all rights reserved|copyright|©|related:|advertisement)\b",
    re.I,
)
# words are joined by a space only: a hyphen is already inside [\w'’.-], and allowing it as a joint as well
# made "A-A-A-...A" backtrack for minutes (the same datelines match)
DATELINE = re.compile(
    r"^(?P<dateline>(?:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})(?:,\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2})?"
    r"(?:\s*/\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2})*"
    r"(?:\s*\((?:Reuters|AFP|AP|Reuters/\w+)\))?)\s*(?::|\s[-–—])\s+(?=[A-Z“\"‘'])"
)
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
TERMINAL = re.compile(r"[.!?…][\"”’')\]]?\s*$")


def normalise_for_comparison(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[\W_]+", " ", text).strip()


def _words(text: str) -> set[str]:
    return set(normalise_for_comparison(text).split())


WRAP_END = re.compile(r"\b(?:and|or|but|of|the|a|an|on|in|at|to|by|for|with|from|that|which|who|whose|as|into|than|its|their|his|her)$|[,;]$", re.I)


def _unwrap(lines: list[str]) -> list[str]:
    """Rejoin hard-wrapped lines (wire copy broken at a fixed width): a line that ends mid-sentence ("... a police
    station and", "... town on") runs on into the next, and so does a line followed by one that begins in lower case."""
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if out and out[-1] and stripped and not TERMINAL.search(out[-1]) \
                and (WRAP_END.search(out[-1]) or stripped[0].islower()):
            out[-1] = out[-1] + " " + stripped
        else:
            out.append(stripped)
    return out


def split_paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n\s*\n", text)
    if len(blocks) == 1 and text.count("\n") >= 2:
        blocks = _unwrap(text.split("\n"))
    return [re.sub(r"[ \t\u00a0]+", " ", b).strip() for b in blocks if b.strip()]


def paragraph_role(text: str) -> str:
    words = text.split()
    if BOILERPLATE.search(text) and len(words) < 25:
        return "boilerplate"
    if CREDIT_ONLY.search(text):
        return "credit"
    if CAPTION_CUES.search(text) and len(words) < 80:
        return "caption"
    if len(words) <= 14 and not TERMINAL.search(text):
        return "heading"
    return "body"


def _repeat_key(text: str) -> tuple[str, set[str]]:
    norm = normalise_for_comparison(text)
    return norm, set(norm.split())


def _is_repeat_keys(candidate: tuple[str, set[str]], other: tuple[str, set[str]]) -> bool:
    (cand_norm, cand_words), (other_norm, other_words) = candidate, other
    if min(len(cand_words), len(other_words)) < 6:
        return cand_norm == other_norm and len(cand_words) >= 4
    if cand_norm == other_norm or cand_norm in other_norm or other_norm in cand_norm:
        return True
    return len(cand_words & other_words) / len(cand_words | other_words) >= 0.8


def is_repeat(candidate: str, other: str) -> bool:
    """Whether two paragraphs are copies: same words, or one printed inside the other."""
    return _is_repeat_keys(_repeat_key(candidate), _repeat_key(other))


REPEAT_WINDOW = 100  # near copies are looked for this many paragraphs back; exact copies at any distance


def drop_repeats(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Remove repeated body/caption paragraphs, keeping the fuller copy in its own place.

    The same pairs as comparing each paragraph with every earlier one (in articles of up to REPEAT_WINDOW
    paragraphs), without its cost on a page of thousands of lines: exact copies are looked up, near copies
    (one inside the other, most words shared) are looked for among the REPEAT_WINDOW paragraphs before.
    """
    alive = [True] * len(blocks)
    keys = [_repeat_key(text) if role in ("body", "caption") else None for text, role in blocks]
    holders: dict[str, list[int]] = {}  # normalised text -> living body/caption paragraphs holding it, in order
    for i, (text, role) in enumerate(blocks):
        key = keys[i]
        if key is None:
            continue
        found = None
        if len(key[1]) >= 4 and holders.get(key[0]):
            found = holders[key[0]][0]
        if len(key[1]) >= 6:
            for j in range(max(0, i - REPEAT_WINDOW), i if found is None else found):
                if alive[j] and keys[j] is not None and len(keys[j][1]) >= 6 and _is_repeat_keys(key, keys[j]):
                    found = j
                    break
        if found is not None:
            j = found
            if role == "body" and len(text) > len(blocks[j][0]):
                alive[j] = False  # the earlier copy was a shortened repeat (a standfirst)
                holders[keys[j][0]].remove(j)
            else:
                alive[i] = False
                continue
        holders.setdefault(key[0], []).append(i)
    return [block for block, keep in zip(blocks, alive) if keep]


def split_dateline(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Give a wire dateline ("Aleppo, Syria/Beirut:") at the head of an early body paragraph its own paragraph."""
    out: list[tuple[str, str]] = []
    done = False
    for index, (text, role) in enumerate(blocks):
        match = DATELINE.match(text) if role == "body" and not done and index < 6 else None
        if match and len(match.group("dateline").split()) <= 8:
            out.append((match.group("dateline").strip(), "dateline"))
            out.append((text[match.end():], role))
            done = True
        else:
            out.append((text, role))
    return out


def clean(document: RawDocument, max_chars: int = MAX_ARTICLE_CHARS) -> Article:
    """Cleaned `Article` from a raw document; raises SitrepError if nothing usable is left."""
    origin = document.origin
    text = unicodedata.normalize("NFC", document.text).replace("\x00", "")
    text = LONE_SURROGATE.sub("\ufffd", text)  # e.g. from a JSON "\\ud800": it could not be hashed or stored
    if len(text) > max_chars:
        raise SitrepError(f"article is {len(text):,} characters, over the {max_chars:,} limit (--max-chars)", origin)
    blocks = split_paragraphs(text)
    if not blocks:
        raise SitrepError("no text after cleaning", origin)
    title = document.title
    if title is None and len(blocks) > 1 and paragraph_role(blocks[0]) == "heading":
        title = blocks.pop(0)
    roles = [(block, paragraph_role(block)) for block in blocks]
    unique = split_dateline(drop_repeats(roles))
    if not any(role == "body" for _, role in unique):
        raise SitrepError("no article text (only captions, credits or boilerplate)", origin)
    paragraphs: list[Paragraph] = []
    pieces: list[str] = []
    offset = 0
    for block, role in unique:
        if pieces:
            offset += 2
        paragraphs.append(Paragraph(block, role, offset, offset + len(block)))
        pieces.append(block)
        offset += len(block)
    cleaned = "\n\n".join(pieces)
    digest = hashlib.sha1(cleaned.encode("utf-8")).hexdigest()[:16]
    return Article(
        article_id=digest,
        title=title,
        published=document.published,
        source=document.source,
        url=document.url,
        text=cleaned,
        paragraphs=paragraphs,
        origin=origin,
    )
