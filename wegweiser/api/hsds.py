"""Open Referral HSDS 3.0 API, state-wide and per municipality (public data only).

/api/v1/hsds/<state>/ and /api/v1/hsds/<state>/m/<municipality>/ each answer the HSDS read
endpoints: `/` (version, profile, openapi_url), `/organizations`, `/organizations/{id}`,
`/services`, `/services/{id}`. Lists use HSDS's page wrapper. Filters combine with AND:
municipality, actor_type, language, need. Organisations and services are the formal guidebook's
(exports/serializers.py + exports/hsds.py): published entries, no contact persons, no internal
notes, and no address of an organisation whose address is confidential.
"""

from __future__ import annotations

import math
import uuid
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema

from wegweiser.core.models import Municipality, State
from wegweiser.core.selectors import public_state
from wegweiser.guidebook.exports import hsds
from wegweiser.guidebook.exports.serializers import organization_data
from wegweiser.guidebook.models import Organization
from wegweiser.states.selectors import organizations_in_state

router = Router(tags=["hsds"])

MAX_PER_PAGE = 100
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"


def _municipality(state: State, slug: str) -> Municipality:
    found = Municipality.objects.filter(state=state, slug=slug).first()
    if found is None:
        raise Http404
    return found


def _filtered(
    state: State,
    municipality: str | None,
    actor_type: str | None,
    language: str | None,
    need: str | None,
) -> QuerySet[Organization]:
    """Published organisations of the state, every given filter applied (AND)."""
    place = _municipality(state, municipality) if municipality else None
    return organizations_in_state(
        state, municipality=place, actor_type=actor_type, language=language, need=need
    )


def _page(items: list[dict[str, Any]], total: int, page: int, per_page: int) -> dict[str, Any]:
    pages = max(1, math.ceil(total / per_page))
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(items),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": total == 0,
        "contents": items,
    }


def _paged(queryset: QuerySet[Organization], page: int, per_page: int) -> tuple[list, int]:
    if page < 1 or not 1 <= per_page <= MAX_PER_PAGE:
        raise Http404
    total = queryset.count()
    start = (page - 1) * per_page
    return list(queryset[start : start + per_page]), total


def _organization(organization: Organization, state: State) -> dict[str, Any]:
    return hsds.organization_to_hsds(organization_data(organization, internal=False), state.name)


def _service(organization: Organization, state: State) -> dict[str, Any]:
    data = _organization(organization, state)
    service = data["services"][0]
    organization_summary = {k: v for k, v in data.items() if k not in ("services", "locations")}
    service["organization"] = organization_summary
    return service


def _meta() -> dict[str, str]:
    return {
        "version": hsds.HSDS_VERSION,
        "profile": hsds.PROFILE_URI,
        "openapi_url": OPENAPI_URL,
    }


def _service_owner(state: State, municipality: str | None, pk: uuid.UUID) -> Organization:
    """The organisation of a service: service ids derive from their organisation's id."""
    candidates = _filtered(state, municipality, None, None, None)
    for organization_id in candidates.values_list("pk", flat=True):
        if hsds.derived_id("service", str(organization_id)) == str(pk):
            return candidates.get(pk=organization_id)
    raise Http404


def _base(state: str, municipality: str | None) -> tuple[State, str | None]:
    found = public_state(state)
    if municipality is not None:
        _municipality(found, municipality)
    return found, municipality


class HsdsListQuery(Schema):
    """The filters (combined with AND) and the page of a list endpoint."""

    actor_type: str | None = None
    language: str | None = None
    need: str | None = None
    page: int = 1
    per_page: int = 20


def _list(
    kind: str, state: State, municipality: str | None, query: HsdsListQuery
) -> dict[str, Any]:
    queryset = _filtered(state, municipality, query.actor_type, query.language, query.need)
    organizations, total = _paged(queryset, query.page, query.per_page)
    render = _organization if kind == "organizations" else _service
    return _page([render(o, state) for o in organizations], total, query.page, query.per_page)


def _one_organization(state: State, municipality: str | None, pk: uuid.UUID) -> dict[str, Any]:
    found = _filtered(state, municipality, None, None, None).filter(pk=pk).first()
    if found is None:
        raise Http404
    return _organization(found, state)


def _one_service(state: State, municipality: str | None, pk: uuid.UUID) -> dict[str, Any]:
    return _service(_service_owner(state, municipality, pk), state)


STATE = "hsds/{state}"
PLACE = "hsds/{state}/m/{municipality}"


@router.get(STATE + "/", url_name="hsds_meta")
def meta(request: HttpRequest, state: str) -> dict[str, str]:
    _base(state, None)
    return _meta()


@router.get(PLACE + "/", url_name="hsds_m_meta")
def m_meta(request: HttpRequest, state: str, municipality: str) -> dict[str, str]:
    _base(state, municipality)
    return _meta()


@router.get(STATE + "/organizations", url_name="hsds_organizations")
def organizations(
    request: HttpRequest,
    state: str,
    municipality: str | None = None,
    *,
    query: Query[HsdsListQuery],
) -> dict[str, Any]:
    found, _none = _base(state, None)
    return _list("organizations", found, municipality, query)


@router.get(PLACE + "/organizations", url_name="hsds_m_organizations")
def m_organizations(
    request: HttpRequest, state: str, municipality: str, query: Query[HsdsListQuery]
) -> dict[str, Any]:
    found, place = _base(state, municipality)
    return _list("organizations", found, place, query)


@router.get(STATE + "/organizations/{id}", url_name="hsds_organization")
def organization(request: HttpRequest, state: str, id: uuid.UUID) -> dict[str, Any]:
    found, _none = _base(state, None)
    return _one_organization(found, None, id)


@router.get(PLACE + "/organizations/{id}", url_name="hsds_m_organization")
def m_organization(
    request: HttpRequest, state: str, municipality: str, id: uuid.UUID
) -> dict[str, Any]:
    found, place = _base(state, municipality)
    return _one_organization(found, place, id)


@router.get(STATE + "/services", url_name="hsds_services")
def services(
    request: HttpRequest,
    state: str,
    municipality: str | None = None,
    *,
    query: Query[HsdsListQuery],
) -> dict[str, Any]:
    found, _none = _base(state, None)
    return _list("services", found, municipality, query)


@router.get(PLACE + "/services", url_name="hsds_m_services")
def m_services(
    request: HttpRequest, state: str, municipality: str, query: Query[HsdsListQuery]
) -> dict[str, Any]:
    found, place = _base(state, municipality)
    return _list("services", found, place, query)


@router.get(STATE + "/services/{id}", url_name="hsds_service")
def service(request: HttpRequest, state: str, id: uuid.UUID) -> dict[str, Any]:
    found, _none = _base(state, None)
    return _one_service(found, None, id)


@router.get(PLACE + "/services/{id}", url_name="hsds_m_service")
def m_service(request: HttpRequest, state: str, municipality: str, id: uuid.UUID) -> dict[str, Any]:
    found, place = _base(state, municipality)
    return _one_service(found, place, id)
