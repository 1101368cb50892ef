"""Permission predicates (django-rules). Object checks take a Municipality."""

from __future__ import annotations

import rules

from wegweiser.core.models import Municipality

from .access import AnyUser, roles_in
from .models import Role


@rules.predicate
def is_network_member(user: AnyUser, municipality: Municipality | None) -> bool:
    return municipality is not None and bool(roles_in(user, municipality))


@rules.predicate
def is_coordinator(user: AnyUser, municipality: Municipality | None) -> bool:
    return municipality is not None and Role.COORDINATOR in roles_in(user, municipality)


@rules.predicate
def is_state_coordinator(user: AnyUser, municipality: Municipality | None) -> bool:
    return municipality is not None and Role.STATE_COORDINATOR in roles_in(user, municipality)


@rules.predicate
def is_counsellor(user: AnyUser, municipality: Municipality | None) -> bool:
    return municipality is not None and Role.COUNSELLOR in roles_in(user, municipality)


rules.add_perm("core.view_internal", is_network_member)
rules.add_perm("core.manage_network", is_coordinator)
