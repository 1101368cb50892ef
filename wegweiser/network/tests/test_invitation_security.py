"""Issue 11, high: an invitation link worked for whoever was logged in. It is bound to the invited
e-mail address, and its token leaves the address bar (and so the access logs) after one request."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from wegweiser.accounts.models import Membership, Role
from wegweiser.network import services
from wegweiser.network.models import Invitation

pytestmark = pytest.mark.django_db

INVITED = "neu@jobcenter.example.org"


def invite(client_as, email=INVITED, role="coordinator"):
    coordinator = client_as("coordinator")
    coordinator.post(
        reverse("network:invite", kwargs={"slug": "musterstadt"}), {"email": email, "role": role}
    )
    token = re.search(r"http\S+/network/invitation/(\S+)/", mail.outbox[-1].body).group(1)
    coordinator.logout()
    return token


def test_a_link_for_someone_else_does_not_work_for_the_logged_in_person(client_as, world):
    """The reproduction: Beispielstadt's coordinator redeems a link meant for someone else."""
    token = invite(client_as)
    outsider = client_as("outsider")
    page = outsider.get(reverse("network:accept", kwargs={"token": token}), follow=True)
    assert page.status_code == 403
    accept = outsider.post(reverse("network:invitation"))
    assert accept.status_code == 403
    assert not Membership.objects.filter(
        user=world.users["outsider"], municipality=world.musterstadt
    ).exists()
    assert Invitation.objects.get(email=INVITED).state == "open"  # still usable by the invitee


def test_the_invited_address_accepts_when_logged_in(client_as, world):
    token = invite(client_as, email=world.users["outsider"].email, role="member")
    outsider = client_as("outsider")
    outsider.get(reverse("network:accept", kwargs={"token": token}))
    response = outsider.post(reverse("network:invitation"))
    assert response.status_code == 302
    assert Membership.objects.filter(
        user=world.users["outsider"], municipality=world.musterstadt, role=Role.MEMBER
    ).exists()


def test_the_address_is_compared_without_regard_to_case(client_as, world):
    token = invite(client_as, email=world.users["outsider"].email.upper(), role="member")
    outsider = client_as("outsider")
    outsider.get(reverse("network:accept", kwargs={"token": token}))
    assert outsider.post(reverse("network:invitation")).status_code == 302


def test_the_service_refuses_another_account(client_as, world):
    invite(client_as)
    invitation = Invitation.objects.get(email=INVITED)
    with pytest.raises(ValidationError):
        services.accept_invitation(invitation, user=world.users["outsider"])


def test_the_token_leaves_the_address_bar_after_the_first_request(client, client_as, world):
    token = invite(client_as)
    first = client.get(reverse("network:accept", kwargs={"token": token}))
    assert first.status_code == 303
    assert token not in first["Location"]
    page = client.get(first["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert token not in html
    assert 'action="' not in html.split("<main", 1)[1] or token not in html
    created = client.post(
        first["Location"],
        {
            "name": "Nora Neu",
            "password1": "lange-sichere-phrase-7",
            "password2": "lange-sichere-phrase-7",
        },
    )
    assert created.status_code == 302
    assert Membership.objects.filter(user__email=INVITED, role=Role.COORDINATOR).exists()


def test_posting_to_the_token_address_is_not_possible(client, client_as, world):
    token = invite(client_as)
    response = client.post(
        reverse("network:accept", kwargs={"token": token}),
        {
            "name": "Nora Neu",
            "password1": "lange-sichere-phrase-7",
            "password2": "lange-sichere-phrase-7",
        },
    )
    assert response.status_code == 405


def test_without_an_invitation_in_the_session_the_page_is_not_found(client, world):
    assert client.get(reverse("network:invitation")).status_code == 404
    assert client.post(reverse("network:invitation")).status_code == 404
