"""The state round table: a network of a state uses the network's meetings, minutes, tasks and
reports under /state/<slug>/roundtable/. Its state coordinator runs it, members of the state take
part, everyone else gets 404; the public state page names it and shows nothing of its meetings."""

import datetime

from django.core import mail
from django.utils import timezone, translation

from wegweiser.accounts.models import Membership, Role
from wegweiser.core.models import State
from wegweiser.network import services
from wegweiser.network.models import Invitation, Meeting, Network

BASE = "/de/state/rheinland-pfalz/roundtable/"


def round_table():
    return Network.objects.get(state__slug="rheinland-pfalz")


@translation.override("de")
def test_state_network_addresses_its_own_pages(world):
    network = round_table()
    assert network.is_state_level and network.scope_slug == "rheinland-pfalz"
    assert network.url("meetings") == BASE + "meetings/"
    meeting = Meeting.objects.filter(network=network).first()
    assert meeting.get_absolute_url() == f"{BASE}meetings/{meeting.pk}/"
    municipal = world.musterstadt.network
    assert municipal.url("meetings") == "/de/m/musterstadt/network/meetings/"


def test_coordinator_plans_a_meeting_and_records_a_task(client_as, world):
    client = client_as("state_coordinator")
    start = timezone.localdate() + datetime.timedelta(days=20)
    response = client.post(
        BASE + "meetings/new/",
        {
            "kind": "round_table",
            "title": "Zweiter Landesrunder Tisch",
            "starts_at": f"{start.isoformat()}T10:00",
            "duration_minutes": "120",
            "place": "Mainz",
        },
    )
    meeting = Meeting.objects.get(title="Zweiter Landesrunder Tisch")
    assert meeting.network == round_table()
    assert response["Location"] == meeting.get_absolute_url()
    page = client.get(meeting.get_absolute_url()).content.decode()
    # Links on the page stay in the state's scope (the instance namespace follows the request).
    assert f"{BASE}meetings/{meeting.pk}/edit/" in page
    assert "/m/musterstadt/" not in page
    # The state round table's members are the ones to invite: the LKA, not Musterstadt's people.
    assert world.users["state_member"].name in page
    assert world.users["member"].name not in page
    client.post(
        f"{BASE}meetings/{meeting.pk}/actions/",
        {"action-title": "Lagebild an die Kommunen senden"},
    )
    assert meeting.action_items.filter(title="Lagebild an die Kommunen senden").exists()
    tasks = client.get(BASE + "actions/").content.decode()
    assert "Lagebild an die Kommunen senden" in tasks
    report = client.get(BASE + f"report/{start.year}/")
    assert report.status_code == 200


def test_member_takes_part_but_does_not_run_it(client_as, world):
    client = client_as("state_member")
    meeting = Meeting.objects.filter(network=round_table()).first()
    assert client.get(meeting.get_absolute_url()).status_code == 200
    response = client.post(f"{BASE}meetings/{meeting.pk}/rsvp/", {"answer": "yes"})
    assert response.status_code == 302
    before = meeting.agenda_items.count()
    response = client.post(
        f"{BASE}meetings/{meeting.pk}/agenda/",
        {"agenda-title": "x", "agenda-duration_minutes": "5", "agenda-order": "1"},
    )
    assert response.status_code == 403
    assert meeting.agenda_items.count() == before
    assert client.get(BASE + f"report/{timezone.localdate().year}/").status_code == 404


def test_people_of_the_municipalities_do_not_see_it(client_as):
    meeting = Meeting.objects.filter(network=round_table()).first()
    for persona in ("coordinator", "member", "outsider", "foreign_state"):
        client = client_as(persona)
        assert client.get(BASE + "meetings/").status_code == 404
        assert client.get(meeting.get_absolute_url()).status_code == 404
        client.logout()


def test_invitation_makes_a_member_of_the_state(client_as, world):
    client = client_as("state_coordinator")
    response = client.post(
        BASE + "members/invite/",
        {"email": "zoll@rlp.example.org", "name": "Zora Zoll", "role": "member"},
    )
    assert response["Location"] == BASE + "members/"
    assert mail.outbox[-1].to == ["zoll@rlp.example.org"]
    invitation = Invitation.objects.get(email="zoll@rlp.example.org")
    assert invitation.network == round_table()
    # Only members: the state coordinator coordinates by her office.
    response = client.post(
        BASE + "members/invite/", {"email": "x@rlp.example.org", "role": "coordinator"}
    )
    assert response.status_code == 400
    user = services.create_account(email="zoll@rlp.example.org", name="Zora", password="x" * 16)
    membership = services.accept_invitation(invitation, user=user)
    state = State.objects.get(slug="rheinland-pfalz")
    assert (membership.state, membership.municipality, membership.role) == (
        state,
        None,
        Role.MEMBER,
    )


def test_public_state_page_names_the_round_table_and_nothing_of_its_meetings(client, world):
    start = timezone.now() + datetime.timedelta(days=3)
    services.create_meeting(
        round_table(),
        created_by=world.users["state_coordinator"],
        kind="round_table",
        title="Sondersitzung Razzia Fleischindustrie",
        description="Vertraulich: Lagebild",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        place="Lagezentrum LKA",
    )
    page = client.get("/de/state/rheinland-pfalz/").content.decode()
    assert round_table().name in page
    for meeting in Meeting.objects.filter(network=round_table()):
        assert meeting.place not in page
        assert meeting.description not in page
    assert "Sondersitzung Razzia Fleischindustrie" not in page
    assert BASE not in page


def test_state_coordinator_finds_and_starts_the_round_table(client_as, world):
    client = client_as("state_coordinator")
    assert BASE + "meetings/" in client.get("/de/state/rheinland-pfalz/coverage/").content.decode()
    assert BASE + "meetings/" in client.get("/de/dashboard/").content.decode()
    # Hessen has none yet: its coordinator starts it once; a second call leads to the same one.
    client.logout()
    client = client_as("foreign_state")
    assert "roundtable/start/" in client.get("/de/state/hessen/coverage/").content.decode()
    response = client.post("/de/state/hessen/roundtable/start/")
    assert response["Location"] == "/de/state/hessen/roundtable/meetings/"
    client.post("/de/state/hessen/roundtable/start/")
    assert Network.objects.filter(state__slug="hessen").count() == 1
    assert client.get("/de/state/hessen/roundtable/meetings/").status_code == 200


def test_member_of_the_state_sees_the_round_table_on_her_dashboard(client_as, world):
    page = client_as("state_member").get("/de/dashboard/").content.decode()
    assert round_table().name in page
    assert BASE + "meetings/" in page
    assert Membership.objects.filter(user=world.users["state_member"], state__isnull=False).exists()
