"""The history of guidebook entries: what changed since publication, the timeline, restoring."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from ..models import (
    ContactPerson,
    Location,
    MandateItem,
    MandateTranslation,
    Organization,
    OrganizationStatus,
)


def last_published_record(organization: Organization):
    """The newest history record of the organisation with status published (or None)."""
    return (
        organization.history.filter(status=OrganizationStatus.PUBLISHED)
        .order_by("-history_date")
        .first()
    )


@dataclass
class FieldChange:
    field: str
    label: str
    old: object
    new: object


def _field_label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # noqa: BLE001 - unknown historical field
        return name


def record_changes(record, previous) -> list[FieldChange]:
    """Field changes between two history records of the same object (simple-history diff)."""
    if previous is None:
        return []
    delta = record.diff_against(previous)
    model = record.instance_type
    return [
        FieldChange(change.field, _field_label(model, change.field), change.old, change.new)
        for change in delta.changes
        if change.field not in ("updated_at", "status")
    ]


CHILD_MODELS = (Location, MandateItem, ContactPerson)


def changes_since_publication(organization: Organization) -> dict:
    """What changed since the entry was last published: field diff and changed parts."""
    published = last_published_record(organization)
    newest = organization.history.order_by("-history_date").first()
    since: datetime.datetime | None = None
    organization_changes: list[FieldChange] = []
    if published is not None:
        since = published.history_date
        organization_changes = record_changes(newest, published)
        if published.history_type == "+":
            # Entries created as published (demo data, imports) get their parts in the same
            # minute: those belong to the creation, not to a later change.
            since = published.history_date + datetime.timedelta(seconds=60)
    parts = []
    for model in CHILD_MODELS:
        records = model.history.filter(organization_id=organization.pk)
        if since is not None:
            records = records.filter(history_date__gt=since)
        for record in records.select_related("history_user").order_by("history_date"):
            parts.append(_describe_record(record))
    translations = MandateTranslation.history.filter(item__organization_id=organization.pk)
    if since is not None:
        translations = translations.filter(history_date__gt=since)
    for record in translations.select_related("history_user").order_by("history_date"):
        parts.append(_describe_record(record))
    parts.sort(key=lambda part: part["date"])
    return {"published": published, "fields": organization_changes, "parts": parts}


def _describe_record(record) -> dict:
    previous = record.prev_record
    return {
        "record": record,
        "model": record.instance_type._meta.verbose_name,
        "type": record.get_history_type_display(),
        "history_type": record.history_type,
        "label": str(record.instance),
        "date": record.history_date,
        "user": record.history_user,
        "changes": record_changes(record, previous) if record.history_type == "~" else [],
        "history_id": record.history_id,
    }


def organization_timeline(organization: Organization, limit: int = 200) -> list[dict]:
    """Every recorded change of the entry and its parts, newest first (who, when, what)."""
    entries = []
    records = list(
        organization.history.select_related("history_user").order_by("-history_date")[:limit]
    )
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        entry = _describe_record(record)
        entry["changes"] = record_changes(record, previous) if previous else []
        entry["restorable"] = True
        entry["kind"] = "organization"
        entries.append(entry)
    # Restoring a contact person could bring back withdrawn consent: never offered.
    parts: tuple[tuple[Any, str, bool], ...] = (
        (Location, "location", True),
        (MandateItem, "mandate", True),
        (ContactPerson, "contact", False),
    )
    for model, kind, restorable in parts:
        for record in (
            model.history.filter(organization_id=organization.pk)
            .select_related("history_user")
            .order_by("-history_date")[:limit]
        ):
            entry = _describe_record(record)
            entry["restorable"] = restorable
            entry["kind"] = kind
            entries.append(entry)
    entries.sort(key=lambda entry: entry["date"], reverse=True)
    return entries[:limit]


RESTORE_FIELDS = [
    "name",
    "actor_type_id",
    "parent_id",
    "description",
    "website",
    "email",
    "phone",
    "languages",
    "confidential_address",
]


@transaction.atomic
def restore_version(organization: Organization, kind: str, history_id: int) -> bool:
    """Bring back an earlier version; saved as a new change (so it is audited, and undoable).

    Organisation: its descriptive fields (status, archive state and confirmation date stay).
    Location, mandate item: the whole record (re-created if it was deleted).
    """
    if kind == "organization":
        record = organization.history.filter(history_id=history_id).first()
        if record is None:
            return False
        for name in RESTORE_FIELDS:
            setattr(organization, name, getattr(record, name))
        organization.save()
        return True
    model = {"location": Location, "mandate": MandateItem}.get(kind)
    if model is None:
        return False
    history = model.history  # type: ignore[attr-defined]  # added by simple-history
    record = history.filter(history_id=history_id, organization_id=organization.pk).first()
    if record is None:
        return False
    instance = record.instance
    instance.organization_id = organization.pk
    instance.save()
    return True
