"""Issue 15 in a real browser: the coordinator edits and reorders the agenda and circulates the
minutes, the invited member comments on a section, the approved minutes print; axe-core on every
page, screenshots to $WEGWEISER_SHOTS when set."""

from __future__ import annotations

import os

import pytest

from wegweiser.testing import browser_login, check_accessibility

SHOTS = os.environ.get("WEGWEISER_SHOTS", "")


def visit(page, url, shot=""):
    response = page.goto(url)
    assert response.status < 400, url
    check_accessibility(page, url)
    snap(page, shot)


def snap(page, name):
    if SHOTS and name:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.mark.browser
def test_minutes_comments_agenda_and_print(page):
    from wegweiser.network.models import Meeting, MinutesComment

    meeting = (
        Meeting.objects.filter(network__municipality__slug="musterstadt", kind="round_table")
        .order_by("-starts_at")
        .first()
    )
    url = f"/en/m/musterstadt/network/meetings/{meeting.pk}/"
    browser_login(page, "koordination@musterstadt.example.org")
    visit(page, url, "coordinator-meeting")
    # Move the second agenda item up, then edit it.
    second = list(meeting.agenda_items.order_by("order"))[1]
    page.get_by_role("button", name="Move item 2 up").click()
    page.wait_for_load_state("load")
    assert list(meeting.agenda_items.order_by("order"))[0].pk == second.pk
    page.get_by_role("link", name="Edit item 1").click()
    page.wait_for_url("**/agenda/**")
    check_accessibility(page, "agenda form")
    page.fill("#id_title", "Begrüßung und Vorstellungsrunde")
    page.click("main button[type=submit]")
    page.wait_for_url(f"**{url}#agenda")
    assert page.get_by_text("Begrüßung und Vorstellungsrunde").first.is_visible()
    # Minutes: write, circulate.
    visit(page, f"{url}minutes/")
    page.fill("#id_text", "1. Begrüßung\nAlle sind da.\n\n2. Berichte\nZwei Fälle.")
    page.click("main button[type=submit]")
    page.get_by_role("button", name="Circulate for comments").click()
    page.wait_for_load_state("load")
    check_accessibility(page, "circulated minutes")
    # Round-table form without case fields, warning on a past start.
    visit(page, "/en/m/musterstadt/network/meetings/new/", "meeting-form")
    assert page.locator("#id_case_code").count() == 0

    # The invited member comments on section 2 (on a phone).
    page.context.clear_cookies()
    page.set_viewport_size({"width": 390, "height": 844})
    browser_login(page, "jobcenter@musterstadt.example.org")
    visit(page, url + "#minutes")
    page.get_by_text("Comment on section 2", exact=True).click()
    page.fill("#comment-2", "Es waren drei Fälle, nicht zwei.")
    page.get_by_role("button", name="Send comment").first.click()
    page.wait_for_load_state("load")
    check_accessibility(page, "after comment")
    snap(page, "member-comment-phone")
    assert MinutesComment.objects.filter(section=2).exists()
    assert page.get_by_text("Es waren drei Fälle, nicht zwei.").is_visible()

    # The coordinator approves; comments close, print view and PDF button appear.
    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    # The same authenticator code cannot be used twice: let this second login use the current one.
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user__email="koordination@musterstadt.example.org").update(
        last_t=-1, throttling_failure_count=0, throttling_failure_timestamp=None
    )
    browser_login(page, "koordination@musterstadt.example.org")
    visit(page, url + "#minutes")
    page.get_by_role("button", name="Approve the minutes").click()
    page.wait_for_load_state("load")
    assert page.get_by_text("Comment on section 2", exact=True).count() == 0
    pdf_link = page.get_by_role("link", name="Minutes as PDF")
    assert pdf_link.get_attribute("data-busy")
    page.get_by_role("link", name="Print view").click()
    page.wait_for_url("**/minutes/print/")
    check_accessibility(page, "minutes print view")
    snap(page, "minutes-print")
    assert page.get_by_text("Zwei Fälle.").is_visible()
    visit(page, "/de/dashboard/", "coordinator-dashboard-de")
    assert page.get_by_text("überfällig").first.is_visible()
