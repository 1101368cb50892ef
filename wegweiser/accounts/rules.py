"""Permission predicates (django-rules). Object checks take a Municipality.

The rules themselves are the properties of `MunicipalityAccess` (accounts/access.py); the predicates
apply them to a user and a municipality for callers without a request (the guidebook's
`may_see_internal` and `is_coordinator`, exports, the navigator, the API):
`rules.has_perm("core.view_internal", user, municipality)`.
"""

from __future__ import annotations

import rules

from wegweiser.core.models import Municipality

from .access import AnyUser, MunicipalityAccess, roles_in


def _access(user: AnyUser, municipality: Municipality | None) -> MunicipalityAccess | None:
    if user is None or not user.is_authenticated or municipality is None:
        return None
    return MunicipalityAccess(municipality, roles_in(user, municipality))


@rules.predicate
def is_network_member(user: AnyUser, municipality: Municipality | None) -> bool:
    access = _access(user, municipality)
    return access is not None and access.is_member


@rules.predicate
def is_coordinator(user: AnyUser, municipality: Municipality | None) -> bool:
    access = _access(user, municipality)
    return access is not None and access.is_coordinator


@rules.predicate
def is_state_coordinator(user: AnyUser, municipality: Municipality | None) -> bool:
    access = _access(user, municipality)
    return access is not None and access.is_state_coordinator


@rules.predicate
def is_counsellor(user: AnyUser, municipality: Municipality | None) -> bool:
    access = _access(user, municipality)
    return access is not None and access.is_counsellor


rules.add_perm("core.view_internal", is_network_member)
rules.add_perm("core.manage_network", is_coordinator)
