"""Freshness of guidebook entries: stale entries, one-time confirmation links and their answers."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from wegweiser.core.links import absolute_reverse
from wegweiser.core.tokens import hash_secret, new_secret

from ..models import ConfirmationRequest, Organization, OrganizationStatus

CONFIRMATION_DAYS = 30


hash_token = hash_secret


def stale_organizations(municipality=None):
    """Current (not archived) entries whose last confirmation is older than the freshness limit."""
    limit = timezone.localdate() - datetime.timedelta(days=settings.WEGWEISER_FRESHNESS_DAYS)
    queryset = Organization.objects.current().filter(
        Q(last_confirmed_at__isnull=True) | Q(last_confirmed_at__lt=limit)
    )
    if municipality is not None:
        queryset = queryset.serving(municipality)
    return list(queryset.select_related("actor_type").distinct().order_by("last_confirmed_at"))


def open_request(organization: Organization) -> ConfirmationRequest | None:
    return (
        organization.confirmation_requests.filter(
            used_at__isnull=True, expires_at__gt=timezone.now()
        )
        .order_by("-created_at")
        .first()
    )


@transaction.atomic
def create_confirmation_request(organization: Organization) -> tuple[ConfirmationRequest, str]:
    """A new request with a fresh token; returns (request, token). The token is not stored."""
    token = new_secret()
    request = ConfirmationRequest.objects.create(
        organization=organization,
        token_hash=hash_token(token),
        sent_to=organization.email,
        expires_at=timezone.now() + datetime.timedelta(days=CONFIRMATION_DAYS),
    )
    return request, token


def confirmation_url(token: str, language: str = "de") -> str:
    with translation.override(language):
        return absolute_reverse("guidebook:confirm", token=token)


def send_confirmation_request(organization: Organization) -> ConfirmationRequest | None:
    """E-mail a confirmation link unless one is open already or there is no address."""
    if not organization.email or open_request(organization) is not None:
        return None
    request, token = create_confirmation_request(organization)
    with translation.override("de"):
        context = {
            "organization": organization,
            "url": confirmation_url(token),
            "expires_at": request.expires_at,
        }
        subject = render_to_string("guidebook/email/confirmation_subject.txt", context).strip()
        body = render_to_string("guidebook/email/confirmation.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [organization.email])
    return request


def send_confirmation_requests(municipality=None) -> list[ConfirmationRequest]:
    """One request per stale, published entry that has no open request (idempotent); all
    municipalities (the nightly command) or one (the coordinator's button)."""
    sent = []
    for organization in stale_organizations(municipality):
        if organization.status != OrganizationStatus.PUBLISHED:
            continue
        request = send_confirmation_request(organization)
        if request is not None:
            sent.append(request)
    return sent


class LinkState:
    VALID = "valid"
    USED = "used"
    EXPIRED = "expired"


def find_request(token: str) -> tuple[ConfirmationRequest | None, str]:
    if not token or len(token) > 100:
        return None, ""
    request = (
        ConfirmationRequest.objects.select_related("organization", "organization__actor_type")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if request is None:
        return None, ""
    if request.used_at is not None:
        return request, LinkState.USED
    if request.expires_at <= timezone.now():
        return request, LinkState.EXPIRED
    return request, LinkState.VALID


@transaction.atomic
def answer_request(
    request: ConfirmationRequest, *, confirmed: bool, message: str = "", proposed=None
) -> bool:
    """Record the answer once (a second answer with the same link is refused)."""
    updated = ConfirmationRequest.objects.filter(pk=request.pk, used_at__isnull=True).update(
        used_at=timezone.now()
    )
    if not updated:
        return False
    request.refresh_from_db()
    request.outcome = (
        ConfirmationRequest.Outcome.CONFIRMED
        if confirmed
        else ConfirmationRequest.Outcome.CORRECTIONS
    )
    request.message = message
    request.proposed = proposed or {}
    request.save(update_fields=["outcome", "message", "proposed"])
    if confirmed:
        organization = request.organization
        organization.last_confirmed_at = timezone.localdate()
        organization.save(update_fields=["last_confirmed_at", "updated_at"])
    return True


@transaction.atomic
def mark_proposal_reviewed(request: ConfirmationRequest, user, *, confirm: bool) -> None:
    request.reviewed_at = timezone.now()
    request.reviewed_by = user
    request.save(update_fields=["reviewed_at", "reviewed_by"])
    if confirm:
        organization = request.organization
        organization.last_confirmed_at = timezone.localdate()
        organization.save(update_fields=["last_confirmed_at", "updated_at"])


def open_proposals(municipality):
    """Answers with corrections not yet handled; `proposed_items` pairs field labels and values."""
    from ..forms import ConfirmationForm

    labels = {name: field.label for name, field in ConfirmationForm.base_fields.items()}
    proposals = list(
        ConfirmationRequest.objects.filter(
            organization__in=Organization.objects.serving(municipality).current(),
            outcome=ConfirmationRequest.Outcome.CORRECTIONS,
            reviewed_at__isnull=True,
        )
        .select_related("organization")
        .distinct()
        .order_by("used_at")
    )
    for proposal in proposals:
        proposal.proposed_items = [  # type: ignore[attr-defined]  # read by the template
            (labels.get(name, name), value) for name, value in (proposal.proposed or {}).items()
        ]
    return proposals
