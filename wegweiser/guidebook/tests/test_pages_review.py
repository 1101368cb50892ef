"""Request tests of the coordinator's side and the caches: history, archive, query counts, sections."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from wegweiser.guidebook import services
from wegweiser.guidebook.models import (
    MandateItem,
    Organization,
)

from .factories import detail_url, edit_data, full_organization, url

POPESCU = "Ana Popescu"


pytestmark = pytest.mark.usefixtures("german_pages")


# --- history, archive ---------------------------------------------------------------------------


def test_history_shows_changes_and_restores(client_as, world):
    client = client_as("coordinator")
    organization = world.organization
    client.post(url("edit", pk=organization.pk), edit_data(organization, name="Falscher Name"))
    page = client.get(url("history", pk=organization.pk)).content.decode()
    assert "Falscher Name" in page and "Jobcenter Musterstadt" in page
    old = organization.history.filter(name="Jobcenter Musterstadt").first()
    count = organization.history.count()
    response = client.post(
        url("history", pk=organization.pk), {"kind": "organization", "history_id": old.history_id}
    )
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.name == "Jobcenter Musterstadt"
    assert organization.history.count() == count + 1
    newest = organization.history.first()
    assert newest.history_user == world.users["coordinator"]
    bad = client.post(
        url("history", pk=organization.pk), {"kind": "organization", "history_id": "x"}
    )
    assert bad.status_code == 400


def test_deleted_mandate_item_can_be_restored(client_as, world):
    client = client_as("coordinator")
    item = world.organization.mandate_items.first()
    client.post(url("mandate_delete", pk=world.organization.pk, item=item.pk))
    assert not MandateItem.objects.filter(pk=item.pk).exists()
    record = (
        MandateItem.history.filter(id=item.pk, history_type="+").first()
        or MandateItem.history.filter(id=item.pk).last()
    )
    client.post(
        url("history", pk=world.organization.pk),
        {"kind": "mandate", "history_id": record.history_id},
    )
    assert MandateItem.objects.filter(pk=item.pk).exists()


def test_archive_hides_entry(client_as, world):
    client = client_as("coordinator")
    assert client.post(url("archive", pk=world.organization.pk)).status_code == 302
    world.organization.refresh_from_db()
    assert world.organization.archived_at is not None
    assert Organization.objects.filter(pk=world.organization.pk).exists()
    client.logout()
    assert world.organization.name not in client.get(url("overview")).content.decode()


# --- performance, cache -----------------------------------------------------------------------


def test_overview_query_count_does_not_grow(client_as, world, django_assert_max_num_queries):
    client = client_as("member")
    for _index in range(5):
        full_organization(world.musterstadt)
    cache.clear()
    with django_assert_max_num_queries(30) as few:
        assert client.get(url("overview")).status_code == 200
    for _index in range(40):
        full_organization(world.musterstadt)
    cache.clear()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url("overview"))
    assert response.content.decode().count('class="kern-card kern-card--small gb-card') >= 54
    cache.clear()
    client.logout()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url("overview")).status_code == 200


def test_cached_overview_shows_changes_at_once(client, world):
    first = client.get(url("overview")).content.decode()
    assert "Jobcenter Musterstadt" in first
    organization = world.organization
    organization.name = "Jobcenter Umbenannt"
    organization.save()
    assert "Jobcenter Umbenannt" in client.get(url("overview")).content.decode()


def test_overview_served_from_cache(client, world, django_assert_max_num_queries):
    client.get(url("overview"))
    with django_assert_max_num_queries(12):
        assert client.get(url("overview")).status_code == 200


# --- sections --------------------------------------------------------------------------------


def test_municipality_page_section(client, world):
    content = client.get(
        reverse("core:municipality", kwargs={"slug": "musterstadt"})
    ).content.decode()
    assert url("overview") in content
    assert world.counselling.name in content and world.counselling.phone in content


def test_dashboard_sections(client_as, world):
    content = client_as("coordinator").get(reverse("core:dashboard")).content.decode()
    assert url("review") in content
    content = client_as("member").get(reverse("core:dashboard")).content.decode()
    assert url("edit", pk=world.organization.pk) in content


def test_stale_list(world):
    stale = services.stale_organizations(world.musterstadt)
    assert [org.name for org in stale] == ["Sozialamt der Stadt Musterstadt"]
    limit = timezone.localdate() - datetime.timedelta(days=200)
    Organization.objects.filter(pk=world.organization.pk).update(last_confirmed_at=limit)
    assert len(services.stale_organizations(world.musterstadt)) == 2


def test_internal_notes_only_for_the_network(client_as, world):
    from wegweiser.guidebook.services import set_internal_note

    set_internal_note(
        world.organization, world.musterstadt, "Vertraulich: Rückruf über die Zentrale"
    )
    world.organization.save()  # refreshes the search texts
    for persona in ("anonymous", "outsider", "foreign_state"):
        client = client_as(persona)
        assert (
            "Rückruf über die Zentrale"
            not in client.get(detail_url(world.organization)).content.decode()
        )
        found = client.get(url("search") + "?q=Rueckruf").content.decode()
        assert world.organization.name not in found
        client.logout()
    member = client_as("counsellor")
    assert (
        "Rückruf über die Zentrale" in member.get(detail_url(world.organization)).content.decode()
    )
    # Notes are per municipality and not in the shared search text (issue 11).
