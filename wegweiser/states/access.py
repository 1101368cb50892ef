"""Who may do what at state level, built on accounts/access.py."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpRequest

from wegweiser.accounts.access import (  # noqa: F401  (re-exported for the states views)
    active_memberships,
    get_state_for_coordinator,
    get_state_for_member,
    states_coordinated_by,
)
from wegweiser.core.models import State
from wegweiser.core.selectors import public_state  # noqa: F401  (re-exported)
from wegweiser.guidebook.models import Organization


def get_state_entry(request: HttpRequest, slug: str, pk) -> tuple[State, Organization]:
    """An entry the state coordination keeps: a state-wide actor of the state or one of the
    state's template entries. Everyone but the state's coordinators, and unknown entries: 404."""
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
