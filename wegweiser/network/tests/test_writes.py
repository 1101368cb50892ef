"""Write paths that moved from the views into services: they still save, and still refuse."""

import datetime

from django.urls import reverse

from wegweiser.accounts.models import Membership
from wegweiser.network import selectors, services
from wegweiser.network.models import (
    ActionItem,
    AgendaItem,
    Decision,
    MeetingKind,
    MinutesStatus,
    Network,
)

SLUG = {"slug": "musterstadt"}


def _meeting(world, **extra):
    start = services.aware(datetime.date(2030, 3, 5), datetime.time(14))
    fields = {
        "kind": MeetingKind.ROUND_TABLE,
        "title": "Runder Tisch",
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=2),
        "place": "Rathaus",
        **extra,
    }
    network = Network.objects.get(municipality=world.musterstadt)
    return services.create_meeting(network, created_by=world.users["coordinator"], **fields)


def _url(name, meeting):
    return reverse(f"network:{name}", kwargs={**SLUG, "meeting": meeting.pk})


def test_meeting_edit_saves_through_the_service(client_as, world):
    meeting = _meeting(world)
    response = client_as("coordinator").post(
        _url("meeting_edit", meeting),
        {
            "kind": "round_table",
            "title": "Runder Tisch (verlegt)",
            "starts_at": "2030-03-12T10:00",
            "duration_minutes": "90",
            "place": "Bürgerhaus",
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.title, meeting.place) == ("Runder Tisch (verlegt)", "Bürgerhaus")
    local = meeting.starts_at.astimezone(services.BERLIN)
    assert (local.day, local.hour) == (12, 10)
    assert meeting.ends_at - meeting.starts_at == datetime.timedelta(minutes=90)


def test_action_add_belongs_to_the_network_and_only_members_can_own_it(client_as, world):
    meeting = _meeting(world)
    client = client_as("coordinator")
    client.post(
        _url("action_add", meeting),
        {"action-title": "Merkblatt", "action-owner_user": world.users["member"].pk},
    )
    item = ActionItem.objects.get(title="Merkblatt")
    assert (item.meeting, item.network) == (meeting, meeting.network)
    # Someone of another municipality cannot be made responsible: nothing is saved.
    client.post(
        _url("action_add", meeting),
        {"action-title": "Fremd", "action-owner_user": world.users["outsider"].pk},
    )
    assert not ActionItem.objects.filter(title="Fremd").exists()


def test_approved_minutes_lock_agenda_decisions_and_tasks(client_as, world):
    meeting = _meeting(world)
    services.add_decision(meeting, "Vorher beschlossen")
    minutes = services.minutes_for(meeting)
    minutes.status = MinutesStatus.APPROVED
    minutes.save()
    client = client_as("coordinator")
    posts = {
        "decision_add": {"decision-text": "Nachträglich"},
        "agenda_add": {"agenda-title": "Neu", "agenda-duration_minutes": "10", "agenda-order": "5"},
        "action_add": {"action-title": "Nachträglich"},
    }
    for name, data in posts.items():
        assert client.post(_url(name, meeting), data).status_code == 403, name
    assert list(Decision.objects.filter(meeting=meeting).values_list("text", flat=True)) == [
        "Vorher beschlossen"
    ]
    assert not AgendaItem.objects.filter(meeting=meeting, title="Neu").exists()
    assert not ActionItem.objects.filter(meeting=meeting).exists()


def test_member_selectors_count_each_active_member_once(world):
    municipality = world.musterstadt
    before = set(selectors.member_users(municipality.network))
    assert world.users["outsider"] not in before
    member = world.users["member"]
    # A second membership of the same person does not list her twice.
    first = Membership.objects.active().filter(user=member, municipality=municipality).first()
    Membership.objects.create(user=member, municipality=municipality, role="counsellor")
    assert list(selectors.member_users(municipality.network)).count(member) == 1
    services.end_membership(first)
    Membership.objects.filter(user=member, municipality=municipality, role="counsellor").update(
        valid_until=datetime.date(2000, 1, 1)
    )
    assert member not in set(selectors.member_users(municipality.network))


def test_invitation_candidates_leave_out_who_is_invited(world):
    meeting = _meeting(world)
    services.invite_users(meeting, [world.users["member"]], notify=False)
    candidates = set(selectors.invitation_candidates(meeting))
    assert world.users["member"] not in candidates
    assert world.users["coordinator"] in candidates
    assert world.users["outsider"] not in candidates


def test_report_is_for_coordinators_and_the_state_only(client_as, world):
    year = 2030
    url = reverse("network:report", kwargs={**SLUG, "year": year})
    csv_url = reverse("network:report_csv", kwargs={**SLUG, "year": year})
    assert client_as("member").get(url).status_code == 404
    assert client_as("member").get(csv_url).status_code == 404
    assert client_as("state_coordinator").get(url).status_code == 200
    assert client_as("coordinator").get(csv_url).status_code == 200
