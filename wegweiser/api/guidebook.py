"""Guidebook API: the formal guidebook for everyone, informal fields for network members,
Open Referral HSDS 3.0 export and import (coordinators).

Visibility comes from wegweiser.guidebook (access.py, selectors.py) through the exports'
serializers, the same layer that builds the PDF and the HSDS file.
"""

from __future__ import annotations

import uuid

from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from wegweiser.accounts.access import roles_in
from wegweiser.accounts.models import Role
from wegweiser.core.selectors import public_municipality
from wegweiser.guidebook.access import may_see_internal
from wegweiser.guidebook.exports import hsds, messages
from wegweiser.guidebook.exports.hsds_import import import_hsds, max_bytes
from wegweiser.guidebook.exports.serializers import (
    actor_type_data,
    formal_guidebook,
    informal_guidebook,
    organization_of_guidebook,
)
from wegweiser.guidebook.models import ActorType

from .auth import optional_user, required_auth

router = Router(tags=["guidebook"])


class StateRef(Schema):
    code: str
    name: str


class MunicipalityRef(Schema):
    slug: str
    name: str
    ags: str
    state: StateRef


class ActorTypeOut(Schema):
    key: str
    name: dict[str, str]
    summary: dict[str, str]
    counselling: bool
    public_body: bool
    target_group: bool


class LocationOut(Schema):
    id: uuid.UUID
    name: str
    street: str
    postal_code: str
    city: str
    opening_hours: str
    accessibility: str


class TranslationOut(Schema):
    text: str
    source_version: int
    current: bool


class NeedLinkOut(Schema):
    key: str
    role: str


class MandateItemOut(Schema):
    id: uuid.UUID
    kind: str
    text: str
    version: int
    source: str
    as_of: str | None
    order: int
    translations: dict[str, TranslationOut]
    needs: list[NeedLinkOut]


class ContactPersonOut(Schema):
    id: uuid.UUID
    name: str
    function: str
    phone: str
    email: str
    practical_note: str


class OrganizationOut(Schema):
    id: uuid.UUID
    name: str
    actor_type: ActorTypeOut
    description: str
    website: str
    email: str
    phone: str
    languages: list[str]
    confidential_address: bool
    last_confirmed_at: str | None
    locations: list[LocationOut]
    mandate: list[MandateItemOut]
    # Informal guidebook only (network members): absent from public answers.
    contact_persons: list[ContactPersonOut] | None = None
    internal_notes: str | None = None


class GuidebookOut(Schema):
    version: str
    municipality: MunicipalityRef
    as_of: str | None
    organizations: list[OrganizationOut]


class ProblemOut(Schema):
    record: str
    field: str
    reason: str


class ImportReportOut(Schema):
    ok: bool
    dry_run: bool
    created: list[str]
    updated: list[str]
    errors: list[ProblemOut]
    warnings: list[ProblemOut]


class HsdsDocumentOut(Schema):
    hsds_version: str
    profile: str
    generated_at: str
    as_of: str | None
    source: str
    municipality: MunicipalityRef
    taxonomies: list[dict]
    taxonomy_terms: list[dict]
    organizations: list[dict]


class ErrorOut(Schema):
    detail: str


@router.get("/actor-types", response=list[ActorTypeOut], auth=None)
def list_actor_types(request):
    """The shared vocabulary of actor types (all languages)."""
    return [
        actor_type_data(actor_type) for actor_type in ActorType.objects.order_by("order", "key")
    ]


@router.get(
    "/municipalities/{slug}/guidebook",
    response={200: GuidebookOut, 404: ErrorOut},
    auth=None,
    exclude_none=True,
)
def get_guidebook(request, slug: str):
    """A municipality's guidebook. Anonymous callers and outsiders get the formal (public)
    version; network members (bearer token or verified session) also get contact persons with
    consent and internal notes."""
    municipality = public_municipality(slug)
    user = optional_user(request)
    if may_see_internal(user, municipality):
        return informal_guidebook(municipality, user)
    return formal_guidebook(municipality)


@router.get(
    "/municipalities/{slug}/guidebook/organizations/{organization_id}",
    response={200: OrganizationOut, 404: ErrorOut},
    auth=None,
    exclude_none=True,
)
def get_guidebook_organization(request, slug: str, organization_id: uuid.UUID):
    """One published organisation of a municipality's guidebook (informal fields for members)."""
    municipality = public_municipality(slug)
    data = organization_of_guidebook(municipality, organization_id, optional_user(request))
    if data is None:
        raise HttpError(404, str(messages.NOT_FOUND))
    return data


@router.get(
    "/municipalities/{slug}/guidebook/hsds",
    response={200: HsdsDocumentOut, 404: ErrorOut},
    auth=None,
)
def export_guidebook_hsds(request, slug: str):
    """The formal guidebook as Open Referral HSDS 3.0 with the Wegweiser profile
    (docs/hsds-profile.md)."""
    return hsds.export_document(public_municipality(slug))


@router.post(
    "/municipalities/{slug}/guidebook/hsds",
    response={
        200: ImportReportOut,
        400: ImportReportOut,
        403: ErrorOut,
        404: ErrorOut,
        413: ErrorOut,
    },
    auth=required_auth,
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "An HSDS 3.0 document: a Wegweiser export, an organization, a list "
            "of organizations or an HSDS API page.",
            "content": {"application/json": {"schema": {"type": "object"}}},
        }
    },
)
def import_guidebook_hsds(
    request, slug: str, dry_run: bool = False, default_actor_type: str | None = None
):
    """Import HSDS data into a municipality's guidebook (coordinators of the municipality).

    All or nothing: if any record is rejected, the answer (400) lists every rejected record with
    its reason and nothing is changed. With dry_run=true nothing is written even when valid."""
    municipality = public_municipality(slug)
    roles = roles_in(request.auth, municipality)
    if not roles:
        raise HttpError(404, str(messages.NOT_FOUND))
    if Role.COORDINATOR not in roles:
        raise HttpError(403, str(messages.COORDINATORS_ONLY))
    declared = int(request.headers.get("Content-Length") or 0)
    if declared > max_bytes() or len(request.body) > max_bytes():
        return Status(413, {"detail": str(messages.FILE_TOO_LARGE)})
    report = import_hsds(
        request.body, municipality, dry_run=dry_run, default_actor_type=default_actor_type
    )
    return Status(200 if report.ok else 400, report.as_dict())
