"""The coverage dashboard: every municipality, figures only, constant queries, safe CSV."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from wegweiser.core.models import Municipality, State
from wegweiser.core.services import start_municipality
from wegweiser.guidebook.models import ActorType
from wegweiser.network.models import Meeting, MeetingKind, Network, Participant
from wegweiser.states import selectors
from wegweiser.states.registry import CoverageColumn, coverage_columns

RP = {"state": "rheinland-pfalz"}


def add_municipalities(state: State, count: int, user) -> None:
    actor_type = ActorType.objects.filter(target_group=True).first()
    for number in range(count):
        place = start_municipality(state=state, name=f"Testort {number}", ags=f"0788{number:04d}")
        network = Network.objects.create(municipality=place, name=f"Netz {number}")
        organization = place.organizations.create(
            name=f"Amt {number}", actor_type=actor_type, status="published"
        )
        meeting = Meeting.objects.create(
            network=network,
            kind=MeetingKind.ROUND_TABLE,
            title="Runder Tisch",
            starts_at=timezone.now() - datetime.timedelta(days=30),
            ends_at=timezone.now() - datetime.timedelta(days=30, hours=-2),
        )
        Participant.objects.create(
            meeting=meeting, user=user, organization=organization, attended=True
        )


def test_every_municipality_is_listed_also_without_network(client_as, world):
    response = client_as("state_coordinator").get(reverse("states:coverage", kwargs=RP))
    text = response.content.decode()
    assert response.status_code == 200
    assert "Musterstadt" in text and "Beispielstadt" in text
    rows = {row.municipality.slug: row for row in selectors.coverage(world.musterstadt.state).rows}
    assert rows["musterstadt"].network is not None and rows["musterstadt"].roadmap is not None
    assert rows["beispielstadt"].network is None and rows["beispielstadt"].gaps is None


def test_figures_only_no_meeting_contents(client_as, world):
    text = client_as("state_coordinator").get(reverse("states:coverage", kwargs=RP)).content
    titles = Meeting.objects.filter(network__municipality=world.musterstadt)
    for meeting in titles:
        assert meeting.title.encode() not in text
    assert b"MS-2026-014" not in text
    assert world.users["coordinator"].email.encode() not in text


def test_roadmap_figures_match_the_network_roadmap(world):
    from wegweiser.network import roadmap

    network = Network.objects.get(municipality=world.musterstadt)
    expected = roadmap.compute(network)
    row = next(r for r in selectors.coverage(world.musterstadt.state).rows if r.network == network)
    assert [s.done for s in row.roadmap.steps] == [s.done for s in expected.steps]


@pytest.mark.parametrize("extra", [0, 25])
def test_constant_number_of_queries(world, extra, django_assert_max_num_queries):
    state = world.musterstadt.state
    add_municipalities(state, extra, world.users["member"])
    with django_assert_max_num_queries(8):
        data = selectors.coverage(state)
    assert len(data.rows) == 2 + extra
    if extra:
        row = next(r for r in data.rows if r.municipality.name == "Testort 3")
        assert row.meetings_12m == 1 and row.published == 1


def test_csv_neutralises_formulas(client_as, world):
    start_municipality(state=world.musterstadt.state, name="=HYPERLINK(1)", ags="07880001")
    response = client_as("state_coordinator").get(reverse("states:coverage_csv", kwargs=RP))
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "'=HYPERLINK(1)" in text and "Musterstadt" in text and "Beispielstadt" in text


def test_registered_column_is_shown(client_as, world, monkeypatch):
    column = CoverageColumn("probe", "Kursabschluss", lambda ids: dict.fromkeys(ids, "42 %"))
    monkeypatch.setattr("wegweiser.states.selectors.coverage_columns", [*coverage_columns, column])
    text = client_as("state_coordinator").get(reverse("states:coverage", kwargs=RP)).content
    assert b"Kursabschluss" in text and b"42 %" in text


def test_foreign_state_coordinator_gets_404(client_as, world):
    response = client_as("foreign_state").get(reverse("states:coverage", kwargs=RP))
    assert response.status_code == 404
    assert Municipality.objects.filter(state__slug="rheinland-pfalz").count() == 2


def test_trend_has_eight_quarters(world):
    trend = selectors.coverage(world.musterstadt.state).trend
    assert len(trend) == 8 and trend[-1]["networks"] >= 1
