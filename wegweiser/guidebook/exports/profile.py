"""The Wegweiser HSDS profile: JSON Schemas of our additions to HSDS 3.0 (docs/hsds-profile.md).

HSDS objects allow additional properties, so an export that carries these objects stays valid
HSDS. As JSON Merge Patches over the HSDS schemas they add one property `wegweiser` to
`organization` and to `service` (see `merge_patches()`).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from .serializers import KIND_KEYS, ROLE_KEYS

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

DATE = {"type": ["string", "null"], "format": "date"}

ORGANIZATION_EXTENSION: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Wegweiser additions to an HSDS organization",
    "type": "object",
    "required": ["actor_type"],
    "additionalProperties": False,
    "properties": {
        "actor_type": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64,
            "description": "Key of the actor type (taxonomy wegweiser-actor-types).",
        },
        "languages": {
            "type": "array",
            "items": {"type": "string", "pattern": "^[a-z]{2,3}$"},
            "description": "Languages spoken with clients (ISO 639 codes).",
        },
        "confidential_address": {
            "type": "boolean",
            "description": "A protected place: no address is published, only a front-door contact.",
        },
        "last_confirmed_at": {
            **DATE,
            "description": "When the organisation last confirmed its entry.",
        },
    },
}

MANDATE_ITEM: dict[str, Any] = {
    "type": "object",
    "required": ["id", "kind", "text"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "kind": {"enum": KIND_KEYS},
        "text": {"type": "string", "minLength": 1, "maxLength": 5000},
        "version": {"type": "integer", "minimum": 1},
        "source": {"type": "string", "maxLength": 300},
        "as_of": DATE,
        "order": {"type": "integer", "minimum": 0},
        "needs": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["key", "role"],
                "additionalProperties": False,
                "properties": {
                    "key": {"type": "string", "minLength": 1, "maxLength": 64},
                    "role": {"enum": ROLE_KEYS},
                },
            },
        },
        "translations": {
            "type": "object",
            "propertyNames": {"enum": [code for code in LANGUAGE_CODES if code != "de"]},
            "additionalProperties": {
                "type": "object",
                "required": ["text", "source_version"],
                "additionalProperties": False,
                "properties": {
                    "text": {"type": "string", "minLength": 1, "maxLength": 5000},
                    "source_version": {"type": "integer", "minimum": 1},
                },
            },
        },
    },
}

SERVICE_EXTENSION: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Wegweiser additions to an HSDS service (an actor's mandate)",
    "type": "object",
    "required": ["mandate"],
    "additionalProperties": False,
    "properties": {"mandate": {"type": "array", "items": MANDATE_ITEM}},
}


def merge_patches() -> dict[str, Any]:
    """The profile as JSON Merge Patches over the HSDS schemas organization.json and service.json."""
    return {
        "organization.json": {"properties": {"wegweiser": ORGANIZATION_EXTENSION}},
        "service.json": {"properties": {"wegweiser": SERVICE_EXTENSION}},
    }
