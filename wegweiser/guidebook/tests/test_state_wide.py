"""State-wide actors (Organization.state) in every municipal guidebook of their state: one record,
labelled "state-wide", readable from each guidebook, edited only by the state coordination."""

import pytest
from django.urls import reverse

from wegweiser.core.models import State
from wegweiser.core.services import start_municipality
from wegweiser.guidebook.models import ActorType, Organization
from wegweiser.guidebook.services.entries import apply_mandate_template, publish

LKA = "Landeskriminalamt Test-Land"


@pytest.fixture
def lka(world):
    organization = Organization.objects.create(
        name=LKA, actor_type=ActorType.objects.get(key="police"), state=world.musterstadt.state
    )
    apply_mandate_template(organization)
    publish(organization)
    return organization


def _get(client, name, **kwargs):
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200, name
    return response.content.decode()


def test_every_guidebook_of_the_state_shows_the_one_record_labelled(client, world, lka):
    for municipality in (world.musterstadt, world.beispielstadt):
        slug = municipality.slug
        overview = _get(client, "guidebook:overview", slug=slug)
        assert LKA in overview and "landesweit" in overview
        detail = _get(client, "guidebook:detail", slug=slug, pk=lka.pk)
        assert LKA in detail and "landesweit" in detail and "Rheinland-Pfalz" in detail
        assert LKA in _get(client, "guidebook:print", slug=slug)
        search = client.get(reverse("guidebook:search", kwargs={"slug": slug}), {"q": "Test-Land"})
        assert LKA in search.content.decode()
    assert Organization.objects.filter(name=LKA).count() == 1
    assert not lka.municipalities.exists()


def test_internal_version_and_navigator_list_it_too(client_as, world, lka):
    client = client_as("member")
    internal = client.get(reverse("guidebook:overview", kwargs={"slug": "musterstadt"}))
    assert LKA in internal.content.decode()
    navigator = client.get(
        reverse("navigator:professional", kwargs={"slug": "musterstadt"}),
        {"needs": "documents_withheld"},
    ).content.decode()
    assert LKA in navigator and "landesweit" in navigator


def test_no_guidebook_of_another_state_shows_it(client, world, lka):
    hessen = start_municipality(
        state=State.objects.get(code="06"), name="Hessenstadt", ags="06999001"
    )
    assert LKA not in _get(client, "guidebook:overview", slug=hessen.slug)
    url = reverse("guidebook:detail", kwargs={"slug": hessen.slug, "pk": lka.pk})
    assert client.get(url).status_code == 404


def test_publishing_a_state_wide_actor_refreshes_the_cached_municipal_pages(client, world):
    """The anonymous overview is cached by the guidebook's fingerprint, which once counted only
    the municipality's own entries: a new state-wide entry stayed invisible for an hour."""
    before = _get(client, "guidebook:overview", slug="musterstadt")
    assert LKA not in before
    organization = Organization.objects.create(
        name=LKA, actor_type=ActorType.objects.get(key="police"), state=world.musterstadt.state
    )
    publish(organization)
    assert LKA in _get(client, "guidebook:overview", slug="musterstadt")


def test_municipal_coordinators_read_but_never_edit_it(client_as, world, lka):
    client = client_as("coordinator")
    detail = _get(client, "guidebook:detail", slug="musterstadt", pk=lka.pk)
    edit_url = reverse("guidebook:edit", kwargs={"slug": "musterstadt", "pk": lka.pk})
    assert edit_url not in detail
    assert client.get(edit_url).status_code == 404
    item = lka.mandate_items.first()
    mandate_url = reverse(
        "guidebook:mandate_item", kwargs={"slug": "musterstadt", "pk": lka.pk, "item": item.pk}
    )
    assert client.post(mandate_url, {"kind": "can", "text": "Geändert."}).status_code == 404


def test_a_draft_state_wide_actor_stays_hidden(client_as, world):
    draft = Organization.objects.create(
        name="Entwurf landesweit",
        actor_type=ActorType.objects.get(key="police"),
        state=world.musterstadt.state,
    )
    url = reverse("guidebook:detail", kwargs={"slug": "musterstadt", "pk": draft.pk})
    assert client_as("coordinator").get(url).status_code == 404
    assert "Entwurf landesweit" not in _get(
        client_as("anonymous"), "guidebook:overview", slug="musterstadt"
    )


def test_the_pdf_marks_it_state_wide(world, lka):
    """The PDF is typeset from the serialized guidebook, which says which entry is state-wide."""
    from django.utils import translation

    from wegweiser.guidebook.exports.pdf import pdf_context
    from wegweiser.guidebook.exports.serializers import formal_guidebook
    from wegweiser.guidebook.exports.typeset import guidebook_data

    guidebook = formal_guidebook(world.musterstadt)
    flags = {o["name"]: o["state_wide"] for o in guidebook["organizations"]}
    assert flags[LKA] is True and flags[world.organization.name] is False
    with translation.override("de"):
        data = guidebook_data(pdf_context(world.musterstadt, guidebook, internal=False))
    entries = {o["name"]: o for o in data["organizations"]}
    assert entries[LKA]["state_wide"] is True
    assert entries[world.organization.name]["state_wide"] is False
    assert data["labels"]["state_wide"] == "landesweit"
    # And in the typeset document: the badge follows the state-wide actor's heading.
    from wegweiser.guidebook.exports.pdf import formal_pdf

    from .test_exports_helpers import flat, pdf_text

    with translation.override("de"):
        text = flat(pdf_text(formal_pdf(world.musterstadt)))
    assert "landesweit" in text.split(LKA)[-1][:400]
