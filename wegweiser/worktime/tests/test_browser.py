"""Browser journey of the offline work-time calendar (Chromium, phone size, axe-core)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from wegweiser.testing import check_accessibility
from wegweiser.worktime import wages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


PHONE = {"width": 390, "height": 844}
BUDGET_BYTES = 250 * 1024


def figures(page) -> dict:
    return {
        key: page.inner_text(f"#r-{key}")
        for key in ("period", "hours", "due", "paid", "deducted", "difference", "verdict")
    }


def money(page, lang: str, cents: int) -> str:
    return page.evaluate(
        "([lang, cents]) => new Intl.NumberFormat(lang, {style: 'currency', currency: 'EUR'})"
        ".format(cents / 100)",
        [lang, cents],
    )


@pytest.mark.parametrize("lang", ["ro", "ar"])
def test_offline_journey(page, lang, tmp_path):
    page.set_viewport_size(PHONE)
    page.on("dialog", lambda dialog: dialog.accept())
    sizes: dict[str, int] = {}

    def measure(response):
        try:
            sizes[response.url] = len(response.body())
        except Exception:  # redirects have no body
            sizes.setdefault(response.url, 0)

    page.on("response", measure)
    # From the municipality page's link: the place is preselected for counselling contacts.
    page.goto(f"/{lang}/worktime/?m=musterstadt")
    page.wait_for_selector("html[data-ready='1']")
    page.wait_for_selector("html[data-offline-ready='1']")
    page.wait_for_load_state("networkidle")
    first_load = sum(sizes.values())
    page.remove_listener("response", measure)
    assert first_load < BUDGET_BYTES, f"first load {first_load} bytes: {sorted(sizes.items())}"
    assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    assert page.get_attribute("html", "lang") == lang
    if lang == "ar":
        # The layout really runs right to left: the tab bar starts at the right edge.
        first_tab = page.locator("#tabs a").first.bounding_box()
        assert first_tab["x"] > PHONE["width"] / 2
    check_accessibility(page, f"{lang} days (first visit)")

    # The service worker controls the page after one reload; then the network can go.
    page.reload()
    page.wait_for_selector("html[data-ready='1']")
    assert page.evaluate("() => navigator.serviceWorker.controller !== null")
    page.context.set_offline(True)

    # A week of work: the first day typed in, the others with "same as last day".
    page.fill("#d-date", "2026-11-02")
    page.fill("#d-start", "07:00")
    page.fill("#d-end", "17:30")
    page.fill("#d-break", "30")
    page.fill("#d-place", "Hof Weber, Feldweg 3")
    page.fill("#d-employer", "Agrar Service GmbH")
    page.click("#day-form button[type=submit]")
    expect(page.locator("#day-list li .entry__actions")).to_have_count(1)
    for count in range(2, 6):
        page.click("#copy-last")
        page.click("#day-form button[type=submit]")
        expect(page.locator("#day-list li .entry__actions")).to_have_count(count)
    # A night shift past midnight, entered by hand.
    page.fill("#d-date", "2026-11-07")
    page.fill("#d-start", "22:00")
    page.fill("#d-end", "02:00")
    page.fill("#d-break", "0")
    page.click("#day-form button[type=submit]")
    expect(page.locator("#day-list li .entry__actions")).to_have_count(6)
    check_accessibility(page, f"{lang} days with entries")

    page.click("a[data-tab=money]")
    page.fill("#p-date", "2026-11-07")
    page.fill("#p-amount", "200,50")
    page.fill("#p-payer", "Vorarbeiter")
    page.click("#pay-form button[type=submit]")
    expect(page.locator("#pay-list li .entry__actions")).to_have_count(1)
    page.fill("#x-date", "2026-11-07")
    page.fill("#x-amount", "150")
    page.select_option("#x-kind", "rent")
    page.click("#ded-form button[type=submit]")
    expect(page.locator("#ded-list li .entry__actions")).to_have_count(1)
    check_accessibility(page, f"{lang} money")

    # Offline reload: everything is still there.
    page.reload()
    page.wait_for_selector("html[data-ready='1']")
    expect(page.locator("#day-list li .entry__actions")).to_have_count(6)
    page.click("a[data-tab=report]")
    due = 5 * 10 * 1390 + 4 * 1390
    expected_difference = money(page, lang, due - 20050)
    before = figures(page)
    assert before["due"] == money(page, lang, due)
    assert before["difference"] == expected_difference
    assert expected_difference in before["verdict"]
    # The counselling services were fetched while online and are shown offline, those that speak
    # the worker's language (Romanian / Arabic in the demo) only.
    services = page.locator("#services li")
    expect(services.first).to_be_visible()
    assert services.count() >= 1
    assert "Fachberatungsstelle Arbeit und Würde" in page.inner_text("#services")
    check_accessibility(page, f"{lang} report")

    # Export, then compare with the server's rules: identical figures.
    page.click("a[data-tab=data]")
    check_accessibility(page, f"{lang} my data")
    with page.expect_download() as download_info:
        page.click("#export")
    exported = tmp_path / "export.json"
    download_info.value.save_as(exported)
    data = json.loads(exported.read_text())
    python_report = wages.compute_report(wages.validate(data))
    assert python_report["totals"]["due_cents"] == due
    assert python_report["totals"]["difference_cents"] == due - 20050

    # A broken file is refused and changes nothing.
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({**data, "days": [{"id": "x"}]}))
    page.set_input_files("#import-file", str(broken))
    page.wait_for_function("() => document.getElementById('status').textContent.length > 0")
    page.click("a[data-tab=days]")
    expect(page.locator("#day-list li .entry__actions")).to_have_count(6)

    # Delete everything, import the file: the report is identical.
    page.click("a[data-tab=data]")
    page.click("#delete-all")
    page.click("a[data-tab=days]")
    expect(page.locator("#day-list li .entry__actions")).to_have_count(0)
    page.click("a[data-tab=data]")
    page.set_input_files("#import-file", str(exported))
    page.wait_for_function("() => /6/.test(document.getElementById('status').textContent)")
    page.click("a[data-tab=report]")
    assert figures(page) == before
    check_accessibility(page, f"{lang} report after import")

    # Another language: the same entries (they do not depend on the language of the page).
    page.context.set_offline(False)
    other = "de" if lang == "ro" else "en"
    page.goto(f"/{other}/worktime/")
    page.wait_for_selector("html[data-ready='1']")
    expect(page.locator("#day-list li .entry__actions")).to_have_count(6)
    assert page.get_attribute("html", "dir") == "ltr"
    check_accessibility(page, f"{other} days after switching language")


def test_paper_form_and_review_page_are_accessible(page, tmp_path):
    from wegweiser.testing import PERSONA_EMAILS, browser_login
    from wegweiser.worktime.tests.cases import export, week

    page.goto("/ro/worktime/paper/")
    check_accessibility(page, "paper calendar form (ro)")
    page.goto("/ro/worktime/paper/?year=1990&state=RP")
    check_accessibility(page, "paper calendar form with errors (ro)")

    browser_login(page, PERSONA_EMAILS["counsellor"])
    page.goto("/de/worktime/review/")
    check_accessibility(page, "review form")
    upload = tmp_path / "export.json"
    upload.write_text(json.dumps(export(days=week("2026-11-02", 3))))
    page.set_input_files("#id_file", str(upload))
    page.click("button[value=html]")
    expect(page.locator("#report-heading")).to_be_visible()
    assert "417,00 €" in page.inner_text("main")  # 3 × 10 h × 13.90 €
    check_accessibility(page, "review report")
