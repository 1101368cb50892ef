"""The coordinator's journey through the action plan in a real browser, axe-core on every page:
start a plan, decide on proposals (edit one, drop one), link a task, adopt, download the PDF,
write the yearly review; then a member reads it, in German and English."""

import pytest
from django.utils import timezone

from wegweiser.network.models import ActionItem
from wegweiser.plans.models import ActionPlan, Measure, MeasureLink, PlanVersion
from wegweiser.testing import AXE_PATH, browser_login, check_accessibility, visit


@pytest.mark.browser
def test_coordinator_drafts_edits_adopts_links_and_downloads(page):
    ActionPlan.objects.filter(network__municipality__slug="musterstadt").delete()
    browser_login(page, "koordination@musterstadt.example.org")
    visit(page, "/de/m/musterstadt/plan/")
    page.click("main form button[type=submit]")  # the start form is prefilled
    assert page.url.endswith("/plan/draft/")
    check_accessibility(page)
    plan = ActionPlan.objects.get(network__municipality__slug="musterstadt")
    proposals = list(plan.measures.filter(proposed=True).order_by("field", "created_at"))
    assert len(proposals) >= 3

    # Edit the first proposal before accepting it.
    first, dropped = proposals[0], proposals[1]
    page.locator(f"article[aria-labelledby='proposal-{first.pk}'] a").click()
    check_accessibility(page)
    page.fill("#id_title", "Polizei und Zoll verbindlich einbinden")
    page.check("input[name=field][value=prosecution]")
    page.click("main form button[type=submit]")
    assert page.url.endswith("/plan/draft/")
    page.locator(f"article[aria-labelledby='proposal-{first.pk}'] button").first.click()
    page.locator(f"article[aria-labelledby='proposal-{dropped.pk}'] button").last.click()
    check_accessibility(page)
    first.refresh_from_db()
    dropped.refresh_from_db()
    assert (first.proposed, first.field, first.title) == (
        False,
        "prosecution",
        "Polizei und Zoll verbindlich einbinden",
    )
    assert dropped.status == "dropped"

    # Link a task of the network to the measure.
    task = ActionItem.objects.filter(network=plan.network).order_by("created_at").first()
    visit(page, f"/de/m/musterstadt/plan/measures/{first.pk}/")
    page.select_option("#id_item", f"task:{task.pk}")
    page.click("main form button[type=submit]")
    check_accessibility(page)
    assert MeasureLink.objects.filter(measure=first, action_item=task).exists()
    assert task.title in page.content()

    # Record the council's adoption and download the adopted text as PDF.
    visit(page, "/de/m/musterstadt/plan/adopt/")
    page.fill("#id_adopted_on", timezone.localdate().isoformat())
    page.fill("#id_decision_reference", "SR-0042/7")
    page.click("main form button[type=submit]")
    assert page.url.endswith("/plan/versions/1/")
    check_accessibility(page)
    assert PlanVersion.objects.get(plan=plan).decision_reference == "SR-0042/7"
    with page.expect_download() as download:
        page.click("text=PDF herunterladen")
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    # The yearly review keeps the figures of the day.
    visit(page, "/de/m/musterstadt/plan/reviews/new/")
    page.fill("#id_summary", "Polizei und Zoll sind angesprochen.")
    page.fill("#id_changes", "Mehr Informationsabende.")
    page.click("main form button[type=submit]")
    assert "/plan/reviews/" in page.url
    check_accessibility(page)

    # English pages are complete and accessible, too.
    visit(page, "/en/m/musterstadt/plan/")
    assert "Measures by field" in page.content()
    visit(page, f"/en/m/musterstadt/plan/measures/{first.pk}/")
    visit(page, "/en/m/musterstadt/plan/versions/1/")

    # The public municipality page shows the adopted public part.
    public = page.context.browser.new_context(base_url=page.live_server_url)
    public.add_init_script(path=str(AXE_PATH))
    anonymous = public.new_page()
    visit(anonymous, "/de/m/musterstadt/")
    assert "Polizei und Zoll verbindlich einbinden" in anonymous.content()
    assert Measure.objects.filter(plan=plan, proposed=False).count() >= 1
    public.close()
