"""A person downloads everything kept about her (Art. 15/20 GDPR) and deletes her account (Art. 17)."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from wegweiser.accounts import personal_data
from wegweiser.accounts.models import ApiToken, Membership, User
from wegweiser.testing import DEMO_PASSWORD, PERSONA_EMAILS

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_client(client_as, world):
    """The member, logged in, with an API token "Fachverfahren" and a change to her organisation
    recorded with her as author."""
    client = client_as("member")
    client.post(reverse("accounts:token_create"), {"name": "Fachverfahren"})
    organization = world.organization
    organization.description = "Neu beschrieben"
    organization._history_user = world.users["member"]
    organization.save()
    return client


def test_the_export_holds_account_memberships_tokens_logins_and_changes(member_client):
    response = member_client.get(reverse("accounts:personal_data"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["format"] == "wegweiser-personal-data"
    sections = data["sections"]
    assert sections["account"]["email"] == PERSONA_EMAILS["member"]
    assert sections["account"]["memberships"][0]["role"] == "member"
    assert sections["account"]["api_tokens"][0]["name"] == "Fachverfahren"
    assert "token_hash" not in response.content.decode()
    assert any(change["record"] == "guidebook.Organization" for change in sections["changes"])
    assert set(personal_data.sections()) >= {"account", "changes", "login_records"}


def test_the_export_holds_nothing_of_other_people(client_as, world):
    data = client_as("member").get(reverse("accounts:personal_data")).content.decode()
    for other in ("coordinator", "counsellor", "outsider"):
        assert PERSONA_EMAILS[other] not in data


def test_every_section_is_json_ready_for_every_persona(world):
    for user in world.users.values():
        json.dumps(personal_data.export_for(user))


def test_the_deletion_page_says_what_happens(client_as, world):
    # The German page by its URL: reverse() alone follows whatever language an earlier request in
    # this thread left active (the test failed after other accounts tests).
    with translation.override("de"):
        url = reverse("accounts:delete")
    page = client_as("coordinator").get(url).content.decode()
    assert "API-Tokens" in page
    assert "nicht mehr" in page  # authorship stays without the name (German note)


def test_a_wrong_password_deletes_nothing(client_as, world):
    response = client_as("member").post(reverse("accounts:delete"), {"password": "falsch"})
    assert response.status_code == 400
    assert User.objects.filter(email=PERSONA_EMAILS["member"]).exists()


def test_the_person_deletes_her_account(member_client, world):
    member = world.users["member"]
    client = member_client
    organization = world.organization
    history_before = organization.history.count()

    response = client.post(reverse("accounts:delete"), {"password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(email=PERSONA_EMAILS["member"]).exists()
    assert not Membership.objects.filter(user_id=member.pk).exists()
    assert not ApiToken.objects.filter(user_id=member.pk).exists()
    # The guidebook's history stays, without her as author.
    assert organization.history.count() == history_before
    assert not organization.history.filter(history_user_id=member.pk).exists()
    # She is logged out.
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_the_only_coordinator_is_warned(client_as, world):
    page = client_as("outsider").get(reverse("accounts:delete")).content.decode()
    assert "Beispielstadt" in page
