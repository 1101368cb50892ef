"""What accounts shows on core's dashboard (registered through core/registry.py, DESIGN §3)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from .access import active_memberships, municipalities_with_access
from .models import Role, User


def roles_section(request: HttpRequest, user: User) -> dict[str, Any]:
    """The user's roles (a state coordinator may start a municipality) and the places she works in."""
    roles = [
        {
            "membership": membership,
            "start_url": reverse(
                "accounts:municipality_create", kwargs={"state": membership.state.slug}
            )
            if membership.role == Role.STATE_COORDINATOR and membership.state is not None
            else None,
        }
        for membership in active_memberships(user)
    ]
    municipalities = (
        municipalities_with_access(user).select_related("state").order_by("state__code", "name")
    )
    return {"roles": roles, "municipalities": municipalities}
