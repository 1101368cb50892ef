"""Issue 15: PDF download and print view on the guidebook page; search ranked by where it matches."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from wegweiser.guidebook.models import Organization
from wegweiser.guidebook.selectors import published_organizations


@pytest.fixture(autouse=True)
def _german_again():
    """Requests to /en/ pages leave English active in this thread; later tests expect German."""
    yield
    translation.activate("de")


def en(name, **kwargs):
    kwargs.setdefault("slug", "musterstadt")
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def test_overview_offers_pdf_and_print_view(client, world):
    page = client.get(en("guidebook:overview")).content.decode()
    assert en("guidebook_exports:pdf") in page
    assert en("guidebook:print") in page
    assert 'data-busy="' in page


def test_print_view_holds_every_entry_in_full(client, client_as, world):
    organizations = list(published_organizations(world.musterstadt))
    page = client.get(en("guidebook:print")).content.decode()
    for organization in organizations:
        assert organization.name in page
    item = world.organization.mandate_items.first()
    assert item.text[:40] in page or item.translations.filter(language="en").exists()
    person = world.organization.contact_persons.with_consent().first()
    assert person.name not in page  # public version: no contact persons
    internal = client_as("member").get(en("guidebook:print") + "?version=internal")
    assert person.name in internal.content.decode()
    assert en("guidebook_exports:pdf_internal") in internal.content.decode()


def test_print_view_queries_do_not_grow(client, world, django_assert_max_num_queries):
    assert Organization.objects.exists()
    with django_assert_max_num_queries(15):
        assert client.get(en("guidebook:print")).status_code == 200


def _search(client, query="", **filters):
    params = {"q": query, **filters}
    return client.get(en("guidebook:search"), params)


def test_zoll_lists_the_customs_office_first(client, world):
    """Issue 15: "Zoll" listed the employment agency above the customs office."""
    response = _search(client, "Zoll")
    page = response.content.decode()
    customs = Organization.objects.get(actor_type__key="customs_fks").name
    agency = "Agentur für Arbeit Musterstadt"
    assert customs in page and agency in page
    assert page.index(customs) < page.index(agency)
    # The result says why it was found and shows the words around the match.
    assert "Found in" in page and "<mark>" in page


def test_snippet_marks_the_match_and_escapes(world):
    from wegweiser.guidebook.search_rank import snippet

    text = "Prüft <b>Mindestlohn</b> und Sozialversicherung beim Zoll in Musterstadt."
    html = snippet(text, ["zoll"])
    assert "<mark>Zoll</mark>" in html and "&lt;b&gt;" in html and "<b>" not in html
    assert snippet("nichts davon", ["zoll"]) == ""


def test_filters_by_actor_type_language_and_need(client, world):
    page = _search(client, "", type="customs_fks").content.decode()
    customs = Organization.objects.get(actor_type__key="customs_fks").name
    assert customs in page and "Agentur für Arbeit Musterstadt" not in page
    romanian = _search(client, "", language="ro").content.decode()
    speakers = [
        organization.name
        for organization in published_organizations(world.musterstadt)
        if "ro" in (organization.languages or [])
    ]
    assert speakers and all(name in romanian for name in speakers)
    assert "Jobcenter Musterstadt" not in romanian or "ro" in world.organization.languages
    need = world.organization.mandate_items.first().need_links.first().need
    by_need = _search(client, "", need=need.key).content.decode()
    assert "Jobcenter Musterstadt" in by_need
    assert _search(client, "", type="no-such-type").status_code == 400


def test_the_filter_form_keeps_the_chosen_options(client, world):
    import re

    def selected(page: str) -> list[str]:
        return re.findall(r'<option value="([^"]*)" selected>', page)

    assert selected(_search(client, "lohn").content.decode()) == ["", "", ""]
    page = _search(client, "", type="customs_fks", language="ro").content.decode()
    assert selected(page) == ["customs_fks", "ro", ""]


def test_live_search_answers_only_the_results_for_htmx(client, world):
    full = _search(client, "Zoll")
    partial = client.get(en("guidebook:search"), {"q": "Zoll"}, headers={"HX-Request": "true"})
    assert "<html" in full.content.decode() and 'hx-get="' in full.content.decode()
    assert "<html" not in partial.content.decode()
    assert 'id="gb-results"' in partial.content.decode()
    assert "HX-Request" in partial["Vary"]
