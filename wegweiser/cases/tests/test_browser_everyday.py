"""Issue 15, the counsellor's everyday points in a real browser (axe-core on every page): a mistyped
second-factor code says how many tries are left; the file a worker sent with "send to my counsellor"
opens as a report, and its PDF button shows that it is working; "Zoll" finds the customs office
first; a shared link into another network's page explains itself."""

from __future__ import annotations

import json
import os

import pytest
from django.utils.translation import ngettext, override
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from wegweiser.guidebook.models import Organization
from wegweiser.testing import DEMO_PASSWORD, PERSONA_EMAILS, check_accessibility
from wegweiser.worktime.tests.cases import export, week

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("WEGWEISER_SHOTS", "")


def visit(page, url: str, label: str) -> None:
    page.goto(url)
    check_accessibility(page, label)


def test_counsellor_everyday(page, tmp_path):
    email = PERSONA_EMAILS["counsellor"]
    page.goto("/de/accounts/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/2fa/**")
    # A mistyped code: how many tries are left, not "too many wrong codes".
    page.fill("#id_token", "000000")
    page.click("main button[type=submit]")
    with override("de"):
        left = ngettext(
            "This code is not valid. %(left)s try left before you must sign in again.",
            "This code is not valid. %(left)s tries left before you must sign in again.",
            4,
        ) % {"left": 4}
    expect(page.locator("main")).to_contain_text(left)
    check_accessibility(page, "2FA with a wrong code")
    # The next try is possible after a short delay (django-otp's throttle); the test skips it.
    device = TOTPDevice.objects.get(user__email=email, confirmed=True)
    device.throttle_reset(commit=True)
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    page.fill("#id_token", f"{code:06d}")
    page.click("main button[type=submit]")
    page.wait_for_url("**/dashboard/")
    check_accessibility(page, "counsellor dashboard")

    # The worker's file ("send to my counsellor") opens as a report; nothing is stored.
    visit(page, "/de/worktime/review/", "review form")
    upload = tmp_path / "worktime-from-the-worker.json"
    upload.write_text(json.dumps(export(days=week("2026-11-02", 3))))
    page.set_input_files("#id_file", str(upload))
    page.click("button[value=html]")
    expect(page.locator("#report-heading")).to_be_visible()
    check_accessibility(page, "review report")
    # Its PDF button shows that it is working while the server typesets (the page stays).
    page.set_input_files("#id_file", str(upload))
    page.evaluate('() => window.addEventListener("submit", (event) => event.preventDefault())')
    pdf = page.locator("button[value=pdf]")
    pdf.click()
    expect(pdf).to_have_attribute("aria-busy", "true")
    expect(page.locator("button[value=html]")).not_to_have_attribute("aria-busy", "true")
    check_accessibility(page, "review PDF being prepared")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/counsellor-review-busy.png")

    # Looking up whom to call: "Zoll" lists the customs office first, with the reason.
    visit(page, "/de/m/musterstadt/guidebook/search/?q=Zoll", "guidebook search Zoll")
    customs = Organization.objects.get(actor_type__key="customs_fks").name
    first = page.locator(".gb-results > li").first
    expect(first).to_contain_text(customs)

    # A colleague's shared link into another network: why it is not shown, without whether.
    response = page.goto("/de/m/beispielstadt/network/meetings/")
    assert response.status == 404
    expect(page.locator("main")).to_contain_text("gehört zu einem Netzwerk, in dem Sie")
    check_accessibility(page, "another network's page")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/counsellor-other-network.png")
