"""The state round table and a cooperation agreement in a real browser, axe-core on every page: the
state coordinator of Rheinland-Pfalz opens the round table from her dashboard, records an agreement
between two state-wide actors, signs it for both and puts it in force; the public state page then
lists it (without contact points), and the LKA's member sees the round table read-only."""

import pytest
from django.utils import timezone

from wegweiser.network.models import AgreementStatus, CooperationAgreement
from wegweiser.testing import browser_login, check_accessibility

TITLE = "Vereinbarung über Ansprechstellen bei Kontrollen"
CONTACT = "Lagezentrum, Bereitschaft rund um die Uhr"


def visit(page, url):
    response = page.goto(url)
    assert response.status < 400, url
    check_accessibility(page)


@pytest.mark.browser
def test_state_coordinator_runs_the_round_table_and_an_agreement(page):
    browser_login(page, "land@rlp.example.org")
    visit(page, "/de/dashboard/")
    page.locator("main").get_by_role("link", name="Landesrunder Tisch: Landesrunder Tisch").click()
    assert page.url.endswith("/de/state/rheinland-pfalz/roundtable/meetings/")
    check_accessibility(page)
    page.locator("main").get_by_role("link", name="Sitzung: Berichte aus den Netzwerken").click()
    check_accessibility(page)
    visit(page, "/de/state/rheinland-pfalz/roundtable/members/")
    assert page.locator("main").get_by_text("Lara Landeskriminalamt").count() >= 1
    visit(page, "/de/state/rheinland-pfalz/roundtable/actions/")
    visit(page, f"/en/state/rheinland-pfalz/roundtable/report/{timezone.localdate().year}/")

    visit(page, "/de/state/rheinland-pfalz/roundtable/agreements/")
    page.get_by_role("link", name="Vereinbarung erfassen").click()
    check_accessibility(page)
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "Polizei und Fachberatung stimmen sich vor Kontrollen ab.")
    page.get_by_label("Landeskriminalamt Rheinland-Pfalz").check()
    page.get_by_label("Faire Integration Rheinland-Pfalz").check()
    page.click("main button[type=submit]")
    assert page.url.endswith("/edit/")
    check_accessibility(page)
    page.locator("textarea[name$='-contact_point']").first.fill(CONTACT)
    page.click("main button[type=submit]")
    check_accessibility(page)
    for _party in range(2):
        page.click("#sign-heading ~ form button[type=submit]")
        check_accessibility(page)
    page.fill("#id_in_force_from", timezone.localdate().isoformat())
    page.click("#validity-heading ~ form button[type=submit]")
    check_accessibility(page)
    agreement = CooperationAgreement.objects.get(title=TITLE)
    assert agreement.status() == AgreementStatus.IN_FORCE
    # The first party of the form (parties in name order) got the contact point.
    first_party = agreement.parties.order_by("organization__name").first()
    assert first_party.contact_point == CONTACT
    assert page.locator("main").get_by_text("in Kraft", exact=True).count() >= 1

    visit(page, "/de/state/rheinland-pfalz/")
    main = page.locator("main")
    assert main.get_by_text(TITLE).count() == 1
    assert main.get_by_text(CONTACT).count() == 0
    assert (
        main.get_by_text("Landesrunder Tisch gegen Arbeitsausbeutung Rheinland-Pfalz").count() >= 1
    )


@pytest.mark.browser
def test_member_of_the_state_reads_the_round_table(page):
    browser_login(page, "lka@rlp.example.org")
    visit(page, "/de/dashboard/")
    visit(page, "/de/state/rheinland-pfalz/roundtable/meetings/")
    assert page.get_by_role("link", name="Treffen planen").count() == 0
    visit(page, "/de/state/rheinland-pfalz/roundtable/agreements/")
    page.locator("main table").get_by_role("link").first.click()
    check_accessibility(page)
    assert page.get_by_role("heading", name="Unterschrift erfassen").count() == 0
