"""Request tests for the write paths of the network views."""

import datetime

from django.core import mail, signing
from django.urls import reverse

from wegweiser.accounts.models import Membership
from wegweiser.network import services
from wegweiser.network.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Invitation,
    Meeting,
    MeetingKind,
    Network,
    Participant,
    Rsvp,
)
from wegweiser.network.tests.helpers import make_meeting, network

SLUG = {"slug": "musterstadt"}
# Meetings created here lie ahead whenever the test runs (a past start asks for a confirmation).
NEXT_YEAR = datetime.date.today().year + 1


def test_settings_create_network_for_new_municipality(client_as, world):
    client = client_as("outsider")
    url = reverse("network:dashboard", kwargs={"slug": "beispielstadt"})
    assert b"network:settings" not in client.get(url).content
    response = client.post(
        reverse("network:settings", kwargs={"slug": "beispielstadt"}),
        {"name": "Netz B", "structure": "attached", "attached_to": ""},
    )
    assert response.status_code == 400  # the attached round table must be named
    client.post(
        reverse("network:settings", kwargs={"slug": "beispielstadt"}),
        {"name": "Netz B", "structure": "new"},
    )
    assert Network.objects.get(municipality=world.beispielstadt).name == "Netz B"


def test_meeting_from_template_gets_agenda(client_as, world):
    client = client_as("coordinator")
    form = client.get(reverse("network:meeting_create", kwargs=SLUG) + "?template=workshop_1")
    assert "Workshop I" in form.content.decode()
    response = client.post(
        reverse("network:meeting_create", kwargs=SLUG),
        {
            "template": "workshop_1",
            "kind": "workshop_1",
            "title": "Workshop I",
            "starts_at": f"{NEXT_YEAR}-01-19T09:00",
            "duration_minutes": "180",
            "place": "Rathaus",
        },
    )
    meeting = Meeting.objects.get(title="Workshop I", starts_at__year=NEXT_YEAR)
    assert response.status_code == 302
    assert meeting.agenda_items.count() == 6
    assert meeting.starts_at.astimezone(services.BERLIN).hour == 9
    assert meeting.starts_at.utcoffset() is not None


def test_series_view_creates_quarterly_meetings(client_as, world):
    client = client_as("coordinator")
    response = client.post(
        reverse("network:series_create", kwargs=SLUG),
        {
            "title": "Runder Tisch",
            "kind": "round_table",
            "rule": "quarterly",
            "nth": "2",
            "weekday": "1",
            "month_of_quarter": "1",
            "start_date": "2028-01-01",
            "start_time": "14:00",
            "duration_minutes": "120",
            "count": "4",
            "place": "Rathaus",
        },
    )
    assert response.status_code == 302
    dates = list(
        Meeting.objects.filter(series__isnull=False, starts_at__year=2028)
        .order_by("starts_at")
        .values_list("starts_at", flat=True)
    )
    local = [d.astimezone(services.BERLIN) for d in dates]
    assert [(d.month, d.day, d.hour) for d in local] == [
        (1, 11, 14),
        (4, 11, 14),
        (7, 11, 14),
        (10, 10, 14),
    ]


def test_case_conference_form_rejects_case_data_elsewhere(client_as, world):
    response = client_as("coordinator").post(
        reverse("network:meeting_create", kwargs=SLUG),
        {
            "kind": "round_table",
            "title": "RT",
            "starts_at": f"{NEXT_YEAR}-01-19T09:00",
            "duration_minutes": "60",
            "place": "Rathaus",
            "case_code": "X-1",
        },
    )
    assert response.status_code == 400


def test_rsvp_view_waiting_list_message(client_as, world):
    start = services.aware(datetime.date(2030, 2, 5), datetime.time(10))
    meeting = make_meeting(world, start, hours=1, title="Klein", capacity=1)
    services.invite_users(meeting, [world.users["coordinator"], world.users["member"]])
    services.respond(meeting.participants.get(user=world.users["coordinator"]), Rsvp.YES)
    client = client_as("member")
    url = reverse("network:meeting_rsvp", kwargs={**SLUG, "meeting": meeting.pk})
    response = client.post(url, {"answer": "yes"}, follow=True)
    assert "Warteliste" in response.content.decode()
    assert meeting.participants.get(user=world.users["member"]).rsvp == Rsvp.WAITING
    assert any("Klein" in message.subject for message in mail.outbox)


def test_attendance_on_past_meeting(client_as, world):
    start = services.aware(datetime.date(2025, 2, 5), datetime.time(10))
    meeting = make_meeting(world, start, MeetingKind.WORKING_GROUP, hours=1, title="AG")
    services.invite_users(meeting, [world.users["member"]], notify=False)
    participant = meeting.participants.get()
    client_as("coordinator").post(
        reverse("network:meeting_attendance", kwargs={**SLUG, "meeting": meeting.pk}),
        {"attended": [str(participant.pk)]},
    )
    participant.refresh_from_db()
    assert participant.attended is True


def test_owner_updates_task_status_other_member_cannot(client_as, world):
    meeting = Meeting.objects.filter(kind="round_table").order_by("starts_at").first()
    item = ActionItem.objects.create(
        network=meeting.network, meeting=meeting, title="T", owner_user=world.users["member"]
    )
    Participant.objects.get_or_create(meeting=meeting, user=world.users["member"])
    url = reverse("network:action_update", kwargs={**SLUG, "item": item.pk})
    response = client_as("member").post(url, {"status": "done"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == ActionStatus.DONE and item.done_at is not None


def test_remove_member_and_revoke_invitation(client_as, world):
    client = client_as("coordinator")
    membership = Membership.objects.get(user=world.users["member"])
    signed = signing.dumps(membership.pk, salt="network.membership")
    client.post(reverse("network:member_remove", kwargs=SLUG), {"membership": signed})
    membership.refresh_from_db()
    assert membership.valid_until is not None
    invitation, _raw = services.create_invitation(
        network(world), email="x@example.org", role="member", invited_by=world.users["coordinator"]
    )
    client.post(reverse("network:invitation_revoke", kwargs={**SLUG, "invitation": invitation.pk}))
    assert Invitation.objects.get(pk=invitation.pk).state == "revoked"


def test_agenda_add_and_delete(client_as, world):
    meeting = Meeting.objects.filter(kind="round_table").order_by("starts_at").last()
    client = client_as("coordinator")
    kwargs = {**SLUG, "meeting": meeting.pk}
    client.post(
        reverse("network:agenda_add", kwargs=kwargs),
        {"agenda-title": "Neues Thema", "agenda-duration_minutes": "15", "agenda-order": "5"},
    )
    item = AgendaItem.objects.get(meeting=meeting, title="Neues Thema")
    client.post(reverse("network:agenda_delete", kwargs={**kwargs, "item": item.pk}))
    assert not AgendaItem.objects.filter(pk=item.pk).exists()
