"""What accounts shows on core's dashboard (registered through core/registry.py, DESIGN §3)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .access import active_memberships, municipalities_with_access
from .models import User


def roles_section(request: HttpRequest, user: User) -> dict[str, Any]:
    """The user's roles and the places she works in.

    A state coordinator starts municipalities through the roll-out of the states app, which links
    itself from the dashboard (states/sections.py): one way to start a municipality."""
    roles = [{"membership": membership} for membership in active_memberships(user)]
    municipalities = (
        municipalities_with_access(user).select_related("state").order_by("state__code", "name")
    )
    return {"roles": roles, "municipalities": municipalities}
