"""Search normalisation (unit + property tests) and the search page on the demo data."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from wegweiser.guidebook.search import index_text, normalize, query_terms, unique_words


@pytest.mark.parametrize(
    "left,right",
    [
        ("Straße", "Strasse"),
        ("STRASSE", "straße"),
        ("rumänisch", "Rumaenisch"),
        ("Ärger", "aerger"),
        ("Öffnung", "oeffnung"),
        ("Übersetzung", "uebersetzung"),
        ("română", "romana"),
        ("Lohn", "LOHN"),
    ],
)
def test_spellings_normalise_alike(left, right):
    assert normalize(left) == normalize(right)


def test_plain_umlaut_form_is_indexed():
    text = index_text(["Rumänisch"])
    for query in ("rumänisch", "rumaenisch", "rumanisch", "RUMÄNISCH"):
        assert all(term in text for term in query_terms(query))


def test_the_index_text_keeps_each_word_once_in_order():
    text = index_text(["Lohn für Rumänen", "Rumänisch", "", "Lohn und Lohnzettel"])
    assert text == " lohn fuer rumaenen rumaenisch und lohnzettel fur rumanen rumanisch "
    assert index_text([]) == index_text(["", ""]) == " "


@given(st.lists(st.text(max_size=30), max_size=6), st.text(min_size=1, max_size=12))
def test_keeping_each_word_once_finds_the_same_terms(parts, query):
    """A term never spans two words, so the shortened text matches exactly the same terms as
    the running text (issue 16: half of a stored text was repetition)."""
    running = " " + normalize(" ".join(parts)) + " " + normalize(" ".join(parts), umlaut_plain=True)
    for term in normalize(query).split():  # query_terms' terms, without its input checks
        assert (term in index_text(parts)) == (term in running)
    assert unique_words(running + running) == unique_words(running)


@given(st.text(max_size=80))
def test_normalize_is_idempotent_and_case_blind(text):
    once = normalize(text)
    assert normalize(once) == once
    assert (
        normalize(text.upper()) == normalize(text.lower())
        or "ß" in text.lower()
        or any(ord(char) > 0x2FF for char in text)
    )


@given(st.text(max_size=250))
def test_query_terms_never_crash(text):
    try:
        terms = query_terms(text)
    except ValueError:
        return
    assert all(term == normalize(term) for term in terms)


def _search(client, query, version=""):
    cache.clear()
    translation.activate("de")
    url = reverse("guidebook:search", kwargs={"slug": "musterstadt"})
    params = {"q": query}
    if version:
        params["version"] = version
    return client.get(url, params)


@pytest.mark.parametrize(
    "query,expected",
    [
        ("rumänisch", "Fachberatungsstelle Arbeit und Würde"),
        ("Rumänisch", "Fachberatungsstelle Arbeit und Würde"),
        ("rumaenisch", "Fachberatungsstelle Arbeit und Würde"),
        ("Romanian", "Fachberatungsstelle Arbeit und Würde"),
        ("română", "Fachberatungsstelle Arbeit und Würde"),
        ("Lindenstrasse", "Fachberatungsstelle Arbeit und Würde"),
        ("Lindenstraße", "Fachberatungsstelle Arbeit und Würde"),
        ("Lohn", "Beratungsstelle Faire Arbeit Musterstadt"),
        ("aufenthalt", "Ausländerbehörde Musterstadt"),
        ("Auslaenderbehoerde", "Ausländerbehörde Musterstadt"),
        ("Jobcenter", "Jobcenter Musterstadt"),
        ("Zoll Schwarzarbeit", "Hauptzollamt Musterstadt – Finanzkontrolle Schwarzarbeit"),
        ("passport", "Polizeipräsidium Musterstadt – Fachkommissariat Menschenhandel"),
    ],
)
def test_search_finds(client, world, query, expected):
    response = _search(client, query)
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_search_without_match(client, world):
    content = _search(client, "Quantenchromodynamik").content.decode()
    assert "Nothing found" in content or "Nichts gefunden" in content


@pytest.mark.parametrize("query", ["a" * 201, "Lohn\x00", "\x07"])
def test_bad_queries_answer_400(client, world, query):
    response = _search(client, query)
    assert response.status_code == 400


def test_internal_fields_only_for_network(client, client_as, world):
    # The organisation's name (the filter list names the actor type "Fachberatungsstelle").
    assert "Fachberatungsstelle Arbeit" not in _search(client, "Popescu").content.decode()
    member = client_as("member")
    assert "Fachberatungsstelle Arbeit und Würde" in _search(member, "Popescu").content.decode()
    assert "Fachberatungsstelle Arbeit" not in _search(member, "Popescu", "public").content.decode()


def test_deferred_refresh_runs_once_at_the_end(world):
    from wegweiser.guidebook.signals import search_refresh_deferred

    organization = world.organization
    with search_refresh_deferred():
        organization.name = "Jobcenter Zwischenstand"
        organization.save()
        organization.refresh_from_db()
        assert "zwischenstand" not in organization.search_text
    organization.refresh_from_db()
    assert "zwischenstand" in organization.search_text


@pytest.fixture
def many_matches(world):
    from wegweiser.guidebook.tests.factories import OrganizationFactory

    return [
        OrganizationFactory(name=f"Seitenprobe {n:02d}", municipalities=[world.musterstadt])
        for n in range(25)
    ]


def test_results_are_shown_twenty_to_a_page(client, world, many_matches):
    first = _search(client, "Seitenprobe").content.decode()
    assert "25 Ergebnisse" in first
    assert first.count("Seitenprobe ") == 20
    assert "Ergebnisse 1–20 von 25" in first
    assert 'rel="next" href="?q=Seitenprobe&amp;page=2"' in first
    url = reverse("guidebook:search", kwargs={"slug": "musterstadt"})
    second = client.get(url, {"q": "Seitenprobe", "page": 2}).content.decode()
    assert second.count("Seitenprobe ") == 5
    assert 'start="21"' in second and 'rel="prev"' in second and 'rel="next"' not in second
    # A page number that does not exist shows the last page rather than an error.
    assert client.get(url, {"q": "Seitenprobe", "page": "x"}).status_code == 200


def test_more_matches_than_ranked_says_so(client, world, many_matches, monkeypatch):
    from wegweiser.guidebook.views import public

    monkeypatch.setattr(public, "SEARCH_RANKED", 10)
    content = _search(client, "Seitenprobe").content.decode()
    assert "Viele Ergebnisse für „Seitenprobe“" in content
    assert "Nur die besten Treffer werden gezeigt" in content
    assert content.count("Seitenprobe ") == 10


@pytest.mark.parametrize("by_coordinator", [None, True, False])
def test_saving_an_item_with_translations_and_needs_rebuilds_the_search_text_once(
    world, monkeypatch, by_coordinator
):
    from wegweiser.guidebook import signals
    from wegweiser.guidebook.models import MandateItem, Need
    from wegweiser.guidebook.services import save_mandate_item

    refreshed = []
    real_refresh = signals.refresh_search_text
    monkeypatch.setattr(
        signals, "refresh_search_text", lambda o: (refreshed.append(o.pk), real_refresh(o))
    )
    organization = world.organization
    save_mandate_item(
        MandateItem(organization=organization, kind="can", text="Beratung zu Lohnzetteln"),
        needs={need: "advises" for need in Need.objects.all()[:3]},
        translations={"en": "Advice on payslips", "ro": "Consiliere privind fluturașii"},
        by_coordinator=by_coordinator,
    )
    assert refreshed == [organization.pk]
    organization.refresh_from_db()
    assert "lohnzetteln" in organization.search_text
    assert "payslips" in organization.search_text
