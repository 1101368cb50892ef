"""Import of HSDS 3.0 data (ours or anyone's) into a municipality's guidebook.

All or nothing: the file is read, validated against the HSDS 3.0 schemas and the Wegweiser profile,
and checked against our vocabulary first. If any record is rejected, the report lists every rejected
record with its reason and nothing is written. Otherwise organisations are created or updated by
their UUID (with their locations and mandate items, also by UUID) in one transaction.

Accepted shapes: a Wegweiser export ({"organizations": [...]}), a single HSDS organization, a page
of the HSDS API ({"contents": [...]}) or a plain list of organizations. Contacts (named persons) are
never imported: the consent a named person gave cannot travel with a file.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from wegweiser.guidebook.models import (
    ActorType,
    Location,
    MandateItem,
    Need,
    Organization,
    OrganizationStatus,
)
from wegweiser.guidebook.services import save_mandate_item
from wegweiser.guidebook.signals import search_refresh_deferred

from .hsds_read import Problem, ReadContext, organizations_in, read_organization


def max_bytes() -> int:
    return settings.WEGWEISER_HSDS_MAX_BYTES


@dataclass
class ImportReport:
    dry_run: bool = False
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "dry_run": self.dry_run,
            "created": self.created,
            "updated": self.updated,
            "errors": [problem.as_dict() for problem in self.errors],
            "warnings": [problem.as_dict() for problem in self.warnings],
        }


def _check_ownership(plans: list[dict], report: ImportReport) -> None:
    """Locations and mandate items of the file must not belong to other organisations."""
    owners = {}
    for plan in plans:
        for location in plan["locations"]:
            owners[("location", location["id"])] = plan
        for item in plan["mandate"]:
            owners[("mandate", item["id"])] = plan
    location_ids = [key[1] for key in owners if key[0] == "location"]
    item_ids = [key[1] for key in owners if key[0] == "mandate"]
    for kind, model, ids in (
        ("location", Location, location_ids),
        ("mandate", MandateItem, item_ids),
    ):
        for pk, organization_id in model.objects.filter(pk__in=ids).values_list(
            "pk", "organization_id"
        ):
            plan = owners[(kind, str(pk))]
            if str(organization_id) != plan["id"]:
                report.errors.append(
                    Problem(
                        plan["label"],
                        _("the identifier %(id)s belongs to another organisation") % {"id": pk},
                    )
                )


def _without_state_wide(plans: list[dict], report: ImportReport) -> list[dict]:
    """A municipal guidebook's export carries its state's state-wide actors; importing it must not
    change them (the state coordination keeps them) nor tie them to one municipality."""
    ids = [plan["id"] for plan in plans]
    state_wide = {
        str(pk)
        for pk in Organization.objects.filter(pk__in=ids, state__isnull=False).values_list(
            "pk", flat=True
        )
    }
    for plan in plans:
        if plan["id"] in state_wide:
            report.warnings.append(
                Problem(
                    plan["label"],
                    _("a state-wide entry kept by the state coordination: left unchanged"),
                )
            )
    return [plan for plan in plans if plan["id"] not in state_wide]


# --- writing ------------------------------------------------------------------------------------


ORGANIZATION_FIELDS = (
    "name",
    "actor_type",
    "description",
    "email",
    "website",
    "phone",
    "languages",
    "confidential_address",
    "last_confirmed_at",
)
MANDATE_FIELDS = ("kind", "text", "version", "source", "as_of", "order")


def _apply(plan: dict, municipality, report: ImportReport, needs: dict[str, Need]) -> None:
    fields = {key: plan[key] for key in ORGANIZATION_FIELDS}
    organization = Organization.objects.filter(pk=plan["id"]).first()
    if organization is None:
        organization = Organization.objects.create(
            id=uuid.UUID(plan["id"]), status=OrganizationStatus.PUBLISHED, **fields
        )
        report.created.append(plan["name"])
    else:
        for key, value in fields.items():
            setattr(organization, key, value)
        organization.save()
        report.updated.append(plan["name"])
    organization.municipalities.add(municipality)
    _apply_locations(organization, plan["locations"])
    _apply_mandate(organization, plan["mandate"], needs)


def _apply_locations(organization: Organization, locations: list[dict]) -> None:
    keep = []
    for data in locations:
        values = {key: value for key, value in data.items() if key != "id"}
        Location.objects.update_or_create(
            id=uuid.UUID(data["id"]), organization=organization, defaults=values
        )
        keep.append(data["id"])
    for location in organization.locations.exclude(pk__in=keep):
        location.delete()


def _apply_mandate(organization: Organization, mandate: list[dict], needs: dict[str, Need]) -> None:
    """Items by their UUID through the guidebook's one write path; the file's versions are kept."""
    keep = []
    for data in mandate:
        item = MandateItem.objects.filter(
            pk=data["id"], organization=organization
        ).first() or MandateItem(id=uuid.UUID(data["id"]), organization=organization)
        for key in MANDATE_FIELDS:
            setattr(item, key, data[key])
        translations = data["translations"]
        save_mandate_item(
            item,
            needs={needs[link["key"]]: link["role"] for link in data["needs"]},
            translations={language: entry["text"] for language, entry in translations.items()},
            source_versions={
                language: entry["source_version"] for language, entry in translations.items()
            },
            keep_version=True,
        )
        keep.append(data["id"])
    for item in organization.mandate_items.exclude(pk__in=keep):
        item.delete()


def import_hsds(
    raw: bytes | str,
    municipality,
    *,
    dry_run: bool = False,
    default_actor_type: str | None = None,
) -> ImportReport:
    """Validate and import an HSDS file into a municipality's guidebook. Never half-writes."""
    report = ImportReport(dry_run=dry_run)
    records = _records(raw, default_actor_type, report)
    if records is None:
        return report
    context = ReadContext(default_actor_type)
    plans = []
    for index, record in enumerate(records):
        plan, errors, warnings = read_organization(index, record, context)
        report.errors += errors
        report.warnings += warnings
        if plan is not None:
            plans.append(plan)
    if report.errors:
        return report
    plans = _without_state_wide(plans, report)
    _check_ownership(plans, report)
    if report.errors:
        return report

    # Search texts are rebuilt once per imported entry (inside the transaction, so a dry run or
    # an error undoes them too), not after each item, translation and need link.
    with transaction.atomic():
        with search_refresh_deferred():
            for plan in plans:
                _apply(plan, municipality, report, context.needs)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _records(raw: bytes | str, default_actor_type: str | None, report: ImportReport) -> list | None:
    """The organization records of the file, or None with the file's problem in the report."""
    size = len(raw.encode() if isinstance(raw, str) else raw)
    if size > max_bytes():
        report.errors.append(
            Problem(
                _("file"),
                _("the file is too large (%(size)d bytes; at most %(limit)d)")
                % {"size": size, "limit": max_bytes()},
            )
        )
        return None
    try:
        document = json.loads(raw)
    # RecursionError: a hostile file nested thousands of levels deep.
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        report.errors.append(
            Problem(_("file"), _("not valid JSON: %(error)s") % {"error": str(error)[:200]})
        )
        return None
    records = organizations_in(document)
    if records is None:
        report.errors.append(
            Problem(
                _("file"),
                _(
                    "no list of organizations found (expected a Wegweiser export, an HSDS "
                    "organization, a list of them or an HSDS API page)"
                ),
            )
        )
        return None
    if not records:
        report.errors.append(Problem(_("file"), _("the file contains no organizations")))
        return None
    if default_actor_type and not ActorType.objects.filter(key=default_actor_type).exists():
        report.errors.append(
            Problem(_("file"), _("unknown actor type “%(key)s”") % {"key": default_actor_type})
        )
        return None
    return records
