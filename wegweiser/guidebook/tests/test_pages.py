"""Request tests of the guidebook pages: visibility, editing, approval, history, caching."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from wegweiser.guidebook.access import may_see_internal
from wegweiser.guidebook.models import (
    ContactPerson,
    Organization,
    OrganizationStatus,
)
from wegweiser.guidebook.selectors import published_organizations, visible_contact_persons

from .factories import detail_url, edit_data, url

POPESCU = "Ana Popescu"


pytestmark = pytest.mark.usefixtures("german_pages")


# --- visibility ---------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["anonymous", "outsider", "foreign_state", "admin"])
def test_outsiders_never_see_contact_persons(persona, client_as, world):
    client = client_as(persona)
    pages = [
        url("overview"),
        detail_url(world.counselling),
        url("search") + "?q=Popescu",
        url("search") + "?q=Fachberatung",
        url("search") + "?q=Fachberatung&version=public",
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        content = response.content.decode()
        assert POPESCU not in content, page
        assert "gb-internal" not in content, page
    response = client.get(url("search") + "?q=Popescu")
    assert world.counselling.name not in response.content.decode()


@pytest.mark.parametrize("persona", ["member", "coordinator", "counsellor", "state_coordinator"])
def test_network_sees_internal_version_by_default(persona, client_as, world):
    client = client_as(persona)
    content = client.get(detail_url(world.counselling)).content.decode()
    assert POPESCU in content
    assert "gb-internal" in content
    overview = client.get(url("overview")).content.decode()
    assert POPESCU in overview
    found = client.get(url("search") + "?q=popescu").content.decode()
    assert world.counselling.name in found
    # The public preview hides them again.
    public = client.get(detail_url(world.counselling, "public")).content.decode()
    assert POPESCU not in public


def test_internal_version_denied_to_outsiders(client_as, world):
    assert client_as("outsider").get(url("overview") + "?version=internal").status_code == 404


def test_unknown_version_is_400(client, world):
    assert client.get(url("overview") + "?version=secret").status_code == 400


def test_selectors(world):
    member = world.users["member"]
    assert may_see_internal(member, world.musterstadt)
    assert not may_see_internal(member, world.beispielstadt)
    assert may_see_internal(world.users["state_coordinator"], world.beispielstadt)
    assert not may_see_internal(world.users["foreign_state"], world.musterstadt)
    assert (
        visible_contact_persons(world.users["outsider"], world.counselling, world.musterstadt) == []
    )
    names = [p.name for p in visible_contact_persons(member, world.counselling, world.musterstadt)]
    assert names == [POPESCU]
    organizations = list(published_organizations(world.musterstadt))
    # Counselling services first.
    counselling_flags = [org.actor_type.counselling for org in organizations]
    assert counselling_flags == sorted(counselling_flags, reverse=True)
    assert organizations[0].actor_type.counselling


def test_confidential_address_is_never_shown(client, world):
    shelter = Organization.objects.get(actor_type__key="shelter", municipalities=world.musterstadt)
    shelter.locations.create(street="Geheimweg 7", city="Musterstadt")
    content = client.get(detail_url(shelter)).content.decode()
    assert "Geheimweg" not in content
    assert shelter.phone in content


def test_detail_shows_mandate_and_freshness(client, world):
    content = client.get(detail_url(world.organization)).content.decode()
    assert "SGB II" in content or "SGB" in content
    assert world.organization.phone in content
    stale = Organization.objects.get(name="Sozialamt der Stadt Musterstadt")
    assert stale.is_stale
    assert "gb-no-print" in content
    assert "kern-badge--warning" in client.get(detail_url(stale)).content.decode()


def test_translation_falls_back_and_shows_outdated(client, world):
    item = world.organization.mandate_items.filter(translations__language="en").first()
    english = escape(item.translations.get(language="en").text)
    response = client.get("/en" + detail_url(world.organization)[3:])
    assert english in response.content.decode()
    item.text = item.text + " Neu."
    item.version += 1
    item.save()
    content = client.get("/en" + detail_url(world.organization)[3:]).content.decode()
    assert english in content
    assert "translation outdated" in content
    # Romanian has no translation: the German source is shown, marked.
    content = client.get("/ro" + detail_url(world.organization)[3:]).content.decode()
    assert escape(item.text) in content
    assert 'lang="de"' in content


def test_unpublished_entry_is_hidden_from_public(client, world):
    Organization.objects.filter(pk=world.organization.pk).update(status=OrganizationStatus.DRAFT)
    assert client.get(detail_url(world.organization)).status_code == 404
    assert world.organization.name not in client.get(url("overview")).content.decode()


# --- editing, approval ----------------------------------------------------------------------


def test_member_change_keeps_published_version_live(client_as, world):
    """Issue 15: a member's small edit used to unpublish the entry (404 until approval)."""
    member = client_as("member")
    organization = world.organization
    response = member.post(
        url("edit", pk=organization.pk), edit_data(organization, phone="+49 30 23125 999")
    )
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.status == OrganizationStatus.PUBLISHED
    assert organization.phone == "+49 30 23125 104"
    # The member sees her version again in the form, with a notice.
    form = member.get(url("edit", pk=organization.pk)).content.decode()
    assert "+49 30 23125 999" in form and "wartet auf Freigabe" in form
    member.logout()
    assert organization.name in member.get(url("overview")).content.decode()
    public = member.get(detail_url(organization))
    assert public.status_code == 200
    assert "+49 30 23125 104" in public.content.decode()
    assert "+49 30 23125 999" not in public.content.decode()

    coordinator = client_as("coordinator")
    review = coordinator.get(url("review")).content.decode()
    assert organization.name in review
    diff = coordinator.get(url("approve", pk=organization.pk)).content.decode()
    assert "+49 30 23125 999" in diff and "+49 30 23125 104" in diff
    approve = {"action": "approve"}
    assert coordinator.post(url("approve", pk=organization.pk), approve).status_code == 302
    organization.refresh_from_db()
    assert organization.status == OrganizationStatus.PUBLISHED
    assert organization.phone == "+49 30 23125 999"
    assert not organization.pending_changes.filter(state="open").exists()
    coordinator.logout()
    assert "+49 30 23125 999" in coordinator.get(detail_url(organization)).content.decode()


def test_coordinator_change_stays_published(client_as, world):
    client = client_as("coordinator")
    organization = world.organization
    client.post(url("edit", pk=organization.pk), edit_data(organization, name="Jobcenter Neu"))
    organization.refresh_from_db()
    assert organization.name == "Jobcenter Neu"
    assert organization.status == OrganizationStatus.PUBLISHED


def test_invalid_input_is_400_and_nothing_written(client_as, world):
    client = client_as("member")
    organization = world.organization
    response = client.post(
        url("edit", pk=organization.pk), edit_data(organization, email="kein-mail", name="X")
    )
    assert response.status_code == 400
    assert "kern-error" in response.content.decode()
    organization.refresh_from_db()
    assert organization.name == "Jobcenter Musterstadt"
    assert organization.status == OrganizationStatus.PUBLISHED


def test_member_cannot_edit_other_entries(client_as, world):
    client = client_as("member")
    assert client.get(url("edit", pk=world.counselling.pk)).status_code == 403
    assert client.post(url("edit", pk=world.counselling.pk), {}).status_code == 403
    assert client.get(url("approve", pk=world.organization.pk)).status_code == 403


def test_outsider_gets_404_on_edit(client_as, world):
    assert client_as("outsider").get(url("edit", pk=world.organization.pk)).status_code == 404


def test_mandate_item_edit_bumps_version_and_sets_needs(client_as, world):
    client = client_as("coordinator")
    item = world.organization.mandate_items.first()
    data = {
        "kind": item.kind,
        "text": "Neuer deutscher Text für diese Aufgabe.",
        "source": "SGB II",
        "as_of": "2026-03-01",
        "order": item.order,
        "need_wages_unpaid": "acts",
        "translation_en": "New English text.",
    }
    response = client.post(url("mandate_item", pk=world.organization.pk, item=item.pk), data)
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.version == 2
    assert item.need_links.get(need__key="wages_unpaid").role == "acts"
    assert item.translations.get(language="en").source_version == 2
    assert not item.translations.filter(language="ro").exists()
    # Invalid: too short text.
    data["text"] = "x"
    assert (
        client.post(url("mandate_item", pk=world.organization.pk, item=item.pk), data).status_code
        == 400
    )


def test_new_organization_from_template(client_as, world):
    client = client_as("coordinator")
    response = client.post(
        url("new"), {"actor_type": world.organization.actor_type.pk, "name": "Jobcenter Zwei"}
    )
    assert response.status_code == 302
    created = Organization.objects.get(name="Jobcenter Zwei")
    assert created.status == OrganizationStatus.DRAFT
    assert created.mandate_items.count() == len(created.actor_type.mandate_template) > 0
    assert created.municipalities.filter(pk=world.musterstadt.pk).exists()
    assert client.post(url("new"), {"name": ""}).status_code == 400


# --- contact persons and consent -------------------------------------------------------------


def test_withdrawn_consent_removes_person_everywhere(client_as, world):
    client = client_as("coordinator")
    person = ContactPerson.objects.get(name=POPESCU)
    assert POPESCU in client.get(detail_url(world.counselling)).content.decode()
    response = client.post(
        url("withdraw_consent", pk=world.counselling.pk, person=person.pk), {"how": "per Telefon"}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.consent_withdrawn_at == timezone.localdate()
    client.get(reverse("core:dashboard"))  # shows (and consumes) the confirmation message
    assert POPESCU not in client.get(detail_url(world.counselling)).content.decode()
    assert POPESCU not in client.get(url("overview")).content.decode()
    search = client.get(url("search") + "?q=Popescu").content.decode()
    assert world.counselling.name not in search
    world.counselling.refresh_from_db()
    assert "popescu" not in world.counselling.internal_search_text


def test_contact_person_needs_consent_to_appear(client_as, world):
    client = client_as("member")
    response = client.post(
        url("contacts", pk=world.organization.pk),
        {"name": "Otto Ohnezustimmung", "function": "Sachbearbeitung"},
    )
    assert response.status_code == 302
    assert "Otto Ohnezustimmung" not in client.get(detail_url(world.organization)).content.decode()
    response = client.post(
        url("contacts", pk=world.organization.pk),
        {"name": "Clara Consent", "consent_given_at": "2026-01-05"},
    )
    assert response.status_code == 400  # how the consent was given is missing
    response = client.post(
        url("contacts", pk=world.organization.pk),
        {"name": "Clara Consent", "consent_given_at": "2026-01-05", "consent_how": "per E-Mail"},
    )
    assert response.status_code == 302
    assert "Clara Consent" in client.get(detail_url(world.organization)).content.decode()


@pytest.mark.parametrize("path", ["", "print/"])
def test_names_of_spoken_languages_are_not_marked_as_written_in_those_languages(
    client, world, path
):
    """The names are in the page's language ("الألمانية" on an Arabic page): marking them lang="de"
    made screen readers read Arabic text with a German voice."""
    content = client.get(f"/ar/m/musterstadt/guidebook/{path}").content.decode()
    assert "الألمان" in content
    assert 'lang="de">الألمان' not in content and 'lang="ro">الروماني' not in content
    detail = client.get(f"/ar/m/musterstadt/guidebook/{world.counselling.pk}/").content.decode()
    assert "الروماني" in detail and 'lang="ro">الروماني' not in detail


def test_lists_of_spoken_languages_use_the_arabic_comma_on_arabic_pages(client, world):
    arabic = client.get("/ar/m/musterstadt/guidebook/").content.decode()
    assert "، الإنجليز" in arabic and ", الإنجليز" not in arabic
    german = client.get("/de/m/musterstadt/guidebook/").content.decode()
    # The language's name, not the nationality adjective of the cases app ("deutsch").
    assert "Deutsch, Englisch" in german


def test_the_nationality_adjective_keeps_its_own_translation():
    from django.utils import translation

    from wegweiser.cases.choices import NationalityGroup

    with translation.override("de"):
        assert str(NationalityGroup.GERMAN.label) == "deutsch"
        assert translation.gettext("German") == "Deutsch"
