"""The state guidebook in the browser's forms: state-wide actors with their mandates, and the
state's template of municipal entries that the roll-out drafts from."""

from django.urls import reverse

from wegweiser.core.models import Municipality
from wegweiser.guidebook.models import ActorType, MandateItem, Organization
from wegweiser.states.models import EntryTemplate

RP = {"state": "rheinland-pfalz"}
CHANGED = "Es nimmt Hinweise auf Arbeitsausbeutung landesweit entgegen (geänderter Text)."


def _state_actor(world):
    return Organization.objects.get(name="Landeskriminalamt Rheinland-Pfalz")


def _item_data(item, text, **extra):
    return {
        "kind": item.kind,
        "text": text,
        "source": item.source,
        "as_of": item.as_of.isoformat() if item.as_of else "",
        "order": item.order,
        **extra,
    }


def test_state_coordinator_edits_a_state_wide_actor_and_every_guidebook_shows_it(client_as, world):
    client = client_as("state_coordinator")
    lka = _state_actor(world)
    page = reverse("states:actor", kwargs={**RP, "pk": lka.pk})
    assert client.get(page).status_code == 200
    response = client.post(
        page,
        {"name": lka.name, "actor_type": lka.actor_type_id, "languages": ["de", "bg"]},
    )
    assert response.status_code == 302
    lka.refresh_from_db()
    assert lka.languages == ["de", "bg"]
    item = lka.mandate_items.order_by("order").first()
    url = reverse("states:entry_mandate_item", kwargs={**RP, "pk": lka.pk, "item": item.pk})
    assert client.get(url).status_code == 200
    assert client.post(url, _item_data(item, CHANGED)).status_code == 302
    item.refresh_from_db()
    assert item.text == CHANGED and item.version == 2
    for slug in ("musterstadt", "beispielstadt"):
        detail = client_as("anonymous").get(
            reverse("guidebook:detail", kwargs={"slug": slug, "pk": lka.pk})
        )
        assert CHANGED in detail.content.decode()
    delete = reverse("states:entry_mandate_delete", kwargs={**RP, "pk": lka.pk, "item": item.pk})
    assert client.post(delete).status_code == 302
    assert not MandateItem.objects.filter(pk=item.pk).exists()


def test_bad_mandate_text_changes_nothing(client_as, world):
    lka = _state_actor(world)
    item = lka.mandate_items.first()
    url = reverse("states:entry_mandate_item", kwargs={**RP, "pk": lka.pk, "item": item.pk})
    response = client_as("state_coordinator").post(url, _item_data(item, "x"))
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.text != "x"


def test_municipal_entries_are_not_the_state_coordinators_to_edit_here(client_as, world):
    """The state pages edit state-wide actors and templates only, never a municipality's entry."""
    municipal = world.organization
    item = municipal.mandate_items.first()
    url = reverse("states:entry_mandate_item", kwargs={**RP, "pk": municipal.pk, "item": item.pk})
    assert client_as("state_coordinator").get(url).status_code == 404
    actor = reverse("states:actor", kwargs={**RP, "pk": municipal.pk})
    assert client_as("state_coordinator").get(actor).status_code == 404


def test_adapted_template_is_what_a_new_municipality_drafts(client_as, world):
    client = client_as("state_coordinator")
    assert client.get(reverse("states:template", kwargs=RP)).status_code == 200
    page = reverse("states:template_type", kwargs={**RP, "key": "jobcenter"})
    shipped = client.get(page).content.decode()
    assert "Für Rheinland-Pfalz anpassen" in shipped
    assert client.post(page).status_code == 302
    client.post(page)  # twice: still one template
    template = EntryTemplate.objects.get(state__slug="rheinland-pfalz", actor_type__key="jobcenter")
    duty = template.organization.mandate_items.get(kind="data_duty")
    url = reverse(
        "states:entry_mandate_item", kwargs={**RP, "pk": template.organization.pk, "item": duty.pk}
    )
    assert client.post(url, _item_data(duty, CHANGED, translation_en="Changed.")).status_code == 302
    assert client.post(page, {"description": "Vorlage für Rheinland-Pfalz."}).status_code == 302

    client.post(reverse("states:rollout", kwargs=RP), {"ags": "07315000"})
    mainz = Municipality.objects.get(ags="07315000")
    jobcenter = mainz.organizations.get(actor_type__key="jobcenter")
    assert jobcenter.status == "draft" and jobcenter.description == "Vorlage für Rheinland-Pfalz."
    copied = jobcenter.mandate_items.get(kind="data_duty")
    assert copied.text == CHANGED and copied.translations.get(language="en").text == "Changed."
    assert copied.need_links.count() == duty.need_links.count()
    shipped_count = len(ActorType.objects.get(key="police").mandate_template)
    assert mainz.organizations.get(actor_type__key="police").mandate_items.count() == shipped_count
    # The template entry itself belongs to no guidebook.
    assert not template.organization.municipalities.exists() and template.organization.state is None
    overview = client_as("anonymous").get(
        reverse("guidebook:overview", kwargs={"slug": "musterstadt"})
    )
    assert template.organization.name not in overview.content.decode()


def test_unknown_actor_type_is_404(client_as, world):
    url = reverse("states:template_type", kwargs={**RP, "key": "nope"})
    assert client_as("state_coordinator").get(url).status_code == 404
