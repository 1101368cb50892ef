"""Reads of case data, one per question, shared by pages, API, exports and commands.

Callers pass querysets that access.py has already scoped to the user.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Q, QuerySet
from django.utils import formats
from django.utils.translation import gettext as _

from .choices import (
    AgeGroup,
    CameVia,
    CaseStatus,
    ExploitationForm,
    Gender,
    NationalityGroup,
    ResidenceStatus,
    Sector,
)
from .models import Case, CaseOffice, Consent

DEFAULT_RETENTION_YEARS = 3


def search_cases(cases: QuerySet[Case], query: str = "", status: str = "") -> QuerySet[Case]:
    """Search by case code only: names are encrypted and never searched or listed."""
    query = query.replace("\x00", "").strip()[:40]  # PostgreSQL refuses NUL in text
    if query:
        cases = cases.filter(code__icontains=query)
    if status in CaseStatus.values:
        cases = cases.filter(status=status)
    return cases.select_related("organization").order_by("-opened_on", "code")


def active_consent(case: Case, purpose: str, recipient=None) -> Consent | None:
    consents = Consent.objects.filter(case=case, purpose=purpose, withdrawn_on__isnull=True)
    if recipient is not None:
        consents = consents.filter(recipient=recipient)
    return consents.first()


def referral_targets(case: Case):
    """Other counselling organisations serving the case's municipality."""
    from wegweiser.guidebook.models import Organization

    return (
        Organization.objects.current()
        .filter(actor_type__counselling=True, municipalities=case.municipality)
        .exclude(pk=case.organization_id)
        .distinct()
        .order_by("name")
    )


def conference_choices(case: Case, user):
    """Upcoming case conferences in the case's municipality that the user organises or attends."""
    from django.utils import timezone

    from wegweiser.network.models import Meeting, MeetingKind

    return (
        Meeting.objects.filter(
            network__municipality=case.municipality,
            kind=MeetingKind.CASE_CONFERENCE,
            cancelled_at__isnull=True,
            ends_at__gte=timezone.now(),
        )
        .filter(Q(created_by=user) | Q(participants__user=user))
        .distinct()
        .order_by("starts_at")
    )


def _label(choices, value: str) -> str:
    return str(dict(choices.choices).get(value, value or "–"))


def indicator_summary(case: Case) -> str:
    check = case.indicator_check or {}
    if not check:
        return ""
    if check.get("overall"):
        return _(
            "Indications of possible trafficking for labour exploitation (%(n)s indicators)"
        ) % {"n": len(check.get("ticked", []))}
    return _("No overall indication (%(n)s indicators ticked)") % {
        "n": len(check.get("ticked", []))
    }


def worktime_summary(case: Case) -> str:
    from wegweiser.worktime.services import date_label, hours, money

    evidence = case.worktime.first()
    if evidence is None or not evidence.report:
        return ""
    totals = evidence.report["totals"]
    period = evidence.report["period"]
    return _("%(start)s – %(end)s: %(hours)s worked, %(due)s due, %(paid)s paid, %(owed)s owed") % {
        "start": date_label(period["from"]),
        "end": date_label(period["to"]),
        "hours": hours(totals["minutes"]),
        "due": money(totals["due_cents"]),
        "paid": money(totals["paid_cents"]),
        "owed": money(totals["difference_cents"]),
    }


def shareable_fields(case: Case, *, include_personal: bool) -> dict[str, dict[str, str]]:
    """{key: {"label", "value"}} of what may be shared; personal fields only for referrals."""
    fields = {
        "first_contact": (_("first contact"), formats.date_format(case.first_contact_on)),
        "came_via": (_("how the person found the service"), _label(CameVia, case.came_via)),
        "languages": (_("languages"), ", ".join(case.languages)),
        "gender": (_("gender"), _label(Gender, case.gender)),
        "age_group": (_("age group"), _label(AgeGroup, case.age_group)),
        "nationality_group": (
            _("nationality group"),
            _label(NationalityGroup, case.nationality_group),
        ),
        "residence_status": (
            _("residence status"),
            _label(ResidenceStatus, case.residence_status),
        ),
        "sector": (_("sector"), _label(Sector, case.sector)),
        "exploitation_form": (
            _("form of exploitation"),
            _label(ExploitationForm, case.exploitation_form),
        ),
        "needs": (_("needs"), ", ".join(need.text for need in case.needs.all())),
        "indicators": (_("indicator check"), indicator_summary(case)),
        "worktime": (_("work-time evidence"), worktime_summary(case)),
    }
    if include_personal:
        fields["person_name"] = (_("name of the person"), case.person_name)
        fields["contact"] = (_("contact details"), case.contact)
    return {key: {"label": str(label), "value": value} for key, (label, value) in fields.items()}


def retention_years(organization) -> int:
    office = CaseOffice.objects.filter(organization=organization).first()
    return office.retention_years if office else DEFAULT_RETENTION_YEARS


def cases_due_for_purge(today: dt.date) -> list[Case]:
    """Closed, not yet purged cases whose organisation's retention period has passed."""
    candidates = (
        Case.objects.filter(status=CaseStatus.CLOSED, purged_at__isnull=True)
        .filter(~Q(closed_on=None))
        .select_related("organization")
        .order_by("closed_on", F("code"))
    )
    due = []
    years_by_org: dict = {}
    for case in candidates:
        closed = case.closed_on
        assert closed is not None  # filtered above
        years = years_by_org.setdefault(case.organization_id, retention_years(case.organization))
        try:
            limit = closed.replace(year=closed.year + years)
        except ValueError:  # 29 February
            limit = closed.replace(year=closed.year + years, day=28)
        if limit <= today:
            due.append(case)
    return due
