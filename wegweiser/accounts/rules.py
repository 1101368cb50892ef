"""Permission predicates (django-rules). Object checks take a Municipality."""

from __future__ import annotations

import rules

from .access import roles_in
from .models import Role


@rules.predicate
def is_network_member(user, municipality) -> bool:
    return municipality is not None and bool(roles_in(user, municipality))


@rules.predicate
def is_coordinator(user, municipality) -> bool:
    return municipality is not None and Role.COORDINATOR in roles_in(user, municipality)


@rules.predicate
def is_state_coordinator(user, municipality) -> bool:
    return municipality is not None and Role.STATE_COORDINATOR in roles_in(user, municipality)


@rules.predicate
def is_counsellor(user, municipality) -> bool:
    return municipality is not None and Role.COUNSELLOR in roles_in(user, municipality)


rules.add_perm("core.view_internal", is_network_member)
rules.add_perm("core.manage_network", is_coordinator)
