"""THE visibility rule of the guidebook's exports, in one place.

Everything this package produces (PDF, vCard, HSDS, API) asks these functions what is public and what
a user may see. When `wegweiser/guidebook/selectors.py` exists, these functions are the one place to
point at it.
"""

from __future__ import annotations

from django.db.models import QuerySet

from wegweiser.accounts.access import roles_in
from wegweiser.guidebook.models import ContactPerson, Organization


def published_organizations(municipality) -> QuerySet[Organization]:
    """Organisations of the formal (public) guidebook: published and serving the municipality."""
    return Organization.objects.published().serving(municipality)


def can_see_internal(user, municipality) -> bool:
    """Any role in the municipality's network (a state coordinator via her state) opens the
    informal guidebook: contact persons with consent and internal notes."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return bool(roles_in(user, municipality))


def visible_contact_persons() -> QuerySet[ContactPerson]:
    """Contact persons that may appear in the informal guidebook: consent recorded, not withdrawn."""
    return ContactPerson.objects.with_consent()
