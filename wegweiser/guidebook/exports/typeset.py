"""What the guidebook PDF shows, as plain data for its Typst template (guidebook.typ).

Everything here is translated and formatted already (in the language active while rendering), so
the template only lays it out. Texts stay strings: the template places them as values, never as
markup (core/typeset.py), so nothing an editor typed can change the document's structure.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django.utils import formats
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from wegweiser.core.i18n import current_language

TEMPLATE = Path(__file__).parent / "templates" / "guidebook" / "exports" / "guidebook.typ"


def _date(value: datetime.date | None) -> str:
    return formats.date_format(value, "DATE_FORMAT") if value else ""


def _labels(internal: bool) -> dict[str, str]:
    """The document's own wording (the same messages as the former HTML template)."""
    return {
        "kicker": _("Guidebook of the local network against labour exploitation"),
        "version": _(
            "Internal version – for network members only. With contact persons and internal "
            "notes; do not pass on."
        )
        if internal
        else _("Public version"),
        "as_of": _("As of"),
        "generated_on": _("Generated on"),
        "actors": _("Actors"),
        "intro": _(
            "This guidebook lists the actors of the local network: what each one can do, what it "
            "cannot do, on which legal basis it acts and what happens to a person's data when it "
            "gets involved. Counselling services come first: they are the first place to send a "
            "person who may be affected."
        ),
        "qr": _("QR code of the online version"),
        "online": _("The online version is always current:"),
        "contents": _("Contents"),
        "no_entries": _("No published entries yet."),
        "counselling": _("Counselling service"),
        "state_wide": _("state-wide"),
        "original": _("German original"),
        "legal_basis": _("Legal basis"),
        "item_as_of": _("as of"),
        "needs": _("Needs"),
        "no_mandate": _("No mandate recorded yet."),
        "contacts": _("Contact persons (internal)"),
        "name": _("Name"),
        "function": _("Function"),
        "reachable": _("Reachable"),
        "no_contacts": _("No contact person with recorded consent."),
        "notes": _("Internal notes"),
    }


def _facts(organization: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of an actor's facts table: label, lines, whether the value reads left to right and
    whether it is German (editors write these texts in German)."""

    def row(label: str, *lines: str, ltr: bool = False, german: bool = False) -> dict[str, Any]:
        return {"label": label, "lines": [line for line in lines if line], "ltr": ltr, "de": german}

    rows = []
    if organization.get("confidential_address"):
        rows.append(
            row(
                _("Address"),
                _(
                    "Confidential. Contact only through the channels below or through a "
                    "counselling service."
                ),
            )
        )
    for location in organization.get("locations", []):
        place = location.get("name") if location.get("name") != organization["name"] else ""
        city = f"{location.get('postal_code', '')} {location.get('city', '')}".strip()
        rows.append(row(_("Address"), place, location.get("street", ""), city, ltr=True))
        if location.get("opening_hours"):
            rows.append(row(_("Opening hours"), location["opening_hours"], ltr=True, german=True))
        if location.get("accessibility"):
            rows.append(row(_("Accessibility"), location["accessibility"], ltr=True, german=True))
    for key, label in (("phone", _("Phone")), ("email", _("E-mail")), ("website", _("Website"))):
        if organization.get(key):
            rows.append(row(label, organization[key], ltr=True))
    if organization.get("language_names"):
        rows.append(row(_("Languages"), ", ".join(organization["language_names"])))
    confirmed = _date(organization.get("confirmed")) or _("not yet confirmed")
    rows.append(row(_("Confirmed on"), confirmed))
    return rows


def _groups(organization: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "kind": group["kind"],
            "label": str(group["label"])[:1].upper() + str(group["label"])[1:],
            "items": [
                {
                    "text": item["text"],
                    "original": bool(item["original"]),
                    "source": item["source"] or "",
                    "as_of": _date(item["as_of"]),
                    "needs": "; ".join(
                        f"{need['label']} ({need['role']})" for need in item["needs"]
                    ),
                }
                for item in group["items"]
            ],
        }
        for group in organization["groups"]
    ]


def _organization(organization: dict[str, Any], internal: bool) -> dict[str, Any]:
    data = {
        "id": organization["anchor"],
        "name": organization["name"],
        "type": organization["type_label"],
        "counselling": bool(organization["actor_type"].get("counselling")),
        # One record of the state, shown in every municipal guidebook of the state.
        "state_wide": bool(organization.get("state_wide")),
        "description": organization.get("description") or "",
        "facts": _facts(organization),
        "groups": _groups(organization),
    }
    if internal:
        data["contacts"] = [
            {key: person.get(key) or "" for key in ("name", "function", "phone", "email")}
            | {"note": person.get("practical_note") or ""}
            for person in organization.get("contact_persons", [])
        ]
        data["notes"] = organization.get("internal_notes") or ""
    return data


def guidebook_data(context: dict[str, Any]) -> dict[str, Any]:
    """The data of guidebook.typ from the PDF's context (pdf.pdf_context)."""
    internal = context["internal"]
    generated = formats.date_format(context["generated_at"], "SHORT_DATETIME_FORMAT")
    title = context["title"]
    mark, stamp = "", ""
    if internal:
        title = f"{title} – " + _("internal version")
        who = context["downloaded_by"]
        when = {"name": who, "when": generated}
        by = _("Downloaded by %(name)s on %(when)s") % when if who else ""
        mark = (
            _("INTERNAL – for network members only")
            + " · "
            + (by or _("Generated on") + " " + generated)
        )
        stamp = _("Downloaded by %(name)s on %(when)s.") % when if who else ""
    municipality = context["municipality"]
    return {
        "language": current_language(),
        "rtl": get_language_bidi(),
        "title": title,
        "author": municipality.name,
        "municipality": municipality.name,
        "state": municipality.state.name,
        "internal": internal,
        "mark": mark,
        "stamp": stamp,
        "as_of": _date(context["as_of"]) or "–",
        "generated": generated,
        "online_url": context["online_url"],
        "qr_svg": str(context["qr_svg"]),
        "labels": _labels(internal),
        "organizations": [_organization(o, internal) for o in context["organizations"]],
    }
