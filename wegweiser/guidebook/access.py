"""Who may see and change what in the guidebook. Views, exports, the navigator and the API ask
these predicates; they are built on the user's roles from `wegweiser.accounts.access`.

- Everyone sees the public guidebook (published, not archived entries; no contact persons, no
  internal notes).
- Network members of the municipality (any role there) and coordinators of its state see the
  internal version: consented contact persons and internal notes (`may_see_internal`).
- Coordinators of the municipality edit, approve, archive and restore every entry
  (`is_coordinator`); members edit the entries of their own organisation (`may_edit`), and their
  changes wait for approval.
Unknown or foreign entries answer 404; a member on an entry that is not hers answers 403.
"""

from __future__ import annotations

import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from wegweiser.accounts.access import (
    MunicipalityAccess,
    get_municipality_for_user,
    organizations_of,
)
from wegweiser.core.models import Municipality

from .models import Organization


def may_see_internal(user, municipality: Municipality | None) -> bool:
    """Network members of the municipality (any role there) and coordinators of its state.

    The rule is `MunicipalityAccess.is_member`, checked through the `core.view_internal` permission
    for callers that have a user but no request (anonymous users and API calls without a user pass
    None or AnonymousUser).
    """
    return rules.has_perm("core.view_internal", user, municipality)


def is_coordinator(user, municipality: Municipality | None) -> bool:
    """Coordinators of the municipality's network (not of its state): `core.manage_network`."""
    return rules.has_perm("core.manage_network", user, municipality)


def may_edit(user, organization: Organization, municipality: Municipality) -> bool:
    """Coordinators of the municipality edit every entry; members edit their own organisation."""
    if is_coordinator(user, municipality):
        return True
    return may_see_internal(user, municipality) and organization.pk in organizations_of(
        user, municipality
    )


def get_organization_for_user(
    request: HttpRequest, slug: str, pk, *, coordinator: bool = False
) -> tuple[Municipality, Organization, MunicipalityAccess]:
    """(municipality, organisation, access) for a write action on an entry.

    Outsiders and unknown entries: 404. Network members on an entry that is not theirs: 403.
    With coordinator=True, only coordinators of the municipality pass (others 403).
    """
    municipality, access = get_municipality_for_user(request, slug)
    organization = (
        Organization.objects.serving(municipality)
        .select_related("actor_type")
        .filter(pk=pk)
        .distinct()
        .first()
    )
    if organization is None:
        raise Http404
    if coordinator and not access.is_coordinator:
        raise PermissionDenied
    if not may_edit(request.user, organization, municipality):
        raise PermissionDenied
    return municipality, organization, access
