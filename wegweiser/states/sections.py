"""What the states app contributes to core pages through core/registry.py."""

from __future__ import annotations

from wegweiser.accounts.access import active_memberships
from wegweiser.accounts.models import Role


def public_section(request, municipality) -> dict | None:
    """Every municipality page links the public page of its state."""
    return {"state": municipality.state}


def dashboard_section(request, user) -> dict | None:
    from .selectors import round_table

    states = [
        m.state for m in active_memberships(user) if m.role == Role.STATE_COORDINATOR and m.state
    ]
    if not states:
        return None
    for state in states:
        setattr(state, "round_table", round_table(state))  # noqa: B010 (template-only attribute)
    return {"states": states}
