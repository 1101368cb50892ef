"""Who may do what at state level, built on accounts/access.py."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from wegweiser.accounts.access import (  # noqa: F401  (re-exported for the states views)
    active_memberships,
    get_state_for_coordinator,
    states_coordinated_by,
)
from wegweiser.core.models import State
from wegweiser.core.selectors import public_state


def get_state_for_member(request: HttpRequest, slug: str) -> State:
    """The state, for a member of any of its networks or its state coordinator; else 404."""
    state = public_state(slug)
    if state.pk in states_coordinated_by(request.user):
        return state
    for membership in active_memberships(request.user):
        if membership.municipality is not None and membership.municipality.state_id == state.pk:
            return state
    raise Http404
