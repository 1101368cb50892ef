"""Issue 15: what coordinators and members stumble over in the network pages."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from wegweiser.guidebook.models import Organization, OrganizationStatus
from wegweiser.network import roadmap
from wegweiser.network.models import Network


@pytest.fixture(autouse=True)
def _german_again():
    """Requests to /en/ pages leave English active in this thread; later tests expect German."""
    yield
    translation.activate("de")


def network(world):
    return Network.objects.get(municipality=world.musterstadt)


def en_url(name, **kwargs):
    kwargs.setdefault("slug", "musterstadt")
    with translation.override("en"):
        return reverse(f"network:{name}", kwargs=kwargs)


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def test_roadmap_never_says_published_while_an_entry_waits(client_as, world, english):
    Organization.objects.filter(pk=world.organization.pk).update(
        status=OrganizationStatus.IN_REVIEW
    )
    road = roadmap.compute(network(world))
    step = next(step for step in road.steps if step.key == "guidebook_published")
    assert not step.done
    assert "1 entry waits for approval." in step.evidence
    page = client_as("coordinator").get(en_url("dashboard")).content.decode()
    assert "Every entry is published" not in page
    assert "1 entry waits for approval." in page


# --- helpers -----------------------------------------------------------------------------------

import datetime  # noqa: E402

from django.utils import timezone  # noqa: E402

from wegweiser.network.models import (  # noqa: E402
    ActionItem,
    AgendaItem,
    Meeting,
    MeetingKind,
    MinutesComment,
)


def next_round_table():
    return (
        Meeting.objects.filter(network__municipality__slug="musterstadt", kind="round_table")
        .order_by("-starts_at")
        .first()
    )


def held_round_table():
    return (
        Meeting.objects.filter(network__municipality__slug="musterstadt", kind="round_table")
        .order_by("starts_at")
        .first()
    )


def m_url(name, meeting, **kwargs):
    return en_url(name, meeting=meeting.pk, **kwargs)


# --- minutes: comments per section, print view and PDF -------------------------------------------


def _circulate(client, meeting):
    client.post(
        m_url("minutes_edit", meeting), {"text": "1. Begrüßung\n\n2. Berichte\nZwei Fälle."}
    )
    client.post(m_url("minutes_transition", meeting, action="circulate"))


def test_invited_comment_per_section_until_approval(client_as, world, english):
    meeting = next_round_table()
    coordinator = client_as("coordinator")
    _circulate(coordinator, meeting)
    page = coordinator.get(m_url("meeting_detail", meeting)).content.decode()
    assert "Comment on section 2" in page
    coordinator.logout()
    member = client_as("member")  # invited to the next round table
    response = member.post(
        m_url("minutes_comment", meeting), {"section": "2", "text": "Es waren drei Fälle."}
    )
    assert response.status_code == 302
    comment = MinutesComment.objects.get()
    assert comment.section == 2 and comment.quoted.startswith("2. Berichte")
    assert "Es waren drei Fälle." in member.get(m_url("meeting_detail", meeting)).content.decode()
    # A section that does not exist changes nothing.
    member.post(m_url("minutes_comment", meeting), {"section": "9", "text": "x"})
    assert MinutesComment.objects.count() == 1
    member.logout()
    coordinator = client_as("coordinator")
    coordinator.post(m_url("minutes_transition", meeting, action="approve"))
    coordinator.logout()
    member = client_as("member")
    member.post(m_url("minutes_comment", meeting), {"section": "1", "text": "zu spät"})
    assert MinutesComment.objects.count() == 1  # closed on approval
    page = member.get(m_url("meeting_detail", meeting)).content.decode()
    assert "Comment on section 1" not in page and "Es waren drei Fälle." in page


def test_not_invited_member_cannot_comment(client_as, world, english):
    meeting = next_round_table()
    _circulate(client_as("coordinator"), meeting)
    meeting.participants.filter(user=world.users["member"]).delete()
    client = client_as("member")
    response = client.post(m_url("minutes_comment", meeting), {"section": "1", "text": "x"})
    assert response.status_code in (403, 404)
    assert not MinutesComment.objects.exists()


def test_approved_minutes_print_view_and_pdf(client_as, world, english):
    meeting = held_round_table()
    client = client_as("member")
    page = client.get(m_url("meeting_detail", meeting)).content.decode()
    assert m_url("minutes_pdf", meeting) in page and m_url("minutes_print", meeting) in page
    printed = client.get(m_url("minutes_print", meeting)).content.decode()
    assert "Das Jobcenter berichtet" in printed and "Der Runde Tisch trifft sich" in printed
    pdf = client.get(m_url("minutes_pdf", meeting))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    # Minutes that are not approved have neither.
    assert client.get(m_url("minutes_print", next_round_table())).status_code == 404


# --- agenda: edit and reorder ------------------------------------------------------------------


def test_agenda_items_can_be_edited_and_reordered(client_as, world, english):
    meeting = next_round_table()
    client = client_as("coordinator")
    items = list(meeting.agenda_items.order_by("order"))
    assert len(items) >= 2
    first, second = items[0], items[1]
    page = client.get(m_url("agenda_edit", meeting, item=first.pk))
    assert page.status_code == 200
    response = client.post(
        m_url("agenda_edit", meeting, item=first.pk),
        {
            "title": "Begrüßung und Vorstellungsrunde",
            "duration_minutes": "20",
            "order": first.order,
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.title == "Begrüßung und Vorstellungsrunde" and first.duration_minutes == 20
    client.post(m_url("agenda_move", meeting, item=second.pk), {"direction": "up"})
    ordered = list(meeting.agenda_items.order_by("order").values_list("pk", flat=True))
    assert ordered[:2] == [second.pk, first.pk]
    assert list(
        AgendaItem.objects.filter(meeting=meeting).order_by("order").values_list("order", flat=True)
    ) == [10 * n for n in range(1, len(items) + 1)]
    bad = client.post(m_url("agenda_move", meeting, item=second.pk), {"direction": "sideways"})
    assert bad.status_code == 302
    assert list(meeting.agenda_items.order_by("order").values_list("pk", flat=True)) == ordered


# --- meeting form ------------------------------------------------------------------------------


def _meeting_data(**changes):
    start = timezone.localtime(timezone.now() + datetime.timedelta(days=14))
    data = {
        "kind": MeetingKind.ROUND_TABLE,
        "title": "Runder Tisch",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "duration_minutes": "120",
        "place": "Rathaus",
    }
    data.update(changes)
    return data


def test_round_table_form_shows_no_case_conference_fields(client_as, world, english):
    client = client_as("coordinator")
    page = client.get(en_url("meeting_create")).content.decode()
    assert 'name="case_code"' not in page and 'name="case_summary"' not in page
    assert "?kind=case_conference" in page
    case = client.get(en_url("meeting_create") + "?kind=case_conference").content.decode()
    assert 'name="case_code"' in case


def test_start_in_the_past_needs_confirmation(client_as, world, english):
    client = client_as("coordinator")
    past = (timezone.localtime() - datetime.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    count = Meeting.objects.count()
    response = client.post(en_url("meeting_create"), _meeting_data(starts_at=past))
    assert response.status_code == 400
    assert (
        "in the past" in response.content.decode() and 'name="past_ok"' in response.content.decode()
    )
    assert Meeting.objects.count() == count
    confirmed = client.post(en_url("meeting_create"), _meeting_data(starts_at=past, past_ok="on"))
    assert confirmed.status_code == 302 and Meeting.objects.count() == count + 1
    future = client.post(en_url("meeting_create"), _meeting_data())
    assert future.status_code == 302


def test_task_owner_lists_hold_only_network_members(client_as, world, english):
    from wegweiser.guidebook.models import Organization

    page = (
        client_as("coordinator").get(m_url("meeting_detail", next_round_table())).content.decode()
    )
    owner_select = page[page.index('name="action-owner_organization"') :]
    owner_select = owner_select[: owner_select.index("</select>")]
    assert "Jobcenter Musterstadt" in owner_select
    customs = Organization.objects.get(actor_type__key="customs_fks")
    assert customs.name not in owner_select  # in the guidebook, not a member of the network


# --- dashboard: overdue tasks and links --------------------------------------------------------


def test_dashboards_flag_overdue_tasks_and_link_them(client_as, world, english):
    overdue = ActionItem.objects.get(title="Ausländerbehörde zum Runden Tisch einladen")
    client = client_as("coordinator")
    with translation.override("en"):
        dashboard = client.get(reverse("core:dashboard")).content.decode()
    assert "1 overdue" in dashboard
    assert f"#task-{overdue.pk}" in dashboard
    network_page = client.get(en_url("dashboard")).content.decode()
    assert f"#task-{overdue.pk}" in network_page
    assert f'id="task-{overdue.pk}"' in client.get(en_url("actions")).content.decode()


# --- query counts: login and the coordinator's meeting page ----------------------------------


def test_meeting_page_query_count(client_as, world, django_assert_max_num_queries):
    """Issue 15: the coordinator's meeting page took 2 s. Its queries do not grow with the
    agenda, the minutes' comments or the tasks (measured after merging main: 21 before, 20 now)."""
    meeting = held_round_table()
    client = client_as("coordinator")
    for number in range(5):
        AgendaItem.objects.create(meeting=meeting, title=f"Punkt {number}", order=100 + number)
    with django_assert_max_num_queries(20):
        assert client.get(m_url("meeting_detail", meeting)).status_code == 200


def test_login_query_count(client, world, django_assert_max_num_queries):
    from wegweiser.testing import DEMO_PASSWORD, PERSONA_EMAILS

    # 15: the lockout is checked per address and per account (two sums, issue 11), then the
    # user, the session, the axes log and reset, the last-login update.
    with django_assert_max_num_queries(15):
        response = client.post(
            "/en/accounts/login/",
            {"username": PERSONA_EMAILS["member"], "password": DEMO_PASSWORD},
        )
    assert response.status_code == 302
