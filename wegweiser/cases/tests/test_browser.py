"""The counsellor's journey in a real browser, with axe-core on every page visited."""

import datetime as dt

import pytest

from wegweiser.cases.demo import worktime_export
from wegweiser.cases.models import Brief, Case, Referral
from wegweiser.guidebook.models import Organization
from wegweiser.testing import browser_login, check_accessibility, visit


@pytest.mark.browser
def test_counsellor_journey(page, tmp_path):
    case = Case.objects.get(code="MS-2026-007")
    union = Organization.objects.get(name="Beratungsstelle Faire Arbeit Musterstadt")
    browser_login(page, "beratung@musterstadt.example.org")
    visit(page, "/de/cases/")
    page.click("text=MS-2026-007")
    assert str(case.pk) in page.url
    check_accessibility(page)
    case_url = page.url.split("#")[0]

    # Indicator check with the navigator's rule.
    page.click(f"a[href$='/cases/{case.pk}/indicators/']")
    check_accessibility(page)
    for key in ("deceived_nature_of_job", "excessive_working_days_hours", "withholding_of_wages"):
        page.check(f"input[value={key}]")
    page.click("main form button[type=submit]")
    assert page.url.startswith(case_url)
    check_accessibility(page)
    assert Case.objects.get(pk=case.pk).indicator_check["ticked"]

    # Consent to a referral to the union counselling, and to a case conference.
    for purpose, recipient in (("refer", str(union.pk)), ("conference", "")):
        page.click("#consent-new summary")
        page.select_option("#id_purpose", purpose)
        if recipient:
            page.select_option("#id_recipient", recipient)
        page.fill("#id_given_on", dt.date.today().isoformat())
        page.select_option("#id_given_how", "interpreter")
        page.click("#consent-new button[type=submit]")
        check_accessibility(page)
    assert case.consents.filter(withdrawn_on=None).count() == 3

    # Import the worker's work-time file.
    upload = tmp_path / "arbeitszeit.json"
    upload.write_bytes(worktime_export())
    page.set_input_files("#id_file", str(upload))
    page.click("#worktime button[type=submit]")
    check_accessibility(page)
    assert case.worktime.count() == 1

    # Download the claim letter.
    page.click("#worktime a.kern-link")
    check_accessibility(page)
    page.fill("#id_employer", "Beispiel-Agrar GmbH (fiktiv)")
    page.fill("#id_employer_address", "Musterweg 1\n99999 Musterstadt")
    page.fill("#id_deadline", (dt.date.today() + dt.timedelta(days=14)).isoformat())
    with page.expect_download() as download:
        page.click("main form button[value=pdf]")
    path = download.value.path()
    assert path.read_bytes()[:4] == b"%PDF"

    # Refer to the union counselling, sharing two fields.
    visit(page, case_url)
    page.click(f"a[href$='/cases/{case.pk}/referrals/new/']")
    check_accessibility(page)
    page.select_option("#id_to_organization", str(union.pk))
    page.check("input[name=keys][value=sector]")
    page.check("input[name=keys][value=worktime]")
    page.click("main form button[type=submit]")
    check_accessibility(page)
    referral = Referral.objects.get(case=case)
    assert set(referral.shared) == {"sector", "worktime"}

    # An anonymised brief for a case conference.
    page.click(f"a[href$='/cases/{case.pk}/briefs/new/']")
    check_accessibility(page)
    page.check("input[name=keys][value=sector]")
    page.check("input[name=keys][value=residence_status]")
    page.fill("#id_summary", "Saisonkraft, Lohn nicht gezahlt (fiktiv).")
    page.click("main form button[type=submit]")
    assert "/cases/briefs/" in page.url
    check_accessibility(page)
    assert "Fiktive Person 007" not in page.content()
    assert set(Brief.objects.get(case=case).fields) == {"sector", "residence_status"}

    # The English statistics page of the organisation.
    visit(page, f"/en/cases/statistics/o-{case.organization_id}/{dt.date.today().year}/")


@pytest.mark.browser
def test_receiving_counsellor_journey(page):
    """The union counsellor sees the brief of her case conference and answers a referral."""
    from wegweiser.cases.demo import UNION_EMAIL

    referral = Referral.objects.get(case__code="MS-2026-003")
    browser_login(page, UNION_EMAIL)
    visit(page, "/de/dashboard/")
    page.click("#cases-dash-heading ~ ul a[href*='/cases/briefs/']")
    assert "/cases/briefs/" in page.url and "Fiktive Person" not in page.content()
    check_accessibility(page)
    visit(page, "/de/cases/")
    page.click(f"a[href$='/cases/referrals/{referral.pk}/']")
    check_accessibility(page)
    assert "Fiktive Person 003" not in page.content()
    page.click("main form[action$='/accept/'] button")
    check_accessibility(page)
    page.click("main form[action$='/done/'] button")
    assert page.url.endswith("/de/cases/")
    check_accessibility(page)
    assert Referral.objects.get(pk=referral.pk).status == "done"
    response = page.goto(f"/de/cases/referrals/{referral.pk}/")
    assert response.status == 404
