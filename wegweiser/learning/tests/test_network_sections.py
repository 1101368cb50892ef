"""The course module on the network's pages, through the registry slots (network never imports
learning): course completions in the annual report, the Workshop I kit on the Workshop I step."""

import datetime

from django.urls import reverse
from django.utils import timezone

from wegweiser.accounts.models import Membership, Role, User
from wegweiser.learning.models import Enrolment

SLUG = {"slug": "musterstadt"}


def _complete(world, year: int, course: str, member=None) -> None:
    member = member or world.users["member"]
    Enrolment.objects.create(
        user=member,
        municipality=world.musterstadt,
        organization=world.organization,
        course=course,
        completed_at=timezone.make_aware(datetime.datetime(year, 6, 1, 10)),
    )


def _colleague(world, number: int) -> User:
    user = User.objects.create_user(f"colleague{number}@example.org", "x" * 16, name="Kollegin")
    Membership.objects.create(
        user=user, role=Role.MEMBER, municipality=world.musterstadt, organization=world.organization
    )
    return user


def test_annual_report_counts_course_completions_of_its_year(client_as, world):
    Enrolment.objects.filter(municipality=world.musterstadt).delete()
    for member in [world.users["member"], _colleague(world, 1), _colleague(world, 2)]:
        _complete(world, 2025, "referring-safely", member)
    _complete(world, 2024, "recognising-exploitation")
    client = client_as("coordinator")
    page = client.get(reverse("network:report", kwargs={**SLUG, "year": 2025})).content.decode()
    assert 'id="courses-heading"' in page
    row = page.split(world.organization.name, 1)[1].split("</tr>", 1)[0]
    # Courses in the offered order: recognising (one person: too few to show), know the others
    # (nobody, in an organisation of three or more), referring (three completed in 2025).
    cells = [cell.split("</td>", 1)[0] for cell in row.split('<td class="kern-table__cell">')[1:]]
    assert "weniger als 3 Teilnehmende" in cells[0]
    assert cells[1:] == ["0", "3"]
    other = client.get(reverse("network:report", kwargs={**SLUG, "year": 2023})).content.decode()
    assert 'id="courses-heading"' in other and ">3</td>" not in other


def test_state_coordinator_sees_the_figures_in_the_report_too(client_as, world):
    page = client_as("state_coordinator").get(
        reverse("network:report", kwargs={**SLUG, "year": 2025})
    )
    assert page.status_code == 200 and b'id="courses-heading"' in page.content


def test_workshop_step_links_the_kit_for_coordinators_only(client_as, world):
    kit = reverse("learning:workshop", kwargs=SLUG)
    step = reverse("network:roadmap_step", kwargs={**SLUG, "step": "workshop_1"})
    other_step = reverse("network:roadmap_step", kwargs={**SLUG, "step": "round_table"})
    coordinator = client_as("coordinator")
    assert f'href="{kit}"' in coordinator.get(step).content.decode()
    assert kit not in coordinator.get(other_step).content.decode()
    member_page = client_as("member").get(step)
    assert member_page.status_code == 200 and kit not in member_page.content.decode()
