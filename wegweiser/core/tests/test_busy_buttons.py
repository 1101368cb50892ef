"""Issue 15: every button or link for a PDF made on request shows a busy state (aria-busy and
visible text "Preparing the PDF …") through one component (components/pdf_button.html) and one
script (wegweiser/js/busy.js)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.utils.translation import gettext, override
from playwright.sync_api import expect

from wegweiser.testing import check_accessibility

PACKAGE = Path(__file__).resolve().parents[2]
SHOTS = os.environ.get("WEGWEISER_SHOTS", "")
PHONE = {"width": 390, "height": 844}
# Every URL that answers with a PDF typeset on request.
PDF_URLS = re.compile(
    r"\{% url '(guidebook_exports:pdf(_internal)?|network:minutes_pdf|plans:(version|review)_pdf"
    r"|learning:(workshop_file|certificate|rights_leaflet))'"
)
# Submit buttons and forms whose answer is a PDF.
PDF_SUBMITS = {
    "navigator/templates/navigator/sheet.html": "submit=True",
    "worktime/templates/worktime/paper.html": "submit=True",
    "worktime/templates/worktime/review.html": 'value="pdf"',
    "cases/templates/cases/letter_form.html": 'value="pdf"',
}


def templates():
    for path in PACKAGE.rglob("templates/**/*.html"):
        if not path.name.endswith("_pdf.html") and "/email" not in str(path):
            yield path


def test_every_pdf_link_in_a_template_has_the_busy_state():
    missing = []
    for path in templates():
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if PDF_URLS.search(line) and "pdf_button.html" not in line:
                missing.append(f"{path.relative_to(PACKAGE)}:{number}")
    assert not missing, "PDF links without components/pdf_button.html: " + ", ".join(missing)


@pytest.mark.parametrize(("template", "marker"), PDF_SUBMITS.items())
def test_every_pdf_submit_button_has_the_busy_state(template, marker):
    lines = [line for line in (PACKAGE / template).read_text().splitlines() if marker in line]
    assert lines and all("pdf_button.html" in line for line in lines), template


def test_pages_load_the_busy_script_and_its_status_region(client, db):
    body = client.get("/ro/worktime/paper/").content.decode()
    assert "wegweiser/js/busy.js" in body and 'id="busy-status"' in body
    with override("ro"):
        assert f'data-busy="{gettext("Preparing the PDF …")}"' in body


def slow_server(page) -> None:
    """Keep the page as it is right after the tap, as while a slow server typesets the PDF: the
    page's own handlers (busy.js) run first, then the navigation is cancelled."""
    page.evaluate(
        """() => {
          window.submits = [];
          window.addEventListener("submit", (event) => {
            window.submits.push(event.defaultPrevented ? "refused" : "sent");
            event.preventDefault();
          });
          window.addEventListener("click", (event) => {
            if (event.target.closest("a[data-busy]")) event.preventDefault();
          });
        }"""
    )


def looks_busy(page, locator, language: str, label: str) -> None:
    with override(language):
        text = gettext("Preparing the PDF …")
    expect(locator).to_have_attribute("aria-busy", "true")
    expect(locator).to_have_text(text)
    expect(page.locator("#busy-status")).to_have_text(text)
    check_accessibility(page, f"busy {label}")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/busy-{label}.png")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["ro", "ar"])
def test_paper_calendar_and_leaflet_show_that_they_are_working(page, language):
    page.set_viewport_size(PHONE)
    page.goto(f"/{language}/worktime/paper/")
    slow_server(page)
    button = page.locator("main form button[type=submit]")
    button.click()
    looks_busy(page, button, language, f"paper-{language}")
    # A second tap while busy is refused by the page itself.
    button.click()
    assert page.evaluate("() => window.submits") == ["sent", "refused"]

    page.goto(f"/{language}/m/musterstadt/rights/")
    slow_server(page)
    link = page.locator("a[href$='/rights/leaflet.pdf']")
    link.click()
    looks_busy(page, link, language, f"leaflet-{language}")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_referral_sheet_shows_that_it_is_working(page):
    page.goto("/de/m/musterstadt/navigator/sheet/?needs=wages_unpaid")
    slow_server(page)
    button = page.locator("form[action$='/navigator/sheet/'] button[type=submit]")
    button.click()
    looks_busy(page, button, "de", "referral-sheet")
    page.reload()
    with page.expect_download() as download:
        page.locator("form[action$='/navigator/sheet/'] button[type=submit]").click()
    assert download.value.suggested_filename.endswith(".pdf")
