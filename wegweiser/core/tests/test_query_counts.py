"""Every list page answers with the same number of SQL queries at 10 and at 1,000 rows (issue 16).

Rows are bulk-inserted into the demo world; each page is fetched once with 10 extra rows and once
with 1,000, with an empty cache, and the two query counts must be equal (no query per row).
"""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wegweiser.testing import login


def _queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _organizations(municipality, start: int, count: int) -> None:
    from wegweiser.guidebook.models import (
        ActorType,
        Location,
        MandateItem,
        MandateNeed,
        MandateTranslation,
        Need,
        Organization,
        OrganizationStatus,
    )
    from wegweiser.guidebook.search import index_text

    types = list(ActorType.objects.all())
    need = Need.objects.first()
    rows = []
    for i in range(start, start + count):
        name = f"Zaehlstelle {i:04d}"
        rows.append(
            Organization(
                actor_type=types[i % len(types)],
                name=name,
                status=OrganizationStatus.PUBLISHED,
                languages=["de", "ro"],
                search_text=index_text([name, "Zählwerk"]),
                internal_search_text=index_text([name, "Zählwerk"]),
                last_confirmed_at=datetime.date.today(),
            )
        )
    Organization.objects.bulk_create(rows)
    through = Organization.municipalities.through
    through.objects.bulk_create([through(organization=o, municipality=municipality) for o in rows])
    Location.objects.bulk_create(
        [Location(organization=o, street="Zählweg 1", city="Musterstadt") for o in rows]
    )
    items = [MandateItem(organization=o, kind="can", text="Zählt.") for o in rows]
    MandateItem.objects.bulk_create(items)
    MandateTranslation.objects.bulk_create(
        [MandateTranslation(item=i, language="en", text="Counts.", source_version=1) for i in items]
    )
    MandateNeed.objects.bulk_create([MandateNeed(item=i, need=need, role="acts") for i in items])


def _equal_at_10_and_1000(client, url: str, add) -> None:
    add(0, 10)
    _queries(client, url)  # first request of the process: per-process caches fill
    small = _queries(client, url)
    add(10, 990)
    large = _queries(client, url)
    assert small == large, f"{url}: {small} queries at 10 rows, {large} at 1,000"


@pytest.mark.parametrize(
    "url", ["/de/m/musterstadt/guidebook/", "/de/m/musterstadt/guidebook/search/?q=zaehlwerk"]
)
def test_guidebook_lists(client, world, url):
    _equal_at_10_and_1000(client, url, lambda s, n: _organizations(world.musterstadt, s, n))


def test_state_search_for_members(client, world):
    """The members' search across the state's guidebooks. On PostgreSQL whole-word matches
    come first and parts of words are looked up only when those are fewer than the page holds
    (one query more at 10 rows than at 1,000); the count never grows with the rows."""
    login(client, world.users["member"])
    url = "/de/state/rheinland-pfalz/search/?q=zaehlwerk"
    _organizations(world.musterstadt, 0, 10)
    _queries(client, url)  # first request of the process: per-process caches fill
    small = _queries(client, url)
    _organizations(world.musterstadt, 10, 990)
    large = _queries(client, url)
    assert large <= small, f"{url}: {small} queries at 10 rows, {large} at 1,000"
    if connection.vendor != "postgresql":
        assert large == small


def test_guidebook_lists_for_members(client, world):
    login(client, world.users["member"])
    url = "/de/m/musterstadt/guidebook/search/?q=zaehlwerk&version=internal"
    _equal_at_10_and_1000(client, url, lambda s, n: _organizations(world.musterstadt, s, n))


def _meetings(world, start: int, count: int) -> None:
    from wegweiser.network.models import ActionItem, Meeting, Network

    network = Network.objects.get(municipality=world.musterstadt)
    now = timezone.now()
    meetings = [
        Meeting(
            network=network,
            kind="plenary",
            title=f"Treffen {i}",
            starts_at=now + datetime.timedelta(days=i % 300 - 150),
            ends_at=now + datetime.timedelta(days=i % 300 - 150, hours=2),
        )
        for i in range(start, start + count)
    ]
    Meeting.objects.bulk_create(meetings)
    ActionItem.objects.bulk_create(
        [
            ActionItem(
                network=network,
                meeting=meeting,
                title=f"Aufgabe {meeting.title}",
                owner_organization=world.organization,
                owner_user=world.users["member"],
                due_date=datetime.date.today(),
            )
            for meeting in meetings
        ]
    )


@pytest.mark.parametrize(
    "url", ["/de/m/musterstadt/network/meetings/", "/de/m/musterstadt/network/actions/"]
)
def test_network_meeting_and_task_lists(client, world, url):
    login(client, world.users["coordinator"])
    _equal_at_10_and_1000(client, url, lambda s, n: _meetings(world, s, n))


def _members(world, start: int, count: int) -> None:
    from wegweiser.accounts.models import Membership, Role, User

    users = User.objects.bulk_create(
        [User(email=f"zaehl{i}@example.org", name=f"Zähl {i}") for i in range(start, start + count)]
    )
    Membership.objects.bulk_create(
        [
            Membership(
                user=u,
                role=Role.MEMBER,
                municipality=world.musterstadt,
                organization=world.organization,
            )
            for u in users
        ]
    )


def test_network_members_list(client, world):
    login(client, world.users["coordinator"])
    _equal_at_10_and_1000(
        client, "/de/m/musterstadt/network/members/", lambda s, n: _members(world, s, n)
    )


def _municipalities(world, start: int, count: int) -> None:
    from wegweiser.core.models import Municipality
    from wegweiser.network.models import Network

    rows = Municipality.objects.bulk_create(
        [
            Municipality(
                state=world.musterstadt.state,
                name=f"Zählgemeinde {i:04d}",
                slug=f"zaehl-{i:04d}",
                ags=f"07{900000 + i:06d}",
            )
            for i in range(start, start + count)
        ]
    )
    Network.objects.bulk_create([Network(municipality=m, name=f"Netzwerk {m.name}") for m in rows])
    _organizations(rows[0], start, 1)


@pytest.mark.parametrize(
    "url",
    [
        "/de/dashboard/",
        "/de/state/rheinland-pfalz/coverage/",
        "/de/state/rheinland-pfalz/",
    ],
)
def test_state_pages_over_many_municipalities(client, world, url):
    login(client, world.users["state_coordinator"])
    _equal_at_10_and_1000(client, url, lambda s, n: _municipalities(world, s, n))


def test_dashboard_of_a_member(client, world):
    login(client, world.users["member"])
    _equal_at_10_and_1000(client, "/de/dashboard/", lambda s, n: _meetings(world, s, n))


@pytest.mark.parametrize("page", ["/de/m/musterstadt/navigator/", "/ro/m/musterstadt/help/"])
def test_navigator_over_many_actors(client, world, page):
    """The recommendation reads the municipality's actors in one set of queries (issue 16)."""
    from wegweiser.guidebook.models import Need

    need = Need.objects.first()
    assert need is not None
    url = f"{page}?needs={need.key}"
    _equal_at_10_and_1000(client, url, lambda s, n: _organizations(world.musterstadt, s, n))
