"""Shared vocabulary (actor types with mandate templates, needs) kept in data files.

The data files under `data/` are the source; `sync_vocabulary()` upserts them into the database after
every migration, so all municipalities share one translated vocabulary.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def load_json(name: str):
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)


def actor_type_data() -> list[dict]:
    return load_json("actor_types.json")


def need_data() -> list[dict]:
    return load_json("needs.json")


def sync_vocabulary() -> None:
    from .models import ActorType, Need

    for entry in need_data():
        Need.objects.update_or_create(
            key=entry["key"],
            defaults={
                "order": entry["order"],
                "label": entry["label"],
                "plain": entry["plain"],
                "acute": entry.get("acute", False),
            },
        )
    for entry in actor_type_data():
        ActorType.objects.update_or_create(
            key=entry["key"],
            defaults={
                "order": entry["order"],
                "name": entry["name"],
                "summary": entry.get("summary", {}),
                "target_group": entry.get("target_group", False),
                "counselling": entry.get("counselling", False),
                "public_body": entry.get("public_body", True),
                "mandate_template": entry.get("mandate", []),
            },
        )
