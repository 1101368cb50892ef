from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from wegweiser.accounts.access import active_memberships
from wegweiser.core.models import Municipality

from .auth import required_auth

router = Router(tags=["municipalities"])


class StateOut(Schema):
    code: str
    name: str


class MunicipalityOut(Schema):
    slug: str
    name: str
    ags: str
    state: StateOut
    languages: list[str]


class MembershipOut(Schema):
    role: str
    municipality: str | None
    state: str | None
    organization: str | None


class MeOut(Schema):
    email: str
    name: str
    preferred_language: str
    memberships: list[MembershipOut]


@router.get("/municipalities", response=list[MunicipalityOut], auth=None)
def list_municipalities(request: HttpRequest) -> QuerySet[Municipality]:
    """All municipalities on this platform (public)."""
    return Municipality.objects.select_related("state").order_by("name")


@router.get("/municipalities/{slug}", response=MunicipalityOut, auth=None)
def get_municipality(request: HttpRequest, slug: str) -> Municipality:
    """One municipality (public)."""
    return get_object_or_404(Municipality.objects.select_related("state"), slug=slug)


@router.get("/me", response=MeOut, auth=required_auth, tags=["account"])
def me(request: HttpRequest) -> dict[str, Any]:
    """The authenticated user and its memberships."""
    user = request.auth  # type: ignore[attr-defined]  # set by ninja's auth
    return {
        "email": user.email,
        "name": user.name,
        "preferred_language": user.preferred_language,
        "memberships": [
            {
                "role": m.role,
                "municipality": m.municipality.slug if m.municipality else None,
                "state": m.state.code if m.state else None,
                "organization": str(m.organization_id) if m.organization_id else None,
            }
            for m in active_memberships(user)
        ],
    }
