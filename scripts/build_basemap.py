"""Build the web map's offline base layer, `web/world.geojson`, from Natural Earth country outlines.

The outlines come from the npm package `world-atlas` (Natural Earth, public
domain; TopoJSON, ISC licence). Run once by a maintainer; the output ships
with the package, so nothing is fetched when the page is shown:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_basemap.py package/countries-50m.json

Each feature keeps the country's name and ISO 3166 alpha-3 code (from
pycountry) so the page can label it and match the `country` filter.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "web" / "world.geojson"
DIGITS = 2  # about 1 km: plenty for a country outline
TOLERANCE = 0.03  # degrees: arcs simplified (Douglas-Peucker) to about 3 km
MIN_AREA = 0.05  # square degrees: smaller islands dropped (a country keeps at least its largest part)


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as lists of (lon, lat), undoing quantization and delta encoding."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if not transform:
            arcs.append([(x, y) for x, y in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(simplify(points, TOLERANCE))
    return arcs


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker on one arc; its ends stay, so neighbouring countries still meet."""
    if len(points) < 3:
        return points
    keep, stack = {0, len(points) - 1}, [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = (dx * dx + dy * dy) ** 0.5
        far, where = 0.0, None
        for k in range(first + 1, last):
            x, y = points[k]
            distance = abs(dy * (x - x1) - dx * (y - y1)) / length if length else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if distance > far:
                far, where = distance, k
        if where is not None and far > tolerance:
            keep.add(where)
            stack += [(first, where), (where, last)]
    return [points[k] for k in sorted(keep)]


def area(ring_points: list[list[float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring_points, ring_points[1:]))) / 2


def ring(indices: list[int], arcs: list) -> list[list[float]]:
    """One closed ring from arc indices (a negative index ~i is arc i reversed), rounded, repeats dropped."""
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    out: list[list[float]] = []
    for lon, lat in points:
        point = [round(lon, DIGITS), round(lat, DIGITS)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def iso3(numeric: str | None) -> str | None:
    import pycountry

    if not numeric:
        return None
    found = pycountry.countries.get(numeric=str(numeric).zfill(3))
    return found.alpha_3 if found else None


def feature(geometry: dict, arcs: list) -> dict | None:
    if geometry["type"] == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return None
    coordinates = [[ring(r, arcs) for r in polygon] for polygon in polygons]
    coordinates = [[r for r in polygon if len(r) >= 4] for polygon in coordinates]
    coordinates = sorted((polygon for polygon in coordinates if polygon), key=lambda p: -area(p[0]))
    coordinates = [p for p in coordinates if area(p[0]) >= MIN_AREA] or coordinates[:1]
    properties = geometry.get("properties") or {}
    return {"type": "Feature",
            "properties": {"name": properties.get("name"), "iso3": iso3(geometry.get("id"))},
            "geometry": {"type": "MultiPolygon", "coordinates": coordinates}}


def build(topojson_path: str, out: Path = OUT) -> int:
    topology = json.loads(Path(topojson_path).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    features = [f for f in (feature(g, arcs) for g in topology["objects"]["countries"]["geometries"]) if f
                and f["geometry"]["coordinates"]]
    collection = {"type": "FeatureCollection",
                  "source": "Natural Earth via world-atlas 2.0.2 (public domain / ISC)", "features": features}
    out.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    return len(features)


if __name__ == "__main__":
    print(f"wrote {build(sys.argv[1])} countries to {OUT}")
