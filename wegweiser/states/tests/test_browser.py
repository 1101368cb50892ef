"""The roll-out journey in a real browser, axe-core on every page: the state coordinator of
Rheinland-Pfalz sees every demo municipality on the dashboard and the map, starts Mainz by its key
and invites its coordinator, who accepts and publishes a guidebook entry drafted from the template."""

import re

import pytest
from django.core import mail
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from wegweiser.core.models import Municipality
from wegweiser.testing import AXE_PATH, browser_login, check_accessibility

NEW_COORDINATOR = "integration@mainz.example.org"


def visit(page, url):
    response = page.goto(url)
    assert response.status < 400, url
    check_accessibility(page)


@pytest.mark.browser
def test_state_coordinator_rolls_out_a_municipality(page):
    browser_login(page, "land@rlp.example.org")
    visit(page, "/de/dashboard/")
    page.click("text=Abdeckung in Rheinland-Pfalz")
    check_accessibility(page)
    table = page.locator("main table").first
    for name in ("Musterstadt", "Beispielstadt"):
        assert table.get_by_text(name).count() >= 1
        assert page.locator(f"svg.state-map title:text-is('{name}')").count() == 1
    visit(page, "/en/state/rheinland-pfalz/coverage/")
    visit(page, "/de/state/rheinland-pfalz/actors/")
    visit(page, "/de/state/rheinland-pfalz/search/?language=bg&need=wages_unpaid")
    assert page.locator("#results-heading").is_visible()

    visit(page, "/de/state/rheinland-pfalz/rollout/")
    page.fill("#id_ags", "07315000")
    page.fill("#id_coordinator_email", NEW_COORDINATOR)
    page.click("main button[type=submit]")
    assert page.url.endswith("/de/state/rheinland-pfalz/coverage/")
    check_accessibility(page)
    table = page.locator("main table").first
    assert table.get_by_role("link", name="Mainz", exact=True).count() == 1
    mainz = Municipality.objects.get(ags="07315000")
    link = re.search(r"https?://\S+(/network/invitation/\S+/)", mail.outbox[-1].body).group(1)

    # The new coordinator accepts in her own browser and publishes a drafted entry.
    context = page.context.browser.new_context(base_url=page.live_server_url)
    context.add_init_script(path=str(AXE_PATH))
    coordinator = context.new_page()
    visit(coordinator, "/de" + link)
    coordinator.fill("#id_name", "Ina Integration")
    coordinator.fill("#id_password1", "sichere-lange-passphrase")
    coordinator.fill("#id_password2", "sichere-lange-passphrase")
    coordinator.click("main button[type=submit]")
    check_accessibility(coordinator)
    # Coordinators need a second factor: she sets up her authenticator on first use.
    visit(coordinator, f"/de/m/{mainz.slug}/guidebook/review/")
    if "/2fa/" in coordinator.url:
        device = TOTPDevice.objects.get(user__email=NEW_COORDINATOR)
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
        coordinator.fill("#id_token", f"{code:06d}")
        coordinator.click("main button[type=submit]")
        visit(coordinator, f"/de/m/{mainz.slug}/guidebook/review/")
    draft = mainz.organizations.order_by("actor_type__order").first()
    coordinator.get_by_role("link", name=draft.name, exact=True).first.click()
    check_accessibility(coordinator)
    coordinator.click("main button[type=submit]")
    check_accessibility(coordinator)
    draft.refresh_from_db()
    assert draft.status == "published"
    visit(coordinator, f"/de/m/{mainz.slug}/guidebook/")
    assert coordinator.get_by_text(draft.name).count() >= 1
    context.close()

    visit(page, "/de/state/rheinland-pfalz/")
    assert page.locator("main").get_by_text("Mainz", exact=True).count() >= 1
