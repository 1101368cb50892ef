"""The visibility rule of the guidebook's exports: the guidebook's selectors, in export shape.

Everything this package produces (PDF, vCard, HSDS, API) asks these functions what is public and
what a user may see; the rules themselves live in `wegweiser/guidebook/selectors.py`.
"""

from __future__ import annotations

from django.db.models import QuerySet

from wegweiser.guidebook.models import ContactPerson, Organization
from wegweiser.guidebook.selectors import can_see_internal

__all__ = ["can_see_internal", "published_organizations", "visible_contact_persons"]


def published_organizations(municipality) -> QuerySet[Organization]:
    """Organisations of the formal (public) guidebook: published, not archived, serving the
    municipality (without the page prefetches: serializers add their own)."""
    return Organization.objects.published().serving(municipality)


def visible_contact_persons() -> QuerySet[ContactPerson]:
    """Contact persons that may appear in the informal guidebook: consent recorded, not withdrawn."""
    return ContactPerson.objects.with_consent()
