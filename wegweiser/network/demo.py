"""Demo network of Musterstadt: Workshop I and a first round table held, the next one scheduled,
tasks that carry over, and a case conference that only its participants see. Idempotent."""

from __future__ import annotations

import datetime

from django.utils import timezone

from . import roadmap, services
from .models import (
    ActionItem,
    ActionStatus,
    Decision,
    Meeting,
    MeetingKind,
    Minutes,
    MinutesStatus,
    Network,
    Participant,
)

RATHAUS = "Rathaus Musterstadt, Sitzungssaal 2"


def load(ctx) -> None:
    network = _network(ctx.municipalities["musterstadt"])
    if Meeting.objects.filter(network=network).exists():
        return
    coordinator = ctx.users["koordination@musterstadt.example.org"]
    member = ctx.users["jobcenter@musterstadt.example.org"]
    counsellor = ctx.users["beratung@musterstadt.example.org"]
    round_table = _past_meetings(network, coordinator, [coordinator, member, counsellor])
    _round_table_record(ctx, network, round_table, coordinator, member)
    _coming_meetings(network, coordinator, member, counsellor)


def _at(days: int, hour: int) -> datetime.datetime:
    """A full hour in Berlin, `days` from today."""
    today = timezone.localdate()
    return services.aware(today + datetime.timedelta(days=days), datetime.time(hour, 0))


def _network(municipality) -> Network:
    network, _created = Network.objects.update_or_create(
        municipality=municipality,
        defaults={
            "name": "Netzwerk gegen Arbeitsausbeutung Musterstadt",
            "focus": "Saisonarbeit in der Landwirtschaft, Paketzustellung und Baustellen; "
            "schneller Zugang zur Fachberatung für Betroffene.",
            "structure": "attached",
            "attached_to": "Runder Tisch Flüchtlingshilfe Musterstadt",
            "public_info": "Der Runde Tisch trifft sich einmal im Quartal im Rathaus. "
            "Betroffene wenden sich bitte direkt an die Fachberatungsstelle.",
        },
    )
    return network


def _past_meetings(network: Network, coordinator, everyone) -> Meeting:
    """Workshop I and the first round table, both attended by everyone; returns the round table."""
    workshop = services.create_meeting(
        network,
        created_by=coordinator,
        agenda=roadmap.WORKSHOP_1.agenda,
        kind=MeetingKind.WORKSHOP_1,
        title="Workshop I: Wer macht was gegen Arbeitsausbeutung?",
        description=str(roadmap.WORKSHOP_1.invitation),
        starts_at=_at(-120, 9),
        ends_at=_at(-120, 12),
        place=RATHAUS,
        capacity=20,
    )
    round_table = services.create_meeting(
        network,
        created_by=coordinator,
        agenda=roadmap.ROUND_TABLE.agenda,
        kind=MeetingKind.ROUND_TABLE,
        title="Runder Tisch gegen Arbeitsausbeutung",
        starts_at=_at(-30, 14),
        ends_at=_at(-30, 16),
        place=RATHAUS,
    )
    for meeting in (workshop, round_table):
        services.invite_users(meeting, everyone, notify=False)
        Participant.objects.filter(meeting=meeting).update(rsvp="yes", attended=True)
    return round_table


def _round_table_record(ctx, network: Network, round_table: Meeting, coordinator, member) -> None:
    """Approved minutes, a decision and two tasks (one overdue) of the first round table."""
    today = timezone.localdate()
    Minutes.objects.create(
        meeting=round_table,
        text="1. Begrüßung\nDas Protokoll von Workshop I wurde ohne Änderungen angenommen.\n\n"
        "2. Berichte\nDas Jobcenter berichtet von zwei Fällen mit auffälligen Lohnabrechnungen.\n\n"
        "3. Offene Aufgaben\nDie Ausländerbehörde soll zum nächsten Treffen eingeladen werden.",
        status=MinutesStatus.APPROVED,
        approved_at=_at(-20, 10),
        approved_by=coordinator,
    )
    Decision.objects.create(
        meeting=round_table, text="Der Runde Tisch trifft sich einmal im Quartal."
    )
    ActionItem.objects.create(
        network=network,
        meeting=round_table,
        title="Merkblatt zu auffälligen Lohnabrechnungen für die Arbeitsvermittlung entwerfen",
        owner_organization=ctx.organizations[("musterstadt", "jobcenter")],
        owner_user=member,
        due_date=today + datetime.timedelta(days=30),
        status=ActionStatus.IN_PROGRESS,
    )
    ActionItem.objects.create(
        network=network,
        meeting=round_table,
        title="Ausländerbehörde zum Runden Tisch einladen",
        owner_user=coordinator,
        due_date=today - datetime.timedelta(days=3),
    )


def _coming_meetings(network: Network, coordinator, member, counsellor) -> None:
    """The next round table and a case conference only its participants see."""
    next_round_table = services.create_meeting(
        network,
        created_by=coordinator,
        agenda=roadmap.ROUND_TABLE.agenda,
        kind=MeetingKind.ROUND_TABLE,
        title="Runder Tisch gegen Arbeitsausbeutung",
        description=str(roadmap.ROUND_TABLE.invitation),
        starts_at=_at(60, 14),
        ends_at=_at(60, 16),
        place=RATHAUS,
        capacity=25,
    )
    services.invite_users(next_round_table, [coordinator, member], notify=False)
    services.create_meeting(
        network,
        created_by=counsellor,
        kind=MeetingKind.CASE_CONFERENCE,
        title="Fallkonferenz MS-2026-014",
        starts_at=_at(10, 10),
        ends_at=_at(10, 11),
        place="Fachberatungsstelle, Besprechungsraum",
        case_code="MS-2026-014",
        case_summary="Saisonkraft aus der Landwirtschaft, Lohn seit drei Monaten nicht gezahlt, "
        "Unterkunft an den Arbeitgeber gebunden. Klärung von Aufenthalt und Lohnansprüchen.",
    )
