"""Browser journey: the member edits its entry, the coordinator approves, the public sees it.

axe-core (WCAG 2.1 A/AA) runs on every page state visited, at desktop and phone width.
"""

from __future__ import annotations

import pytest

from wegweiser.testing import browser_login, check_accessibility

NEW_PHONE = "+49 30 23125 998"


def _visit(page, path, label=""):
    page.goto(path)
    check_accessibility(page, label or path)


@pytest.mark.browser
def test_member_edit_coordinator_approval_public_page(page):
    from wegweiser.guidebook.models import Organization

    organization = Organization.objects.get(name="Jobcenter Musterstadt")
    counselling = Organization.objects.get(name="Fachberatungsstelle Arbeit und Würde")
    base = "/de/m/musterstadt/guidebook/"
    detail = f"{base}{organization.pk}/"

    # Member: internal version by default, edits its own entry.
    browser_login(page, "jobcenter@musterstadt.example.org")
    _visit(page, base, "overview (internal)")
    assert page.locator(".gb-internal").first.is_visible()
    assert "Ana Popescu" in page.content()
    _visit(page, f"{base}{counselling.pk}/", "detail (internal)")
    assert page.get_by_text("Ana Popescu").first.is_visible()
    _visit(page, f"{detail}edit/", "edit form")
    page.fill("#id_phone", "")
    page.fill("#id_email", "kein-mail")
    page.click("main form.gb-form button[type=submit]")
    check_accessibility(page, "edit form with errors")
    assert page.locator(".kern-error").first.is_visible()
    page.fill("#id_email", "kontakt@jobcenter.musterstadt.example.org")
    page.fill("#id_phone", NEW_PHONE)
    page.click("main form.gb-form button[type=submit]")
    page.wait_for_url(f"**{detail}")
    check_accessibility(page, "detail after member edit")
    assert "wartet auf Freigabe" in page.content()
    # Issue 15: the published version stays live while the change waits.
    organization.refresh_from_db()
    assert organization.status == "published" and organization.phone != NEW_PHONE
    _visit(page, f"{detail}contacts/", "contact persons")
    _visit(page, f"{detail}mandate/new/", "new mandate item")
    _visit(page, "/de/dashboard/", "member dashboard")

    # Coordinator: sees the change waiting, approves it from the dashboard in three clicks.
    page.context.clear_cookies()
    browser_login(page, "koordination@musterstadt.example.org")
    _visit(page, "/de/dashboard/", "coordinator dashboard")
    clicks = 0
    page.get_by_role("link", name="Freigaben und Aktualität").first.click()
    clicks += 1
    page.wait_for_url(f"**{base}review/")
    check_accessibility(page, "review queue")
    page.get_by_role("link", name="Jobcenter Musterstadt").first.click()
    clicks += 1
    page.wait_for_url(f"**{detail}approve/")
    check_accessibility(page, "approval page")
    assert NEW_PHONE in page.locator("ins").all_inner_texts()
    page.get_by_role("button", name="Änderung freigeben").click()
    clicks += 1
    page.wait_for_url(f"**{detail}")
    assert clicks <= 3
    organization.refresh_from_db()
    assert organization.phone == NEW_PHONE
    check_accessibility(page, "detail after approval")
    _visit(page, f"{detail}history/", "history")
    _visit(page, f"{base}new/", "new entry")

    # Anonymous: the public page shows the change, and no contact persons.
    page.context.clear_cookies()
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        _visit(page, detail, f"public detail {width}px")
        assert NEW_PHONE in page.content()
        assert "Jonas Jobcenter" not in page.content()
        _visit(page, base, f"public overview {width}px")
        assert "Ana Popescu" not in page.content()
        _visit(page, f"{base}search/?q=rum%C3%A4nisch", f"search {width}px")
        assert counselling.name in page.content()
        # Where the result matched is readable below its card, not drawn under the next card.
        result = page.locator(".gb-results > li").first
        card = result.locator(".kern-card").bounding_box()
        found_in = result.locator(".gb-result__why").bounding_box()
        item = result.bounding_box()
        assert card and found_in and item
        assert found_in["y"] >= card["y"] + card["height"] - 1
        assert found_in["y"] + found_in["height"] <= item["y"] + item["height"] + 1
        _visit(page, "/en/m/musterstadt/guidebook/", f"English overview {width}px")
        _visit(page, "/ar/m/musterstadt/guidebook/", f"Arabic overview {width}px")
        assert page.locator("html").get_attribute("dir") == "rtl"
