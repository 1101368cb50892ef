"""Reading an HSDS 3.0 file: validation against the HSDS schemas and the Wegweiser profile, checks
against our vocabulary, and the plan of what one organization becomes in the guidebook.

Nothing here writes; `hsds_import.py` applies the plans (all or nothing).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext as _

from wegweiser.core.links import http_url
from wegweiser.guidebook.models import ActorType, Need

from .hsds import ACTOR_TYPE_LINK, ACTOR_TYPE_TAXONOMY, NEED_TAXONOMY, taxonomy_id
from .hsds_schema import Problem, schema_problems, validators
from .serializers import ROLE_KEYS

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


# --- reading ------------------------------------------------------------------------------------


def organizations_in(document: Any) -> list | None:
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


class ReadContext:
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


def _actor_type_key(record: dict, extension: dict | None, context: ReadContext) -> str | None:
    if extension and extension.get("actor_type"):
        return extension["actor_type"]
    for attribute in record.get("attributes") or []:
        if attribute.get("link_type") == ACTOR_TYPE_LINK and attribute.get("value"):
            return attribute["value"]
        term = attribute.get("taxonomy_term") or {}
        if term.get("taxonomy_id") == context.actor_taxonomy and term.get("code"):
            return term["code"]
    return context.default_actor_type


def _plain_service_item(service: dict, index: int, context: ReadContext, record, warnings) -> dict:
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


def read_organization(index: int, record: Any, context: ReadContext):
    """Validate and map one organization. Returns (plan or None, errors, warnings)."""
    label = _record_label(index, record)
    warnings: list[Problem] = []
    errors = _shape_problems(record, label)
    if errors:
        return None, errors, warnings
    label = f"{label} ({record['id']})"
    extension = record.get("wegweiser")
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
    extension = extension or {}
    fields = _read_fields(record, extension, label, errors)
    locations = _read_locations(record, context, label, errors)
    if fields["confidential_address"] and locations:
        warnings.append(
            Problem(
                label,
                _("locations of an organisation with a confidential address are not imported"),
                "locations",
            )
        )
        locations = []
    mandate = _read_mandate(record, context, label, errors, warnings)
    warnings += _unmapped_fields(record, label)
    if errors or actor_type is None:
        return None, errors, warnings
    plan = {
        "id": record["id"],
        "actor_type": context.actor_types[actor_type],
        **fields,
        "last_confirmed_at": _date(extension.get("last_confirmed_at")),
        "locations": locations,
        "mandate": mandate,
        "label": label,
    }
    return plan, errors, warnings


def _shape_problems(record: Any, label: str) -> list[Problem]:
    """Is the record an HSDS organization matching the schemas and the Wegweiser profile?"""
    if not isinstance(record, dict):
        return [Problem(label, _("is not a JSON object"))]
    kind = _hsds_kind(record)
    if kind != "organization":
        reason = _(
            "is an HSDS %(kind)s, not an organization: import organizations with their services"
        ) % {"kind": kind.replace("_", " ")}
        return [Problem(label, reason)]
    schemas = validators()
    errors = schema_problems(schemas["organization"], record, label, "")
    services = record.get("services", [])
    if not isinstance(services, list):
        errors.append(Problem(label, _("must be a list"), "services"))
        services = []
    for position, service in enumerate(services):
        errors += schema_problems(schemas["service"], service, label, f"services/{position}")
        if isinstance(service, dict) and "wegweiser" in service:
            errors += schema_problems(
                schemas["service_extension"],
                service["wegweiser"],
                label,
                f"services/{position}/wegweiser",
            )
    if record.get("wegweiser") is not None:
        errors += schema_problems(
            schemas["organization_extension"], record["wegweiser"], label, "wegweiser"
        )
    return errors


def _read_fields(record: dict, extension: dict, label: str, errors: list[Problem]) -> dict:
    """The organisation's own fields (name, contact channels, languages, confidentiality)."""
    name = _text(record["name"])
    if not name:
        errors.append(Problem(label, _("the name is empty"), "name"))
    _check_length(errors, label, "name", name, 200)
    phone = ""
    for phone_record in record.get("phones") or []:
        phone = _text(phone_record.get("number")).strip('"')
        if phone:
            break
    _check_length(errors, label, "phones/0/number", phone, 40)
    website = _text(record.get("website"))
    if website and not http_url(website):
        errors.append(
            Problem(label, _("the website must be an http:// or https:// address"), "website")
        )
    languages = list(extension.get("languages") or [])
    if not languages:
        for service in record.get("services") or []:
            for language in service.get("languages") or []:
                code = _text(language.get("code")).lower()
                if code and code not in languages and len(code) <= 3:
                    languages.append(code)
    return {
        "name": name,
        "description": _text(record.get("description")),
        "email": _text(record.get("email")),
        "website": website,
        "phone": phone,
        "languages": languages,
        "confidential_address": bool(extension.get("confidential_address", False)),
    }


def _read_locations(record: dict, context: ReadContext, label: str, errors: list[Problem]) -> list:
    locations = []
    for position, location in enumerate(record.get("locations") or []):
        where = f"locations/{position}"
        context.claim(location["id"], record["id"], label, f"{where}/id", errors)
        planned = _location_plan(location)
        for field_name, limit in (
            ("name", 200),
            ("street", 200),
            ("postal_code", 10),
            ("city", 100),
        ):
            _check_length(errors, label, f"{where}/{field_name}", planned[field_name], limit)
        locations.append(planned)
    return locations


def _joined(entries, separator: str = "; ") -> str:
    """The non-empty descriptions of HSDS schedules or accessibility entries, joined."""
    texts = (_text(entry.get("description")) for entry in entries or [])
    return separator.join(text for text in texts if text)


def _location_plan(location: dict) -> dict:
    address = (location.get("addresses") or [{}])[0]
    street = ", ".join(
        part for part in (_text(address.get("address_1")), _text(address.get("address_2"))) if part
    )
    return {
        "id": location["id"],
        "name": _text(location.get("name")),
        "street": street,
        "postal_code": _text(address.get("postal_code")),
        "city": _text(address.get("city")),
        "opening_hours": _joined(location.get("schedules")),
        "accessibility": _joined(location.get("accessibility")),
    }


def _read_mandate(
    record: dict, context: ReadContext, label: str, errors: list[Problem], warnings: list[Problem]
) -> list:
    mandate = []
    for position, service in enumerate(record.get("services") or []):
        service_extension = service.get("wegweiser")
        if service_extension is not None:
            items = service_extension["mandate"]
        else:
            items = [_plain_service_item(service, position, context, label, warnings)]
        for item_position, item in enumerate(items):
            where = f"services/{position}/wegweiser/mandate/{item_position}"
            context.claim(item["id"], record["id"], label, f"{where}/id", errors)
            _check_mandate_item(item, context, label, where, errors)
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
    return mandate


def _check_mandate_item(
    item: dict, context: ReadContext, label: str, where: str, errors: list[Problem]
) -> None:
    _check_length(errors, label, f"{where}/source", item.get("source") or "", 300)
    for link in item.get("needs") or []:
        if link["key"] not in context.needs:
            errors.append(
                Problem(label, _("unknown need “%(key)s”") % {"key": link["key"]}, f"{where}/needs")
            )
    if not _text(item.get("text")):
        errors.append(Problem(label, _("the mandate text is empty"), f"{where}/text"))


def _unmapped_fields(record: dict, label: str) -> list[Problem]:
    warnings = []
    for key, value in record.items():
        if key not in MAPPED_FIELDS and value not in (None, "", [], {}):
            reason = (
                _("named contacts are not imported: a person's consent cannot travel with a file")
                if key == "contacts"
                else _("not mapped")
            )
            warnings.append(Problem(label, reason, key))
    return warnings
