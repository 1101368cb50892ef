"""Issue 9: the work-time calendar never names a public body as the fallback contact, and the
paper calendar states the working-time rules and an unset minimum wage correctly."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string

from wegweiser.core.models import State
from wegweiser.guidebook.models import Organization, OrganizationStatus
from wegweiser.guidebook.vocabulary import load_json
from wegweiser.worktime import services, wages

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PUBLIC_WORDS = ["town hall", "job centre", "Rathaus", "Jobcenter", "Agentur für Arbeit"]


@pytest.fixture
def paper_html(monkeypatch):
    """The paper calendar's HTML (the PDF step replaced by the template rendering)."""
    import wegweiser.core.pdf as pdf

    def fake(template, context, request=None):
        context = {"pdf_language": "de", "pdf_direction": "ltr", **context}
        return render_to_string(template, context).encode()

    monkeypatch.setattr(pdf, "render_pdf", fake)
    cache.clear()

    def render(municipality, language, year=2026):
        state = municipality.state if municipality else State.objects.first()
        return services.paper_calendar_pdf(
            year=year,
            state=state,
            municipality=municipality,
            language=language,
            size="A4",
            request=None,
        ).decode()

    return render


def without_counselling(municipality):
    serving = Organization.objects.serving(municipality).values("pk")
    Organization.objects.filter(actor_type__counselling=True, pk__in=serving).update(
        status=OrganizationStatus.DRAFT
    )
    return municipality


def test_fallback_data_has_only_non_state_contacts_with_source_and_date():
    data = load_json("fallback_contacts.json")
    assert data["contacts"]
    for contact in data["contacts"]:
        assert contact["public_body"] is False
        assert contact["source"] and contact["as_of"] and contact["url"].startswith("https://")
        assert set(LANGUAGES) <= set(contact["description"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_paper_calendar_without_counselling_names_no_public_body(world, paper_html, language):
    html = paper_html(without_counselling(world.beispielstadt), language)
    assert "Faire Mobilität" in html and "https://www.kok-gegen-menschenhandel.de" in html
    for word in PUBLIC_WORDS:
        assert word not in html, word


def test_paper_calendar_with_counselling_names_it(world, paper_html):
    html = paper_html(world.musterstadt, "ro")
    assert "Beratungsstelle Faire Arbeit Musterstadt" in html  # speaks Romanian
    assert "Faire Mobilität" not in html


def test_api_counselling_sends_fallbacks_when_none_is_listed(client, world):
    without_counselling(world.beispielstadt)
    body = client.get(
        "/api/v1/worktime/counselling", {"municipality": "beispielstadt", "lang": "ro"}
    ).json()
    assert body["services"] == []
    assert [f["key"] for f in body["fallbacks"]][0] == "faire_mobilitaet"  # speaks Romanian
    assert all("Jobcenter" not in f["name"] for f in body["fallbacks"])
    listed = client.get("/api/v1/worktime/counselling", {"municipality": "musterstadt"}).json()
    assert listed["services"] and listed["fallbacks"] == []


def test_paper_calendar_minimum_wage_of_a_year_without_rate(world, paper_html):
    later = wages.last_known_year() + 1
    html = paper_html(world.musterstadt, "en", year=later)
    assert "is not yet set" in html and "last known rate" in html
    known = paper_html(world.musterstadt, "en", year=later - 1)
    assert "is not yet set" not in known


def test_paper_calendar_working_time_wording(world, paper_html):
    html = paper_html(world.musterstadt, "en")
    assert "Never more than 10 hours a day" in html
    assert "average over 6 months" in html
    assert "11 hours of rest" in html
    assert "more than 6 hours" in html and "more than 9 hours" in html
    assert "48 hours a week is generally not allowed" not in html
