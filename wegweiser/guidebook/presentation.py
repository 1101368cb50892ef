"""Turning prefetched guidebook data into what pages show (no queries here)."""

from __future__ import annotations

from dataclasses import dataclass

from wegweiser.core.i18n import current_language

from .models import MandateKind, NeedRole
from .search import language_label

KIND_ORDER = [
    MandateKind.CAN,
    MandateKind.LEGAL_BASIS,
    MandateKind.CANNOT,
    MandateKind.DATA_DUTY,
    MandateKind.WHEN_TO_INVOLVE,
]
ROLE_ORDER = [NeedRole.ACTS, NeedRole.ADVISES, NeedRole.MUST_BE_INFORMED, NeedRole.CAUTION]


@dataclass
class ItemText:
    text: str
    language: str
    state: str  # source | current | outdated | missing


def item_text(item, language: str | None = None) -> ItemText:
    """The mandate text in the active language, falling back to the German source."""
    language = current_language(language)
    if language == "de":
        return ItemText(item.text, "de", "source")
    for row in item.translations.all():
        if row.language == language and row.text:
            state = "current" if row.source_version >= item.version else "outdated"
            return ItemText(row.text, language, state)
    return ItemText(item.text, "de", "missing")


def mandate_sections(organization) -> list[dict]:
    by_kind: dict[str, list] = {kind: [] for kind in KIND_ORDER}
    for item in organization.mandate_items.all():
        by_kind.setdefault(item.kind, []).append({"item": item, "text": item_text(item)})
    return [
        {"kind": kind, "label": MandateKind(kind).label, "items": items}
        for kind, items in by_kind.items()
        if items
    ]


def need_roles(organization) -> dict[int, list[str]]:
    """need id → roles (ordered) the organisation holds for that need."""
    roles: dict[int, set[str]] = {}
    needs = {}
    for item in organization.mandate_items.all():
        for link in item.need_links.all():
            roles.setdefault(link.need_id, set()).add(link.role)
            needs[link.need_id] = link.need
    return {
        need_id: [role for role in ROLE_ORDER if role in found] for need_id, found in roles.items()
    }


def need_label(need, language: str | None = None) -> str:
    """Professional wording in the active language (or `language`), else the plain wording (which
    exists in every worker language), else the German/English fallback. Web page and PDF alike."""
    language = current_language(language)
    return (need.label or {}).get(language) or (need.plain or {}).get(language) or need.text


def label_needs(needs) -> list:
    for need in needs:
        need.display = need_label(need)
    return needs


def needs_served(organization) -> list[dict]:
    needs = {}
    for item in organization.mandate_items.all():
        for link in item.need_links.all():
            needs[link.need_id] = link.need
    roles = need_roles(organization)
    ordered = sorted(needs.values(), key=lambda need: (need.order, need.key))
    return [
        {
            "need": need,
            "label": need_label(need),
            "roles": [(role, NeedRole(role).label) for role in roles[need.pk]],
        }
        for need in ordered
    ]


def matrix(organizations, needs) -> list[dict]:
    """Rows of the actors × needs table."""
    rows = []
    for organization in organizations:
        roles = need_roles(organization)
        rows.append(
            {
                "organization": organization,
                "cells": [
                    [(role, NeedRole(role).label) for role in roles.get(need.pk, [])]
                    for need in needs
                ],
            }
        )
    return rows


def grouped(organizations) -> list[dict]:
    """Organisations grouped by actor type, in the given order."""
    groups: list[dict] = []
    for organization in organizations:
        if not groups or groups[-1]["actor_type"].pk != organization.actor_type_id:
            groups.append({"actor_type": organization.actor_type, "organizations": []})
        groups[-1]["organizations"].append(organization)
    return groups


def languages_of(organization) -> list[tuple[str, str]]:
    return [(code, language_label(code)) for code in organization.languages or []]
