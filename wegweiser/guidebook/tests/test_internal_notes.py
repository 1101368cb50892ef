"""Issue 11: an organisation shared by two municipalities showed one municipality's internal note to
the other and let it edit it. Each municipality's network keeps its own note."""

import pytest

from wegweiser.guidebook.exports import serializers
from wegweiser.guidebook.models import InternalNote
from wegweiser.guidebook.selectors import internal_note

from .factories import edit_data, url

pytestmark = pytest.mark.django_db

MUSTER_NOTE = "Nur Musterstadt: Rückruf über Frau K."
BEISPIEL_NOTE = "Nur Beispielstadt: Termin dienstags"


@pytest.fixture
def shared(world):
    organization = world.organization
    organization.municipalities.add(world.beispielstadt)
    return organization


def edit(client, organization, slug, note):
    return client.post(
        url("edit", slug=slug, pk=organization.pk), edit_data(organization, internal_notes=note)
    )


def detail(client, organization, slug):
    return client.get(url("detail", slug=slug, pk=organization.pk) + "?version=internal")


def test_each_municipality_keeps_its_own_note(client_as, world, shared):
    assert edit(client_as("coordinator"), shared, "musterstadt", MUSTER_NOTE).status_code == 302
    outsider = client_as("outsider")  # coordinator of Beispielstadt
    page = detail(outsider, shared, "beispielstadt").content.decode()
    assert MUSTER_NOTE not in page
    form = outsider.get(url("edit", slug="beispielstadt", pk=shared.pk)).content.decode()
    assert MUSTER_NOTE not in form
    assert edit(outsider, shared, "beispielstadt", BEISPIEL_NOTE).status_code == 302
    assert internal_note(shared, world.musterstadt) == MUSTER_NOTE
    assert internal_note(shared, world.beispielstadt) == BEISPIEL_NOTE
    own = detail(client_as("coordinator"), shared, "musterstadt").content.decode()
    assert MUSTER_NOTE in own and BEISPIEL_NOTE not in own


def test_exports_and_api_carry_only_the_municipalitys_note(client_as, world, shared):
    InternalNote.objects.create(
        organization=shared, municipality=world.musterstadt, text=MUSTER_NOTE
    )
    data = serializers.informal_guidebook(world.beispielstadt, world.users["outsider"])
    assert MUSTER_NOTE not in str(data)
    api = client_as("outsider").get("/api/v1/municipalities/beispielstadt/guidebook")
    assert MUSTER_NOTE not in api.content.decode()
    mine = serializers.informal_guidebook(world.musterstadt, world.users["coordinator"])
    assert MUSTER_NOTE in str(mine)


def test_the_search_does_not_reveal_a_note(client_as, world, shared):
    InternalNote.objects.create(
        organization=shared, municipality=world.musterstadt, text=MUSTER_NOTE
    )
    shared.save()
    found = client_as("outsider").get(url("search", slug="beispielstadt") + "?q=Rueckruf")
    assert shared.name not in found.content.decode()
