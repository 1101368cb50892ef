"""Demo action plan of Musterstadt: adopted by the council, measures in all four fields, linked
tasks and a decision, one value entered by hand and one yearly review. Idempotent."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone, translation

from wegweiser.network.models import ActionItem, ActionStatus, Decision, Network

from . import references, services
from .models import ActionPlan, Field, Measure, MeasureStatus, NationalReference, Topic

MEASURES = [
    # field, topic, title, goal, indicator, param, label, target, status, responsible, references
    (
        Field.PREVENTION,
        Topic.INFORMATION,
        "Informationsabende für Saisonbeschäftigte in ihren Sprachen",
        "Saisonbeschäftigte in der Landwirtschaft kennen ihre Rechte (Mindestlohn, Arbeitszeit, "
        "Unterkunft) und wissen, wo sie vertraulich Beratung bekommen.",
        "manual",
        "",
        "Informationsabende mit Beschäftigten",
        Decimal(4),
        MeasureStatus.RUNNING,
        ["counselling_service"],
        ["nap-az", "nap-mh-prevention"],
    ),
    (
        Field.PROTECTION,
        Topic.RIGHTS,
        "Schneller Zugang zur Fachberatung nach Kontrollen",
        "Wer bei einer Kontrolle als möglicherweise betroffen auffällt, bekommt noch am selben "
        "Tag das Angebot eines Gesprächs mit der Fachberatungsstelle.",
        "target_types_covered",
        "",
        "",
        Decimal(8),
        MeasureStatus.RUNNING,
        ["counselling_service", "customs_fks"],
        ["nap-mh-protection"],
    ),
    (
        Field.PROSECUTION,
        Topic.INSPECTIONS,
        "Auffällige Lohnabrechnungen erkennen und weitergeben",
        "Die Arbeitsvermittlung erkennt Hinweise auf Lohnbetrug und weiß, wann sie mit "
        "Einwilligung der Person an Fachberatung oder Zoll verweist.",
        "tasks_done",
        "",
        "",
        Decimal(1),
        MeasureStatus.RUNNING,
        ["jobcenter"],
        ["nap-mh-prosecution"],
    ),
    (
        Field.COOPERATION,
        Topic.REFERRAL,
        "Runder Tisch trifft sich regelmäßig",
        "Die Akteure treffen sich einmal im Quartal, besprechen Fälle anonym und halten "
        "Aufgaben nach.",
        "meetings_held",
        "",
        "",
        Decimal(4),
        MeasureStatus.RUNNING,
        ["integration_commissioner"],
        ["nap-mh-cooperation"],
    ),
]


def load(ctx) -> None:
    references.load()
    # Labels frozen into the adopted version and the review are written in German.
    with translation.override("de"):
        _load(ctx)


def _load(ctx) -> None:
    network = Network.objects.filter(municipality=ctx.municipalities["musterstadt"]).first()
    if network is None or ActionPlan.objects.filter(network=network).exists():
        return
    coordinator = ctx.users["koordination@musterstadt.example.org"]
    today = timezone.localdate()
    plan = services.create_plan(
        network,
        title="Lokaler Aktionsplan gegen Arbeitsausbeutung und Menschenhandel Musterstadt",
        starts_year=today.year,
        ends_year=today.year + 3,
    )
    plan.public_summary = (
        "Musterstadt will Arbeitsausbeutung früher erkennen, Betroffenen schnell zur "
        "Fachberatung verhelfen und die Zusammenarbeit der Behörden verlässlich machen."
    )
    plan.internal_notes = "Haushaltsmittel für Dolmetschkosten im Nachtragshaushalt beantragen."
    plan.save()
    measures = [_measure(ctx, plan, row, today) for row in MEASURES]
    _link_work(network, measures)
    # Two of the draft's proposals (gaps of the network) were accepted; the rest wait for a
    # decision, so the demo shows both.
    for proposal in services.draft_proposals(plan)[:2]:
        services.accept_proposal(proposal)
    services.add_value(
        measures[0],
        value=Decimal(1),
        measured_on=today - datetime.timedelta(days=20),
        note="Abend auf dem Erdbeerhof, Dolmetschung Rumänisch",
        user=coordinator,
    )
    services.adopt(
        plan,
        adopted_on=today - datetime.timedelta(days=14),
        adopted_by="Stadtrat Musterstadt",
        decision_reference="2026/117",
        user=coordinator,
    )
    services.create_review(
        plan,
        year=today.year,
        summary="Der Runde Tisch hat sich konstituiert; ein erster Informationsabend für "
        "Saisonbeschäftigte fand statt. Das Merkblatt zu Lohnabrechnungen ist in Arbeit.",
        changes="Die Ausländerbehörde wird zum nächsten Runden Tisch eingeladen; die "
        "Informationsabende werden auf die Paketzustellung ausgeweitet.",
        user=coordinator,
    )


def _measure(ctx, plan, row, today) -> Measure:
    field, topic, title, goal, indicator, param, label, target, status, owners, refs = row
    measure = Measure.objects.create(
        plan=plan,
        field=field,
        topic=topic,
        title=title,
        goal=goal,
        indicator=indicator,
        indicator_param=param,
        indicator_label=label,
        target=target,
        status=status,
        starts_on=datetime.date(today.year, 1, 1),
        ends_on=datetime.date(today.year + 1, 12, 31),
    )
    measure.responsible.set(
        [
            ctx.organizations[("musterstadt", key)]
            for key in owners
            if ("musterstadt", key) in ctx.organizations
        ]
    )
    measure.references.set(NationalReference.objects.filter(key__in=refs))
    return measure


def _link_work(network, measures) -> None:
    prosecution, cooperation = measures[2], measures[3]
    decision = Decision.objects.filter(meeting__network=network).first()
    if decision is not None:
        # A task done at the first round table, so that the measure shows progress.
        ActionItem.objects.get_or_create(
            network=network,
            meeting=decision.meeting,
            title="Termine der Runden Tische für das nächste Jahr festlegen",
            defaults={
                "status": ActionStatus.DONE,
                "done_at": timezone.now() - datetime.timedelta(days=25),
            },
        )
    for item in ActionItem.objects.filter(network=network):
        target = prosecution if "Lohnabrechnungen" in item.title else cooperation
        services.link(target, action_item=item)
    if decision is not None:
        services.link(cooperation, decision=decision)
