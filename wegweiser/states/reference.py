"""The shipped reference list of German municipalities and districts (BKG VG250, as of 2017).

Built at dev time by data/extract_areas.py; read once per process.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class ReferenceMunicipality:
    ags: str
    name: str
    district_key: str
    district_name: str


@cache
def districts() -> dict[str, tuple[str, str]]:
    """District key (5 digits) → (name, kind)."""
    with open(DATA / "districts.csv", encoding="utf-8") as handle:
        return {row["key"]: (row["name"], row["kind"]) for row in csv.DictReader(handle)}


@cache
def _municipalities() -> dict[str, tuple[str, str]]:
    with open(DATA / "municipalities.csv", encoding="utf-8") as handle:
        return {row["ags"]: (row["name"], row["district"]) for row in csv.DictReader(handle)}


def district_name(key: str) -> str:
    return districts().get(key, ("", ""))[0]


def lookup(ags: str) -> ReferenceMunicipality | None:
    found = _municipalities().get(ags)
    if found is None:
        return None
    name, district = found
    return ReferenceMunicipality(ags, name, district, district_name(district))


def count_in_state(state_code: str) -> int:
    return sum(1 for ags in _municipalities() if ags.startswith(state_code))


@cache
def _shapes() -> dict:
    return json.loads((DATA / "district_shapes.json").read_text(encoding="utf-8"))


def attribution() -> dict[str, str]:
    data = _shapes()
    return {"text": data["attribution"], "as_of": data["as_of"], "source": data["source"]}


def state_shapes(state_code: str) -> dict | None:
    """{"viewBox": …, "paths": {district key: SVG path}} of one state, or None."""
    return _shapes()["states"].get(state_code)
