"""Demo network of Musterstadt: Workshop I and a first round table held, the next one scheduled,
tasks that carry over, and a case conference that only its participants see. Idempotent."""

from __future__ import annotations

import datetime

from django.utils import timezone

from . import roadmap, services
from .models import (
    ActionItem,
    ActionStatus,
    CooperationAgreement,
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
    state_round_table = _state_round_table(ctx)
    network = _network(ctx.municipalities["musterstadt"])
    _agreements(ctx, network, state_round_table)
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


# --- the state round table of Rheinland-Pfalz --------------------------------------------------

MAINZ = "Ministerium, Bauhofstraße 9, Mainz, Raum 104"


def _state_actors(ctx) -> dict:
    """The state-wide actors (guidebook demo) the state round table's members work for."""
    return {
        "police": ctx.organizations[("state", "police")],
        "counselling_service": ctx.organizations[("state", "counselling_service")],
    }


def _state_round_table(ctx) -> Network:
    """The state round table with its coordinator, one member (the LKA) and a coming meeting."""
    from wegweiser.accounts.models import Membership, Role

    network, _created = Network.objects.update_or_create(
        state=ctx.state,
        municipality=None,
        defaults={
            "name": "Landesrunder Tisch gegen Arbeitsausbeutung Rheinland-Pfalz",
            "focus": "Zusammenarbeit von Polizei, Zoll, Arbeitsschutz und Fachberatung im Land; "
            "Kooperationsvereinbarungen und Unterstützung der kommunalen Netzwerke.",
        },
    )
    actors = _state_actors(ctx)
    member = ctx.users["lka@rlp.example.org"]
    Membership.objects.filter(user=member, state=ctx.state, role=Role.MEMBER).update(
        organization=actors["police"]
    )
    if not Meeting.objects.filter(network=network).exists():
        coordinator = ctx.users["land@rlp.example.org"]
        meeting = services.create_meeting(
            network,
            created_by=coordinator,
            agenda=roadmap.ROUND_TABLE.agenda,
            kind=MeetingKind.ROUND_TABLE,
            title="Sitzung: Berichte aus den Netzwerken und Kooperationsvereinbarung",
            description="Berichte aus den kommunalen Netzwerken; Entwurf der "
            "Kooperationsvereinbarung zwischen Polizei und Fachberatung.",
            starts_at=_at(45, 10),
            ends_at=_at(45, 13),
            place=MAINZ,
            capacity=30,
        )
        services.invite_users(meeting, [coordinator, member], notify=False)
    return network


# --- cooperation agreements --------------------------------------------------------------------


def _agreement(network: Network, title: str, summary: str, parties: list, by) -> tuple:
    """(agreement, created): one agreement per network and title."""
    existing = CooperationAgreement.objects.filter(network=network, title=title).first()
    if existing is not None:
        return existing, False
    return services.create_agreement(
        network, title=title, summary=summary, parties=parties, created_by=by
    ), True


def _agreements(ctx, network: Network, round_table: Network) -> None:
    _local_agreement(ctx, network)
    _state_agreements(ctx, round_table)


def _local_agreement(ctx, network: Network) -> None:
    """Musterstadt's agreement in force between the police and the counselling service."""
    today = timezone.localdate()
    police = ctx.organizations[("musterstadt", "police")]
    counselling = ctx.organizations[("musterstadt", "counselling_service")]
    local, created = _agreement(
        network,
        "Kooperationsvereinbarung Polizei und Fachberatung Musterstadt",
        "Polizei und Fachberatungsstelle verweisen Betroffene von Arbeitsausbeutung gegenseitig "
        "und stimmen sich vor Kontrollen ab, damit Betroffene sofort Beratung erhalten.",
        [police, counselling],
        ctx.users["koordination@musterstadt.example.org"],
    )
    if created:
        details = {
            police.pk: (
                "Fachkommissariat 12, Bereitschaftstelefon über die Wache",
                "Informiert "
                "die Fachberatung vor geplanten Kontrollen; nennt Betroffenen die Beratung.",
            ),
            counselling.pk: (
                "Beratungstelefon Mo–Fr 9–16 Uhr",
                "Berät Betroffene vertraulich; "
                "begleitet zu Vernehmungen, wenn die Person es wünscht.",
            ),
        }
        for party in local.parties.all():
            party.contact_point, party.tasks = details[party.organization_id]
            party.save(update_fields=["contact_point", "tasks"])
            services.record_signature(local, party, on=today - datetime.timedelta(days=200))
        services.set_validity(
            local, in_force_from=today - datetime.timedelta(days=190), valid_until=None
        )


def _state_agreements(ctx, round_table: Network) -> None:
    """The state's agreement in force between the LKA and the state-wide counselling service, and
    a draft supplement the round table is discussing."""
    today = timezone.localdate()
    state_parties = list(_state_actors(ctx).values())
    agreement, created = _agreement(
        round_table,
        "Landesweite Kooperationsvereinbarung zum Schutz Betroffener von Arbeitsausbeutung",
        "Das Landeskriminalamt und die landesweite Fachberatung regeln Ansprechstellen, "
        "Informationswege und die Betreuung Betroffener während eines Ermittlungsverfahrens.",
        state_parties,
        ctx.users["land@rlp.example.org"],
    )
    if created:
        for party in agreement.parties.all():
            services.record_signature(agreement, party, on=today - datetime.timedelta(days=400))
        services.set_validity(
            agreement, in_force_from=today - datetime.timedelta(days=365), valid_until=None
        )
        _agreement(
            round_table,
            "Ergänzung: Zusammenarbeit mit der Finanzkontrolle Schwarzarbeit",
            "Entwurf: Einbindung des Zolls in die landesweite Vereinbarung.",
            state_parties,
            ctx.users["land@rlp.example.org"],
        )
