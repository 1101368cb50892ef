"""Who may do what at state level, built on accounts/access.py."""

from __future__ import annotations

from django.http import Http404

from wegweiser.accounts.access import (  # noqa: F401  (re-exported for the states views)
    active_memberships,
    get_state_for_coordinator,
    get_state_for_member,
    states_coordinated_by,
)
from wegweiser.core.models import State


def public_state(slug: str) -> State:
    state = State.objects.filter(slug=slug).first()
    if state is None:
        raise Http404
    return state
