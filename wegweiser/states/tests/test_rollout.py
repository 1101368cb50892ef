"""Roll-out in one sitting: a municipality by its AGS, network, template drafts, invitation."""

from django.core import mail
from django.urls import reverse

from wegweiser.core.models import Municipality
from wegweiser.guidebook.models import ActorType, OrganizationStatus
from wegweiser.network.models import Invitation, Network
from wegweiser.states import reference

RP = {"state": "rheinland-pfalz"}


def test_reference_list_knows_mainz_and_its_district():
    mainz = reference.lookup("07315000")
    assert mainz is not None and mainz.name == "Mainz" and mainz.district_name == "Mainz"
    assert reference.count_in_state("07") > 2000  # Rheinland-Pfalz has about 2,300 municipalities
    assert reference.lookup("07999001") is None  # the demo's fictional district


def test_rollout_creates_municipality_network_drafts_and_invitation(client_as, world):
    client = client_as("state_coordinator")
    response = client.post(
        reverse("states:rollout", kwargs=RP),
        {"ags": "07315000", "coordinator_email": "Neu@Mainz.example.org", "coordinator_name": "N"},
    )
    assert response.status_code == 302
    mainz = Municipality.objects.get(ags="07315000")
    assert mainz.name == "Mainz" and mainz.state.slug == "rheinland-pfalz"
    network = Network.objects.get(municipality=mainz)
    drafts = list(mainz.organizations.all())
    assert len(drafts) == ActorType.objects.filter(target_group=True).count()
    assert all(d.status == OrganizationStatus.DRAFT for d in drafts)
    assert all(d.mandate_items.exists() for d in drafts)
    invitation = Invitation.objects.get(network=network)
    assert invitation.role == "coordinator" and invitation.email == "neu@mainz.example.org"
    assert mail.outbox and mail.outbox[-1].to == ["neu@mainz.example.org"]
    page = client.get(reverse("states:coverage", kwargs=RP)).content.decode()
    assert "Mainz" in page


def test_rollout_refuses_bad_keys_and_changes_nothing(client_as, world):
    client = client_as("state_coordinator")
    url = reverse("states:rollout", kwargs=RP).replace("/de/", "/en/", 1)
    before = Municipality.objects.count()
    for ags, message in [
        ("06411000", "another federal state"),
        ("07999999", "not in the reference list"),
        ("0731500x", "eight digits"),
    ]:
        response = client.post(url, {"ags": ags})
        assert response.status_code == 400
        assert message in response.content.decode()
    client.post(url, {"ags": "07315000"})
    duplicate = client.post(url, {"ags": "07315000"})
    assert duplicate.status_code == 400 and "already on Wegweiser" in duplicate.content.decode()
    assert Municipality.objects.count() == before + 1


def test_new_coordinator_publishes_a_draft_from_the_template(client_as, world):
    from wegweiser.accounts.models import Membership, Role
    from wegweiser.guidebook.services.entries import publish

    client_as("state_coordinator").post(reverse("states:rollout", kwargs=RP), {"ags": "07315000"})
    mainz = Municipality.objects.get(ags="07315000")
    Membership.objects.create(user=world.users["member"], municipality=mainz, role=Role.COORDINATOR)
    draft = mainz.organizations.first()
    publish(draft)
    page = client_as("anonymous").get(mainz.get_absolute_url())
    assert page.status_code == 200


def test_invite_coordinator_starts_network_when_missing(client_as, world):
    client = client_as("state_coordinator")
    assert not Network.objects.filter(municipality=world.beispielstadt).exists()
    url = reverse("states:invite_coordinator", kwargs={**RP, "slug": "beispielstadt"})
    assert client.get(url).status_code == 200
    response = client.post(url, {"email": "chefin@beispielstadt.example.org"})
    assert response.status_code == 302
    network = Network.objects.get(municipality=world.beispielstadt)
    invitation = Invitation.objects.get(network=network)
    assert (
        invitation.role == "coordinator" and invitation.email == "chefin@beispielstadt.example.org"
    )
    coverage = client.get(reverse("states:coverage", kwargs=RP)).content.decode()
    assert url in coverage


def test_one_way_to_start_a_municipality(client_as, world):
    """The dashboard leads the state coordinator to the roll-out; the older form that created a
    bare municipality (no network, no template, no invitation) is gone."""
    client = client_as("state_coordinator")
    dashboard = client.get(reverse("core:dashboard")).content.decode()
    assert reverse("states:rollout", kwargs=RP) in dashboard
    assert "/municipalities/new/" not in dashboard
    assert client.get("/de/state/rheinland-pfalz/municipalities/new/").status_code == 404


def test_rollout_builds_search_texts_once_per_entry(
    client_as, world, django_assert_max_num_queries
):
    """Each statement, need and translation of ten drafts refreshed the entry's search text: about
    4,600 queries and 40 s under load, longer than a browser waits. Now once per entry at the end."""
    client = client_as("state_coordinator")
    with django_assert_max_num_queries(2600):
        client.post(reverse("states:rollout", kwargs=RP), {"ags": "07315000"})
    mainz = Municipality.objects.get(ags="07315000")
    draft = mainz.organizations.get(actor_type__key="jobcenter")
    assert draft.search_text and "jobcenter" in draft.search_text
