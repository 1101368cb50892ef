"""Open Referral HSDS 3.0 export of a municipality's formal guidebook (see docs/hsds-profile.md).

Mapping: organisation → HSDS organization (institutional phone, locations with address, schedule
and accessibility; actor type as attribute) → one HSDS service, the actor's mandate (languages,
service at locations, needs as attributes whose link_type is the role). What HSDS has no field for
(mandate items by kind, legal basis, data duties, "as of" dates, translations) travels in the
profile's `wegweiser` objects. UUIDs of organisations, locations and mandate items are preserved;
identifiers HSDS needs but we do not store are derived with uuid5, so an export is stable.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from wegweiser.core.links import absolute_url
from wegweiser.guidebook.models import ActorType, Need, localized

from .serializers import formal_guidebook

HSDS_VERSION = "3.0"
PROFILE_URI = "https://wegweiser.example.org/hsds-profile/1.0"
PROFILE_VERSION = "1.0"
# Namespace of the identifiers derived here (stable across installations).
NAMESPACE = uuid.UUID("6f0c4a52-3c1e-4d57-9a60-1b7b3e0f8d21")
ACTOR_TYPE_TAXONOMY = "wegweiser-actor-types"
NEED_TAXONOMY = "wegweiser-needs"
ACTOR_TYPE_LINK = "actor_type"

LANGUAGE_NAMES = {
    "de": "German",
    "en": "English",
    "ro": "Romanian",
    "bg": "Bulgarian",
    "pl": "Polish",
    "hu": "Hungarian",
    "uk": "Ukrainian",
    "ru": "Russian",
    "ar": "Arabic",
    "tr": "Turkish",
    "vi": "Vietnamese",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "sq": "Albanian",
    "sr": "Serbian",
    "hr": "Croatian",
    "cs": "Czech",
    "sk": "Slovak",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "fa": "Persian",
    "ku": "Kurdish",
    "ti": "Tigrinya",
    "zh": "Chinese",
    "hi": "Hindi",
    "ur": "Urdu",
    "ka": "Georgian",
    "mo": "Moldovan",
}


def _overview_path(municipality) -> str:
    with override("de"):
        return reverse("guidebook:overview", kwargs={"slug": municipality.slug})


def derived_id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def taxonomy_id(name: str) -> str:
    return derived_id("taxonomy", name)


def term_id(taxonomy: str, key: str) -> str:
    return derived_id("term", taxonomy, key)


def _term(taxonomy: str, key: str, names: dict[str, str], description: str = "") -> dict:
    return {
        "id": term_id(taxonomy, key),
        "code": key,
        "name": names.get("en") or names.get("de") or key,
        "description": description or names.get("de") or key,
        "taxonomy_id": taxonomy_id(taxonomy),
        "language": "en",
    }


def taxonomies() -> list[dict[str, Any]]:
    return [
        {
            "id": taxonomy_id(ACTOR_TYPE_TAXONOMY),
            "name": ACTOR_TYPE_TAXONOMY,
            "description": "Kinds of actors in a local network against labour exploitation.",
            "uri": f"{PROFILE_URI}#actor-types",
            "version": PROFILE_VERSION,
        },
        {
            "id": taxonomy_id(NEED_TAXONOMY),
            "name": NEED_TAXONOMY,
            "description": "Situations and needs of workers; attributes link them to mandates.",
            "uri": f"{PROFILE_URI}#needs",
            "version": PROFILE_VERSION,
        },
    ]


def taxonomy_terms() -> list[dict[str, Any]]:
    terms = [
        _term(ACTOR_TYPE_TAXONOMY, actor_type.key, actor_type.name)
        for actor_type in ActorType.objects.order_by("order", "key")
    ]
    terms += [
        _term(NEED_TAXONOMY, need.key, need.label, localized(need.plain, "en"))
        for need in Need.objects.order_by("order", "key")
    ]
    return terms


def _languages(codes: list[str], *, service_id: str) -> list[dict[str, Any]]:
    return [
        {
            "id": derived_id("language", service_id, code),
            "service_id": service_id,
            "name": LANGUAGE_NAMES.get(code, code),
            "code": code,
        }
        for code in codes
    ]


def _location(location: dict[str, Any], organization: dict[str, Any], state: str) -> dict:
    location_id = location["id"]
    data: dict[str, Any] = {
        "id": location_id,
        "location_type": "physical",
        "organization_id": organization["id"],
        "name": location["name"] or organization["name"],
        "addresses": [],
        "schedules": [],
        "accessibility": [],
    }
    if location["street"] or location["city"]:
        data["addresses"].append(
            {
                "id": derived_id("address", location_id),
                "location_id": location_id,
                "address_1": location["street"],
                "city": location["city"],
                "state_province": state,
                "postal_code": location["postal_code"],
                "country": "DE",
                "address_type": "physical",
            }
        )
    if location["opening_hours"]:
        data["schedules"].append(
            {
                "id": derived_id("schedule", location_id),
                "location_id": location_id,
                "description": location["opening_hours"],
            }
        )
    if location["accessibility"]:
        data["accessibility"].append(
            {
                "id": derived_id("accessibility", location_id),
                "location_id": location_id,
                "description": location["accessibility"],
            }
        )
    return data


def _need_attribute(service_id: str, key: str, role: str) -> dict[str, Any]:
    """A need the service serves, in a role (HSDS attribute with the need taxonomy's term)."""
    return {
        "id": derived_id("attribute", service_id, key, role),
        "link_id": service_id,
        "link_type": role,
        "link_entity": "service",
        "taxonomy_term_id": term_id(NEED_TAXONOMY, key),
        "value": key,
    }


def _mandate_item(item: dict[str, Any]) -> dict[str, Any]:
    """A mandate item in the Wegweiser profile (without the serializer's "current" flags)."""
    return {
        "id": item["id"],
        "kind": item["kind"],
        "text": item["text"],
        "version": item["version"],
        "source": item["source"],
        "as_of": item["as_of"],
        "order": item["order"],
        "needs": item["needs"],
        "translations": {
            language: {
                "text": translation["text"],
                "source_version": translation["source_version"],
            }
            for language, translation in item["translations"].items()
        },
    }


def _service(organization: dict[str, Any]) -> dict[str, Any]:
    service_id = derived_id("service", organization["id"])
    actor_type = organization["actor_type"]
    needs: dict[tuple[str, str], None] = {}
    for item in organization["mandate"]:
        for link in item["needs"]:
            needs[(link["key"], link["role"])] = None
    attributes = [_need_attribute(service_id, key, role) for key, role in sorted(needs)]
    service: dict[str, Any] = {
        "id": service_id,
        "organization_id": organization["id"],
        "name": f"{actor_type['name'].get('de') or actor_type['key']}: {organization['name']}",
        "description": organization["description"]
        or actor_type["summary"].get("de")
        or organization["name"],
        "status": "active",
        "languages": _languages(organization["languages"], service_id=service_id),
        "service_at_locations": [
            {
                "id": derived_id("service_at_location", service_id, location["id"]),
                "service_id": service_id,
                "location_id": location["id"],
            }
            for location in organization["locations"]
        ],
        "attributes": attributes,
        "wegweiser": {"mandate": [_mandate_item(item) for item in organization["mandate"]]},
    }
    if organization["last_confirmed_at"]:
        service["assured_date"] = organization["last_confirmed_at"]
    if organization["email"]:
        service["email"] = organization["email"]
    if organization["website"]:
        service["url"] = organization["website"]
    return service


def organization_to_hsds(organization: dict[str, Any], state: str) -> dict[str, Any]:
    """One serialized (formal) organisation as an HSDS organization with its service."""
    actor_type = organization["actor_type"]
    data: dict[str, Any] = {
        "id": organization["id"],
        "name": organization["name"],
        "description": organization["description"] or organization["name"],
        "phones": [],
        "locations": [
            _location(location, organization, state) for location in organization["locations"]
        ],
        "attributes": [
            {
                "id": derived_id("attribute", organization["id"], ACTOR_TYPE_LINK),
                "link_id": organization["id"],
                "link_type": ACTOR_TYPE_LINK,
                "link_entity": "organization",
                "taxonomy_term_id": term_id(ACTOR_TYPE_TAXONOMY, actor_type["key"]),
                "value": actor_type["key"],
            }
        ],
        "services": [_service(organization)],
        "wegweiser": {
            "actor_type": actor_type["key"],
            "languages": organization["languages"],
            "confidential_address": organization["confidential_address"],
            "last_confirmed_at": organization["last_confirmed_at"],
        },
    }
    if organization["email"]:
        data["email"] = organization["email"]
    if organization["website"]:
        data["website"] = organization["website"]
    if organization["phone"]:
        data["phones"].append(
            {
                "id": derived_id("phone", organization["id"]),
                "organization_id": organization["id"],
                "number": organization["phone"],
                "type": "voice",
            }
        )
    return data


def export_document(municipality, guidebook: dict[str, Any] | None = None) -> dict[str, Any]:
    """The HSDS document of a municipality's FORMAL guidebook (never the informal one)."""
    guidebook = guidebook if guidebook is not None else formal_guidebook(municipality)
    assert guidebook["version"] == "formal", "HSDS exports carry the formal guidebook only"
    state = guidebook["municipality"]["state"]["name"]
    return {
        "hsds_version": HSDS_VERSION,
        "profile": PROFILE_URI,
        "generated_at": timezone.now().replace(microsecond=0).isoformat(),
        "as_of": guidebook["as_of"],
        "source": absolute_url(_overview_path(municipality)),
        "municipality": guidebook["municipality"],
        "taxonomies": taxonomies(),
        "taxonomy_terms": taxonomy_terms(),
        "organizations": [organization_to_hsds(o, state) for o in guidebook["organizations"]],
    }
