"""Issue 11: a withdrawn contact person's data stayed forever in the table and its history."""

import datetime

import pytest
from django.core.management import call_command

from wegweiser.guidebook.models import ContactPerson

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def person(world, name, withdrawn_days_ago=None):
    contact = ContactPerson.objects.create(
        organization=world.counselling,
        name=name,
        function="Beraterin",
        phone="+49 30 1234",
        email=f"{name.split()[0].lower()}@example.org",
        practical_note="Mittags erreichbar",
        consent_given_at=TODAY - datetime.timedelta(days=400),
        consent_how="schriftlich",
    )
    contact.phone = "+49 30 5678"  # a second history row
    contact.save()
    if withdrawn_days_ago is not None:
        contact.consent_withdrawn_at = TODAY - datetime.timedelta(days=withdrawn_days_ago)
        contact.save()
    return contact


def run(*arguments) -> str:
    from io import StringIO

    out = StringIO()
    call_command("purge_withdrawn_contacts", *arguments, stdout=out)
    return out.getvalue()


def test_dry_run_counts_and_changes_nothing(world):
    old = person(world, "Olga Alt", withdrawn_days_ago=40)
    assert "1 contact person(s), 3 history row(s)" in run("--dry-run")
    old.refresh_from_db()
    assert old.name == "Olga Alt"
    assert old.history.filter(name="Olga Alt").count() == 3


def test_personal_fields_are_purged_in_record_and_history(world):
    old = person(world, "Olga Alt", withdrawn_days_ago=40)
    recent = person(world, "Rita Recent", withdrawn_days_ago=5)
    consenting = person(world, "Clara Consent")
    assert "purged 1 contact person(s), 3 history row(s)" in run()
    old.refresh_from_db()
    assert (old.name, old.phone, old.email, old.practical_note) == ("", "", "", "")
    assert old.consent_withdrawn_at is not None  # the proof that consent ended stays
    for row in old.history.all():
        assert (row.name, row.function, row.phone, row.email, row.practical_note) == ("",) * 5
    recent.refresh_from_db()
    consenting.refresh_from_db()
    assert recent.name == "Rita Recent" and consenting.name == "Clara Consent"
    assert "purged 0" in run()  # idempotent


def test_the_grace_period_is_a_setting(world, settings):
    settings.WEGWEISER_CONTACT_PURGE_DAYS = 3
    person(world, "Rita Recent", withdrawn_days_ago=5)
    assert "purged 1" in run()
