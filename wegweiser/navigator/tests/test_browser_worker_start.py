"""Issue 15: from the start page to a tel: link of a service that speaks the visitor's language in
at most two taps on a phone (390×844), without scrolling; axe-core on every page."""

from __future__ import annotations

import os

import pytest

from wegweiser.testing import check_accessibility

SHOTS = os.environ.get("WEGWEISER_SHOTS", "")
PHONE = {"width": 390, "height": 844}


@pytest.mark.browser
@pytest.mark.parametrize("language", ["ro", "ar"])
def test_two_taps_from_start_page_to_a_call(page, language):
    page.set_viewport_size(PHONE)
    page.goto(f"/{language}/")
    check_accessibility(page, f"start page {language}")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/start-{language}.png")
    taps = 0
    town = page.locator(".worker-start__towns a", has_text="Musterstadt")
    box = town.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"], "town button below the fold"
    town.click()
    taps += 1
    page.wait_for_url(f"**/{language}/m/*/help/")
    check_accessibility(page, f"help page {language}")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/help-{language}.png")
    call = page.locator(".help-service a[href^='tel:']").first
    box = call.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"], "call button below the fold"
    # The first service speaks the visitor's language (when one does).
    first = page.locator(".help-service").first
    assert first.locator(".kern-badge--success").count() == 1
    taps += 1  # the tap on the tel: link starts the call
    assert taps <= 2
    # Record my hours is on the start page too.
    page.goto(f"/{language}/")
    hours = page.locator(".worker-start a[href*='/worktime/']")
    assert hours.count() == 1 and hours.bounding_box()["y"] < PHONE["height"]


@pytest.mark.browser
def test_municipality_page_puts_calls_first_for_workers(page):
    page.set_viewport_size(PHONE)
    page.goto("/ro/m/musterstadt/")
    check_accessibility(page, "municipality page ro")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/municipality-ro.png")
    call = page.locator("#help-now a[href^='tel:']").first
    box = call.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"], "call button below the fold"
    assert "Română" in page.locator("#help-now li").first.inner_text()
