"""Issue 15: what coordinators and members stumble over in the network pages."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from wegweiser.guidebook.models import Organization, OrganizationStatus
from wegweiser.network import roadmap
from wegweiser.network.models import Network


def network(world):
    return Network.objects.get(municipality=world.musterstadt)


def en_url(name, **kwargs):
    kwargs.setdefault("slug", "musterstadt")
    with translation.override("en"):
        return reverse(f"network:{name}", kwargs=kwargs)


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def test_roadmap_never_says_published_while_an_entry_waits(client_as, world, english):
    Organization.objects.filter(pk=world.organization.pk).update(
        status=OrganizationStatus.IN_REVIEW
    )
    road = roadmap.compute(network(world))
    step = next(step for step in road.steps if step.key == "guidebook_published")
    assert not step.done
    assert "1 entry waits for approval." in step.evidence
    page = client_as("coordinator").get(en_url("dashboard")).content.decode()
    assert "Every entry is published" not in page
    assert "1 entry waits for approval." in page
