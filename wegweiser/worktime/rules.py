"""Permission predicates of the work-time calendar.

The calendar itself is public and keeps nothing on the server. The review page (a counsellor
uploads a worker's file and sees the report, nothing stored) is open to anyone with an active
membership in any network.
"""

from __future__ import annotations

import rules

from wegweiser.accounts.access import active_memberships


@rules.predicate
def has_any_membership(user) -> bool:
    return bool(active_memberships(user))


rules.add_perm("worktime.review", has_any_membership)
