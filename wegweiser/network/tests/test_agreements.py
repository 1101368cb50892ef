"""Cooperation agreements: the rules of their life (status from dates), the services, the pages and
what the public sees (state page, guidebook entry): title, parties and dates, never contact points
or tasks."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from wegweiser.network import services
from wegweiser.network.models import AgreementStatus, CooperationAgreement

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
SECRET_CONTACT = "Durchwahl 0815 nur für das Netzwerk"


@pytest.fixture(autouse=True)
def _english_messages():
    """The rules' messages are asserted in the source language."""
    with translation.override("en"):
        yield


def draft(world, parties=None, network=None):
    return services.create_agreement(
        network or world.musterstadt.network,
        title="Vereinbarung Jobcenter und Fachberatung",
        summary="Gegenseitige Verweisung.",
        parties=parties if parties is not None else [world.organization, world.counselling],
        created_by=world.users["coordinator"],
    )


def sign_all(agreement, on):
    for party in agreement.parties.all():
        services.record_signature(agreement, party, on=on)


# --- model rules ---------------------------------------------------------------------------------


def test_status_follows_the_dates_from_draft_to_expired(world):
    agreement = draft(world)
    assert agreement.status() == AgreementStatus.DRAFT
    first, second = agreement.parties.all()
    services.record_signature(agreement, first, on=TODAY - 10 * DAY, by="Leitung")
    assert agreement.status() == AgreementStatus.SIGNING
    assert [p.organization for p in agreement.signed_parties] == [first.organization]
    services.record_signature(agreement, second, on=TODAY - 5 * DAY)
    assert agreement.status() == AgreementStatus.SIGNED
    services.set_validity(agreement, in_force_from=TODAY + 3 * DAY, valid_until=None)
    agreement.refresh_from_db()
    # Signed and dated, but its first day has not come yet.
    assert agreement.status() == AgreementStatus.SIGNED
    assert agreement.status(on=TODAY + 3 * DAY) == AgreementStatus.IN_FORCE
    services.set_validity(agreement, in_force_from=TODAY - 5 * DAY, valid_until=TODAY + 30 * DAY)
    agreement.refresh_from_db()
    assert agreement.status() == AgreementStatus.IN_FORCE
    # Expiry needs nobody: the day after its last day it is expired.
    assert agreement.status(on=TODAY + 30 * DAY) == AgreementStatus.IN_FORCE
    assert agreement.status(on=TODAY + 31 * DAY) == AgreementStatus.EXPIRED


def test_in_force_query_matches_the_status_by_date(world):
    agreement = draft(world)
    sign_all(agreement, TODAY - 20 * DAY)
    services.set_validity(agreement, in_force_from=TODAY - 10 * DAY, valid_until=TODAY + 2 * DAY)
    in_force = CooperationAgreement.objects.in_force
    assert agreement in in_force()
    assert agreement in in_force(on=TODAY + 2 * DAY)
    assert agreement not in in_force(on=TODAY + 3 * DAY)
    assert agreement not in in_force(on=TODAY - 11 * DAY)


def test_signed_contents_cannot_change(world):
    agreement = draft(world)
    first = agreement.parties.first()
    services.record_signature(agreement, first, on=TODAY)
    with pytest.raises(ValidationError):
        services.update_agreement(
            agreement, title="Anders", summary="", public_url="", parties=[world.organization]
        )
    agreement.refresh_from_db()
    assert agreement.title == "Vereinbarung Jobcenter und Fachberatung"
    assert agreement.parties.count() == 2


@pytest.mark.parametrize(
    ("case", "message"),
    [("future", "future"), ("twice", "already")],
)
def test_signature_rules(world, case, message):
    agreement = draft(world)
    party = agreement.parties.first()
    if case == "twice":
        services.record_signature(agreement, party, on=TODAY)
        party.refresh_from_db()
    day = TODAY + DAY if case == "future" else TODAY
    with pytest.raises(ValidationError, match=message):
        services.record_signature(agreement, party, on=day)


def test_coming_into_force_needs_every_signature_and_two_parties(world):
    agreement = draft(world)
    services.record_signature(agreement, agreement.parties.first(), on=TODAY - DAY)
    with pytest.raises(ValidationError, match="all its parties"):
        services.set_validity(agreement, in_force_from=TODAY, valid_until=None)
    alone = draft(world, parties=[world.organization])
    sign_all(alone, TODAY - DAY)
    with pytest.raises(ValidationError, match="all its parties"):
        services.set_validity(alone, in_force_from=TODAY, valid_until=None)
    assert CooperationAgreement.objects.get(pk=alone.pk).in_force_from is None


def test_dates_of_force_are_ordered(world):
    agreement = draft(world)
    sign_all(agreement, TODAY - 5 * DAY)
    with pytest.raises(ValidationError, match="before its last signature"):
        services.set_validity(agreement, in_force_from=TODAY - 6 * DAY, valid_until=None)
    with pytest.raises(ValidationError, match="end before"):
        services.set_validity(agreement, in_force_from=TODAY + 5 * DAY, valid_until=TODAY)
    with pytest.raises(ValidationError, match="first"):
        services.set_validity(agreement, in_force_from=None, valid_until=TODAY)


def test_an_agreement_in_force_keeps_its_start_and_is_ended_by_its_last_day(world):
    agreement = draft(world)
    sign_all(agreement, TODAY - 5 * DAY)
    services.set_validity(agreement, in_force_from=TODAY - 2 * DAY, valid_until=None)
    agreement.refresh_from_db()
    with pytest.raises(ValidationError, match="cannot be changed"):
        services.set_validity(agreement, in_force_from=None, valid_until=None)
    services.set_validity(agreement, in_force_from=TODAY - 2 * DAY, valid_until=TODAY - DAY)
    agreement.refresh_from_db()
    assert agreement.status() == AgreementStatus.EXPIRED


# --- pages -----------------------------------------------------------------------------------------


def test_coordinator_records_signs_and_puts_an_agreement_in_force(client_as, world):
    client = client_as("coordinator")
    base = "/de/m/musterstadt/network/agreements/"
    response = client.post(
        base + "new/",
        {
            "title": "Vereinbarung Jobcenter und Fachberatung",
            "summary": "Verweisung",
            "parties": [world.organization.pk, world.counselling.pk],
        },
    )
    agreement = CooperationAgreement.objects.get(title="Vereinbarung Jobcenter und Fachberatung")
    assert response.status_code == 302 and response["Location"].endswith(
        f"{base}{agreement.pk}/edit/"
    )
    first, second = agreement.parties.all()
    response = client.post(
        f"{base}{agreement.pk}/edit/",
        {
            "title": agreement.title,
            "summary": "Verweisung",
            "parties": [world.organization.pk, world.counselling.pk],
            f"party-{first.pk}-contact_point": SECRET_CONTACT,
            f"party-{first.pk}-tasks": "Verweist Betroffene",
            f"party-{second.pk}-contact_point": "Beratungstelefon",
            f"party-{second.pk}-tasks": "Berät",
        },
    )
    assert response.status_code == 302
    for party in (first, second):
        client.post(
            f"{base}{agreement.pk}/sign/",
            {"party": party.pk, "signed_on": (TODAY - 3 * DAY).isoformat(), "signed_by": "Leitung"},
        )
    client.post(f"{base}{agreement.pk}/validity/", {"in_force_from": TODAY.isoformat()})
    agreement.refresh_from_db()
    assert agreement.status() == AgreementStatus.IN_FORCE
    page = client.get(f"{base}{agreement.pk}/").content.decode()
    assert SECRET_CONTACT in page and "in Kraft" in page
    pdf = client.get(f"{base}{agreement.pk}/agreement.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    # Signed: the edit page keeps the text and a POST changes nothing.
    response = client.post(f"{base}{agreement.pk}/edit/", {"title": "Neu", "parties": []})
    assert response.status_code == 400
    agreement.refresh_from_db()
    assert agreement.title == "Vereinbarung Jobcenter und Fachberatung"


def test_member_reads_but_cannot_record(client_as, world):
    client = client_as("member")
    assert client.get("/de/m/musterstadt/network/agreements/").status_code == 200
    before = CooperationAgreement.objects.count()
    response = client.post(
        "/de/m/musterstadt/network/agreements/new/",
        {"title": "x", "parties": [world.organization.pk, world.counselling.pk]},
    )
    assert response.status_code == 403
    assert CooperationAgreement.objects.count() == before


def test_form_offers_only_the_networks_actors(client_as, world):
    client = client_as("coordinator")
    foreign = world.beispielstadt.organizations.exclude(municipalities=world.musterstadt).first()
    response = client.post(
        "/de/m/musterstadt/network/agreements/new/",
        {"title": "Fremd", "parties": [foreign.pk, world.organization.pk]},
    )
    assert response.status_code == 400
    assert not CooperationAgreement.objects.filter(title="Fremd").exists()


def test_public_pages_show_agreements_in_force_with_public_fields_only(client, world):
    agreement = draft(world)
    party = agreement.parties.get(organization=world.organization)
    party.contact_point = SECRET_CONTACT
    party.save()
    sign_all(agreement, TODAY - 3 * DAY)
    unsigned = draft(world)
    unsigned.title = "Entwurf im Gespräch"
    unsigned.save()

    state_page = client.get("/de/state/rheinland-pfalz/").content.decode()
    assert "Vereinbarung Jobcenter und Fachberatung" not in state_page  # signed, not in force
    services.set_validity(agreement, in_force_from=TODAY - DAY, valid_until=None)

    state_page = client.get("/de/state/rheinland-pfalz/").content.decode()
    actor_page = client.get(f"/de/m/musterstadt/guidebook/{world.counselling.pk}/").content.decode()
    for page in (state_page, actor_page):
        assert "Vereinbarung Jobcenter und Fachberatung" in page
        assert "Jobcenter Musterstadt" in page
        assert SECRET_CONTACT not in page
        assert "Entwurf im Gespräch" not in page
    # The demo's state-wide agreement is listed as well.
    assert "Landesweite Kooperationsvereinbarung" in state_page
