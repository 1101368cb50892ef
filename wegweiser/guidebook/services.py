"""Use cases of the guidebook."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from wegweiser.core.links import absolute_reverse
from wegweiser.core.tokens import hash_secret, new_secret

from .models import (
    ActorType,
    ConfirmationRequest,
    ContactPerson,
    Location,
    MandateItem,
    MandateNeed,
    MandateTranslation,
    Need,
    Organization,
    OrganizationStatus,
)


@transaction.atomic
def apply_mandate_template(organization: Organization, *, replace: bool = False) -> int:
    """Give an organisation the default mandate of its actor type (German source + English).

    Returns the number of items created. Existing items are kept unless replace=True.
    """
    if organization.mandate_items.exists():
        if not replace:
            return 0
        organization.mandate_items.all().delete()
    needs = {need.key: need for need in Need.objects.all()}
    created = 0
    for order, entry in enumerate(organization.actor_type.mandate_template, start=1):
        item = MandateItem.objects.create(
            organization=organization,
            kind=entry["kind"],
            text=entry["text"]["de"],
            source=entry.get("source", ""),
            as_of=datetime.date.fromisoformat(entry["as_of"]) if entry.get("as_of") else None,
            order=order * 10,
        )
        for language, text in entry["text"].items():
            if language != "de" and text:
                MandateTranslation.objects.create(
                    item=item, language=language, text=text, source_version=item.version
                )
        for link in entry.get("needs", []):
            if link["key"] in needs:
                MandateNeed.objects.create(item=item, need=needs[link["key"]], role=link["role"])
        created += 1
    return created


def create_organization_from_template(
    actor_type: ActorType, name: str, municipalities, **fields
) -> Organization:
    organization = Organization.objects.create(actor_type=actor_type, name=name, **fields)
    organization.municipalities.set(municipalities)
    apply_mandate_template(organization)
    return organization


# --- editing and approval ------------------------------------------------------------------------
#
# Choice (documented in README): the public and the internal guidebook show only entries whose
# status is "published". A change by a member of the organisation moves the entry to
# "waiting for approval" (in_review); until a coordinator publishes it, the entry is not shown in the
# guidebook (only to its editors, with a banner). Changes by a coordinator stay published.
# Contact persons are exempt: they are internal only, and a withdrawal of consent must take effect
# at once, so their changes never wait for approval.

EDITABLE_FIELDS = [
    "name",
    "actor_type",
    "parent",
    "description",
    "website",
    "email",
    "phone",
    "languages",
    "confidential_address",
    "internal_notes",
    "last_confirmed_at",
]


def record_change(organization: Organization, *, by_coordinator: bool) -> None:
    """After a change by an editor: a member's change needs the coordinator's approval."""
    if not by_coordinator and organization.status != OrganizationStatus.IN_REVIEW:
        organization.status = OrganizationStatus.IN_REVIEW
        organization.save(update_fields=["status", "updated_at"])


@transaction.atomic
def publish(organization: Organization) -> None:
    organization.status = OrganizationStatus.PUBLISHED
    if (
        organization.last_confirmed_at is None
        or organization.last_confirmed_at < timezone.localdate()
    ):
        # Approving an entry is a confirmation that it is correct today.
        organization.last_confirmed_at = timezone.localdate()
    organization.save(update_fields=["status", "last_confirmed_at", "updated_at"])


@transaction.atomic
def archive(organization: Organization) -> None:
    """Organisations are archived, never deleted: they leave every guidebook, history stays."""
    organization.archived_at = timezone.now()
    organization.save(update_fields=["archived_at", "updated_at"])


@transaction.atomic
def unarchive(organization: Organization) -> None:
    organization.archived_at = None
    organization.save(update_fields=["archived_at", "updated_at"])


@transaction.atomic
def withdraw_consent(person: ContactPerson, how: str = "") -> None:
    """From now on the person appears nowhere (pages, search, exports)."""
    person.consent_withdrawn_at = timezone.localdate()
    if how:
        person.consent_how = f"{person.consent_how} / {how}".strip(" /")
    person.save(update_fields=["consent_withdrawn_at", "consent_how"])


def last_published_record(organization: Organization):
    """The newest history record of the organisation with status published (or None)."""
    return (
        organization.history.filter(status=OrganizationStatus.PUBLISHED)
        .order_by("-history_date")
        .first()
    )


@dataclass
class FieldChange:
    field: str
    label: str
    old: object
    new: object


def _field_label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # noqa: BLE001 - unknown historical field
        return name


def record_changes(record, previous) -> list[FieldChange]:
    """Field changes between two history records of the same object (simple-history diff)."""
    if previous is None:
        return []
    delta = record.diff_against(previous)
    model = record.instance_type
    return [
        FieldChange(change.field, _field_label(model, change.field), change.old, change.new)
        for change in delta.changes
        if change.field not in ("updated_at", "status")
    ]


CHILD_MODELS = (Location, MandateItem, ContactPerson)


def changes_since_publication(organization: Organization) -> dict:
    """What changed since the entry was last published: field diff and changed parts."""
    published = last_published_record(organization)
    newest = organization.history.order_by("-history_date").first()
    since = published.history_date if published is not None else None
    organization_changes = record_changes(newest, published) if published is not None else []
    if published is not None and published.history_type == "+":
        # Entries created as published (demo data, imports) get their parts in the same minute:
        # those belong to the creation, not to a later change.
        since = since + datetime.timedelta(seconds=60)
    parts = []
    for model in CHILD_MODELS:
        records = model.history.filter(organization_id=organization.pk)
        if since is not None:
            records = records.filter(history_date__gt=since)
        for record in records.select_related("history_user").order_by("history_date"):
            parts.append(_describe_record(record))
    translations = MandateTranslation.history.filter(item__organization_id=organization.pk)
    if since is not None:
        translations = translations.filter(history_date__gt=since)
    for record in translations.select_related("history_user").order_by("history_date"):
        parts.append(_describe_record(record))
    parts.sort(key=lambda part: part["date"])
    return {"published": published, "fields": organization_changes, "parts": parts}


def _describe_record(record) -> dict:
    previous = record.prev_record
    return {
        "record": record,
        "model": record.instance_type._meta.verbose_name,
        "type": record.get_history_type_display(),
        "history_type": record.history_type,
        "label": str(record.instance),
        "date": record.history_date,
        "user": record.history_user,
        "changes": record_changes(record, previous) if record.history_type == "~" else [],
        "history_id": record.history_id,
    }


def organization_timeline(organization: Organization, limit: int = 200) -> list[dict]:
    """Every recorded change of the entry and its parts, newest first (who, when, what)."""
    entries = []
    records = list(
        organization.history.select_related("history_user").order_by("-history_date")[:limit]
    )
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        entry = _describe_record(record)
        entry["changes"] = record_changes(record, previous) if previous else []
        entry["restorable"] = True
        entry["kind"] = "organization"
        entries.append(entry)
    for model, kind in ((Location, "location"), (MandateItem, "mandate")):
        for record in (
            model.history.filter(organization_id=organization.pk)
            .select_related("history_user")
            .order_by("-history_date")[:limit]
        ):
            entry = _describe_record(record)
            entry["restorable"] = True
            entry["kind"] = kind
            entries.append(entry)
    for record in (
        ContactPerson.history.filter(organization_id=organization.pk)
        .select_related("history_user")
        .order_by("-history_date")[:limit]
    ):
        entry = _describe_record(record)
        # Restoring a contact person could bring back withdrawn consent: never offered.
        entry["restorable"] = False
        entry["kind"] = "contact"
        entries.append(entry)
    entries.sort(key=lambda entry: entry["date"], reverse=True)
    return entries[:limit]


RESTORE_FIELDS = [
    "name",
    "actor_type_id",
    "parent_id",
    "description",
    "website",
    "email",
    "phone",
    "languages",
    "confidential_address",
    "internal_notes",
]


@transaction.atomic
def restore_version(organization: Organization, kind: str, history_id: int) -> bool:
    """Bring back an earlier version; saved as a new change (so it is audited, and undoable).

    Organisation: its descriptive fields (status, archive state and confirmation date stay).
    Location, mandate item: the whole record (re-created if it was deleted).
    """
    if kind == "organization":
        record = organization.history.filter(history_id=history_id).first()
        if record is None:
            return False
        for name in RESTORE_FIELDS:
            setattr(organization, name, getattr(record, name))
        organization.save()
        return True
    model = {"location": Location, "mandate": MandateItem}.get(kind)
    if model is None:
        return False
    record = model.history.filter(history_id=history_id, organization_id=organization.pk).first()
    if record is None:
        return False
    instance = record.instance
    instance.organization_id = organization.pk
    instance.save()
    return True


# --- freshness: confirmation links ---------------------------------------------------------------

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


def send_confirmation_requests() -> list[ConfirmationRequest]:
    """One request per stale, published entry that has no open request (idempotent)."""
    sent = []
    for organization in stale_organizations():
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
    from .forms import ConfirmationForm

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
        proposal.proposed_items = [
            (labels.get(name, name), value) for name, value in (proposal.proposed or {}).items()
        ]
    return proposals
