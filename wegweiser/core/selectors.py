"""Reads of core data that several apps need (one place instead of a copy per app)."""

from django.shortcuts import get_object_or_404

from .models import Municipality, State


def public_municipality(slug: str) -> Municipality:
    """A municipality for a public page, with its state; 404 for an unknown slug.

    Public pages need no access check; pages for members go through
    `accounts.access.get_municipality_for_user` instead, which also answers 404 to outsiders.
    """
    return get_object_or_404(Municipality.objects.select_related("state"), slug=slug)


def public_state(slug: str) -> State:
    """A federal state for a public page or the open API; 404 for an unknown slug."""
    return get_object_or_404(State, slug=slug)
