"""Completion figures never reveal individuals: an organisation where fewer than three people took
a course shows "fewer than 3 participants" instead of counts, on the coordinator's page and in the
annual report, and no total lets anyone subtract the hidden cells back out."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from wegweiser.accounts.models import Membership, Role, User
from wegweiser.guidebook.models import Organization
from wegweiser.learning import selectors
from wegweiser.learning.models import Enrolment

COURSE = "referring-safely"
YEAR = datetime.date.today().year - 1
SMALL = "Kleine Beratungsstelle"


def _people(world, organization, count: int, *, completed: int) -> None:
    for number in range(count):
        user = User.objects.create_user(
            f"p{number}-{organization.pk}@example.org", "x" * 16, name=f"Person {number}"
        )
        Membership.objects.create(
            user=user, role=Role.MEMBER, municipality=world.musterstadt, organization=organization
        )
        done = (
            timezone.make_aware(datetime.datetime(YEAR, 6, 1, 10)) if number < completed else None
        )
        Enrolment.objects.create(
            user=user,
            municipality=world.musterstadt,
            organization=organization,
            course=COURSE,
            completed_at=done,
        )


def _organization(world, name: str) -> Organization:
    organization = Organization.objects.create(name=name, actor_type=world.counselling.actor_type)
    organization.municipalities.add(world.musterstadt)
    return organization


@pytest.fixture
def figures(world):
    """Jobcenter: 4 people took the course, 3 completed. A small organisation: 1 person, done."""
    Enrolment.objects.filter(municipality=world.musterstadt).delete()
    small = _organization(world, SMALL)
    _people(world, world.organization, 4, completed=3)
    _people(world, small, 1, completed=1)
    return world


def _row(table, name):
    return next(row for row in table["rows"] if row["organization"] == name)


def _column(table):
    return [course.slug for course in table["courses"]].index(COURSE)


def test_a_cell_with_fewer_than_three_participants_carries_no_numbers(figures):
    table = selectors.completion_table(figures.musterstadt)
    index = _column(table)
    shown = _row(table, "Jobcenter Musterstadt")["cells"][index]
    assert (shown["started"], shown["completed"], shown["shown"]) == (4, 3, True)
    hidden = _row(table, SMALL)["cells"][index]
    assert hidden == {"started": None, "completed": None, "shown": False, "more": False}
    # "Nobody started" in an organisation of one also names its member.
    assert all(not cell["shown"] for cell in _row(table, SMALL)["cells"])


def test_the_total_does_not_give_the_hidden_cell_away(figures):
    table = selectors.completion_table(figures.musterstadt)
    total = table["totals"][_column(table)]
    # 4 + 1 started, 3 + 1 completed would let the reader compute the small organisation's 1 / 1.
    assert (total["started"], total["completed"], total["more"]) == (4, 3, True)


def test_hidden_cells_of_three_or_more_people_together_count_in_the_total(figures, world):
    for name in ("Zweite kleine Stelle", "Dritte kleine Stelle"):
        organization = _organization(world, name)
        _people(world, organization, 1, completed=0)
    table = selectors.completion_table(figures.musterstadt)
    total = table["totals"][_column(table)]
    assert (total["started"], total["completed"], total["more"]) == (7, 4, False)


def test_coordinator_page_shows_fewer_than_three_instead_of_counts(client_as, figures):
    body = (
        client_as("coordinator")
        .get(reverse("learning:figures", kwargs={"slug": "musterstadt"}))
        .content.decode()
    )
    row = body.split(SMALL, 1)[1].split("</tr>", 1)[0]
    members, *cells = row.split('<td class="number">')[1:]
    assert members.startswith("1<")  # the member count is the coordinator's own roster
    assert len(cells) == 3 and all("weniger als 3 Teilnehmende" in cell for cell in cells)
    assert not any(c.isdigit() for cell in cells for c in cell.replace("3 Teilnehmende", ""))
    jobcenter = body.split("Jobcenter Musterstadt", 1)[1].split("</tr>", 1)[0]
    assert "4 / 3" in jobcenter


def test_annual_report_shows_fewer_than_three_instead_of_counts(client_as, figures):
    body = (
        client_as("coordinator")
        .get(reverse("network:report", kwargs={"slug": "musterstadt", "year": YEAR}))
        .content.decode()
    )
    section = body.split('id="courses-heading"', 1)[1].split("</section>", 1)[0]
    row = section.split(SMALL, 1)[1].split("</tr>", 1)[0]
    assert "weniger als 3 Teilnehmende" in row and ">1<" not in row
    totals = section.split("<tfoot>", 1)[1]
    assert ">3 <span" in totals  # the Jobcenter's three, plus a note, never 4
