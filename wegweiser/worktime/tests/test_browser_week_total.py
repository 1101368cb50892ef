"""Issue 15: the days list shows a total for each week above its days."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from wegweiser.testing import check_accessibility


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ro", "ar"])
def test_days_list_shows_the_week_total(page, lang):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/{lang}/worktime/")
    page.wait_for_selector("html[data-ready='1']")
    page.fill("#d-date", "2026-11-02")
    page.fill("#d-start", "07:00")
    page.fill("#d-end", "17:30")
    page.fill("#d-break", "30")
    page.click("#day-form button[type=submit]")
    expect(page.locator("#day-list li .entry__actions")).to_have_count(1)
    page.click("#copy-last")
    page.click("#day-form button[type=submit]")
    expect(page.locator("#day-list li .entry__actions")).to_have_count(2)
    week = page.locator("#day-list .entry__week")
    expect(week).to_have_count(1)
    assert "45" in week.inner_text() and "20" in week.inner_text()
    check_accessibility(page, f"{lang} days with week total")
