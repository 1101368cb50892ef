# ruff: noqa: E501 (the demo table reads best one case per line)
"""Demo cases of the Fachberatungsstelle Arbeit und Würde in Musterstadt. All clearly fictional.

Fourteen cases with codes MS-2026-001 … MS-2026-014: referrals to the union counselling (accepted,
proposed, withdrawn after the consent was withdrawn), an imported work-time file, a brief for the
network's case conference MS-2026-014, and a case closed more than three years ago that the
retention purge will remove (`wegweiser purge_cases --dry-run` lists it). Idempotent.
"""

from __future__ import annotations

import datetime as dt
import json

from django.utils import timezone

from wegweiser.accounts.models import Membership, Role

from . import services
from .choices import ConsentPurpose
from .models import Case, CaseOffice

UNION_EMAIL = "faire-arbeit@musterstadt.example.org"
# The smallest valid PDF: one empty page (a stand-in for a scanned pay slip).
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

# code suffix, sector, gender, age, nationality, residence, came via, form, services, outcomes,
# days since opening, closed days ago (None = open)
# fmt: off
CASES = [
    ("001", "agriculture", "male", "25_34", "eu", "secure", "union", "labour", "advice wage_claim", "", 40, None),
    ("002", "agriculture", "female", "35_49", "eu", "secure", "self", "labour", "advice interpreting", "wages_partly", 120, 20),
    ("003", "agriculture", "male", "18_24", "eu", "secure", "colleagues", "labour", "advice accommodation", "", 60, None),
    ("004", "logistics", "male", "25_34", "third", "unclear", "outreach", "trafficking", "advice accommodation psychosocial", "", 30, None),
    ("005", "logistics", "male", "35_49", "eu", "secure", "online", "wage", "advice wage_claim", "wages_recovered", 150, 10),
    ("006", "construction", "male", "25_34", "third", "unknown", "authority", "forced", "advice lawyer", "", 25, None),
    ("007", "agriculture", "female", "25_34", "eu", "secure", "outreach", "labour", "advice", "", 18, None),
    ("008", "cleaning", "female", "50plus", "third", "secure", "counselling", "labour", "advice accompaniment", "new_job", 200, 40),
    ("009", "agriculture", "male", "35_49", "eu", "secure", "union", "wage", "advice wage_claim", "", 12, None),
    ("010", "meat", "male", "25_34", "eu", "secure", "colleagues", "labour", "advice interpreting", "", 9, None),
    ("011", "care", "female", "50plus", "third", "unclear", "self", "trafficking", "advice accommodation lawyer", "residence_permit", 220, 30),
    ("012", "agriculture", "male", "35_49", "eu", "secure", "outreach", "labour", "advice", "return", 1400, 1130),
    ("013", "agriculture", "male", "25_34", "eu", "secure", "union", "labour", "advice", "", 5, None),
    ("014", "agriculture", "female", "25_34", "eu", "unclear", "outreach", "trafficking", "advice accommodation wage_claim", "", 50, None),
]
# fmt: on


def worktime_export() -> bytes:
    """Four weeks of a fictional seasonal worker: 10-hour days, 1,000 € paid in cash."""
    start = timezone.localdate() - dt.timedelta(days=45)
    start -= dt.timedelta(days=start.weekday())
    days = []
    for week in range(4):
        for weekday in range(6):
            day = start + dt.timedelta(days=7 * week + weekday)
            days.append(
                {
                    "id": f"d{week}{weekday}",
                    "date": day.isoformat(),
                    "start": "06:00",
                    "end": "17:00",
                    "break_minutes": 60,
                    "employer": "Beispiel-Agrar GmbH (fiktiv)",
                    "place": "Hof am Musterweg (fiktiv)",
                }
            )
    data = {
        "format": "wegweiser-worktime",
        "version": 1,
        "exported_at": timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ"),
        "days": days,
        "payments": [
            {
                "id": "p1",
                "date": (start + dt.timedelta(days=27)).isoformat(),
                "amount_cents": 100000,
                "method": "cash",
                "payer": "Vorarbeiter (fiktiv)",
            }
        ],
        "deductions": [
            {
                "id": "x1",
                "date": (start + dt.timedelta(days=27)).isoformat(),
                "amount_cents": 30000,
                "kind": "rent",
                "note": "Bett im Container (fiktiv)",
            }
        ],
    }
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _union_counsellor(ctx, union):
    from wegweiser.demo.services import _ensure_user, ensure_totp

    user = _ensure_user(ctx, UNION_EMAIL, "Frieda Fairarbeit")
    Membership.objects.update_or_create(
        user=user,
        role=Role.COUNSELLOR,
        municipality=ctx.municipalities["musterstadt"],
        defaults={"organization": union},
    )
    ensure_totp(user)
    return user


def load(ctx) -> None:
    municipality = ctx.municipalities["musterstadt"]
    service = ctx.organizations[("musterstadt", "counselling_service")]
    union = ctx.organizations[("musterstadt", "union_counselling")]
    counsellor = ctx.users["beratung@musterstadt.example.org"]
    union_counsellor = _union_counsellor(ctx, union)
    office, _created = CaseOffice.objects.get_or_create(organization=service)
    office.leads.add(counsellor)
    if Case.objects.filter(organization=service).exists():
        return
    today = timezone.localdate()
    cases = {row[0]: _demo_case(row, service, municipality, counsellor, today) for row in CASES}
    _referrals_and_evidence(cases, counsellor, union, union_counsellor, today)


def _demo_case(row, service, municipality, counsellor, today) -> Case:
    """One line of CASES as a case with its code, dates, status and the consent to store it."""
    (
        suffix,
        sector,
        gender,
        age,
        nationality,
        residence,
        came_via,
        form,
        given,
        outcomes,
        opened_ago,
        closed_ago,
    ) = row
    case = services.create_case(
        organization=service,
        municipality=municipality,
        user=counsellor,
        data={
            "first_contact_on": today - dt.timedelta(days=opened_ago),
            "came_via": came_via,
            "languages": ["ro", "de"] if nationality == "eu" else ["ar", "en"],
            "gender": gender,
            "age_group": age,
            "nationality_group": nationality,
            "residence_status": residence,
            "sector": sector,
            "exploitation_form": form,
            "services_given": ["counselling" if v == "advice" else v for v in given.split()],
            "outcomes": outcomes.split(),
            "person_name": f"Fiktive Person {suffix}",
            "contact": f"+49 30 23125 {suffix} (fiktiv)",
            "notes": "Demo-Fall, alle Angaben sind erfunden.",
        },
    )
    Case.objects.filter(pk=case.pk).update(
        code=f"MS-2026-{suffix}",
        opened_on=today - dt.timedelta(days=opened_ago),
        status="closed" if closed_ago is not None else "open",
        closed_on=today - dt.timedelta(days=closed_ago) if closed_ago is not None else None,
    )
    case.refresh_from_db()
    services.add_consent(
        case,
        user=counsellor,
        purpose=ConsentPurpose.STORE,
        given_on=case.first_contact_on,
        given_how="orally",
    )
    return case


def _referrals_and_evidence(cases, counsellor, union, union_counsellor, today) -> None:
    _evidence_and_accepted_referral(cases["001"], counsellor, union, union_counsellor, today)
    _open_and_withdrawn_referrals(cases, counsellor, union, today)
    _conference_brief(cases["014"], counsellor, union, union_counsellor, today)


def _consent(case, counsellor, today, purpose, recipient=None):
    """A consent given three days ago through an interpreter."""
    return services.add_consent(
        case,
        user=counsellor,
        purpose=purpose,
        recipient=recipient,
        given_on=today - dt.timedelta(days=3),
        given_how="interpreter",
    )


def _evidence_and_accepted_referral(first, counsellor, union, union_counsellor, today) -> None:
    """MS-2026-001: work-time file, pay slip, indicator check and a referral the union accepted."""
    services.import_worktime(first, user=counsellor, raw=worktime_export())
    from .documents import store

    store(first, user=counsellor, title="Lohnzettel Oktober (fiktiv)", raw=DEMO_PDF)
    services.record_indicator_check(
        first,
        user=counsellor,
        ticked=[
            "deceived_conditions_of_work",
            "excessive_working_days_hours",
            "withholding_of_wages",
        ],
    )
    _consent(first, counsellor, today, ConsentPurpose.REFER, union)
    accepted = services.propose_referral(
        first, user=counsellor, to_organization=union, keys=["sector", "languages", "worktime"]
    )
    services.transition_referral(accepted, user=union_counsellor, action="accept", side="receiver")


def _open_and_withdrawn_referrals(cases, counsellor, union, today) -> None:
    """MS-2026-003: a proposed referral; MS-2026-009: one withdrawn with its consent."""
    _consent(cases["003"], counsellor, today, ConsentPurpose.REFER, union)
    services.propose_referral(
        cases["003"], user=counsellor, to_organization=union, keys=["sector", "needs"]
    )

    withdrawn_case = cases["009"]
    given = _consent(withdrawn_case, counsellor, today, ConsentPurpose.REFER, union)
    services.propose_referral(
        withdrawn_case, user=counsellor, to_organization=union, keys=["sector"]
    )
    # Withdrawing the consent withdraws the open referral with it.
    services.withdraw_consent(given, user=counsellor, withdrawn_on=today, withdrawn_how="phone")


def _conference_brief(conference_case, counsellor, union, union_counsellor, today) -> None:
    """MS-2026-014: the brief for the network's case conference (the union joins the meeting)."""
    from wegweiser.network.models import Meeting, MeetingKind, Participant

    _consent(conference_case, counsellor, today, ConsentPurpose.CONFERENCE)
    meeting = Meeting.objects.filter(
        kind=MeetingKind.CASE_CONFERENCE, case_code="MS-2026-014"
    ).first()
    if meeting is not None:
        Participant.objects.get_or_create(
            meeting=meeting, user=union_counsellor, defaults={"organization": union}
        )
    services.create_brief(
        conference_case,
        user=counsellor,
        keys=["sector", "residence_status", "exploitation_form", "needs"],
        summary="Saisonkraft, Lohn seit drei Monaten nicht gezahlt, Unterkunft an den "
        "Arbeitgeber gebunden (fiktiver Demo-Fall).",
        meeting=meeting,
    )
