"""The public state page: generated from public data only (golden test), linked everywhere."""

import re

from django.test import Client
from django.urls import reverse

from wegweiser.accounts.models import Membership
from wegweiser.guidebook.models import ActorType, ContactPerson, InternalNote, Organization
from wegweiser.network.models import AgreementParty, Meeting

RP = {"state": "rheinland-pfalz"}


def state_page(client):
    response = client.get(reverse("states:state_page", kwargs=RP))
    assert response.status_code == 200
    return response.content.decode()


def test_municipality_page_links_its_state_page(client, world):
    text = client.get(world.musterstadt.get_absolute_url()).content.decode()
    assert reverse("states:state_page", kwargs=RP) in text


def test_state_page_lists_published_networks_and_state_actors(client, world):
    actor_type = ActorType.objects.get(key="police")
    lka = Organization.objects.create(
        name="Landeskriminalamt Rheinland-Pfalz",
        actor_type=actor_type,
        state=world.musterstadt.state,
        status="published",
    )
    InternalNote.objects.create(
        organization=lka, municipality=world.musterstadt, text="GEHEIM-LKA-NOTIZ"
    )
    text = state_page(client)
    assert "Landeskriminalamt Rheinland-Pfalz" in text and "GEHEIM-LKA-NOTIZ" not in text
    assert "Musterstadt" in text
    assert "<svg" in text and "<path" in text and "GeoNutzV" in text
    assert "Mainz-Bingen" in text  # every district in the accessible table
    # The demo's fictional places are drawn below the map, with coordinates SVG can read.
    assert re.search(r'<rect class="status-3" x="\d+" y="\d+"', text)


def test_golden_no_internal_data_on_the_state_page(client, world):
    text = state_page(client)
    forbidden = [m.user.email for m in Membership.objects.select_related("user")]
    forbidden += [m.user.name for m in Membership.objects.select_related("user")]
    forbidden += [c.name for c in ContactPerson.objects.all()]
    forbidden += [c.email for c in ContactPerson.objects.exclude(email="")]
    forbidden += [note.text for note in InternalNote.objects.exclude(text="")]
    forbidden += [m.title for m in Meeting.objects.all()]
    # Cooperation agreements: what the parties agreed stays in the network.
    forbidden += [p.contact_point for p in AgreementParty.objects.exclude(contact_point="")]
    forbidden += [p.tasks for p in AgreementParty.objects.exclude(tasks="")]
    assert forbidden, "the demo must give the golden test something to look for"
    leaked = [value for value in forbidden if value and value in text]
    assert not leaked
    # The agreement in force is listed (title and parties), the draft is not.
    assert "Landesweite Kooperationsvereinbarung" in text
    assert "Ergänzung: Zusammenarbeit mit der Finanzkontrolle" not in text


def test_unknown_state_is_404(client, db):
    assert client.get(reverse("states:state_page", kwargs={"state": "atlantis"})).status_code == 404


def test_state_coordinator_adds_and_publishes_a_state_wide_actor(client_as, world):
    client = client_as("state_coordinator")
    url = reverse("states:actors", kwargs=RP)
    police = ActorType.objects.get(key="police")
    response = client.post(url, {"name": "Landeskriminalamt RLP", "actor_type": police.pk})
    assert response.status_code == 302
    actor = Organization.objects.get(name="Landeskriminalamt RLP")
    assert actor.state == world.musterstadt.state and actor.status == "draft"
    assert actor.mandate_items.exists()
    assert "Landeskriminalamt RLP" not in state_page(Client())
    client_as("state_coordinator").post(
        reverse("states:actor_publish", kwargs={**RP, "pk": actor.pk})
    )
    actor.refresh_from_db()
    assert actor.status == "published"
    assert "Landeskriminalamt RLP" in state_page(Client())
    # One record, in every municipal guidebook of the state.
    from wegweiser.guidebook.selectors import published_organizations

    for place in (world.musterstadt, world.beispielstadt):
        assert actor in published_organizations(place)
    assert actor.municipalities.count() == 0
