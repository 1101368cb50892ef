"""Know-your-rights pages: all languages, no empty or English-copied text, one source for the
minimum wage, counselling contacts with a non-state fallback, leaflet, Leichte Sprache, offline."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation

from wegweiser.core.models import Municipality
from wegweiser.learning import rights
from wegweiser.worktime import wages

from .pdfs import page_count

LOCALE = Path(__file__).resolve().parents[1] / "locale"
# The worker-facing sources of the app (the rest – courses, figures, Workshop I kit – is German and
# English only). A catalogue entry is worker-facing when one of its source occurrences is here;
# test_worker_pages_render_only_worker_templates keeps the list complete. The glossary test
# (navigator/tests/test_glossary.py) selects the same entries.
WORKER_FILES = (
    "learning/rights.py",
    "learning/views/rights.py",
    "templates/learning/rights.html",
    "templates/learning/rights_easy.html",
    "templates/learning/rights_leaflet_pdf.html",
    "templates/learning/_contacts.html",
    "templates/learning/municipality_section.html",
)
WORKER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code not in ("de", "en")]
# Strings that are genuinely the same in every language (numbers, paragraphs of law, names).
# Keep it short: anything else that equals its English source is an untranslated string.
SAME_EVERYWHERE: set[str] = set()


def is_worker_source(path: str) -> bool:
    """Occurrences are relative to the app ("rights.py", "templates/learning/…")."""
    return ("learning/" + path).endswith(WORKER_FILES) or path.endswith(WORKER_FILES)


def rights_url(language: str, slug: str = "musterstadt", name: str = "learning:rights") -> str:
    with translation.override(language):
        return reverse(name, kwargs={"slug": slug})


def worker_entries(language: str):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    for entry in po:
        if not entry.obsolete and any(is_worker_source(path) for path, _ in entry.occurrences):
            yield entry


def translations(entry) -> list[str]:
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


@pytest.mark.parametrize("language", WORKER_LANGUAGES + ["de"])
def test_every_rights_string_is_translated_and_not_an_english_copy(language):
    entries = list(worker_entries(language))
    # Guards the selection itself: without source references (--no-location) it would be empty.
    assert len(entries) > 55
    problems = []
    for entry in entries:
        for text in translations(entry):
            if not text.strip():
                problems.append(f"empty: {entry.msgid!r}")
            elif text.strip() == entry.msgid.strip() and entry.msgid not in SAME_EVERYWHERE:
                problems.append(f"English copy: {entry.msgid!r}")
            for placeholder in re.findall(r"%\(\w+\)s", entry.msgid):
                if placeholder not in text:
                    problems.append(f"{placeholder} missing: {entry.msgid!r}")
        if language != "de" and "machine translation, needs review" not in entry.tcomment:
            problems.append(f"not marked for review: {entry.msgid!r}")
    assert not problems, f"{language}:\n" + "\n".join(problems)


def test_worker_pages_render_only_worker_templates(client, db):
    """Every template of the app that a worker page renders is in WORKER_FILES, so its strings
    are held to the worker-language rules above."""
    urls = [
        rights_url("ro"),
        rights_url("de", name="learning:rights_easy"),
        reverse("core:municipality", kwargs={"slug": "musterstadt"}),
    ]
    used = set()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        used |= {t.name for t in response.templates if t.name and t.name.startswith("learning/")}
    used.add("learning/rights_leaflet_pdf.html")  # the leaflet, typeset from the same context
    assert "learning/rights.html" in used
    for name in used:
        assert ("templates/" + name).endswith(WORKER_FILES), name


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_rights_page_in_every_language(client, db, language):
    response = client.get(rights_url(language))
    assert response.status_code == 200
    body = response.content.decode()
    assert f'lang="{language}"' in body
    assert ('dir="rtl"' in body) == (language == "ar")
    sections = rights.sections()
    assert len(sections) == 11
    for section in sections:
        assert f'id="{section.key}"' in body
    if language != "en":
        for english in ("Free advice", "Know your rights", "Minimum wage", "Record your hours"):
            assert english not in body, f"{language}: {english!r} left in English"


def test_every_section_ends_with_counselling_and_the_calendar(client, db, world):
    body = client.get(rights_url("ro")).content.decode()
    for section in rights.sections():
        start = body.index(f'id="{section.key}"')
        end = body.index("</section>", start)
        part = body[start:end]
        assert world.counselling.name in part
        assert "/ro/worktime/?m=musterstadt" in part


def test_without_local_counselling_the_fallback_is_nationwide_and_non_state(client, db, world):
    empty = Municipality.objects.create(
        state=world.musterstadt.state, name="Leerstadt", slug="leerstadt", ags="07999098"
    )
    body = client.get(rights_url("bg", empty.slug)).content.decode()
    assert "Faire Mobilität" in body and "Faire Integration" in body
    for public_body in (
        "Jobcenter",
        "Ausländerbehörde",
        "Polizei",
        "Rathaus",
        "Agentur für Arbeit",
    ):
        assert public_body not in body


def test_figures_come_from_the_work_time_calendars_data(client, db, monkeypatch, tmp_path):
    """One source: change the calendar's data file and both the calendar and the page follow."""
    # The file the browser calendar downloads is the very file the server rules read.
    assert Path(finders.find("worktime/minimum_wage.json")) == wages.DATA_FILE
    data = json.loads(wages.DATA_FILE.read_text(encoding="utf-8"))
    this_year = dt.date.today().year
    data["rates"].append({"from": f"{this_year}-01-01", "cents": 2345})
    data["rates"] = [r for r in data["rates"] if r["from"] <= f"{this_year}-01-01"]
    changed = tmp_path / "minimum_wage.json"
    changed.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(wages, "DATA_FILE", changed)
    wages.rates.cache_clear()
    try:
        shift = {
            "id": "a",
            "date": f"{this_year}-03-02",
            "start": "08:00",
            "end": "09:00",
            "break_minutes": 0,
        }
        report = wages.compute_report({"days": [shift], "payments": [], "deductions": []})
        assert report["totals"]["due_cents"] == 2345
        body = client.get(rights_url("de")).content.decode()
        assert "23,45 Euro" in body
        easy = client.get(rights_url("de", name="learning:rights_easy")).content.decode()
        assert "23,45 Euro" in easy
    finally:
        wages.rates.cache_clear()


def test_deadline_comes_from_the_calendars_limitation_rule(client, db, monkeypatch):
    """The date on the page is computed by the work-time calendar's rule, not written twice."""
    last_year = dt.date.today().year - 1
    body = client.get(rights_url("de")).content.decode()
    assert f"31.12.{last_year + 3}" in body
    monkeypatch.setattr(wages, "LIMITATION_YEARS", 4)
    body = client.get(rights_url("de")).content.decode()
    assert f"31.12.{last_year + 4}" in body and f"31.12.{last_year + 3}" not in body


def test_deadline_follows_the_date():
    assert rights.deadline_facts(dt.date(2026, 11, 30)) == {"year": 2025, "limit": "31.12.2028"}
    facts = rights.wage_facts(dt.date(2026, 6, 1))
    assert facts["cents"] == dict(wages.rates())["2026-01-01"]


def test_leichte_sprache_is_german_and_other_languages_lead_there(client, db):
    response = client.get(rights_url("ar", name="learning:rights_easy"))
    assert response.status_code == 302
    assert response["Location"] == rights_url("de", name="learning:rights_easy")
    body = client.get(rights_url("de", name="learning:rights_easy")).content.decode()
    assert "Leichter Sprache" in body and "Was ist diese Seite?" in body


@pytest.mark.parametrize("language", ["de", "ar", "vi"])
def test_leaflet_is_a_one_page_pdf_per_language(client, db, language):
    response = client.get(rights_url(language, name="learning:rights_leaflet"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert page_count(response.content) == 1


def test_service_worker_caches_the_page_and_its_assets(client, db):
    response = client.get(rights_url("ro", name="learning:rights_sw"))
    assert response["Content-Type"] == "application/javascript"
    body = response.content.decode()
    assert rights_url("ro") in body and "learning/learning.css" in body


def test_unknown_municipality_is_404(client, db):
    assert client.get(rights_url("de", "nirgendwo")).status_code == 404


def test_a_counselling_actor_marked_as_public_body_is_left_out(client, db, world):
    actor_type = world.counselling.actor_type
    actor_type.public_body = True
    actor_type.save()
    body = client.get(rights_url("de")).content.decode()
    assert world.counselling.name not in body


def test_leaflet_is_typeset_once_until_something_changes(client, db, monkeypatch):
    from wegweiser.core import pdf as pdf_module

    calls = []
    real = pdf_module.render_pdf
    monkeypatch.setattr(pdf_module, "render_pdf", lambda *a, **k: calls.append(1) or real(*a, **k))
    url = rights_url("ro", name="learning:rights_leaflet")
    first = client.get(url).content
    assert client.get(url).content == first
    assert len(calls) == 1
