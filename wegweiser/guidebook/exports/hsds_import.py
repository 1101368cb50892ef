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

import datetime
import json
import uuid
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from wegweiser.guidebook.models import (
    ActorType,
    Location,
    MandateItem,
    MandateNeed,
    MandateTranslation,
    Need,
    Organization,
    OrganizationStatus,
)

from .hsds import ACTOR_TYPE_LINK, ACTOR_TYPE_TAXONOMY, NEED_TAXONOMY, taxonomy_id
from .profile import ORGANIZATION_EXTENSION, SERVICE_EXTENSION
from .serializers import ROLE_KEYS

SCHEMA_DIR = Path(__file__).resolve().parent / "data" / "hsds-3.0"
SCHEMA_BASE = "https://schemas.openreferral.org/hsds/3.0/"
MAX_ERRORS_PER_RECORD = 20
# Top-level organization fields we read; anything else that carries data is reported as not mapped.
MAPPED_FIELDS = {
    "id",
    "name",
    "description",
    "email",
    "website",
    "phones",
    "locations",
    "services",
    "attributes",
    "wegweiser",
    "metadata",
}


def max_bytes() -> int:
    return int(getattr(settings, "WEGWEISER_HSDS_MAX_BYTES", 4 * 1024 * 1024))


@dataclass
class Problem:
    record: str
    reason: str
    field: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"record": self.record, "field": self.field, "reason": self.reason}

    def __str__(self) -> str:
        where = f"{self.record} {self.field}".strip()
        return f"{where}: {self.reason}" if where else self.reason


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


# --- schemas ------------------------------------------------------------------------------------


@cache
def _validators():
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resources = []
    for path in SCHEMA_DIR.glob("*.json"):
        with open(path, encoding="utf-8") as handle:
            contents = json.load(handle)
        resources.append(
            (
                SCHEMA_BASE + path.name,
                Resource.from_contents(contents, default_specification=DRAFT202012),
            )
        )
    registry = Registry().with_resources(resources)

    def validator(name: str):
        schema = registry.contents(SCHEMA_BASE + name)
        return Draft202012Validator(
            {"$id": SCHEMA_BASE + name, **schema},
            registry=registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )

    checker = Draft202012Validator.FORMAT_CHECKER
    return {
        "organization": validator("organization.json"),
        "service": validator("service.json"),
        "taxonomy": validator("taxonomy.json"),
        "taxonomy_term": validator("taxonomy_term.json"),
        "organization_extension": Draft202012Validator(
            ORGANIZATION_EXTENSION, format_checker=checker
        ),
        "service_extension": Draft202012Validator(SERVICE_EXTENSION, format_checker=checker),
    }


def _schema_problems(validator, instance, record: str, prefix: str) -> list[Problem]:
    problems = []
    for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
        path = "/".join(str(part) for part in error.absolute_path)
        problems.append(
            Problem(
                record,
                _("does not match the schema: %(message)s") % {"message": error.message[:300]},
                f"{prefix}/{path}".rstrip("/"),
            )
        )
        if len(problems) >= MAX_ERRORS_PER_RECORD:
            break
    return problems


# --- reading ------------------------------------------------------------------------------------


def _organizations_in(document: Any) -> list | None:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        for key in ("organizations", "contents"):
            if key in document:
                value = document[key]
                return value if isinstance(value, list) else None
        if "id" in document and "name" in document:
            return [document]
    return None


def _hsds_kind(record: dict) -> str:
    """Which HSDS object a record looks like (only organizations are imported)."""
    if "location_type" in record:
        return "location"
    if "service_id" in record and "location_id" in record or {"service", "location"} <= set(record):
        return "service_at_location"
    if "status" in record and "services" not in record:
        return "service"
    if "taxonomy_id" in record or "taxonomy_detail" in record or "parent_id" in record:
        return "taxonomy_term"
    if "version" in record and "uri" in record and "services" not in record:
        return "taxonomy"
    return "organization"


def _record_label(index: int, record: Any) -> str:
    label = f"organizations[{index}]"
    if isinstance(record, dict):
        name = record.get("name")
        if isinstance(name, str) and name:
            label += f" «{name[:80]}»"
    return label


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _date(value: Any) -> datetime.date | None:
    if not value:
        return None
    return datetime.date.fromisoformat(value)


def _check_length(problems, record, field_name, value, limit):
    if len(value) > limit:
        problems.append(
            Problem(
                record,
                _("is longer than %(limit)d characters") % {"limit": limit},
                field_name,
            )
        )


class _Context:
    def __init__(self, default_actor_type: str | None):
        self.actor_types = {a.key: a for a in ActorType.objects.all()}
        self.needs = {n.key: n for n in Need.objects.all()}
        self.default_actor_type = default_actor_type
        self.seen_ids: dict[str, str] = {}
        self.actor_taxonomy = taxonomy_id(ACTOR_TYPE_TAXONOMY)
        self.need_taxonomy = taxonomy_id(NEED_TAXONOMY)

    def claim(self, identifier: str, owner: str, record: str, field_name: str, problems) -> None:
        if identifier in self.seen_ids:
            problems.append(
                Problem(
                    record,
                    _("the identifier %(id)s appears more than once in the file")
                    % {"id": identifier},
                    field_name,
                )
            )
        self.seen_ids[identifier] = owner


def _actor_type_key(record: dict, extension: dict | None, context: _Context) -> str | None:
    if extension and extension.get("actor_type"):
        return extension["actor_type"]
    for attribute in record.get("attributes") or []:
        if attribute.get("link_type") == ACTOR_TYPE_LINK and attribute.get("value"):
            return attribute["value"]
        term = attribute.get("taxonomy_term") or {}
        if term.get("taxonomy_id") == context.actor_taxonomy and term.get("code"):
            return term["code"]
    return context.default_actor_type


def _plain_service_item(service: dict, index: int, context: _Context, record, warnings) -> dict:
    """A service without the profile becomes one "can do" item of the mandate."""
    needs = []
    for attribute in service.get("attributes") or []:
        key = attribute.get("value")
        if attribute.get("link_type") in ROLE_KEYS and key in context.needs:
            needs.append({"key": key, "role": attribute["link_type"]})
        else:
            warnings.append(
                Problem(record, _("attribute not mapped"), f"services/{index}/attributes")
            )
    text = _text(service.get("description")) or _text(service.get("name"))
    return {
        "id": service["id"],
        "kind": "can",
        "text": text,
        "version": 1,
        "source": "",
        "as_of": None,
        "order": (index + 1) * 10,
        "needs": needs,
        "translations": {},
    }


def _read_organization(index: int, record: Any, context: _Context):
    """Validate and map one organization. Returns (plan or None, errors, warnings)."""
    label = _record_label(index, record)
    errors: list[Problem] = []
    warnings: list[Problem] = []
    if not isinstance(record, dict):
        return None, [Problem(label, _("is not a JSON object"))], warnings
    kind = _hsds_kind(record)
    if kind != "organization":
        reason = _(
            "is an HSDS %(kind)s, not an organization: import organizations with their services"
        ) % {"kind": kind.replace("_", " ")}
        return None, [Problem(label, reason)], warnings
    validators = _validators()
    errors += _schema_problems(validators["organization"], record, label, "")
    services = record.get("services", [])
    if not isinstance(services, list):
        errors.append(Problem(label, _("must be a list"), "services"))
        services = []
    for position, service in enumerate(services):
        errors += _schema_problems(validators["service"], service, label, f"services/{position}")
        if isinstance(service, dict) and "wegweiser" in service:
            errors += _schema_problems(
                validators["service_extension"],
                service["wegweiser"],
                label,
                f"services/{position}/wegweiser",
            )
    extension = record.get("wegweiser")
    if extension is not None:
        errors += _schema_problems(
            validators["organization_extension"], extension, label, "wegweiser"
        )
    if errors:
        return None, errors, warnings
    label = f"{label} ({record['id']})"

    # Vocabulary and identifiers.
    actor_type = _actor_type_key(record, extension, context)
    if not actor_type:
        errors.append(
            Problem(label, _("no actor type: add the profile's wegweiser.actor_type"), "wegweiser")
        )
    elif actor_type not in context.actor_types:
        errors.append(
            Problem(label, _("unknown actor type “%(key)s”") % {"key": actor_type}, "wegweiser")
        )
    context.claim(record["id"], record["id"], label, "id", errors)
    name = _text(record["name"])
    if not name:
        errors.append(Problem(label, _("the name is empty"), "name"))
    _check_length(errors, label, "name", name, 200)

    extension = extension or {}
    phone = ""
    for phone_record in record.get("phones") or []:
        phone = _text(phone_record.get("number")).strip('"')
        if phone:
            break
    _check_length(errors, label, "phones/0/number", phone, 40)
    languages = list(extension.get("languages") or [])
    if not languages:
        for service in services:
            for language in service.get("languages") or []:
                code = _text(language.get("code")).lower()
                if code and code not in languages and len(code) <= 3:
                    languages.append(code)
    confidential = bool(extension.get("confidential_address", False))

    locations = []
    for position, location in enumerate(record.get("locations") or []):
        where = f"locations/{position}"
        context.claim(location["id"], record["id"], label, f"{where}/id", errors)
        address = (location.get("addresses") or [{}])[0]
        street = ", ".join(
            part
            for part in (_text(address.get("address_1")), _text(address.get("address_2")))
            if part
        )
        hours = "; ".join(
            _text(schedule.get("description"))
            for schedule in location.get("schedules") or []
            if _text(schedule.get("description"))
        )
        access = "; ".join(
            _text(entry.get("description"))
            for entry in location.get("accessibility") or []
            if _text(entry.get("description"))
        )
        planned = {
            "id": location["id"],
            "name": _text(location.get("name")),
            "street": street,
            "postal_code": _text(address.get("postal_code")),
            "city": _text(address.get("city")),
            "opening_hours": hours,
            "accessibility": access,
        }
        for field_name, limit in (
            ("name", 200),
            ("street", 200),
            ("postal_code", 10),
            ("city", 100),
        ):
            _check_length(errors, label, f"{where}/{field_name}", planned[field_name], limit)
        locations.append(planned)
    if confidential and locations:
        warnings.append(
            Problem(
                label,
                _("locations of an organisation with a confidential address are not imported"),
                "locations",
            )
        )
        locations = []

    mandate = []
    for position, service in enumerate(services):
        service_extension = service.get("wegweiser")
        if service_extension is not None:
            items = service_extension["mandate"]
        else:
            items = [_plain_service_item(service, position, context, label, warnings)]
        for item_position, item in enumerate(items):
            where = f"services/{position}/wegweiser/mandate/{item_position}"
            context.claim(item["id"], record["id"], label, f"{where}/id", errors)
            _check_length(errors, label, f"{where}/source", item.get("source") or "", 300)
            for link in item.get("needs") or []:
                if link["key"] not in context.needs:
                    errors.append(
                        Problem(
                            label,
                            _("unknown need “%(key)s”") % {"key": link["key"]},
                            f"{where}/needs",
                        )
                    )
            if not _text(item.get("text")):
                errors.append(Problem(label, _("the mandate text is empty"), f"{where}/text"))
            mandate.append(
                {
                    "id": item["id"],
                    "kind": item["kind"],
                    "text": item["text"],
                    "version": item.get("version") or 1,
                    "source": item.get("source") or "",
                    "as_of": _date(item.get("as_of")),
                    "order": item.get("order", (item_position + 1) * 10),
                    "needs": item.get("needs") or [],
                    "translations": item.get("translations") or {},
                }
            )

    for key, value in record.items():
        if key not in MAPPED_FIELDS and value not in (None, "", [], {}):
            reason = (
                _("named contacts are not imported: a person's consent cannot travel with a file")
                if key == "contacts"
                else _("not mapped")
            )
            warnings.append(Problem(label, reason, key))

    if errors:
        return None, errors, warnings
    plan = {
        "id": record["id"],
        "name": name,
        "actor_type": context.actor_types[actor_type],
        "description": _text(record.get("description")),
        "email": _text(record.get("email")),
        "website": _text(record.get("website")),
        "phone": phone,
        "languages": languages,
        "confidential_address": confidential,
        "last_confirmed_at": _date(extension.get("last_confirmed_at")),
        "locations": locations,
        "mandate": mandate,
        "label": label,
    }
    return plan, errors, warnings


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


# --- writing ------------------------------------------------------------------------------------


def _apply(plan: dict, municipality, report: ImportReport, needs: dict[str, Need]) -> None:
    fields = {
        key: plan[key]
        for key in (
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
    }
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

    keep_locations = []
    for data in plan["locations"]:
        values = {key: value for key, value in data.items() if key != "id"}
        Location.objects.update_or_create(
            id=uuid.UUID(data["id"]), organization=organization, defaults=values
        )
        keep_locations.append(data["id"])
    for location in organization.locations.exclude(pk__in=keep_locations):
        location.delete()

    keep_items = []
    for data in plan["mandate"]:
        item, _created = MandateItem.objects.update_or_create(
            id=uuid.UUID(data["id"]),
            organization=organization,
            defaults={
                key: data[key] for key in ("kind", "text", "version", "source", "as_of", "order")
            },
        )
        keep_items.append(data["id"])
        for language, translation in data["translations"].items():
            MandateTranslation.objects.update_or_create(
                item=item,
                language=language,
                defaults={
                    "text": translation["text"],
                    "source_version": translation["source_version"],
                },
            )
        for stale in item.translations.exclude(language__in=list(data["translations"])):
            stale.delete()
        item.need_links.all().delete()
        MandateNeed.objects.bulk_create(
            MandateNeed(item=item, need=needs[link["key"]], role=link["role"])
            for link in data["needs"]
        )
    for item in organization.mandate_items.exclude(pk__in=keep_items):
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
    size = len(raw.encode() if isinstance(raw, str) else raw)
    if size > max_bytes():
        report.errors.append(
            Problem(
                _("file"),
                _("the file is too large (%(size)d bytes; at most %(limit)d)")
                % {"size": size, "limit": max_bytes()},
            )
        )
        return report
    try:
        document = json.loads(raw)
    # RecursionError: a hostile file nested thousands of levels deep.
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        report.errors.append(
            Problem(_("file"), _("not valid JSON: %(error)s") % {"error": str(error)[:200]})
        )
        return report
    records = _organizations_in(document)
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
        return report
    if not records:
        report.errors.append(Problem(_("file"), _("the file contains no organizations")))
        return report
    if default_actor_type and not ActorType.objects.filter(key=default_actor_type).exists():
        report.errors.append(
            Problem(_("file"), _("unknown actor type “%(key)s”") % {"key": default_actor_type})
        )
        return report

    context = _Context(default_actor_type)
    plans = []
    for index, record in enumerate(records):
        plan, errors, warnings = _read_organization(index, record, context)
        report.errors += errors
        report.warnings += warnings
        if plan is not None:
            plans.append(plan)
    if report.errors:
        return report
    _check_ownership(plans, report)
    if report.errors:
        return report

    with transaction.atomic():
        for plan in plans:
            _apply(plan, municipality, report, context.needs)
        if dry_run:
            transaction.set_rollback(True)
    return report
