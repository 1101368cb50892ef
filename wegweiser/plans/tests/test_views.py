"""Request tests of the plan pages: the coordinator's path from a start to an adopted plan, the
public part, the state overview, and refusals that change nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from wegweiser.network.models import ActionItem, Network
from wegweiser.plans.models import ActionPlan, Measure, MeasureLink, PlanVersion, Review

pytestmark = pytest.mark.django_db
SLUG = {"slug": "musterstadt"}


def demo_plan(world) -> ActionPlan:
    return ActionPlan.objects.get(network__municipality=world.musterstadt)


def accepted(world) -> Measure:
    return demo_plan(world).measures.filter(proposed=False).order_by("created_at").first()


def test_coordinator_starts_a_plan_and_gets_proposals(client_as, world):
    ActionPlan.objects.filter(network__municipality=world.musterstadt).delete()
    client = client_as("coordinator")
    page = client.get(reverse("plans:plan", kwargs=SLUG))
    assert page.status_code == 200 and b"plans:create" not in page.content
    assert reverse("plans:create", kwargs=SLUG).encode() in page.content
    bad = client.post(
        reverse("plans:create", kwargs=SLUG), {"title": "P", "starts_year": 2027, "ends_year": 2026}
    )
    assert bad.status_code == 400 and not ActionPlan.objects.exists()
    response = client.post(
        reverse("plans:create", kwargs=SLUG),
        {"title": "Aktionsplan", "starts_year": 2027, "ends_year": 2030},
    )
    assert response.status_code == 302 and response["Location"].endswith("/plan/draft/")
    plan = ActionPlan.objects.get()
    proposals = plan.measures.filter(proposed=True)
    assert proposals.exists()
    draft_page = client.get(reverse("plans:draft", kwargs=SLUG))
    for proposal in proposals:
        assert proposal.title in draft_page.content.decode()
    first = proposals.first()
    decide = reverse("plans:proposal_decide", kwargs={**SLUG, "measure": first.pk})
    assert client.post(decide, {"decision": "maybe"}).status_code == 400
    client.post(decide, {"decision": "accept"})
    first.refresh_from_db()
    assert not first.proposed
    # Deciding again on a measure that is no longer a proposal is refused.
    assert client.post(decide, {"decision": "drop"}).status_code == 404


def test_member_reads_but_cannot_write(client_as, world):
    client = client_as("member")
    page = client.get(reverse("plans:plan", kwargs=SLUG)).content.decode()
    assert demo_plan(world).title in page
    assert demo_plan(world).internal_notes in page  # members read the internal plan
    assert reverse("plans:edit", kwargs=SLUG) not in page
    count = Measure.objects.count()
    response = client.post(
        reverse("plans:measure_create", kwargs=SLUG),
        {"field": "prevention", "title": "x", "goal": "y", "indicator": "manual", "target": "1"},
    )
    assert response.status_code == 403 and Measure.objects.count() == count


def test_measure_create_and_edit_validate(client_as, world):
    client = client_as("coordinator")
    url = reverse("plans:measure_create", kwargs=SLUG)
    data = {
        "field": "prevention",
        "title": "Flyer in zehn Sprachen",
        "goal": "Beschäftigte kennen die Beratungsstelle.",
        "status": "planned",
        "indicator": "manual",
        "indicator_label": "",
        "target": "500",
        "is_public": "on",
    }
    assert client.post(url, data).status_code == 400  # manual indicator without a label
    assert client.post(url, {**data, "indicator_label": "Flyer", "target": "-1"}).status_code == 400
    response = client.post(
        url,
        {
            **data,
            "indicator_label": "verteilte Flyer",
            "starts_on": "2027-02-01",
            "ends_on": "2027-01-01",
        },
    )
    assert response.status_code == 400
    response = client.post(url, {**data, "indicator_label": "verteilte Flyer"})
    created = Measure.objects.get(title="Flyer in zehn Sprachen")
    assert response.status_code == 302 and created.plan == demo_plan(world)
    edit = reverse("plans:measure_edit", kwargs={**SLUG, "measure": created.pk})
    gap_type = "police"
    bad = client.post(edit, {**data, "indicator": "members_of_type", "indicator_param": ""})
    assert bad.status_code == 400
    client.post(edit, {**data, "indicator": "members_of_type", "indicator_param": gap_type})
    created.refresh_from_db()
    assert (created.indicator, created.indicator_param) == ("members_of_type", gap_type)


def test_link_and_unlink_a_task(client_as, world):
    client = client_as("coordinator")
    found = accepted(world)
    network = Network.objects.get(municipality=world.musterstadt)
    item = ActionItem.objects.filter(network=network).exclude(measure_link__measure=found).first()
    url = reverse("plans:measure_link", kwargs={**SLUG, "measure": found.pk})
    client.post(url, {"item": f"task:{item.pk}"})
    link = MeasureLink.objects.get(action_item=item)
    assert link.measure == found
    page = client.get(reverse("plans:measure", kwargs={**SLUG, "measure": found.pk}))
    assert item.title in page.content.decode()
    assert item.meeting.title in page.content.decode()  # discussed in that meeting
    assert client.post(url, {"item": "task:not-a-task"}).status_code == 302
    assert MeasureLink.objects.filter(action_item=item).count() == 1
    unlink = reverse("plans:measure_unlink", kwargs={**SLUG, "measure": found.pk, "link": link.pk})
    client.post(unlink)
    assert not MeasureLink.objects.filter(pk=link.pk).exists()


def test_value_entry_refuses_future_dates(client_as, world):
    client = client_as("coordinator")
    found = demo_plan(world).measures.get(indicator="manual", proposed=False)
    url = reverse("plans:value_add", kwargs={**SLUG, "measure": found.pk})
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    before = found.values.count()
    assert client.post(url, {"value": "2", "measured_on": tomorrow}).status_code == 400
    assert found.values.count() == before
    client.post(url, {"value": "2", "measured_on": timezone.localdate()})
    assert found.values.count() == before + 1


def test_adoption_freezes_and_public_page_shows_only_the_adopted_public_part(
    client, client_as, world
):
    plan = demo_plan(world)
    secret = plan.internal_notes
    coordinator = client_as("coordinator")
    plan_url = reverse("plans:plan", kwargs=SLUG)
    assert "Arbeitsstand unten hat sich seitdem" not in coordinator.get(plan_url).content.decode()
    measure = accepted(world)
    old_title = measure.title
    measure.title = "Noch nicht beschlossen"
    measure.internal_note = "interne Bemerkung zur Maßnahme"
    measure.save()
    assert "Arbeitsstand unten hat sich seitdem" in coordinator.get(plan_url).content.decode()
    client.logout()
    public = client.get(reverse("core:municipality", kwargs=SLUG)).content.decode()
    assert old_title in public and "Noch nicht beschlossen" not in public
    assert secret not in public and "interne Bemerkung" not in public
    # Adopting again publishes the edited text as version 2.
    coordinator = client_as("coordinator")
    future = timezone.localdate() + datetime.timedelta(days=3)
    data = {"adopted_by": "Stadtrat", "decision_reference": "2027/1"}
    assert (
        coordinator.post(
            reverse("plans:adopt", kwargs=SLUG), {**data, "adopted_on": future}
        ).status_code
        == 400
    )
    response = coordinator.post(
        reverse("plans:adopt", kwargs=SLUG), {**data, "adopted_on": timezone.localdate()}
    )
    assert response.status_code == 302
    assert PlanVersion.objects.filter(plan=plan).count() == 2
    coordinator.logout()
    public = client.get(reverse("core:municipality", kwargs=SLUG)).content.decode()
    assert "Noch nicht beschlossen" in public and "interne Bemerkung" not in public


def test_version_page_and_pdf(client_as, world):
    client = client_as("member")
    page = client.get(reverse("plans:version", kwargs={**SLUG, "number": 1})).content.decode()
    assert "2026/117" in page and "Stadtrat Musterstadt" in page
    pdf = client.get(reverse("plans:version_pdf", kwargs={**SLUG, "number": 1}))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client.get(reverse("plans:version", kwargs={**SLUG, "number": 9})).status_code == 404


def test_review_create_and_pdf(client_as, world):
    client = client_as("coordinator")
    url = reverse("plans:review_create", kwargs=SLUG)
    existing = Review.objects.get(plan=demo_plan(world)).year
    data = {"summary": "Viel geschafft.", "changes": "Mehr Sprachen."}
    assert client.post(url, {**data, "year": existing}).status_code == 400
    assert client.post(url, {**data, "year": 1900}).status_code == 400
    response = client.post(url, {**data, "year": existing + 1})
    review = Review.objects.get(plan=demo_plan(world), year=existing + 1)
    assert response.status_code == 302 and review.figures
    assert {row["title"] for row in review.figures} == set(
        demo_plan(world).measures.filter(proposed=False).values_list("title", flat=True)
    )
    page = client.get(reverse("plans:review", kwargs={**SLUG, "review": review.pk}))
    assert "Mehr Sprachen." in page.content.decode()
    pdf = client.get(reverse("plans:review_pdf", kwargs={**SLUG, "review": review.pk}))
    assert pdf.content.startswith(b"%PDF")
    odt = client.get(reverse("plans:review_odt", kwargs={**SLUG, "review": review.pk}))
    assert odt["Content-Type"] == "application/vnd.oasis.opendocument.text"
    import io
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(odt.content))
    assert archive.namelist()[0] == "mimetype"
    content = archive.read("content.xml").decode()
    assert "Mehr Sprachen." in content and "Viel geschafft." in content
    for row in review.figures:
        assert row["title"].replace("&", "&amp;") in content


def test_state_overview_side_by_side_without_internal_notes(client_as, world):
    client = client_as("state_coordinator")
    page = client.get(reverse("plans:state_overview", kwargs={"state": "rheinland-pfalz"}))
    text = page.content.decode()
    plan = demo_plan(world)
    assert "Musterstadt" in text and plan.title in text
    assert plan.internal_notes not in text
    for measure in plan.measures.exclude(internal_note=""):
        assert measure.internal_note not in text


def test_plan_page_queries_do_not_grow_with_measures(client_as, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as("coordinator")
    url = reverse("plans:plan", kwargs=SLUG)
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    plan = demo_plan(world)
    network = Network.objects.get(municipality=world.musterstadt)
    item = ActionItem.objects.filter(network=network).first()
    for number in range(10):
        Measure.objects.create(
            plan=plan,
            field="prevention",
            title=f"M{number}",
            goal="g",
            target=1,
            indicator="meetings_held",
        )
    from wegweiser.plans import services

    services.link(Measure.objects.get(title="M0"), action_item=item)
    with CaptureQueriesContext(connection) as after:
        assert client.get(url).status_code == 200
    assert len(after) == len(before), [q["sql"] for q in after.captured_queries]


def test_dashboard_leads_to_the_plan_and_the_state_overview(client_as, world):
    client = client_as("member")
    page = client.get(reverse("core:dashboard")).content.decode()
    assert reverse("plans:plan", kwargs=SLUG) in page and "2026/117" not in page
    assert demo_plan(world).title in page
    client.logout()
    client = client_as("state_coordinator")
    page = client.get(reverse("core:dashboard")).content.decode()
    assert reverse("plans:state_overview", kwargs={"state": "rheinland-pfalz"}) in page
    assert reverse("plans:plan", kwargs=SLUG) not in page


WRITES = [
    ("plans:create", lambda world: SLUG, {"title": "x", "starts_year": 2027, "ends_year": 2028}),
    ("plans:edit", lambda world: SLUG, {"title": "x", "starts_year": 2027, "ends_year": 2028}),
    ("plans:draft", lambda world: SLUG, {}),
    (
        "plans:proposal_decide",
        lambda world: {
            **SLUG,
            "measure": demo_plan(world).measures.filter(proposed=True).first().pk,
        },
        {"decision": "accept"},
    ),
    ("plans:measure_edit", lambda world: {**SLUG, "measure": accepted(world).pk}, {"title": "x"}),
    ("plans:value_add", lambda world: {**SLUG, "measure": accepted(world).pk}, {"value": "1"}),
    ("plans:adopt", lambda world: SLUG, {"adopted_on": "2026-01-01", "adopted_by": "x"}),
    ("plans:review_create", lambda world: SLUG, {"year": 2030, "summary": "x", "changes": "x"}),
]


def _state() -> tuple:
    from wegweiser.plans.models import IndicatorValue

    return (
        list(Measure.objects.order_by("pk").values_list("pk", "title", "proposed", "status")),
        list(ActionPlan.objects.values_list("title", "starts_year")),
        PlanVersion.objects.count(),
        Review.objects.count(),
        MeasureLink.objects.count(),
        IndicatorValue.objects.count(),
    )


@pytest.mark.parametrize(("name", "kwargs", "data"), WRITES, ids=[w[0] for w in WRITES])
@pytest.mark.parametrize("persona", ["member", "counsellor", "outsider"])
def test_denied_writes_change_nothing(client_as, world, persona, name, kwargs, data):
    before = _state()
    response = client_as(persona).post(reverse(name, kwargs=kwargs(world)), data)
    assert response.status_code == (404 if persona == "outsider" else 403)
    assert _state() == before
