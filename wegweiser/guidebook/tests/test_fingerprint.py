import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wegweiser.guidebook.fingerprint import guidebook_fingerprint
from wegweiser.guidebook.models import MandateNeed, Need

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
