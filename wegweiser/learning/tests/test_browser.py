"""Browser journeys: a member takes a course; a worker reads her rights on a phone, also offline."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from wegweiser.learning import selectors
from wegweiser.testing import PERSONA_EMAILS, browser_login, check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_member_takes_a_course_to_the_certificate(page):
    from wegweiser.core.models import Municipality

    course = selectors.get_course(
        Municipality.objects.get(slug="musterstadt"), "referring-safely", "de"
    )
    browser_login(page, PERSONA_EMAILS["counsellor"])
    page.goto("/de/m/musterstadt/learning/")
    check_accessibility(page, "course list")
    page.click("h2 a:has-text('Sicher weitervermitteln')")
    check_accessibility(page, "course overview")
    page.click("main a.kern-btn--primary")  # "Kurs öffnen": the demo counsellor has begun
    for unit in course.units:
        expect(page.locator("h1")).to_have_text(unit.title)
        check_accessibility(page, f"unit {unit.key}")
        if unit.kind != "quiz":
            page.click("main form button[type=submit]")
            continue
        # First try: nothing ticked → a clear message, nothing stored.
        page.click("main form button[type=submit]")
        expect(page.locator(".kern-alert--danger")).to_be_visible()
        check_accessibility(page, "quiz with error")
        first = unit.questions[0]
        wrong = next(a for a in first.answers if not a.correct)
        page.check(f"#{first.key}-{wrong.key}")
        for question in unit.questions[1:]:
            right = next(a for a in question.answers if a.correct)
            page.check(f"#{question.key}-{right.key}")
        page.click("main form button[type=submit]")
        expect(page.locator(".learning-feedback")).to_contain_text(wrong.feedback)
        check_accessibility(page, "quiz feedback")
        # 2 of 3 is below the pass mark of 70 %: answer again, all correct.
        page.click("text=Noch einmal beantworten")
        for question in unit.questions:
            right = next(a for a in question.answers if a.correct)
            page.check(f"#{question.key}-{right.key}")
        page.click("main form button[type=submit]")
        expect(page.locator("main")).to_contain_text("Sie haben diesen Kurs am")
    page.click("text=Zurück zum Kurs")
    expect(page.locator(".kern-alert--success")).to_contain_text("Ergebnis 100 %")
    with page.expect_download() as download:
        page.click("text=Bescheinigung herunterladen (PDF)")
    assert download.value.suggested_filename == "certificate-referring-safely.pdf"


def test_coordinator_sees_figures_and_the_workshop_kit(page):
    browser_login(page, PERSONA_EMAILS["coordinator"])
    page.goto("/de/m/musterstadt/learning/")
    page.click("text=Abschlusszahlen je Organisation")
    expect(page.locator("table")).to_contain_text("Jobcenter Musterstadt")
    check_accessibility(page, "figures")
    page.goto("/de/m/musterstadt/learning/workshop/")
    expect(page.locator("main")).to_contain_text("Folien (16:9)")
    check_accessibility(page, "workshop kit")


@pytest.mark.parametrize("language", ["ar", "ro"])
def test_rights_on_a_phone_accessible_and_offline_after_one_visit(page, language):
    page.set_viewport_size(PHONE)
    page.goto(f"/{language}/m/musterstadt/rights/")
    assert page.get_attribute("html", "lang") == language
    assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
    check_accessibility(page, f"rights {language}")
    expect(page.locator("#offline-note")).to_be_visible()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=10000)
    heading = page.inner_text("#minimum-wage-heading")
    page.context.set_offline(True)
    page.reload()
    expect(page.locator("#minimum-wage-heading")).to_have_text(heading)
    expect(page.locator("#counselling")).to_be_visible()
    check_accessibility(page, f"rights {language} offline")
    page.context.set_offline(False)


def test_leichte_sprache_page_is_accessible(page):
    page.set_viewport_size(PHONE)
    page.goto("/de/m/musterstadt/rights/easy/")
    expect(page.locator("h1")).to_have_text("Ihre Rechte bei der Arbeit")
    check_accessibility(page, "Leichte Sprache")
