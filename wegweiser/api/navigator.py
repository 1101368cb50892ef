"""Navigator API: the needs vocabulary and the ordered recommendations of a municipality."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from wegweiser.core.i18n import current_language
from wegweiser.core.models import Municipality
from wegweiser.guidebook.access import may_see_internal
from wegweiser.guidebook.models import Need
from wegweiser.navigator.links import guidebook_entry_url
from wegweiser.navigator.services import (
    RESIDENCE_STATUSES,
    InvalidSelection,
    InvalidStatus,
    UnknownNeeds,
    needs_for_keys,
    parse_keys,
    parse_status,
    recommend,
)

from .auth import optional_user

router = Router(tags=["navigator"])


class NeedOut(Schema):
    key: str
    label: str
    plain: str
    acute: bool


class StatementOut(Schema):
    kind: str
    text: str
    role: str | None = None
    needs: list[str] = []
    source: str = ""


class LocationOut(Schema):
    name: str
    address: str
    opening_hours: str


class ContactPersonOut(Schema):
    name: str
    function: str
    phone: str
    email: str


class RecommendationOut(Schema):
    position: int
    organization_id: str
    name: str
    actor_type: str
    actor_type_label: str
    counselling: bool
    public_body: bool
    best_role: str
    consent_required: bool
    reporting_duty_warnings: list[str] = []
    order_reasons: list[str]
    why: list[StatementOut]
    bring: list[StatementOut]
    data: list[StatementOut]
    warnings: list[StatementOut]
    phone: str
    email: str
    website: str
    languages: list[str]
    locations: list[LocationOut]
    guidebook_url: str
    contact_persons: list[ContactPersonOut] | None = None


class NoticeOut(Schema):
    key: str
    level: str
    text: str
    source: str = ""
    as_of: str = ""


class NavigatorOut(Schema):
    municipality: str
    language: str
    needs: list[NeedOut]
    acute: bool
    residence_status: str
    notices: list[NoticeOut]
    recommendations: list[RecommendationOut]


class ErrorOut(Schema):
    detail: str


class NavigatorQuery(Schema):
    needs: str = ""
    status: str = ""
    lang: str = ""


class LanguageQuery(Schema):
    lang: str = ""


def _activate(lang: str) -> None:
    """?lang= picks the language of labels and texts (otherwise Accept-Language / cookie)."""
    if not lang:
        return
    if lang not in {code for code, _name in settings.LANGUAGES}:
        raise HttpError(400, _("Unknown language: %(lang)s.") % {"lang": lang[:16]})
    translation.activate(lang)


def _need(need: Need) -> dict:
    return {"key": need.key, "label": need.text, "plain": need.plain_text, "acute": need.acute}


@router.get("/needs", response={200: list[NeedOut], 400: ErrorOut}, auth=None)
def list_needs(request, query: Query[LanguageQuery]):
    """The shared vocabulary of situations/needs; labels in the requested language (?lang= or
    Accept-Language), falling back to German."""
    _activate(query.lang)
    return [_need(need) for need in Need.objects.all()]


def _statement(statement) -> dict:
    return {
        "kind": statement.kind,
        "text": statement.text,
        "role": statement.role,
        "needs": statement.needs,
        "source": statement.source,
    }


def _recommendation(rec, slug: str, language: str, show_contacts: bool) -> dict:
    return {
        "position": rec.position,
        "organization_id": str(rec.organization.pk),
        "name": rec.organization.name,
        "actor_type": rec.actor_type.key,
        "actor_type_label": rec.actor_type.label,
        "counselling": rec.actor_type.counselling,
        "public_body": rec.actor_type.public_body,
        "best_role": rec.best_role,
        "consent_required": rec.consent_required,
        "reporting_duty_warnings": rec.card_warnings,
        "order_reasons": [text for _key, text in rec.reasons],
        "why": [_statement(s) for s in rec.why],
        "bring": [_statement(s) for s in rec.bring],
        "data": [_statement(s) for s in rec.data],
        "warnings": [_statement(s) for s in rec.warnings],
        "phone": rec.organization.phone,
        "email": rec.organization.email,
        "website": rec.organization.website,
        "languages": rec.organization.languages,
        "locations": [
            {
                "name": location.name,
                "address": str(location),
                "opening_hours": location.opening_hours,
            }
            for location in rec.locations
        ],
        "guidebook_url": guidebook_entry_url(slug, rec.organization.pk, language),
        "contact_persons": [
            {
                "name": person.name,
                "function": person.function,
                "phone": person.phone,
                "email": person.email,
            }
            for person in rec.contact_persons
        ]
        if show_contacts
        else None,
    }


@router.get(
    "/municipalities/{slug}/navigator",
    response={200: NavigatorOut, 400: ErrorOut, 404: ErrorOut},
    auth=None,
)
def navigator(request, slug: str, query: Query[NavigatorQuery]):
    """Ordered recommendations for `needs` (comma-separated keys of /needs) in a municipality.

    `status` is the person's residence status: `secure`, `unknown` (default) or `unclear`.
    Unless it is secure, a non-state counselling service comes first, every public body carries
    the § 87 AufenthG warning (`reporting_duty_warnings`) and the immigration office, police,
    prosecutor and customs/FKS need the person's consent (`consent_required`).

    Only published organisations serving the municipality. Named contact persons (with consent)
    are included only for members of the municipality's network and coordinators of its state
    (session with verified second factor, or a bearer token); otherwise `contact_persons` is null.
    """
    _activate(query.lang)
    municipality = get_object_or_404(Municipality, slug=slug)
    try:
        keys = parse_keys([query.needs])
        needs = needs_for_keys(keys)
    except InvalidSelection as error:
        raise HttpError(400, _("Malformed need key: %(value)s.") % {"value": error}) from error
    except UnknownNeeds as error:
        raise HttpError(
            400,
            _("Unknown need keys: %(keys)s. See /api/v1/needs.") % {"keys": ", ".join(error.keys)},
        ) from error
    if not needs:
        raise HttpError(400, _("Give at least one need key, e.g. ?needs=wages_unpaid."))
    try:
        status = parse_status(query.status)
    except InvalidStatus as error:
        raise HttpError(
            400,
            _("Unknown residence status: %(value)s. Use one of: %(values)s.")
            % {"value": error, "values": ", ".join(RESIDENCE_STATUSES)},
        ) from error
    user = optional_user(request)
    show_contacts = user is not None and may_see_internal(user, municipality)
    language = current_language()
    result = recommend(
        municipality, needs, status=status, show_contact_persons=show_contacts, language=language
    )
    return {
        "municipality": municipality.slug,
        "language": language,
        "needs": [_need(need) for need in result.needs],
        "acute": result.acute,
        "residence_status": result.status,
        "notices": [
            {"key": n.key, "level": n.level, "text": n.text, "source": n.source, "as_of": n.as_of}
            for n in result.notice_texts
        ],
        "recommendations": [
            _recommendation(rec, municipality.slug, language, show_contacts)
            for rec in result.recommendations
        ],
    }
