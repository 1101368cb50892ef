"""Read-side queries of the guidebook: what a user may see, fetched at constant query cost.

Every page, export, API route and cache of the guidebook asks these functions; nothing filters
organisations or contact persons by hand. Visibility rules:

* public: published, not archived organisations serving the municipality; no contact persons, no
  internal notes, no street address of organisations with a confidential address.
* internal (network members of the municipality — any role there — and state coordinators of its
  state): the same organisations plus consented contact persons and internal notes.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from wegweiser.accounts.access import organizations_of, roles_in
from wegweiser.accounts.models import Role

from .models import (
    ContactPerson,
    Location,
    MandateItem,
    MandateNeed,
    MandateTranslation,
    Organization,
)

CONTACTS_ATTR = "consented_contacts"


def _with_relations(queryset: QuerySet[Organization], *, contacts: bool) -> QuerySet[Organization]:
    prefetches = [
        Prefetch("locations", queryset=Location.objects.order_by("name")),
        Prefetch(
            "mandate_items",
            queryset=MandateItem.objects.order_by("order", "kind").prefetch_related(
                Prefetch("translations", queryset=MandateTranslation.objects.all()),
                Prefetch(
                    "need_links",
                    queryset=MandateNeed.objects.select_related("need").order_by(
                        "need__order", "need__key"
                    ),
                ),
            ),
        ),
    ]
    if contacts:
        prefetches.append(
            Prefetch(
                "contact_persons",
                queryset=ContactPerson.objects.with_consent().order_by("name"),
                to_attr=CONTACTS_ATTR,
            )
        )
    return queryset.select_related("actor_type").prefetch_related(*prefetches)


def ordered(queryset: QuerySet[Organization]) -> QuerySet[Organization]:
    """Counselling services first (for people seeking help), then actor type order, then name."""
    return queryset.order_by("-actor_type__counselling", "actor_type__order", "name")


def published_organizations(municipality, *, contacts: bool = False) -> QuerySet[Organization]:
    """Published, not archived organisations serving the municipality, with everything a page
    renders prefetched (a constant number of queries however many actors there are).

    With contacts=True, consented contact persons are prefetched too (attribute
    `consented_contacts`); only pass it for users for whom `can_see_internal` is true.
    """
    queryset = Organization.objects.published().serving(municipality).distinct()
    return ordered(_with_relations(queryset, contacts=contacts))


def can_see_internal(user, municipality) -> bool:
    """Network members of the municipality (any role there) and coordinators of its state."""
    if user is None or not getattr(user, "is_authenticated", False) or municipality is None:
        return False
    return bool(roles_in(user, municipality))


def is_coordinator(user, municipality) -> bool:
    return Role.COORDINATOR in roles_in(user, municipality)


def visible_contact_persons(user, organization: Organization, municipality) -> list[ContactPerson]:
    """Consented contact persons of the organisation, or none for users outside the network."""
    if not can_see_internal(user, municipality):
        return []
    prefetched = getattr(organization, CONTACTS_ATTR, None)
    if prefetched is not None:
        return list(prefetched)
    return list(organization.contact_persons.with_consent().order_by("name"))


def visible_internal_notes(user, organization: Organization, municipality) -> str:
    return organization.internal_notes if can_see_internal(user, municipality) else ""


def organization_for_page(user, municipality, pk) -> tuple[Organization, bool] | None:
    """An organisation of the municipality for its detail page, or None (→ 404).

    Returns (organisation, can_edit). Unpublished or archived entries are seen only by those who
    may edit them (coordinators of the municipality, members of the organisation).
    """
    queryset = _with_relations(
        Organization.objects.serving(municipality).distinct(),
        contacts=can_see_internal(user, municipality),
    )
    organization = queryset.filter(pk=pk).first()
    if organization is None:
        return None
    editable = can_edit(user, organization, municipality)
    visible = (organization.status == "published" and organization.archived_at is None) or editable
    return (organization, editable) if visible else None


def can_edit(user, organization: Organization, municipality) -> bool:
    """Coordinators of the municipality edit every entry; members edit their own organisation."""
    if not can_see_internal(user, municipality):
        return False
    if is_coordinator(user, municipality):
        return True
    return organization.pk in organizations_of(user, municipality)


def editable_organizations(user, municipality) -> QuerySet[Organization]:
    if is_coordinator(user, municipality):
        return Organization.objects.serving(municipality).current().distinct()
    return (
        Organization.objects.serving(municipality)
        .current()
        .filter(pk__in=organizations_of(user, municipality))
    )
