"""Issue 15: the help page with the municipality's counselling contacts stays readable offline after
one visit, through the shared service worker of wegweiser.core.offline (as the rights pages)."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from wegweiser.core.offline import OFFLINE_HEADER
from wegweiser.testing import check_accessibility

PHONE = {"width": 390, "height": 844}
SHOTS = os.environ.get("WEGWEISER_SHOTS", "")


def test_service_worker_lists_the_help_page_and_its_assets(client, db):
    response = client.get("/ro/m/musterstadt/help/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/javascript"
    assert response["Cache-Control"] == "no-cache"
    body = response.content.decode()
    assert '["/ro/m/musterstadt/help/"]' in body
    assert "navigator/navigator.css" in body and "wegweiser/js/offline.js" in body
    # Its cache is named after language and town: another town's saved page stays.
    assert '"help-ro-musterstadt-' in body


def test_unknown_municipality_has_no_service_worker(client, db):
    assert client.get("/ro/m/nirgendwo/help/sw.js").status_code == 404


def test_only_an_anonymous_copy_may_be_kept(client_as):
    anonymous = client_as("anonymous").get("/ro/m/musterstadt/help/")
    assert anonymous[OFFLINE_HEADER] == "public"
    assert 'data-offline-sw="/ro/m/musterstadt/help/sw.js"' in anonymous.content.decode()
    member = client_as("member").get("/ro/m/musterstadt/help/")
    assert member.status_code == 200 and OFFLINE_HEADER not in member


@pytest.mark.browser
@pytest.mark.parametrize("language", ["ro", "ar"])
def test_help_page_offline_after_one_visit(page, language):
    page.set_viewport_size(PHONE)
    page.goto(f"/{language}/m/musterstadt/help/")
    expect(page.locator("#offline-note")).to_be_visible()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=10000)
    first = page.locator(".help-service h3").first.inner_text()
    call = page.locator(".help-service a[href^='tel:']").first.get_attribute("href")

    page.context.set_offline(True)
    page.reload()
    expect(page.locator(".help-service h3").first).to_have_text(first)
    expect(page.locator(".help-service a[href^='tel:']").first).to_have_attribute("href", call)
    assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
    check_accessibility(page, f"help page {language} offline")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/help-offline-{language}.png")
    # A link with questions ticked still shows the saved contacts.
    page.goto(f"/{language}/m/musterstadt/help/?needs=wages_unpaid")
    expect(page.locator(".help-service a[href^='tel:']").first).to_have_attribute("href", call)
    page.context.set_offline(False)
