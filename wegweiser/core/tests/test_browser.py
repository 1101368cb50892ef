"""Browser journeys of the foundation: start page, municipality page, languages, login, dashboard."""

import re

import pytest

from wegweiser.testing import PERSONA_EMAILS, browser_login, check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_start_page_languages_and_municipality(page):
    page.goto("/de/")
    assert page.locator("html").get_attribute("lang") == "de"
    check_accessibility(page, "start page (de)")
    page.click(".language-switcher summary")
    check_accessibility(page, "language list open")
    page.click(".language-switcher a[hreflang=en]")
    page.wait_for_url(re.compile(r"/en/$"))
    assert page.locator("h1").inner_text() == "Together against labour exploitation"
    check_accessibility(page, "start page (en)")
    page.click("text=Musterstadt")
    page.wait_for_url(re.compile(r"/en/m/musterstadt/$"))
    check_accessibility(page, "municipality page (en)")


def test_arabic_is_right_to_left_on_a_phone(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    check_accessibility(page, "start page (ar, phone)")
    page.goto("/ar/m/musterstadt/")
    check_accessibility(page, "municipality page (ar, phone)")
    # Nothing may overflow the phone's width.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390


def test_coordinator_logs_in_with_two_factors_and_out(page):
    page.goto("/de/accounts/login/")
    check_accessibility(page, "login")
    browser_login(page, PERSONA_EMAILS["coordinator"])
    page.wait_for_url(re.compile(r"/de/dashboard/$"))
    assert "Miriam Koordinatorin" in page.locator("h1").inner_text()
    check_accessibility(page, "dashboard (coordinator)")
    page.set_viewport_size({"width": 390, "height": 844})
    check_accessibility(page, "dashboard (coordinator, phone)")
    page.click("form[action$='/logout/'] button")
    page.wait_for_url(re.compile(r"/accounts/logout/$"))
    check_accessibility(page, "logged out")
    page.goto("/de/dashboard/")
    assert "/accounts/login/" in page.url


def test_wrong_password_shows_an_accessible_error(page):
    page.goto("/de/accounts/login/")
    page.fill("#id_username", PERSONA_EMAILS["member"])
    page.fill("#id_password", "falsch")
    page.click("main button[type=submit]")
    assert page.locator(".kern-alert--danger").is_visible()
    check_accessibility(page, "login error")


def test_legal_pages_are_accessible(page):
    for path in ("/de/imprint/", "/de/privacy/", "/de/accessibility/", "/en/accessibility/"):
        page.goto(path)
        check_accessibility(page, path)


def test_the_accessibility_check_fails_on_a_violation(page):
    """The check every journey relies on can fail: an image without text and a page without a
    language are reported with the rule and the element."""
    page.set_content('<html><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">')
    with pytest.raises(AssertionError) as failure:
        check_accessibility(page, "broken page")
    message = str(failure.value)
    assert "image-alt" in message and "html-has-lang" in message
    assert "img" in message
