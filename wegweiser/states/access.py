"""Who may do what at state level, built on accounts/access.py."""

from __future__ import annotations

from wegweiser.accounts.access import (  # noqa: F401  (re-exported for the states views)
    active_memberships,
    get_state_for_coordinator,
    get_state_for_member,
    states_coordinated_by,
)
from wegweiser.core.selectors import public_state  # noqa: F401  (re-exported)
