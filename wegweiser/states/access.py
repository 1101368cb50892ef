"""Who may do what at state level, built on accounts/access.py."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from wegweiser.accounts.access import (  # noqa: F401  (re-exported for the states views)
    active_memberships,
    get_state_for_coordinator,
    states_coordinated_by,
)
from wegweiser.core.models import State
from wegweiser.guidebook.models import Organization


def public_state(slug: str) -> State:
    state = State.objects.filter(slug=slug).first()
    if state is None:
        raise Http404
    return state


def get_state_for_member(request: HttpRequest, slug: str) -> State:
    """The state, for a member of any of its networks or its state coordinator; else 404."""
    state = State.objects.filter(slug=slug).first()
    if state is None:
        raise Http404
    if state.pk in states_coordinated_by(request.user):
        return state
    for membership in active_memberships(request.user):
        if membership.municipality is not None and membership.municipality.state_id == state.pk:
            return state
    raise Http404


def get_state_entry(request: HttpRequest, slug: str, pk) -> tuple[State, Organization]:
    """An entry the state coordination keeps: a state-wide actor of the state or one of the
    state's template entries. Everyone but the state's coordinators, and unknown entries: 404."""
    from django.db.models import Q

    state = get_state_for_coordinator(request, slug)
    organization = (
        Organization.objects.filter(Q(state=state) | Q(entry_template__state=state))
        .filter(pk=pk, archived_at__isnull=True)
        .select_related("actor_type", "entry_template")
        .first()
    )
    if organization is None:
        raise Http404
    return state, organization
