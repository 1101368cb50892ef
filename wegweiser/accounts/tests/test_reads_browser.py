"""The coordinator finds who read Musterstadt's internal data, in a real browser with axe-core."""

import pytest

from wegweiser.testing import browser_login, check_accessibility


@pytest.mark.browser
def test_coordinator_sees_the_read_of_a_member(page):
    browser_login(page, "jobcenter@musterstadt.example.org")
    page.goto("/de/m/musterstadt/guidebook/?version=internal")
    page.context.clear_cookies()

    browser_login(page, "koordination@musterstadt.example.org")
    page.goto("/de/m/musterstadt/network/")
    page.click("text=Wer interne Daten gelesen hat")
    assert page.url.endswith("/de/m/musterstadt/reads/")
    check_accessibility(page)
    row = page.locator("tbody tr").filter(has_text="Jobcenter Musterstadt").first
    assert "interner Wegweiser" in row.inner_text()
    page.select_option("#id_kind", "contact")
    page.click("main form button[type=submit]")
    assert "kind=contact" in page.url
    check_accessibility(page)
    # Phone width: the table scrolls inside its own box.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/en/m/musterstadt/reads/")
    check_accessibility(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
