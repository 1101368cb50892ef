"""Rules of the action plan: the draft follows the gaps, indicators and progress follow the data,
adopted versions never change."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from wegweiser.accounts.models import Membership, Role
from wegweiser.guidebook.models import ActorType, Organization
from wegweiser.network import services as network_services
from wegweiser.network.models import ActionItem, ActionStatus, Meeting, MeetingKind, Network
from wegweiser.plans import draft, indicators, selectors, services
from wegweiser.plans.models import ActionPlan, Field, Measure, MeasureLink, MeasureStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(world):
    return Network.objects.get(municipality=world.musterstadt)


@pytest.fixture
def fresh_plan(network):
    """An empty plan instead of the demo plan."""
    ActionPlan.objects.filter(network=network).delete()
    year = timezone.localdate().year
    return services.create_plan(network, title="Plan", starts_year=year, ends_year=year + 2)


def join_with_new_organization(world, actor_type, **fields) -> Organization:
    """A new organisation of that actor type in Musterstadt, joined by a member (the admin)."""
    organization = Organization.objects.create(name="Neue Stelle", actor_type=actor_type, **fields)
    organization.municipalities.add(world.musterstadt)
    Membership.objects.create(
        user=world.users["admin"],
        role=Role.MEMBER,
        municipality=world.musterstadt,
        organization=organization,
    )
    return organization


def adopt(plan, world, reference="B-1"):
    """The council adopts the plan today (recorded by the coordinator)."""
    return services.adopt(
        plan,
        adopted_on=timezone.localdate(),
        adopted_by="Stadtrat",
        decision_reference=reference,
        user=world.users["coordinator"],
    )


def measure(plan, **extra):
    values = {
        "field": Field.COOPERATION,
        "title": "Measure",
        "goal": "Goal",
        "target": Decimal(1),
        "indicator": "tasks_done",
        **extra,
    }
    return Measure.objects.create(plan=plan, **values)


def task(network, status=ActionStatus.OPEN, title="Task"):
    meeting = Meeting.objects.filter(network=network, kind=MeetingKind.ROUND_TABLE).first()
    return ActionItem.objects.create(network=network, meeting=meeting, title=title, status=status)


# --- the draft ---------------------------------------------------------------------------------


def test_draft_proposes_one_measure_per_open_gap(fresh_plan, network):
    gaps = network_services.gaps(network)
    assert len(gaps) >= 2, "the demo network should have open gaps"
    created = services.draft_proposals(fresh_plan)
    gap_keys = {m.source_key for m in created if m.source_key.startswith("gap:")}
    assert gap_keys == {f"gap:{gap.actor_type.key}" for gap in gaps}
    for proposal in created:
        assert proposal.proposed and proposal.status == MeasureStatus.PLANNED
    by_key = {m.source_key: m for m in created}
    first = gaps[0].actor_type
    assert by_key[f"gap:{first.key}"].indicator == "members_of_type"
    assert by_key[f"gap:{first.key}"].indicator_param == first.key
    # The roadmap's next step is proposed, too.
    assert any(m.source_key.startswith("roadmap:") for m in created)


def test_draft_does_not_repeat_and_dropped_proposals_stay_dropped(fresh_plan):
    created = services.draft_proposals(fresh_plan)
    services.accept_proposal(created[0])
    services.drop_proposal(created[1])
    assert services.draft_proposals(fresh_plan) == []
    assert Measure.objects.filter(plan=fresh_plan).count() == len(created)


def test_a_closed_gap_is_no_longer_proposed(fresh_plan, network, world):
    gap = network_services.gaps(network)[0]
    join_with_new_organization(world, gap.actor_type, status="published")
    keys = {proposal.source_key for proposal in draft.proposals_for(fresh_plan)}
    assert f"gap:{gap.actor_type.key}" not in keys


def test_stale_guidebook_entries_are_proposed_only_when_there_are_some(fresh_plan, world):
    Organization.objects.filter(municipalities=world.musterstadt).update(
        last_confirmed_at=timezone.localdate()
    )
    assert "guidebook:stale" not in {p.source_key for p in draft.proposals_for(fresh_plan)}
    Organization.objects.filter(municipalities=world.musterstadt).update(last_confirmed_at=None)
    assert "guidebook:stale" in {p.source_key for p in draft.proposals_for(fresh_plan)}


# --- indicators --------------------------------------------------------------------------------


def test_members_of_type_follows_memberships(fresh_plan, network, world):
    gap = network_services.gaps(network)[0]
    counted = measure(fresh_plan, indicator="members_of_type", indicator_param=gap.actor_type.key)
    assert indicators.read(counted).value == 0
    join_with_new_organization(world, gap.actor_type)
    reading = indicators.read(counted)
    assert reading.value == 1 and reading.computed and reading.reached(Decimal(1))


def test_guidebook_freshness_follows_confirmations(fresh_plan, world):
    fresh = measure(fresh_plan, indicator="guidebook_fresh", target=Decimal(100))
    organizations = Organization.objects.filter(municipalities=world.musterstadt)
    organizations.update(last_confirmed_at=None)
    assert indicators.read(fresh).value == 0
    organizations.update(last_confirmed_at=timezone.localdate())
    assert indicators.read(fresh).value == 100


def test_meetings_held_counts_held_meetings_of_the_period(fresh_plan, network):
    held = measure(fresh_plan, indicator="meetings_held")
    before = indicators.read(held).value
    meeting = Meeting.objects.filter(network=network, starts_at__gt=timezone.now()).first()
    meeting.starts_at = timezone.now() - datetime.timedelta(days=1)
    meeting.ends_at = meeting.starts_at + datetime.timedelta(hours=2)
    meeting.save()
    meeting.participants.update(attended=True)
    assert indicators.read(held).value == before + 1


def test_hand_entered_indicator_uses_the_latest_dated_value(fresh_plan, world):
    manual = measure(fresh_plan, indicator="manual", indicator_label="Abende", target=Decimal(3))
    assert indicators.read(manual).value is None
    today = timezone.localdate()
    user = world.users["coordinator"]
    services.add_value(manual, value=Decimal(2), measured_on=today, note="", user=user)
    services.add_value(
        manual, value=Decimal(1), measured_on=today - datetime.timedelta(days=9), note="", user=user
    )
    reading = indicators.read(manual)
    assert (reading.value, reading.measured_on, reading.computed) == (Decimal(2), today, False)


def test_other_apps_can_register_indicators(fresh_plan):
    indicators.register(indicators.Indicator("test_cases", "cases", lambda n, m, p: 7))
    try:
        assert ("test_cases", "cases") in indicators.choices()
        assert indicators.read(measure(fresh_plan, indicator="test_cases")).value == 7
    finally:
        indicators._registry.pop("test_cases")


# --- progress ----------------------------------------------------------------------------------


def test_progress_follows_linked_tasks(fresh_plan, network):
    worked = measure(fresh_plan, status=MeasureStatus.RUNNING)
    assert selectors.measure_view(worked).progress == 0
    first, second = task(network, title="A"), task(network, title="B")
    services.link(worked, action_item=first)
    services.link(worked, action_item=second)
    assert selectors.measure_view(worked).progress == 0
    first.status = ActionStatus.DONE
    first.save()
    view = selectors.measure_view(worked)
    assert (view.progress, view.tasks_done, view.tasks_total) == (50, 1, 2)
    assert indicators.read(worked).value == 1  # tasks_done indicator
    second.status = ActionStatus.DONE
    second.save()
    assert selectors.measure_view(worked).progress == 100
    worked.status = MeasureStatus.DROPPED
    worked.save()
    assert selectors.measure_view(worked).progress is None


def test_a_task_belongs_to_one_measure_and_only_of_the_same_network(fresh_plan, network, world):
    one, other = measure(fresh_plan, title="One"), measure(fresh_plan, title="Other")
    item = task(network)
    services.link(one, action_item=item)
    services.link(other, action_item=item)
    assert selectors.measure_view(one).tasks_total == 0
    assert selectors.measure_view(other).tasks_total == 1
    beispiel, _created = Network.objects.get_or_create(
        municipality=world.beispielstadt, defaults={"name": "Netz B"}
    )
    foreign_meeting = Meeting.objects.create(
        network=beispiel,
        kind=MeetingKind.ROUND_TABLE,
        title="B",
        starts_at=timezone.now(),
        ends_at=timezone.now() + datetime.timedelta(hours=1),
    )
    foreign = ActionItem.objects.create(network=beispiel, meeting=foreign_meeting, title="B")
    with pytest.raises(ValidationError):
        services.link(one, action_item=foreign)
    assert not MeasureLink.objects.filter(action_item=foreign).exists()


# --- versions ----------------------------------------------------------------------------------


def test_adopted_version_keeps_its_text_after_later_edits(fresh_plan, world):
    kept = measure(fresh_plan, title="Alter Titel", goal="Altes Ziel", internal_note="intern")
    version = adopt(fresh_plan, world)
    frozen = dict(version.content)
    kept.title, kept.goal = "Neuer Titel", "Neues Ziel"
    kept.save()
    fresh_plan.title = "Neuer Plan"
    fresh_plan.save()
    measure(fresh_plan, title="Später hinzugefügt")
    version.refresh_from_db()
    assert version.content == frozen
    titles = [m["title"] for group in version.content["fields"] for m in group["measures"]]
    assert titles == ["Alter Titel"] and version.content["title"] == "Plan"
    second = adopt(fresh_plan, world, "B-2")
    assert second.number == 2 and second.content["title"] == "Neuer Plan"


def test_a_plan_without_measures_cannot_be_adopted(fresh_plan, world):
    with pytest.raises(ValidationError):
        adopt(fresh_plan, world)
    assert not fresh_plan.versions.exists()


def test_public_content_leaves_out_internal_parts(fresh_plan, world):
    measure(fresh_plan, title="Öffentlich", internal_note="geheime Notiz")
    measure(fresh_plan, title="Nur intern", is_public=False)
    fresh_plan.internal_notes = "interne Planung"
    fresh_plan.save()
    version = adopt(fresh_plan, world)
    public = str(selectors.public_content(version))
    assert "Öffentlich" in public
    assert "geheime Notiz" not in public and "Nur intern" not in public
    assert "interne Planung" not in public


def test_target_group_actor_types_exist():
    assert ActorType.objects.filter(target_group=True).exists()


def test_task_measure_hook_names_the_measure_of_a_task(fresh_plan, network):
    from wegweiser.plans.sections import task_measure

    item = task(network)
    assert task_measure(None, item) is None
    worked = measure(fresh_plan, title="Mit Aufgabe")
    services.link(worked, action_item=item)
    assert task_measure(None, item)["measure"] == worked
