"""The log of reads of internal data (issue 11): written on reads, not on public pages, shown to
the municipality's coordinators only, in the person's own export, purged after the retention."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone

from wegweiser.accounts.models import InternalRead, ReadKind
from wegweiser.accounts.reads import record_read
from wegweiser.guidebook.models import ContactPerson

pytestmark = pytest.mark.django_db

SLUG = {"slug": "musterstadt"}


def reads_url(slug="musterstadt", query=""):
    return reverse("accounts:reads", kwargs={"slug": slug}) + query


def test_opening_the_internal_guidebook_is_logged_with_person_and_organisation(client_as, world):
    client_as("member").get(reverse("guidebook:overview", kwargs=SLUG) + "?version=internal")
    entry = InternalRead.objects.get()
    assert entry.kind == ReadKind.GUIDEBOOK
    assert entry.user == world.users["member"]
    assert entry.organization == world.organization
    assert entry.municipality == world.musterstadt


def test_an_internal_entry_and_a_contact_person_are_logged_by_reference(client_as, world):
    client = client_as("member")
    detail = reverse("guidebook:detail", kwargs={**SLUG, "pk": world.organization.pk})
    assert client.get(detail + "?version=internal").status_code == 200
    person = ContactPerson.objects.with_consent().filter(organization=world.organization).first()
    vcard = reverse(
        "guidebook_exports:person_vcard",
        kwargs={**SLUG, "organization": world.organization.pk, "person": person.pk},
    )
    assert client.get(vcard).status_code == 200
    kinds = list(InternalRead.objects.order_by("at", "id").values_list("kind", "ref"))
    assert kinds == [
        (ReadKind.ENTRY, str(world.organization.pk)),
        (ReadKind.CONTACT, str(person.pk)),
    ]
    # Only references: neither the contact person's name nor any of the page's text.
    assert person.name not in str(list(InternalRead.objects.values()))


def test_public_pages_are_not_logged(client_as, world):
    client = client_as("anonymous")
    client.get(reverse("guidebook:overview", kwargs=SLUG))
    client.get(reverse("guidebook:detail", kwargs={**SLUG, "pk": world.organization.pk}))
    member = client_as("member")
    member.get(reverse("guidebook:overview", kwargs=SLUG) + "?version=public")
    member.get(reverse("guidebook_exports:pdf", kwargs=SLUG))
    assert not InternalRead.objects.exists()


def test_case_conference_minutes_are_logged(client_as, world):
    from wegweiser.network import services
    from wegweiser.network.models import MeetingKind, Network

    when = timezone.now() - datetime.timedelta(days=2)
    meeting = services.create_meeting(
        Network.objects.get(municipality=world.musterstadt),
        created_by=world.users["coordinator"],
        kind=MeetingKind.CASE_CONFERENCE,
        title="Fallkonferenz",
        starts_at=when,
        ends_at=when + datetime.timedelta(hours=1),
        place="Beratungsstelle",
    )
    services.save_minutes(meeting, "1. Vereinbarungen")
    url = reverse("network:meeting_detail", kwargs={**SLUG, "meeting": meeting.pk})
    assert client_as("coordinator").get(url).status_code == 200
    entry = InternalRead.objects.get()
    assert (entry.kind, entry.ref) == (ReadKind.MINUTES, str(meeting.pk))


def test_a_failing_insert_never_breaks_the_page(client_as, world, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(InternalRead, "save", broken)
    response = client_as("member").get(
        reverse("guidebook:overview", kwargs=SLUG) + "?version=internal"
    )
    assert response.status_code == 200


def test_logging_is_one_insert_and_no_read(rf, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wegweiser.accounts.access import active_memberships

    request = rf.get("/")
    request.user = world.users["member"]
    active_memberships(request.user)  # the access check of the page has loaded them already
    with CaptureQueriesContext(connection) as queries:
        record_read(request, world.musterstadt, ReadKind.GUIDEBOOK)
    # Inside a transaction (as here) the INSERT sits in a savepoint; no SELECT at all.
    statements = [q["sql"].split()[0].upper() for q in queries.captured_queries]
    assert statements.count("INSERT") == 1 and "SELECT" not in statements


# --- the coordinator's page --------------------------------------------------------------------


def _log(world, persona, kind=ReadKind.GUIDEBOOK, municipality=None, days_ago=0, ref=""):
    return InternalRead.objects.create(
        municipality=municipality or world.musterstadt,
        user=world.users[persona],
        kind=kind,
        ref=ref,
        at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def test_coordinator_sees_her_municipality_only(client_as, world):
    _log(world, "member", ref="musterstadt-read")
    _log(world, "outsider", municipality=world.beispielstadt, ref="beispielstadt-read")
    page = client_as("coordinator").get(reads_url())
    assert page.status_code == 200
    body = page.content.decode()
    assert "musterstadt-read" in body and "beispielstadt-read" not in body
    assert world.users["member"].name in body


@pytest.mark.parametrize(("persona", "status"), [("outsider", 404), ("member", 403)])
def test_others_do_not_see_the_log(client_as, world, persona, status):
    _log(world, "member")
    assert client_as(persona).get(reads_url()).status_code == status
    assert client_as(persona).get(reverse("accounts:reads_csv", kwargs=SLUG)).status_code == status


def test_filters_by_person_kind_and_days(client_as, world):
    _log(world, "member", ReadKind.CONTACT, ref="wanted")
    _log(world, "counsellor", ReadKind.CONTACT, ref="other-person")
    _log(world, "member", ReadKind.PDF, ref="other-kind")
    _log(world, "member", ReadKind.CONTACT, days_ago=40, ref="too-old")
    since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
    query = f"?person={world.users['member'].pk}&kind=contact&since={since}"
    body = client_as("coordinator").get(reads_url(query=query)).content.decode()
    assert "wanted" in body
    assert "other-person" not in body and "other-kind" not in body and "too-old" not in body


def test_a_bad_filter_is_a_clear_400(client_as, world):
    response = client_as("coordinator").get(reads_url(query="?since=2026-02-30&kind=nonsense"))
    assert response.status_code == 400


def test_pages_of_fifty(client_as, world):
    InternalRead.objects.bulk_create(
        InternalRead(municipality=world.musterstadt, user=world.users["member"], kind="entry")
        for _ in range(51)
    )
    client = client_as("coordinator")
    first = client.get(reads_url()).content.decode()
    assert first.count('<tr class="kern-table__row">') == 51  # header row + 50
    assert 'rel="next"' in first
    second = client.get(reads_url(query="?page=2")).content.decode()
    assert second.count('<tr class="kern-table__row">') == 2


def test_csv_export_with_the_filter(client_as, world):
    _log(world, "member", ReadKind.CONTACT, ref="=HYPERLINK(1)")
    _log(world, "member", ReadKind.PDF, ref="not-in-csv")
    response = client_as("coordinator").get(
        reverse("accounts:reads_csv", kwargs=SLUG) + "?kind=contact"
    )
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text and "not-in-csv" not in text
    assert world.users["member"].name in text


# --- retention and the person's own export -----------------------------------------------------


def test_purge_keeps_the_retention_period(world, settings, capsys):
    settings.WEGWEISER_READ_LOG_DAYS = 365
    _log(world, "member", days_ago=366, ref="old")
    _log(world, "member", days_ago=364, ref="recent")
    call_command("purge_read_log", "--dry-run")
    assert "would delete 1" in capsys.readouterr().out
    assert InternalRead.objects.count() == 2
    call_command("purge_read_log")
    assert list(InternalRead.objects.values_list("ref", flat=True)) == ["recent"]


def test_purge_is_a_periodic_task(world, settings):
    from wegweiser.accounts.tasks import purge_read_log

    assert settings.WEGWEISER_PERIODIC_TASKS["purge_read_log"][0] == (
        "wegweiser.accounts.tasks.purge_read_log"
    )
    _log(world, "member", days_ago=settings.WEGWEISER_READ_LOG_DAYS + 1)
    assert purge_read_log.call() == {"reads": 1}
    assert not InternalRead.objects.exists()


def test_own_reads_are_in_the_personal_data_export(client_as, world):
    _log(world, "member", ReadKind.CONTACT, ref="mine")
    _log(world, "counsellor", ReadKind.CONTACT, ref="not-mine")
    response = client_as("member").get(reverse("accounts:personal_data"))
    reads = json.loads(response.content)["sections"]["reads_of_internal_data"]
    assert [(r["kind"], r["reference"], r["municipality"]) for r in reads] == [
        ("contact", "mine", "Musterstadt")
    ]


def test_a_deleted_account_leaves_its_reads_without_a_name(client_as, world):
    from wegweiser.accounts.personal_data import delete_account

    _log(world, "member", ReadKind.CONTACT, ref="kept")
    delete_account(world.users["member"])
    entry = InternalRead.objects.get(ref="kept")
    assert entry.user is None and entry.municipality == world.musterstadt


def test_privacy_page_mentions_the_log(client):
    body = client.get("/de/privacy/").content.decode()
    assert "Lesezugriffe auf interne Daten" in body and "365 Tage" in body
