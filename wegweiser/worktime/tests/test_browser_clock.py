"""Issue 15: the first work-time day in at most five actions (one-tap "start now" / "stop now",
like Record My Hours' clock-in), a visible confirmation after export, and "send to my counsellor"
through the system share sheet with the file where the phone offers it, a saved file elsewhere.

Phone size (390×844), Romanian and Arabic (RTL), axe-core on every state.
"""

from __future__ import annotations

import json
import os
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from wegweiser.testing import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
SHOTS = os.environ.get("WEGWEISER_SHOTS", "")


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=False)


@pytest.mark.parametrize("lang", ["ro", "ar"])
def test_first_day_in_at_most_five_actions(page, lang, tmp_path):
    page.set_viewport_size(PHONE)
    workday = (date.today() - timedelta(days=1)).isoformat()
    # Local times in the browser (no "Z"): the clock starts at 07:00 of yesterday.
    page.clock.set_fixed_time(f"{workday}T07:00:00")
    page.goto(f"/{lang}/worktime/")
    page.wait_for_selector("html[data-ready='1']")
    start = page.locator("#start-now")
    box = start.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"], "start button below the fold"

    actions = 0
    start.click()
    actions += 1
    expect(page.locator("#clock-state")).to_contain_text("07:00")
    expect(page.locator("#stop-now")).to_be_visible()
    check_accessibility(page, f"{lang} running shift")
    shot(page, f"worktime-running-{lang}")

    # The phone is put away: the start survives closing the calendar.
    page.clock.set_fixed_time(f"{workday}T15:30:00")
    page.reload()
    page.wait_for_selector("html[data-ready='1']")
    expect(page.locator("#clock-state")).to_contain_text("07:00")
    page.click("#stop-now")
    actions += 1
    assert page.input_value("#d-start") == "07:00"
    assert page.input_value("#d-end") == "15:30"
    assert page.input_value("#d-date") == workday
    assert page.evaluate("() => document.activeElement.id") == "d-break"
    shot(page, f"worktime-stopped-{lang}")
    page.fill("#d-break", "30")
    actions += 1
    page.click("#day-form button[type=submit]")
    actions += 1
    expect(page.locator("#day-list li .entry__actions")).to_have_count(1)
    assert actions <= 5, f"the first day took {actions} actions"
    assert "8:00" in page.inner_text("#day-list")
    # The shift is recorded: the clock is ready for the next one.
    expect(page.locator("#start-now")).to_be_visible()
    expect(page.locator("#stop-now")).to_be_hidden()
    check_accessibility(page, f"{lang} first day recorded")

    # After a reload nothing is running any more and the day stays.
    page.reload()
    page.wait_for_selector("html[data-ready='1']")
    expect(page.locator("#day-list li .entry__actions")).to_have_count(1)
    expect(page.locator("#stop-now")).to_be_hidden()

    # Export: a visible confirmation next to the button, with the file's name.
    page.click("a[data-tab=data]")
    with page.expect_download() as download_info:
        page.click("#export")
    name = download_info.value.suggested_filename
    result = page.locator("#export-result")
    expect(result).to_be_visible()
    expect(result).to_contain_text(name)
    exported = tmp_path / "export.json"
    download_info.value.save_as(exported)
    assert len(json.loads(exported.read_text())["days"]) == 1
    check_accessibility(page, f"{lang} export confirmed")
    shot(page, f"worktime-exported-{lang}")


@pytest.mark.parametrize("lang", ["ro", "ar"])
def test_send_to_my_counsellor(page, lang):
    page.set_viewport_size(PHONE)
    page.goto(f"/{lang}/worktime/")
    page.wait_for_selector("html[data-ready='1']")
    page.fill("#d-start", "07:00")
    page.fill("#d-end", "12:00")
    page.click("#day-form button[type=submit]")
    expect(page.locator("#day-list li .entry__actions")).to_have_count(1)
    page.click("a[data-tab=data]")

    # A phone that offers sharing files: the file goes to the system share sheet.
    page.evaluate(
        """() => {
          navigator.canShare = (data) => !!(data.files && data.files.length);
          navigator.share = (data) => {
            window.sharedFile = {name: data.files[0].name, type: data.files[0].type};
            return data.files[0].text().then((text) => { window.sharedDays = JSON.parse(text).days.length; });
          };
        }"""
    )
    page.click("#share")
    page.wait_for_function("() => window.sharedDays === 1")
    shared = page.evaluate("() => window.sharedFile")
    assert shared["name"].startswith("worktime-") and shared["type"] == "application/json"
    expect(page.locator("#export-result")).not_to_be_empty()

    # The worker closes the share sheet: nothing is downloaded, nothing claimed.
    page.evaluate(
        """() => { document.getElementById('export-result').textContent = '';
          navigator.share = () => { window.closedSheet = true;
            return Promise.reject(new DOMException('closed', 'AbortError')); }; }"""
    )
    page.click("#share")
    page.wait_for_function("() => window.closedSheet === true")
    page.evaluate("() => new Promise((resolve) => setTimeout(resolve, 0))")
    expect(page.locator("#export-result")).to_be_empty()

    # A phone without file sharing: the file is saved and the worker is told how to send it.
    page.evaluate("() => { navigator.canShare = () => false; }")
    with page.expect_download() as download_info:
        page.click("#share")
    assert download_info.value.suggested_filename.startswith("worktime-")
    result = page.locator("#export-result")
    expect(result).to_be_visible()
    expect(result).to_contain_text(download_info.value.suggested_filename)
    check_accessibility(page, f"{lang} send to my counsellor (fallback)")
    shot(page, f"worktime-share-fallback-{lang}")
