"""Browser journeys of the navigator (Playwright + Chromium, axe-core on every page state)."""

from __future__ import annotations

import pytest

from wegweiser.testing import browser_login, check_accessibility

pytestmark = pytest.mark.browser


def test_professional_mode_three_situations_and_pdf(page):
    page.goto("/de/m/musterstadt/")
    check_accessibility(page, "municipality page")
    page.click("text=Navigator öffnen")
    check_accessibility(page, "navigator form")
    for key in ("wages_unpaid", "documents_withheld", "housing_tied_to_job"):
        page.check(f"#need-{key}")
    page.click("main form button[type=submit]")
    assert "needs=wages_unpaid" in page.url
    check_accessibility(page, "navigator result")
    first = page.locator(".recommendation").first
    assert "Beratungsstelle Faire Arbeit" in first.inner_text()
    assert page.locator(".recommendation").count() >= 10
    assert "Ana Popescu" not in page.content()  # anonymous: institutional contacts only
    page.click("text=Laufzettel (Drucken oder PDF)")
    check_accessibility(page, "referral sheet")
    page.fill("#id_recipient", "Kollegin im Sozialamt")
    with page.expect_download() as download_info:
        page.click("main form button[type=submit]")
    download = download_info.value
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert download.suggested_filename.endswith(".pdf")


def test_member_sees_named_contact_persons(page):
    browser_login(page, "jobcenter@musterstadt.example.org")
    page.goto("/de/m/musterstadt/navigator/?needs=wages_unpaid")
    check_accessibility(page, "navigator result as member")
    assert "Ana Popescu" in page.content()


@pytest.mark.parametrize(
    ("lang", "direction", "heading"),
    [("ro", "ltr", "Obține ajutor"), ("ar", "rtl", "احصل على المساعدة")],
)
def test_simple_mode_on_a_phone(page, lang, direction, heading):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/{lang}/m/musterstadt/")
    check_accessibility(page, f"municipality page {lang}")
    # first tap: the help link on the municipality page
    page.click(".help-card a.kern-btn")
    assert page.url.endswith(f"/{lang}/m/musterstadt/help/")
    assert page.get_attribute("html", "dir") == direction
    assert page.get_attribute("html", "lang") == lang
    assert heading in page.locator("h1").inner_text()
    check_accessibility(page, f"help {lang}")
    # second tap would be the call button: it is on the first page already
    call = page.locator(".help-service a[href^='tel:']").first
    assert call.is_visible()
    page.check("#need-wages_unpaid")
    page.check("#need-documents_withheld")
    page.click(".help-questions button[type=submit]")
    assert "needs=wages_unpaid" in page.url
    check_accessibility(page, f"help result {lang}")
    assert page.locator(".help-service").count() >= 2
    # no horizontal scrolling on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Nothing but the language switcher's CSRF token (and a chosen language) is kept.
    cookies = {cookie["name"] for cookie in page.context.cookies()}
    assert cookies <= {"csrftoken", "django_language"}


def test_indicator_check_leads_to_the_navigator(page):
    page.goto("/de/m/musterstadt/indicators/")
    check_accessibility(page, "indicator form")
    for key in (
        "deceived_nature_of_job",
        "deceived_wages",
        "excessive_working_days_hours",
        "low_or_no_salary",
        "confiscation_of_documents",
        "debt_bondage",
    ):
        page.check(f"#ind-{key}")
    page.click("main form button[type=submit]")
    check_accessibility(page, "indicator result")
    assert "Anhaltspunkte für möglichen Menschenhandel" in page.locator(".assessment").inner_text()
    page.click(".assessment a[href*='/navigator/?needs=']")
    assert page.locator("#need-documents_withheld").is_checked()
    check_accessibility(page, "navigator from indicators")
