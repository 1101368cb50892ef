"""Cases API: for the owning organisation's counsellors only (everyone else gets 404).

Lists and details carry the pseudonymous code and categories, never the encrypted name, contact
details or notes. Updates name the version they start from; a conflicting save answers 409.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.responses import Status
from pydantic import ValidationError as PydanticValidationError

from wegweiser.cases import services
from wegweiser.cases.access import cases_visible_to, get_case_for_user, is_counsellor
from wegweiser.cases.choices import (
    AgeGroup,
    CameVia,
    ExploitationForm,
    Gender,
    NationalityGroup,
    ResidenceStatus,
    Sector,
)
from wegweiser.cases.selectors import search_cases

from .auth import required_auth

router = Router(tags=["cases"], auth=required_auth)


class CaseSummary(Schema):
    id: uuid.UUID
    code: str
    status: str
    opened_on: dt.date
    closed_on: dt.date | None
    sector: str
    residence_status: str


class ConsentOut(Schema):
    purpose: str
    recipient: str | None
    given_on: dt.date
    withdrawn_on: dt.date | None


class ReferralOut(Schema):
    id: uuid.UUID
    to_organization: str
    status: str


class CaseDetail(CaseSummary):
    version: int
    first_contact_on: dt.date
    came_via: str
    languages: list[str]
    gender: str
    age_group: str
    nationality_group: str
    exploitation_form: str
    needs: list[str]
    services_given: list[str]
    outcomes: list[str]
    indicator_check: dict
    consents: list[ConsentOut]
    referrals: list[ReferralOut]


class CaseUpdate(Schema):
    """The categories to change; `version` is the version the change starts from."""

    version: int
    came_via: CameVia | None = None
    gender: Gender | None = None
    age_group: AgeGroup | None = None
    nationality_group: NationalityGroup | None = None
    residence_status: ResidenceStatus | None = None
    sector: Sector | None = None
    exploitation_form: ExploitationForm | None = None


class Problem(Schema):
    detail: str


def inlined_schema(model) -> dict:
    """The model's JSON Schema with its $defs inlined: OpenAPI resolves refs from its own root."""
    schema = model.model_json_schema()
    definitions = schema.pop("$defs", {})

    def inline(node):
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return inline(definitions[ref.removeprefix("#/$defs/")])
            return {key: inline(value) for key, value in node.items()}
        if isinstance(node, list):
            return [inline(item) for item in node]
        return node

    return inline(schema)


def detail(case) -> dict:
    return {
        **{name: getattr(case, name) for name in CaseDetail.model_fields if hasattr(case, name)},
        "needs": [need.key for need in case.needs.all()],
        "consents": [
            {
                "purpose": c.purpose,
                "recipient": c.recipient.name if c.recipient else None,
                "given_on": c.given_on,
                "withdrawn_on": c.withdrawn_on,
            }
            for c in case.consents.select_related("recipient")
        ],
        "referrals": [
            {"id": r.id, "to_organization": r.to_organization.name, "status": r.status}
            for r in case.referrals.select_related("to_organization")
        ],
    }


@router.get("/cases", response=list[CaseSummary], url_name="cases_list")
def list_cases(request, q: str = "", status: str = ""):
    """The caller's organisations' cases (code and categories only), newest first."""
    if not is_counsellor(request.user):
        raise Http404
    return list(search_cases(cases_visible_to(request.user), q, status)[:500])


@router.get("/cases/{case_id}", response=CaseDetail, url_name="cases_detail")
def get_case(request, case_id: uuid.UUID):
    case = get_case_for_user(request, case_id)
    services.audit(case, request.user, "read", "api")
    return detail(case)


@router.post(
    "/cases/{case_id}",
    response={200: CaseDetail, 400: Problem, 409: Problem},
    url_name="cases_update",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": inlined_schema(CaseUpdate)}},
        }
    },
)
def update_case(request, case_id: uuid.UUID):
    """Change categories; 409 when someone saved the case after `version` (nothing overwritten).

    The body is read after the access check, so outsiders learn nothing (404) even from a bad body.
    """
    case = get_case_for_user(request, case_id)
    try:
        payload = CaseUpdate.model_validate_json(request.body or b"{}")
    except PydanticValidationError as error:
        return Status(400, {"detail": _("The request is not valid.") + f" ({error.error_count()})"})
    data = payload.model_dump(exclude_unset=True, exclude_none=True)
    version = data.pop("version")
    try:
        case = services.update_case(case, user=request.user, data=data, version=version)
    except services.EditConflict as conflict:
        return Status(409, {"detail": conflict.message})
    return Status(200, detail(case))
