"""Every write to a case, in a transaction, with an audit entry. Views and the API call these."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .choices import OPEN_REFERRAL, CaseStatus, ConsentPurpose, ReferralStatus
from .models import AuditEntry, Brief, Case, CaseTask, Consent, Referral, WorkTimeEvidence
from .selectors import active_consent, shareable_fields


class CaseError(Exception):
    """A write that is refused; `message` is for the user, `status` the HTTP answer."""

    status = 400

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


class EditConflict(CaseError):
    status = 409


class ConsentMissing(CaseError):
    status = 409


class TransitionNotAllowed(CaseError):
    status = 409


# Fields a counsellor edits on the case form, in the form's order (the rest is set by dedicated
# services). `needs` is many-to-many: the services take it as their own argument.
FORM_FIELDS = [
    "first_contact_on",
    "came_via",
    "languages",
    "gender",
    "age_group",
    "nationality_group",
    "residence_status",
    "sector",
    "exploitation_form",
    "needs",
    "services_given",
    "outcomes",
    "person_name",
    "contact",
    "notes",
]
EDITABLE = [name for name in FORM_FIELDS if name != "needs"]
PERSONAL = {"person_name", "contact", "notes"}


def audit(case: Case, user, action: str, detail: str = "") -> None:
    AuditEntry.objects.create(case=case, user=user, action=action, detail=detail[:300])


def next_code(organization) -> str:
    """A pseudonymous code like "FAW-2026-007": organisation initials, year, number."""
    initials = "".join(word[0] for word in organization.name.split() if word[:1].isalpha())[:4]
    year = timezone.localdate().year
    prefix = f"{initials.upper() or 'C'}-{year}-"
    taken = Case.objects.filter(organization=organization, code__startswith=prefix).count()
    number = taken + 1
    while Case.objects.filter(organization=organization, code=f"{prefix}{number:03d}").exists():
        number += 1
    return f"{prefix}{number:03d}"


@transaction.atomic
def create_case(*, organization, municipality, user, data: dict, needs=()) -> Case:
    case = Case(
        organization=organization,
        municipality=municipality,
        code=next_code(organization),
        opened_on=timezone.localdate(),
        created_by=user,
    )
    for name in EDITABLE:
        if name in data:
            setattr(case, name, data[name])
    case.save()
    case.needs.set(needs)
    audit(case, user, "create")
    return case


@transaction.atomic
def update_case(case: Case, *, user, data: dict, version: int, needs=None) -> Case:
    """Save the counsellor's changes unless someone else saved since `version` was read."""
    current = Case.objects.select_for_update().get(pk=case.pk)
    if current.version != version:
        raise EditConflict(
            _(
                "Someone else saved this case in the meantime (now version %(now)s, you started "
                "from version %(yours)s). Nothing was overwritten: open the case again, then enter "
                "your changes once more."
            )
            % {"now": current.version, "yours": version}
        )
    changed = [name for name in EDITABLE if name in data and getattr(current, name) != data[name]]
    for name in changed:
        setattr(current, name, data[name])
    if needs is not None:
        before = set(current.needs.values_list("pk", flat=True))
        after = {need.pk for need in needs}
        if before != after:
            current.needs.set(needs)
            changed.append("needs")
    current.version += 1
    current.save()
    audit(current, user, "update", ", ".join(changed) or "-")
    return current


@transaction.atomic
def set_status(case: Case, *, user, closed: bool) -> Case:
    case.status = CaseStatus.CLOSED if closed else CaseStatus.OPEN
    case.closed_on = timezone.localdate() if closed else None
    case.version += 1
    case.save(update_fields=["status", "closed_on", "version", "updated_at"])
    audit(case, user, "close" if closed else "reopen")
    return case


@transaction.atomic
def record_indicator_check(case: Case, *, user, ticked: list[str]) -> dict:
    """Run the navigator's combination rule on the ticked indicators and keep the result."""
    from wegweiser.navigator.indicators import assess
    from wegweiser.navigator.services import indicator_data

    assessment = assess(indicator_data(), ticked)
    result = {
        "ticked": sorted(set(ticked)),
        "overall": assessment.overall,
        "groups": assessment.groups,
        "positive_dimensions": [d.key for d in assessment.dimensions if d.positive],
        "checked_on": timezone.localdate().isoformat(),
    }
    case.indicator_check = result
    case.version += 1
    case.save(update_fields=["indicator_check", "version", "updated_at"])
    audit(case, user, "indicators", f"{len(ticked)} ticked")
    return result


@transaction.atomic
def add_consent(case: Case, *, user, purpose: str, given_on, given_how: str, recipient=None):
    if purpose == ConsentPurpose.REFER and recipient is None:
        raise CaseError(_("Consent to a referral names the organisation it allows."))
    consent = Consent.objects.create(
        case=case,
        purpose=purpose,
        recipient=recipient if purpose == ConsentPurpose.REFER else None,
        given_on=given_on,
        given_how=given_how,
        recorded_by=user,
    )
    audit(case, user, "consent", f"given: {purpose}")
    return consent


@transaction.atomic
def withdraw_consent(consent: Consent, *, user, withdrawn_on, withdrawn_how: str) -> Consent:
    if consent.withdrawn_on is not None:
        raise CaseError(_("This consent was already withdrawn."))
    consent.withdrawn_on = withdrawn_on
    consent.withdrawn_how = withdrawn_how
    consent.save(update_fields=["withdrawn_on", "withdrawn_how"])
    audit(consent.case, user, "consent", f"withdrawn: {consent.purpose}")
    if consent.purpose == ConsentPurpose.REFER and consent.recipient_id:
        # Without consent the receiving service must lose the shared part at once.
        still_allowed = active_consent(consent.case, ConsentPurpose.REFER, consent.recipient)
        if still_allowed is None:
            for referral in consent.case.referrals.filter(
                to_organization_id=consent.recipient_id, status__in=OPEN_REFERRAL
            ):
                transition_referral(referral, user=user, action="withdraw", side="sender")
    return consent


@transaction.atomic
def add_task(case: Case, *, user, title: str, due_on=None) -> CaseTask:
    task = CaseTask.objects.create(case=case, title=title, due_on=due_on)
    audit(case, user, "task", "added")
    return task


@transaction.atomic
def complete_task(task: CaseTask, *, user) -> CaseTask:
    task.done_at = None if task.done_at else timezone.now()
    task.save(update_fields=["done_at"])
    audit(task.case, user, "task", "done" if task.done_at else "reopened")
    return task


def _snapshot(case: Case, keys: list[str], *, allow_personal: bool) -> dict:
    available = shareable_fields(case, include_personal=allow_personal)
    unknown = set(keys) - set(available)
    if unknown:
        raise CaseError(_("These fields cannot be shared: %(keys)s") % {"keys": ", ".join(unknown)})
    return {key: available[key] for key in keys}


@transaction.atomic
def propose_referral(case: Case, *, user, to_organization, keys: list[str], message: str = ""):
    """Refer the case; refused without an active consent to refer to exactly this organisation."""
    if to_organization.pk == case.organization_id:
        raise CaseError(_("A case cannot be referred to its own organisation."))
    if active_consent(case, ConsentPurpose.REFER, recipient=to_organization) is None:
        raise ConsentMissing(
            _(
                "No referral without consent: the person has not consented (or has withdrawn "
                "consent) to a referral to %(organization)s. Record the consent first."
            )
            % {"organization": to_organization.name}
        )
    if case.referrals.filter(to_organization=to_organization, status__in=OPEN_REFERRAL).exists():
        raise CaseError(_("There is already an open referral to this organisation."))
    referral = Referral.objects.create(
        case=case,
        to_organization=to_organization,
        shared=_snapshot(case, keys, allow_personal=True),
        message=message,
        created_by=user,
    )
    audit(case, user, "referral", f"proposed to {to_organization.name}: {', '.join(keys)}")
    return referral


# action → (allowed from, new status, who: "sender" or "receiver")
TRANSITIONS = {
    "accept": ((ReferralStatus.PROPOSED,), ReferralStatus.ACCEPTED, "receiver"),
    "decline": ((ReferralStatus.PROPOSED,), ReferralStatus.DECLINED, "receiver"),
    "done": ((ReferralStatus.ACCEPTED,), ReferralStatus.DONE, "receiver"),
    "withdraw": (OPEN_REFERRAL, ReferralStatus.WITHDRAWN, "sender"),
}
TRANSITION_LABELS = {
    "accept": gettext_lazy("Accept"),
    "decline": gettext_lazy("Decline"),
    "done": gettext_lazy("Mark as done"),
    "withdraw": gettext_lazy("Withdraw"),
}


@transaction.atomic
def transition_referral(referral: Referral, *, user, action: str, side: str) -> Referral:
    if action not in TRANSITIONS:
        raise TransitionNotAllowed(_("Unknown step."))
    allowed_from, target, who = TRANSITIONS[action]
    current = Referral.objects.select_for_update().get(pk=referral.pk)
    if who != side or current.status not in allowed_from:
        raise TransitionNotAllowed(
            _("This step is not possible: the referral is %(status)s.")
            % {"status": current.get_status_display()}
        )
    current.status = target
    now = timezone.now()
    if action in ("accept", "decline"):
        current.decided_at, current.decided_by = now, user
    if target in (ReferralStatus.DECLINED, ReferralStatus.DONE, ReferralStatus.WITHDRAWN):
        current.closed_at = now
    current.save()
    audit(current.case, user, "referral", f"{action}: {current.to_organization.name}")
    return current


@transaction.atomic
def import_worktime(case: Case, *, user, raw: bytes) -> WorkTimeEvidence:
    """Validate a worker's export with the calendar's own rules and recompute its report here."""
    from wegweiser.worktime import wages
    from wegweiser.worktime.services import parse_export, problem_message

    try:
        data = parse_export(raw)
    except wages.FileProblem as problem:
        raise CaseError(problem_message(problem)) from None
    evidence = WorkTimeEvidence.objects.create(
        case=case,
        sha256=hashlib.sha256(raw).hexdigest(),
        data=data,
        report=wages.compute_report(data),
        imported_by=user,
    )
    audit(case, user, "worktime", f"imported {evidence.sha256[:12]}")
    return evidence


@transaction.atomic
def create_brief(case: Case, *, user, keys: list[str], summary: str, meeting=None) -> Brief:
    """An anonymised brief: no name or contact data, only the fields the counsellor chose."""
    if active_consent(case, ConsentPurpose.CONFERENCE) is None:
        raise ConsentMissing(
            _(
                "No case conference without consent: the person has not consented (or has "
                "withdrawn consent) to sharing the case in a case conference."
            )
        )
    brief = Brief.objects.create(
        case=case,
        meeting=meeting,
        fields=_snapshot(case, keys, allow_personal=False),
        summary=summary,
        created_by=user,
    )
    audit(case, user, "brief", ", ".join(keys))
    return brief


def brief_for_meeting(meeting, user) -> list[Brief]:
    """For network's case-conference page: the briefs of a meeting this user may read."""
    from .access import briefs_visible_to

    return list(briefs_visible_to(user).filter(meeting=meeting).order_by("created_at"))


def purge_due(today: dt.date | None = None):
    """Closed cases whose retention period (per organisation, default 3 years) has passed."""
    from .selectors import cases_due_for_purge

    return cases_due_for_purge(today or timezone.localdate())


@transaction.atomic
def purge_case(case: Case, user=None) -> None:
    """Destroy everything personal; keep the categories for the statistics.

    Dates are coarsened to the year (exact dates together with the categories could point to a
    person), and what the statistics do not count (languages, needs) goes too.
    """
    case.person_name = ""
    case.contact = ""
    case.notes = ""
    case.indicator_check = {}
    case.languages = []
    case.first_contact_on = case.first_contact_on.replace(month=1, day=1)
    case.opened_on = case.opened_on.replace(month=1, day=1)
    if case.closed_on is not None:
        case.closed_on = case.closed_on.replace(month=1, day=1)
    case.needs.clear()
    case.purged_at = timezone.now()
    case.save()
    case.tasks.all().delete()
    case.consents.all().delete()
    case.referrals.all().delete()
    case.worktime.all().delete()
    case.briefs.all().delete()
    from .documents import delete_files

    delete_files(case)
    case.documents.all().delete()
    case.audit.all().delete()
    audit(case, user, "purge")


@transaction.atomic
def set_retention(organization, *, user, years: int):
    from .models import CaseOffice

    office, _created = CaseOffice.objects.get_or_create(organization=organization)
    office.retention_years = years
    office.save(update_fields=["retention_years"])
    return office
