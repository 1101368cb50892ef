import datetime
import re
import zoneinfo

import icalendar
import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from wegweiser.accounts.models import Membership, User
from wegweiser.core.csv import neutralise
from wegweiser.network import recurrence, roadmap, services
from wegweiser.network.models import (
    ActionItem,
    ActionStatus,
    CalendarFeed,
    Meeting,
    MeetingKind,
    Minutes,
    Network,
    Participant,
    Rsvp,
)
from wegweiser.network.tests.helpers import make_meeting, network

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


# --- recurrence ----------------------------------------------------------------------------------


def test_second_tuesday_of_each_quarter():
    days = recurrence.occurrences("quarterly", 2, 1, datetime.date(2026, 1, 1), 4)
    assert days == [
        datetime.date(2026, 1, 13),
        datetime.date(2026, 4, 14),
        datetime.date(2026, 7, 14),
        datetime.date(2026, 10, 13),
    ]


def test_last_thursday_monthly_and_start_inside_month():
    days = recurrence.occurrences("monthly", -1, 3, datetime.date(2026, 2, 27), 2)
    assert days == [datetime.date(2026, 3, 26), datetime.date(2026, 4, 30)]


def test_fifth_weekday_is_skipped_when_missing_and_bad_input_refused():
    days = recurrence.occurrences("monthly", 5, 0, datetime.date(2026, 1, 1), 2)
    assert all(d.weekday() == 0 and d.day > 28 for d in days)
    with pytest.raises(ValueError):
        recurrence.occurrences("weekly", 1, 0, datetime.date(2026, 1, 1), 1)


# --- calendar ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("month", "utc_hour"), [(7, 12), (1, 13)])
def test_ics_times_right_in_summer_and_winter(world, month, utc_hour):
    meeting = make_meeting(world, services.aware(datetime.date(2027, month, 13), datetime.time(14)))
    cal = icalendar.Calendar.from_ical(services.calendar_bytes([meeting], "x"))
    event = next(iter(cal.walk("VEVENT")))
    start = event.decoded("dtstart")
    assert start.hour == 14 and str(start.tzinfo) in ("Europe/Berlin",)
    assert start.astimezone(datetime.UTC).hour == utc_hour
    assert cal.walk("VTIMEZONE"), "a VTIMEZONE must accompany TZID times"


def test_meeting_ics_view(client_as, world):
    meeting = make_meeting(world, services.aware(datetime.date(2027, 7, 1), datetime.time(9)))
    response = client_as("coordinator").get(
        reverse("network:meeting_ics", kwargs={"slug": "musterstadt", "meeting": meeting.pk})
    )
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert b"TZID=Europe/Berlin" in response.content


def test_feed_token_reset_makes_old_url_404(client_as, world):
    client = client_as("member")
    client.post(reverse("network:calendar_reset"))
    old = CalendarFeed.objects.get(user=world.users["member"]).token
    assert client.get(reverse("network:feed", kwargs={"token": old})).status_code == 200
    client.post(reverse("network:calendar_reset"))
    new = CalendarFeed.objects.get(user=world.users["member"]).token
    assert new != old
    assert client.get(reverse("network:feed", kwargs={"token": old})).status_code == 404
    feed = client.get(reverse("network:feed", kwargs={"token": new}))
    assert feed.status_code == 200 and b"Runder Tisch" in feed.content
    page = client.get(reverse("network:calendar"))
    assert new in page.content.decode()


# --- roadmap -------------------------------------------------------------------------------------


def test_roadmap_advances_only_when_workshop_is_held(world):
    fresh = Network.objects.create(municipality=world.beispielstadt, name="Netz B")
    when = services.aware(datetime.date(2027, 3, 10), datetime.time(9))
    with time_machine.travel(datetime.datetime(2027, 3, 1, 12, tzinfo=BERLIN)):
        assert roadmap.compute(fresh).next_step.key == "workshop_1"
        meeting = services.create_meeting(
            fresh,
            created_by=world.users["outsider"],
            kind=MeetingKind.WORKSHOP_1,
            title="Workshop I",
            starts_at=when,
            ends_at=when + datetime.timedelta(hours=3),
            place="Rathaus",
        )
        services.invite_users(meeting, [world.users["outsider"]], notify=False)
    with time_machine.travel(datetime.datetime(2027, 3, 10, 13, tzinfo=BERLIN)):
        # Held but nobody's attendance recorded: not a real event yet.
        assert roadmap.compute(fresh).next_step.key == "workshop_1"
        services.record_attendance(meeting, {str(meeting.participants.get().pk)})
        road = roadmap.compute(fresh)
        assert road.steps[0].done and road.next_step.key != "workshop_1"


def test_demo_roadmap_and_gaps(world):
    road = roadmap.compute(network(world))
    assert road.steps[0].done  # Workshop I held in the demo
    gap_keys = {gap.actor_type.key for gap in services.gaps(network(world))}
    assert "immigration_authority" in gap_keys and "jobcenter" not in gap_keys


# --- invitations ---------------------------------------------------------------------------------


def test_invitation_accept_creates_account_once(client_as, world, client):
    coordinator = client_as("coordinator")
    organization = world.organization
    response = coordinator.get(
        reverse("network:invite", kwargs={"slug": "musterstadt"})
        + f"?organization={organization.pk}"
    )
    assert response.status_code == 200 and organization.name in response.content.decode()
    coordinator.post(
        reverse("network:invite", kwargs={"slug": "musterstadt"}),
        {"email": "neu@jobcenter.example.org", "role": "member", "organization": organization.pk},
    )
    link = re.search(r"http\S+/network/invitation/(\S+)/", mail.outbox[-1].body)
    token = link.group(1)
    coordinator.logout()
    link_url = reverse("network:accept", kwargs={"token": token})
    url = client.get(link_url)["Location"]  # the token leaves the address (issue 11)
    weak = client.post(url, {"name": "Nora Neu", "password1": "12345", "password2": "12345"})
    assert weak.status_code == 400 and not User.objects.filter(email="neu@jobcenter.example.org")
    ok = client.post(
        url,
        {
            "name": "Nora Neu",
            "password1": "lange-sichere-phrase-7",
            "password2": "lange-sichere-phrase-7",
        },
    )
    assert ok.status_code == 302
    user = User.objects.get(email="neu@jobcenter.example.org")
    membership = Membership.objects.get(user=user)
    assert membership.role == "member" and membership.organization == organization
    client.logout()
    assert client.get(link_url).status_code == 404  # single use


def test_member_leaves_and_is_not_deleted(client_as, world):
    client = client_as("member")
    assert client.post(reverse("network:leave", kwargs={"slug": "musterstadt"})).status_code == 302
    membership = Membership.objects.get(user=world.users["member"])
    assert membership.valid_until is not None and membership.history.count() >= 2


# --- meetings ------------------------------------------------------------------------------------


def test_rsvp_respects_capacity_with_waiting_list(world):
    meeting = make_meeting(
        world, services.aware(datetime.date(2030, 1, 8), datetime.time(10)), capacity=1
    )
    services.invite_users(
        meeting, [world.users["coordinator"], world.users["member"]], notify=False
    )
    first = meeting.participants.get(user=world.users["coordinator"])
    second = meeting.participants.get(user=world.users["member"])
    assert services.respond(first, Rsvp.YES) == Rsvp.YES
    assert services.respond(second, Rsvp.YES) == Rsvp.WAITING
    services.respond(first, Rsvp.NO)
    second.refresh_from_db()
    assert second.rsvp == Rsvp.YES


def test_action_items_carry_over_until_done(world):
    first = make_meeting(world, services.aware(datetime.date(2030, 1, 8), datetime.time(10)))
    second = make_meeting(world, services.aware(datetime.date(2030, 4, 8), datetime.time(10)))
    third = make_meeting(world, services.aware(datetime.date(2030, 7, 8), datetime.time(10)))
    item = ActionItem.objects.create(network=first.network, meeting=first, title="Flyer")
    assert item in services.carried_over(second) and item in services.carried_over(third)
    with time_machine.travel(datetime.datetime(2030, 5, 1, tzinfo=BERLIN)):
        services.set_action_status(item, ActionStatus.DONE)
    assert item in services.carried_over(second)
    assert item not in services.carried_over(third)


def test_minutes_flow_and_approved_are_read_only(client_as, world):
    meeting = make_meeting(world, services.aware(datetime.date(2026, 1, 8), datetime.time(10)))
    client = client_as("coordinator")
    kwargs = {"slug": "musterstadt", "meeting": meeting.pk}
    client.post(reverse("network:minutes_edit", kwargs=kwargs), {"text": "Protokoll"})
    for action in ("circulate", "approve"):
        client.post(reverse("network:minutes_transition", kwargs={**kwargs, "action": action}))
    assert Minutes.objects.get(meeting=meeting).status == "approved"
    assert client.get(reverse("network:minutes_edit", kwargs=kwargs)).status_code == 403
    response = client.post(reverse("network:decision_add", kwargs=kwargs), {"decision-text": "x"})
    assert response.status_code == 403
    agenda = {"agenda-title": "x", "agenda-duration_minutes": "5", "agenda-order": "1"}
    assert client.post(reverse("network:agenda_add", kwargs=kwargs), agenda).status_code == 403


def test_case_conference_only_for_participants(client_as, world):
    conference = Meeting.objects.get(kind=MeetingKind.CASE_CONFERENCE)
    url = reverse(
        "network:meeting_detail", kwargs={"slug": "musterstadt", "meeting": conference.pk}
    )
    counsellor = client_as("counsellor")
    assert counsellor.get(url).status_code == 200
    # The organiser writes its minutes; they stay with the participants.
    minutes_url = reverse(
        "network:minutes_edit", kwargs={"slug": "musterstadt", "meeting": conference.pk}
    )
    assert (
        counsellor.post(minutes_url, {"text": "Vereinbarung: Lohnklage vorbereiten"}).status_code
        == 302
    )
    counsellor.logout()
    for persona in ("coordinator", "member", "state_coordinator", "outsider"):
        client = client_as(persona)
        assert client.get(url).status_code == 404, persona
        assert client.get(minutes_url).status_code == 404, persona
        listing = client.get(reverse("network:meetings", kwargs={"slug": "musterstadt"}))
        assert conference.case_code.encode() not in listing.content
        client.logout()


def test_outsider_sees_nothing(client_as, world):
    client = client_as("outsider")
    for name in ("dashboard", "members", "meetings", "actions"):
        assert (
            client.get(reverse(f"network:{name}", kwargs={"slug": "musterstadt"})).status_code
            == 404
        )


# --- files ---------------------------------------------------------------------------------------


def test_upload_sniffs_type_and_download_is_guarded(client_as, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = make_meeting(world, services.aware(datetime.date(2030, 1, 8), datetime.time(10)))
    services.invite_users(meeting, [world.users["member"]], notify=False)
    client = client_as("coordinator")
    url = reverse("network:file_upload", kwargs={"slug": "musterstadt", "meeting": meeting.pk})
    fake = SimpleUploadedFile("evil.pdf", b"MZ\x90\x00\x03\x00\x00\x00binary", "application/pdf")
    client.post(url, {"file": fake})
    assert not meeting.files.exists()
    pdf = SimpleUploadedFile("agenda.txt", b"%PDF-1.7\n...", "text/plain")
    client.post(url, {"file": pdf})
    stored = meeting.files.get()
    assert stored.content_type == "application/pdf"
    download = reverse("network:file_download", kwargs={"slug": "musterstadt", "file": stored.pk})
    response = client.get(download)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
    client.logout()
    assert client_as("counsellor").get(download).status_code == 404


def test_upload_size_limit(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.WEGWEISER_MAX_UPLOAD_BYTES = 10
    meeting = make_meeting(world, services.aware(datetime.date(2030, 1, 8), datetime.time(10)))
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.store_file(
            meeting, SimpleUploadedFile("a.txt", b"x" * 11), world.users["coordinator"]
        )


# --- reports -------------------------------------------------------------------------------------


def test_report_page_and_csv_neutralises_formulas(client_as, world):
    year = timezone.localdate().year
    Network.objects.filter(pk=network(world).pk)
    client = client_as("coordinator")
    page = client.get(reverse("network:report", kwargs={"slug": "musterstadt", "year": year}))
    assert page.status_code == 200 and b'role="img"' in page.content
    assert neutralise("=SUM(A1)") == "'=SUM(A1)" and neutralise("-1") == "'-1"
    csv = client.get(reverse("network:report_csv", kwargs={"slug": "musterstadt", "year": year}))
    assert csv["Content-Type"].startswith("text/csv")
    assert "Workshop I" in csv.content.decode("utf-8-sig") or "Workshop" in csv.content.decode(
        "utf-8-sig"
    )


# --- reminders -----------------------------------------------------------------------------------


def test_send_reminders_is_idempotent(world):
    meeting = make_meeting(world, timezone.now() + datetime.timedelta(days=1))
    services.invite_users(meeting, [world.users["member"]], notify=False)
    mail.outbox.clear()
    first = services.send_reminders()
    assert first["meetings"] == 1 and first["overdue"] >= 1
    count = len(mail.outbox)
    second = services.send_reminders()
    assert second == {"meetings": 0, "overdue": 0} and len(mail.outbox) == count


# --- query counts --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["meetings", "members", "actions"])
def test_list_pages_have_constant_queries(client_as, world, django_assert_max_num_queries, name):
    client = client_as("coordinator")
    for day in range(8):
        meeting = make_meeting(
            world, services.aware(datetime.date(2030, 1, 1 + day), datetime.time(10))
        )
        services.invite_users(meeting, [world.users["member"]], notify=False)
        ActionItem.objects.create(network=meeting.network, meeting=meeting, title=f"t{day}")
    url = reverse(f"network:{name}", kwargs={"slug": "musterstadt"})
    with django_assert_max_num_queries(20):
        assert client.get(url).status_code == 200


def test_dashboard_and_public_section(client_as, world, client):
    public = client.get(reverse("core:municipality", kwargs={"slug": "musterstadt"}))
    assert "Netzwerk gegen Arbeitsausbeutung" in public.content.decode()
    assert b"MS-2026-014" not in public.content
    response = client_as("coordinator").get(reverse("core:dashboard"))
    assert b"network-dash-heading" in response.content
    page = client.get(reverse("network:dashboard", kwargs={"slug": "musterstadt"}))
    assert page.status_code == 200 and b"gaps-heading" in page.content
    assert Participant.objects.exists()


def test_german_catalogue_complete_and_used(world):
    from pathlib import Path

    import polib
    from django.utils import translation

    po = polib.pofile(str(Path(roadmap.__file__).parent / "locale/de/LC_MESSAGES/django.po"))
    assert not po.fuzzy_entries()
    assert not po.untranslated_entries()  # nothing left empty
    with translation.override("de"):
        road = roadmap.compute(network(world))
        assert "Runde" in road.steps[-1].evidence and road.steps[0].definition.title == (
            "Workshop I durchgeführt"
        )


def test_counsellor_plans_a_case_conference_and_nothing_else(client_as, world):
    from wegweiser.network.models import Meeting, MeetingKind

    client = client_as("counsellor")
    page = client.get("/de/m/musterstadt/network/meetings/")
    assert "?kind=case_conference" in page.content.decode()
    form = client.get("/de/m/musterstadt/network/meetings/new/")
    assert form.status_code == 200
    assert 'value="round_table"' not in form.content.decode()
    data = {
        "kind": "case_conference",
        "title": "Fallkonferenz F-2026-17",
        "starts_at": f"{datetime.date.today().year + 1}-02-10T10:00",
        "duration_minutes": "90",
        "place": "Fachberatungsstelle, Besprechungsraum",
        "case_code": "F-2026-17",
        "case_summary": "Saisonarbeit, Lohn seit drei Monaten nicht gezahlt.",
    }
    response = client.post("/de/m/musterstadt/network/meetings/new/", data)
    assert response.status_code == 302
    meeting = Meeting.objects.get(case_code="F-2026-17")
    assert meeting.kind == MeetingKind.CASE_CONFERENCE
    assert meeting.participants.filter(user=world.users["counsellor"]).exists()
    # A round table is not hers to plan.
    refused = client.post(
        "/de/m/musterstadt/network/meetings/new/", {**data, "kind": "round_table"}
    )
    assert refused.status_code == 400
    assert not Meeting.objects.filter(kind="round_table", title=data["title"]).exists()
