"""The roll-out journey in a real browser, axe-core on every page: the state coordinator of
Rheinland-Pfalz sees every demo municipality on the dashboard and the map, keeps the state guidebook
(a state-wide actor, the template of municipal entries), starts Mainz by its key and invites its
coordinator, who accepts and publishes a guidebook entry drafted from the adapted template; Mainz's
guidebook shows the state-wide actors as such."""

import pytest
from django.core import mail
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from wegweiser.core.models import Municipality
from wegweiser.testing import (
    accept_invitation_in_own_browser,
    browser_login,
    check_accessibility,
    visit,
)

NEW_COORDINATOR = "integration@mainz.example.org"
TEMPLATE_TEXT = "Geänderte Aussage aus der Landesvorlage Rheinland-Pfalz."


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
    page.get_by_role("link", name="Landeskriminalamt Rheinland-Pfalz", exact=True).click()
    check_accessibility(page)
    assert page.locator("#mandate li").count() > 3

    # The template of municipal entries: adapt the job centre's, change one statement.
    visit(page, "/de/state/rheinland-pfalz/template/")
    page.get_by_role("link", name="Jobcenter", exact=True).click()
    check_accessibility(page)
    page.get_by_role("button", name="Für Rheinland-Pfalz anpassen").click()
    check_accessibility(page)
    page.locator("#mandate li a").first.click()
    check_accessibility(page)
    page.fill("#id_text", TEMPLATE_TEXT)
    page.click("main form button[type=submit]")
    check_accessibility(page)
    assert page.locator("#mandate").get_by_text(TEMPLATE_TEXT, exact=True).count() == 1
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

    # The new coordinator accepts in her own browser and publishes a drafted entry.
    coordinator = accept_invitation_in_own_browser(page, mail.outbox[-1].body, "Ina Integration")
    check_accessibility(coordinator)
    # Coordinators need a second factor: she sets up her authenticator on first use.
    visit(coordinator, f"/de/m/{mainz.slug}/guidebook/review/")
    if "/2fa/" in coordinator.url:
        device = TOTPDevice.objects.get(user__email=NEW_COORDINATOR)
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
        coordinator.fill("#id_token", f"{code:06d}")
        coordinator.click("main button[type=submit]")
        visit(coordinator, f"/de/m/{mainz.slug}/guidebook/review/")
    draft = mainz.organizations.get(actor_type__key="jobcenter")
    coordinator.get_by_role("link", name=draft.name, exact=True).first.click()
    check_accessibility(coordinator)
    coordinator.click("main button[type=submit]")
    check_accessibility(coordinator)
    draft.refresh_from_db()
    assert draft.status == "published"
    visit(coordinator, f"/de/m/{mainz.slug}/guidebook/")
    assert coordinator.get_by_text(draft.name).count() >= 1
    # The state-wide actors are part of Mainz's guidebook from the start, labelled as such.
    lka = coordinator.locator("main article", has_text="Landeskriminalamt Rheinland-Pfalz")
    assert lka.get_by_text("landesweit").count() == 1
    coordinator.get_by_role("link", name=draft.name, exact=True).first.click()
    check_accessibility(coordinator)
    assert coordinator.get_by_text(TEMPLATE_TEXT).count() >= 1
    coordinator.context.close()

    visit(page, "/de/state/rheinland-pfalz/")
    assert page.locator("main").get_by_text("Mainz", exact=True).count() >= 1
