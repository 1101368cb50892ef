"""Issue 15: someone following a shared link into another network's page got a bare 404."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from wegweiser.network.models import Meeting


@pytest.fixture(autouse=True)
def _german_again():
    """Requests to /en/ pages leave English active in this thread; later tests expect German."""
    yield
    translation.activate("de")


def _meeting_url(slug="musterstadt"):
    meeting = Meeting.objects.filter(network__municipality__slug=slug).first()
    with translation.override("en"):
        return reverse("network:meeting_detail", kwargs={"slug": slug, "meeting": meeting.pk})


def test_logged_in_outsider_learns_why_without_learning_whether(client_as, world):
    client = client_as("outsider")  # coordinator in Beispielstadt
    existing = client.get(_meeting_url())
    missing = client.get(
        _meeting_url().replace(
            _meeting_url().split("/")[-2], "0" * 8 + "-0000-0000-0000-" + "0" * 12
        )
    )
    assert existing.status_code == missing.status_code == 404
    page = existing.content.decode()
    assert "belongs to a network you are not a member of" in page
    assert "/en/dashboard/" in page
    # The same answer whether the page exists or not.
    assert _message(page) == _message(missing.content.decode())


def _message(page: str) -> str:
    start = page.index('<div class="page-intro')
    return page[start : page.index("</div>", start)]


def test_anonymous_404_stays_plain(client, world):
    page = client.get("/en/m/musterstadt/network/does-not-exist/").content.decode()
    assert "not a member" not in page
