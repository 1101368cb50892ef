import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wegweiser.guidebook.fingerprint import guidebook_fingerprint
from wegweiser.guidebook.models import ContactPerson, MandateNeed, MandateTranslation, Need

pytestmark = pytest.mark.django_db


def test_fingerprint_is_cached(world):
    first = guidebook_fingerprint(world.musterstadt)
    with CaptureQueriesContext(connection) as queries:
        assert guidebook_fingerprint(world.musterstadt) == first
    assert len(queries) == 0


def test_fingerprint_follows_every_kind_of_change(world, django_capture_on_commit_callbacks):
    seen = {guidebook_fingerprint(world.musterstadt)}
    organization = world.organization
    with django_capture_on_commit_callbacks(execute=True):
        organization.phone = "+49 30 23125 321"
        organization.save()
    seen.add(guidebook_fingerprint(world.musterstadt))
    item = organization.mandate_items.first()
    with django_capture_on_commit_callbacks(execute=True):
        MandateNeed.objects.create(
            item=item, need=Need.objects.get(key="children_affected"), role="advises"
        )
    seen.add(guidebook_fingerprint(world.musterstadt))
    with django_capture_on_commit_callbacks(execute=True):
        world.counselling.municipalities.remove(world.musterstadt)
    seen.add(guidebook_fingerprint(world.musterstadt))
    assert len(seen) == 4


def test_fingerprint_follows_changes_to_every_part_of_an_entry(
    world, django_capture_on_commit_callbacks
):
    """Locations, translations, contact persons and deleted items count up the entry's
    content version, which the fingerprint reads (no history tables since issue 16)."""
    organization = world.organization
    item = organization.mandate_items.first()
    changes = [
        lambda: organization.locations.create(name="Zweigstelle", city="Musterstadt"),
        lambda: MandateTranslation.objects.update_or_create(
            item=item, language="uk", defaults={"text": "Текст (neu)", "source_version": 1}
        ),
        lambda: ContactPerson.objects.create(
            organization=organization, name="Erika Beispiel", consent_given_at=timezone.now()
        ),
        lambda: organization.mandate_items.last().delete(),
    ]
    seen = {guidebook_fingerprint(world.musterstadt)}
    for change in changes:
        with django_capture_on_commit_callbacks(execute=True):
            change()
        seen.add(guidebook_fingerprint(world.musterstadt))
    assert len(seen) == len(changes) + 1


def test_a_cold_fingerprint_is_one_query(world):
    """Read at every navigator result and cached page of a municipality (issue 16)."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        guidebook_fingerprint(world.musterstadt)
    assert len(queries) == 1


def test_other_municipalities_keep_their_fingerprint(world):
    before = guidebook_fingerprint(world.beispielstadt)
    world.organization.phone = "+49 30 23125 322"
    world.organization.save()
    assert guidebook_fingerprint(world.beispielstadt) == before


def test_anonymous_overview_is_served_from_the_cache(client, world, django_assert_num_queries):
    url = "/de/m/musterstadt/guidebook/"
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.content == first.content
    # A change shows at once.
    world.organization.name = "Jobcenter Musterstadt (neu)"
    world.organization.save()
    assert "Jobcenter Musterstadt (neu)" in client.get(url).content.decode()
    # Members never get the anonymous page.
    from wegweiser.testing import login

    login(client, world.users["member"])
    assert "Ana Popescu" in client.get(url).content.decode()


def test_a_change_inside_a_deferred_block_changes_the_fingerprint_on_leaving_it(
    world, django_capture_on_commit_callbacks
):
    from wegweiser.guidebook.signals import search_refresh_deferred

    before = guidebook_fingerprint(world.musterstadt)
    with django_capture_on_commit_callbacks(execute=True), search_refresh_deferred():
        item = world.organization.mandate_items.first()
        item.text += " (ergänzt)"
        item.save()
    assert guidebook_fingerprint(world.musterstadt) != before
