"""The coordinator's journey in a real browser, with axe-core on every page visited."""

from pathlib import Path

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from wegweiser.guidebook.models import Organization
from wegweiser.testing import (
    accept_invitation_in_own_browser,
    browser_login,
    check_accessibility,
    visit,
)

NEW_MEMBER = "neue.kollegin@jobcenter-musterstadt.example.org"
# Meetings are planned in the coming year (summer and autumn), so they lie ahead whenever the test runs.
YEAR = timezone.localdate().year + 1


@pytest.mark.browser
def test_coordinator_journey(page):
    jobcenter = Organization.objects.get(name="Jobcenter Musterstadt")
    browser_login(page, "koordination@musterstadt.example.org")
    visit(page, "/de/m/musterstadt/network/")
    assert page.locator("#gaps-heading").is_visible()
    visit(page, "/en/m/musterstadt/network/")
    visit(page, "/de/m/musterstadt/network/roadmap/round_table/")

    # Invite a new job-centre member from a prefilled draft.
    visit(page, f"/de/m/musterstadt/network/members/invite/?organization={jobcenter.pk}")
    page.fill("#id_email", NEW_MEMBER)
    page.fill("#id_name", "Nele Neu")
    page.click("main button[type=submit]")
    assert "/members/" in page.url
    check_accessibility(page)

    # The member accepts in her own browser.
    member = accept_invitation_in_own_browser(page, mail.outbox[-1].body, "Nele Neu")
    assert member.url.endswith("/de/m/musterstadt/network/")
    check_accessibility(member)

    # The coordinator schedules a round table from the template (with its agenda) in summer.
    visit(page, "/de/m/musterstadt/network/meetings/new/?template=round_table")
    page.fill("#id_starts_at", f"{YEAR}-07-13T14:00")
    page.fill("#id_place", "Rathaus, Saal 2")
    page.click("main form button[type=submit]")
    assert "/meetings/" in page.url and "Neues aus den Organisationen" in page.content()
    check_accessibility(page)
    meeting_url = page.url.split("#")[0]
    # Nobody is invited yet, so the invitation form is already open.
    page.check("label:has-text('Nele Neu')")
    page.click("text=Einladungen senden")
    check_accessibility(page)

    # The member answers.
    visit(member, meeting_url)
    member.check("label:has-text('Ja')")
    member.click("text=Antwort senden")
    assert "Ihre Antwort wurde gespeichert" in member.content()
    check_accessibility(member)

    # The calendar file has the right time in summer.
    with page.expect_download() as download:
        page.click("text=In den Kalender übernehmen (.ics)")
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    start = next(iter(calendar.walk("VEVENT"))).decoded("dtstart")
    assert (start.hour, start.utcoffset().total_seconds()) == (14, 7200)

    # A task, minutes written, circulated and approved.
    page.goto(meeting_url)
    page.click("summary:has-text('Aufgabe festhalten')")
    page.fill("#id_action-title", "Flyer für Saisonkräfte übersetzen lassen")
    page.select_option("#id_action-owner_organization", str(jobcenter.pk))
    page.click("main #actions button[type=submit]")
    check_accessibility(page)
    page.click("text=Protokoll schreiben")
    check_accessibility(page)
    page.fill("#id_text", "1. Begrüßung\nAlle Anwesenden stellen sich vor.")
    page.click("text=Protokoll speichern")
    page.click("text=Zur Abstimmung versenden")
    page.click("text=Protokoll genehmigen")
    assert "genehmigt am" in page.content()
    assert page.locator("text=Protokoll schreiben").count() == 0
    check_accessibility(page)
    visit(member, meeting_url)
    assert "Alle Anwesenden stellen sich vor." in member.content()

    # The next meeting carries the open task on its agenda.
    visit(page, "/de/m/musterstadt/network/meetings/new/?template=round_table")
    page.fill("#id_starts_at", f"{YEAR}-10-12T14:00")
    page.fill("#id_place", "Rathaus, Saal 2")
    page.click("main form button[type=submit]")
    assert "Offene Aufgaben aus früheren Treffen" in page.content()
    assert "Flyer für Saisonkräfte übersetzen lassen" in page.content()
    check_accessibility(page)

    for url in (
        "/de/m/musterstadt/network/meetings/",
        "/de/m/musterstadt/network/members/",
        "/de/m/musterstadt/network/actions/",
        f"/de/m/musterstadt/network/report/{YEAR}/",
        f"/en/m/musterstadt/network/report/{YEAR}/",
        "/de/m/musterstadt/network/series/new/",
        "/de/m/musterstadt/network/settings/",
        "/de/network/calendar/",
        "/de/dashboard/",
        "/de/m/musterstadt/",
    ):
        visit(page, url)
    # Phone width: tables scroll inside their own (keyboard-focusable) box.
    page.set_viewport_size({"width": 390, "height": 844})
    for url in (
        meeting_url,
        "/de/m/musterstadt/network/",
        f"/en/m/musterstadt/network/report/{YEAR}/",
    ):
        visit(page, url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    member.context.close()
