"""The one place where a user's reach is computed.

Views, API routes, exports and caches ask these helpers (and the `rules` predicates built on them)
what a user may see; nothing filters by hand. Memberships are read once per request and kept on
the user object.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from wegweiser.core.models import Municipality, State
from wegweiser.core.selectors import public_state

from .models import Membership, Role, User

# What `request.user` (or an API route's `request.auth`) may be.
AnyUser = User | AnonymousUser | None

_CACHE_ATTR = "_wegweiser_memberships"


def active_memberships(user: AnyUser) -> list[Membership]:
    """The user's memberships valid today, read once per user object (i.e. per request)."""
    if user is None or not user.is_authenticated:
        return []
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = list(
            Membership.objects.active()
            .filter(user=user)
            .select_related("municipality", "state", "organization")
        )
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget_memberships(user: AnyUser) -> None:
    """Drop the cached memberships after they changed within a request."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def roles_in(user: AnyUser, municipality: Municipality) -> frozenset[str]:
    """The roles a user holds in a municipality; a state coordinator holds hers via the state."""
    roles = set()
    for membership in active_memberships(user):
        if membership.municipality_id == municipality.pk:
            roles.add(membership.role)
        elif (
            membership.role == Role.STATE_COORDINATOR
            and membership.state_id == municipality.state_id
        ):
            roles.add(Role.STATE_COORDINATOR)
    return frozenset(roles)


def organizations_of(user: AnyUser, municipality: Municipality | None = None) -> set[uuid.UUID]:
    """Primary keys of the organisations the user acts for (optionally: in one municipality)."""
    return {
        m.organization_id
        for m in active_memberships(user)
        if m.organization_id and (municipality is None or m.municipality_id == municipality.pk)
    }


def municipalities_with_access(user: AnyUser) -> QuerySet[Municipality]:
    """Municipalities whose internal pages the user may open."""
    memberships = active_memberships(user)
    if not memberships:
        return Municipality.objects.none()
    municipality_ids = {m.municipality_id for m in memberships if m.municipality_id}
    state_ids = {m.state_id for m in memberships if m.role == Role.STATE_COORDINATOR}
    return Municipality.objects.filter(Q(pk__in=municipality_ids) | Q(state_id__in=state_ids))


def states_coordinated_by(user: AnyUser) -> set[int]:
    return {
        m.state_id
        for m in active_memberships(user)
        if m.role == Role.STATE_COORDINATOR and m.state_id is not None
    }


@dataclass(frozen=True)
class MunicipalityAccess:
    municipality: Municipality
    roles: frozenset[str]

    @property
    def is_member(self) -> bool:
        """Any membership of the municipality's network (or state coordination) counts."""
        return bool(self.roles)

    @property
    def is_coordinator(self) -> bool:
        return Role.COORDINATOR in self.roles

    @property
    def is_state_coordinator(self) -> bool:
        return Role.STATE_COORDINATOR in self.roles

    @property
    def is_counsellor(self) -> bool:
        return Role.COUNSELLOR in self.roles


def get_municipality_for_user(
    request: HttpRequest, slug: str, *, write: bool = False
) -> tuple[Municipality, MunicipalityAccess]:
    """Municipality of an internal page, or 404 for outsiders (existence is not revealed).

    With write=True, members who may only read get 403.
    """
    user = request.user
    if isinstance(user, AnonymousUser) or not user.is_authenticated:
        raise Http404
    municipality = Municipality.objects.select_related("state").filter(slug=slug).first()
    if municipality is None:
        raise Http404
    access = MunicipalityAccess(municipality, roles_in(user, municipality))
    if not access.is_member:
        raise Http404
    if write and not access.is_coordinator:
        raise PermissionDenied
    return municipality, access


def _state_of_member(request: HttpRequest, slug: str) -> State:
    """The state, for its state coordinators and members of any of its networks (the state round
    table included); else 404."""
    found = public_state(slug)
    if found.pk in states_coordinated_by(request.user):
        return found
    for membership in active_memberships(request.user):
        if membership.municipality is not None and membership.municipality.state_id == found.pk:
            return found
        if membership.municipality_id is None and membership.state_id == found.pk:
            return found  # a member of the state round table
    raise Http404


def get_state_for_member(request: HttpRequest, slug: str) -> State:
    """The state of a page that every network of the state shares (search); 404 for others."""
    return _state_of_member(request, slug)


def get_state_for_coordinator(request: HttpRequest, slug: str) -> State:
    """The state of a state coordinator's page or action.

    Outsiders of the state get 404 (existence is not revealed); members of the state's networks,
    who may read the state's shared pages but not act for the state, get 403 — the same shape as
    get_municipality_for_user(write=True).
    """
    found = _state_of_member(request, slug)
    if found.pk not in states_coordinated_by(request.user):
        raise PermissionDenied
    return found
