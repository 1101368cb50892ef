"""Browser journeys to the guidebook downloads (Playwright + axe-core)."""

from __future__ import annotations

import pytest

from wegweiser.testing import browser_login, check_accessibility

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_public_and_internal_pdf_downloads(page):
    # A worker (anonymous) finds the PDF on the municipality page, in German, Romanian, Arabic.
    for language in ("de", "ro", "ar"):
        page.goto(f"/{language}/m/musterstadt/")
        check_accessibility(page, f"municipality page ({language})")
        link = page.locator('a[href$="/m/musterstadt/guidebook/guidebook.pdf"]')
        assert link.count() == 1
        assert page.locator('a[href$="guidebook-internal.pdf"]').count() == 0
        response = page.request.get(link.get_attribute("href"))
        assert response.status == 200
        assert response.body().startswith(b"%PDF")
    assert page.locator("html").get_attribute("dir") == "rtl"

    # A member of the network logs in and downloads the internal PDF from the dashboard.
    browser_login(page, "jobcenter@musterstadt.example.org")
    page.goto("/de/dashboard/")
    check_accessibility(page, "dashboard with guidebook downloads")
    link = page.locator('a[href="/de/m/musterstadt/guidebook/guidebook-internal.pdf"]')
    assert link.count() == 1
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename.startswith("wegweiser-musterstadt-intern-")
    with open(download.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"
    page.goto("/de/m/musterstadt/")
    check_accessibility(page, "municipality page as member")
    assert page.locator('a[href$="guidebook-internal.pdf"]').count() == 1
