"""Issue 15: the navigator listed 11 bodies on a page 13,000 px long; the first three show with
their reasons, the rest behind "more" (details/summary, no JavaScript); the deadline notice links
the work-time calendar."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation


@pytest.fixture(autouse=True)
def _german_again():
    """Requests to /en/ pages leave English active in this thread; later tests expect German."""
    yield
    translation.activate("de")


def _page(client, query):
    with translation.override("en"):
        url = reverse("navigator:professional", kwargs={"slug": "musterstadt"})
    return client.get(url + query).content.decode()


def test_first_three_open_rest_behind_more(client, world):
    page = _page(client, "?needs=wages_unpaid&needs=documents_withheld")
    details = page.index('<details class="more-recommendations">')
    before, after = page[:details], page[details:]
    assert before.count('class="recommendation kern-card"') == 3
    assert after.count('class="recommendation kern-card"') >= 1
    assert "more place" in after[: after.index("</summary>")]


def test_deadline_notice_links_the_work_time_calendar(client, world):
    page = _page(client, "?needs=wages_unpaid")
    with translation.override("en"):
        calendar = reverse("worktime:app")
    assert f'href="{calendar}"' in page and "Open the work-time calendar" in page
