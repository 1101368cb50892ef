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


def test_details_beyond_the_first_cards_are_one_link_away(client, world, monkeypatch):
    """Issue 16: at state scale a result lists a hundred places; the page renders the details of
    the first DETAILS_IN_PAGE and links the rest, while the short list still names every place
    with its badges (nothing of the warnings is hidden)."""
    from wegweiser.navigator import views

    monkeypatch.setattr(views, "DETAILS_IN_PAGE", 5)
    query = "?needs=wages_unpaid&needs=documents_withheld"
    page = _page(client, query)
    short_list = page[
        page.index('<ol class="overview">') : page.index(
            "</ol>", page.index('<ol class="overview">')
        )
    ]
    places = short_list.count("<li")
    assert places > 6, "the demo should list more places than the page details"
    assert page.count('class="recommendation kern-card"') == 5
    # The short list links the detailed places in the page and the others to the full page.
    assert short_list.count('href="#org-') == 5
    assert short_list.count("details=all#org-") == places - 5
    assert f"Show the details of {places - 5} more places" in page
    assert '<details class="more-recommendations">' in page  # closed

    full = _page(client, query + "&details=all")
    assert full.count('class="recommendation kern-card"') == places
    assert '<details class="more-recommendations" open>' in full
    assert "Show the details of" not in full
    assert "details=all#org-" not in full


def test_a_town_sized_result_has_every_detail_in_the_page(client, world):
    from wegweiser.navigator import views

    page = _page(client, "?needs=wages_unpaid&needs=documents_withheld")
    assert page.count('class="recommendation kern-card"') <= views.DETAILS_IN_PAGE
    assert "details=all" not in page
