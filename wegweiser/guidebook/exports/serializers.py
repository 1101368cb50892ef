"""The guidebook as plain data: the formal (public) and the informal (network) version.

Every export (PDF, HSDS, API) starts here, so what is public is decided once:

* formal: published organisations serving the municipality (counselling services first), their
  institutional channels, mandate items with needs, roles and translations, and locations — except
  for organisations with a confidential address (shelters publish only their "front door").
  Never contact persons, never internal notes, never drafts or entries waiting for approval.
* informal: the formal version plus contact persons with recorded, not withdrawn consent and the
  internal notes. Only for users with a role in the municipality (`access.may_see_internal`).

The result is JSON-compatible (strings, numbers, lists, dicts, None); dates are ISO strings.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from wegweiser.core.links import http_url
from wegweiser.guidebook.access import may_see_internal
from wegweiser.guidebook.models import (
    ActorType,
    Location,
    MandateItem,
    MandateKind,
    Need,
    NeedRole,
)
from wegweiser.guidebook.selectors import (
    consented_contacts,
    internal_note,
    internal_notes_of,
    published_organizations,
)

FORMAL = "formal"
INFORMAL = "informal"

# Order of the mandate kinds in every output.
KIND_ORDER = [
    MandateKind.CAN,
    MandateKind.CANNOT,
    MandateKind.WHEN_TO_INVOLVE,
    MandateKind.LEGAL_BASIS,
    MandateKind.DATA_DUTY,
]
KIND_KEYS = [str(kind.value) for kind in KIND_ORDER]
ROLE_KEYS = [str(role.value) for role in NeedRole]


def _date(value: datetime.date | datetime.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value)
    return value.isoformat()


def municipality_data(municipality) -> dict[str, Any]:
    return {
        "slug": municipality.slug,
        "name": municipality.name,
        "ags": municipality.ags,
        "state": {"code": municipality.state.code, "name": municipality.state.name},
    }


def actor_type_data(actor_type: ActorType) -> dict[str, Any]:
    return {
        "key": actor_type.key,
        "name": dict(actor_type.name),
        "summary": dict(actor_type.summary or {}),
        "counselling": actor_type.counselling,
        "public_body": actor_type.public_body,
        "target_group": actor_type.target_group,
    }


def need_data(need: Need) -> dict[str, Any]:
    return {
        "key": need.key,
        "label": dict(need.label),
        "plain": dict(need.plain),
        "acute": need.acute,
    }


def _location(location: Location) -> dict[str, Any]:
    return {
        "id": str(location.id),
        "name": location.name,
        "street": location.street,
        "postal_code": location.postal_code,
        "city": location.city,
        "opening_hours": location.opening_hours,
        "accessibility": location.accessibility,
    }


def _mandate_item(item: MandateItem) -> dict[str, Any]:
    translations = {
        translation.language: {
            "text": translation.text,
            "source_version": translation.source_version,
            "current": translation.source_version >= item.version,
        }
        for translation in sorted(item.translations.all(), key=lambda t: t.language)
    }
    needs = sorted(
        ({"key": link.need.key, "role": link.role} for link in item.need_links.all()),
        key=lambda link: link["key"],
    )
    return {
        "id": str(item.id),
        "kind": item.kind,
        "text": item.text,
        "version": item.version,
        "source": item.source,
        "as_of": _date(item.as_of),
        "order": item.order,
        "translations": translations,
        "needs": needs,
    }


def _sort_key(organization) -> tuple:
    # Counselling services first: they are where a worker should be sent first.
    return (
        not organization.actor_type.counselling,
        organization.actor_type.order,
        organization.name.casefold(),
        str(organization.id),
    )


def organization_data(
    organization, *, internal: bool, municipality=None, notes: dict | None = None
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": str(organization.id),
        "name": organization.name,
        "actor_type": actor_type_data(organization.actor_type),
        "description": organization.description,
        "website": http_url(organization.website),
        "email": organization.email,
        "phone": organization.phone,
        "languages": list(organization.languages or []),
        "confidential_address": organization.confidential_address,
        # One record of the state guidebook, part of every municipal guidebook of its state.
        "state_wide": organization.state_id is not None,
        "last_confirmed_at": _date(organization.last_confirmed_at),
        "locations": []
        if organization.confidential_address
        else [_location(location) for location in organization.locations.all()],
        "mandate": [_mandate_item(item) for item in organization.mandate_items.all()],
    }
    if internal:
        data["contact_persons"] = [
            {
                "id": str(person.id),
                "name": person.name,
                "function": person.function,
                "phone": person.phone,
                "email": person.email,
                "practical_note": person.practical_note,
            }
            for person in consented_contacts(organization)
        ]
        # The note of the municipality whose guidebook this is, never another's (issue 11).
        if notes is not None:
            data["internal_notes"] = notes.get(organization.pk, "")
        else:
            data["internal_notes"] = (
                internal_note(organization, municipality) if municipality is not None else ""
            )
    return data


def _guidebook(municipality, *, internal: bool) -> dict[str, Any]:
    organizations = sorted(published_organizations(municipality, contacts=internal), key=_sort_key)
    dates = [o.last_confirmed_at for o in organizations if o.last_confirmed_at]
    notes = internal_notes_of(municipality) if internal else None  # one query, not one per entry
    return {
        "version": INFORMAL if internal else FORMAL,
        "municipality": municipality_data(municipality),
        # The guidebook is as current as its most recently confirmed entry.
        "as_of": _date(max(dates)) if dates else None,
        "organizations": [
            organization_data(o, internal=internal, municipality=municipality, notes=notes)
            for o in organizations
        ],
    }


def formal_guidebook(municipality) -> dict[str, Any]:
    """The public guidebook of a municipality."""
    return _guidebook(municipality, internal=False)


def informal_guidebook(municipality, user) -> dict[str, Any]:
    """The network's guidebook; falls back to the formal one for users without a role there."""
    return _guidebook(municipality, internal=may_see_internal(user, municipality))


def network_guidebook(municipality) -> dict[str, Any]:
    """The network's guidebook regardless of a user (rendered ahead by a task, served after the
    permission check)."""
    return _guidebook(municipality, internal=True)


def organization_of_guidebook(municipality, organization_id, user=None) -> dict[str, Any] | None:
    """One published organisation of the municipality's guidebook, or None."""
    internal = may_see_internal(user, municipality)
    found = (
        published_organizations(municipality, contacts=internal).filter(pk=organization_id).first()
    )
    if found is None:
        return None
    return organization_data(found, internal=internal, municipality=municipality)


def mandate_text(item: dict[str, Any], language: str) -> tuple[str, bool]:
    """Text of a serialized mandate item in a language: (text, is_translation).

    Falls back to the German source when no up-to-date translation exists.
    """
    translation = item["translations"].get(language)
    if language != "de" and translation and translation["current"] and translation["text"]:
        return translation["text"], True
    return item["text"], False
