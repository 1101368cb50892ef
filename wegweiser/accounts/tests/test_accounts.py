import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from wegweiser.accounts.access import active_memberships, municipalities_with_access, roles_in
from wegweiser.accounts.models import ApiToken, Membership, Role, User
from wegweiser.testing import DEMO_PASSWORD, PERSONA_EMAILS

pytestmark = pytest.mark.django_db


def current_code(user) -> str:
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def post_login(client, email, password=DEMO_PASSWORD):
    return client.post("/de/accounts/login/", {"username": email, "password": password})


def test_member_logs_in_with_email_and_password(client, world):
    response = post_login(client, PERSONA_EMAILS["member"].upper())
    assert response.status_code == 302
    assert client.get("/de/dashboard/").status_code == 200


def test_wrong_password_is_a_clear_message(client, world):
    response = post_login(client, PERSONA_EMAILS["member"], "wrong")
    assert response.status_code == 200
    assert "kern-alert--danger" in response.content.decode()


def test_coordinator_needs_second_factor(client, world):
    post_login(client, PERSONA_EMAILS["coordinator"])
    response = client.get("/de/dashboard/")
    assert response.status_code == 302 and response["Location"].endswith("/accounts/2fa/")
    assert client.get("/api/v1/me").status_code in (401, 403)
    bad = client.post("/de/accounts/2fa/", {"token": "000000"})
    assert bad.status_code == 400
    throttled = client.post(
        "/de/accounts/2fa/", {"token": current_code(world.users["coordinator"])}
    )
    assert throttled.status_code == 400  # django-otp makes the user wait after a wrong code
    assert "Bitte warten Sie" in throttled.content.decode()
    # Waiting out the throttle (simulated by resetting it), a valid code is accepted.
    TOTPDevice.objects.get(user=world.users["coordinator"], confirmed=True).throttle_reset()
    good = client.post("/de/accounts/2fa/", {"token": current_code(world.users["coordinator"])})
    assert good.status_code == 302, good.content.decode().split('class="kern-error"')[-1][:300]
    assert client.get("/de/dashboard/").status_code == 200


def test_privileged_user_without_device_enrols(client, world):
    user = User.objects.create_user("neu@musterstadt.example.org", "a-long-password-1", name="Neu")
    Membership.objects.create(user=user, role=Role.COUNSELLOR, municipality=world.musterstadt)
    post_login(client, user.email, "a-long-password-1")
    page = client.get("/de/accounts/2fa/")
    assert page.status_code == 200
    assert "data:image/svg+xml;base64," in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    assert client.post("/de/accounts/2fa/", {"token": code}).status_code == 302
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_login_throttling(client, world, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, PERSONA_EMAILS["member"], "wrong")
    response = post_login(client, PERSONA_EMAILS["member"])
    assert response.status_code == 429
    assert "15" in response.content.decode()


def test_password_reset_by_email(client, world):
    response = client.post("/de/accounts/password-reset/", {"email": PERSONA_EMAILS["member"]})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password-reset/" in line)
    path = link.split("testserver", 1)[1]
    form = client.get(path, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Neues-Passwort-2026!", "new_password2": "Neues-Passwort-2026!"},
    )
    assert done.status_code == 302
    assert User.objects.get(email=PERSONA_EMAILS["member"]).check_password("Neues-Passwort-2026!")


def test_session_has_an_absolute_limit(client, world, settings):
    with time_machine.travel(
        datetime.datetime(2026, 11, 28, 8, 0, tzinfo=datetime.UTC), tick=False
    ):
        post_login(client, PERSONA_EMAILS["member"])
        assert client.get("/de/dashboard/").status_code == 200
    with time_machine.travel(
        datetime.datetime(2026, 11, 28, 20, 30, tzinfo=datetime.UTC), tick=False
    ):
        response = client.get("/de/dashboard/")
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_api_token_lifecycle(client_as, client, world):
    member = client_as("member")
    member.post("/de/accounts/profile/tokens/", {"name": "Fachverfahren"})
    page = member.get("/de/accounts/profile/").content.decode()
    raw = page.split('id="new-token">', 1)[1].split("<", 1)[0]
    assert raw.startswith("ww_")
    assert raw not in member.get("/de/accounts/profile/").content.decode()  # shown once
    assert not ApiToken.objects.filter(token_hash=raw).exists()  # only the hash is stored
    from django.test import Client

    api = Client()
    me = api.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert me.status_code == 200 and me.json()["memberships"][0]["role"] == "member"
    member.post(f"/de/accounts/profile/tokens/{raw[:8]}/revoke/")
    assert api.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401


def test_user_cannot_change_own_role(client_as, world):
    member = client_as("member")
    member.post(
        "/de/accounts/profile/",
        {"name": "Jonas", "preferred_language": "en", "role": "coordinator", "is_staff": "on"},
    )
    user = User.objects.get(email=PERSONA_EMAILS["member"])
    assert user.name == "Jonas" and not user.is_staff
    assert {m.role for m in Membership.objects.filter(user=user)} == {Role.MEMBER}


def test_profile_rejects_bad_input(client_as):
    response = client_as("member").post(
        "/de/accounts/profile/", {"name": "", "preferred_language": "xx"}
    )
    assert response.status_code == 400


def test_roles_and_scope(world):
    state_coordinator = world.users["state_coordinator"]
    assert roles_in(state_coordinator, world.musterstadt) == {Role.STATE_COORDINATOR}
    assert set(municipalities_with_access(state_coordinator)) >= {
        world.musterstadt,
        world.beispielstadt,
    }
    outsider = world.users["outsider"]
    assert roles_in(outsider, world.musterstadt) == frozenset()
    foreign = world.users["foreign_state"]
    assert list(municipalities_with_access(foreign)) == []


def test_expired_membership_grants_nothing(world):
    user = User.objects.create_user("alt@musterstadt.example.org", "a-long-password-1", name="Alt")
    Membership.objects.create(
        user=user,
        role=Role.MEMBER,
        municipality=world.musterstadt,
        valid_from=datetime.date(2020, 1, 1),
        valid_until=datetime.date(2021, 1, 1),
    )
    assert active_memberships(user) == []
    assert roles_in(user, world.musterstadt) == frozenset()


def test_membership_scope_must_match_role(world):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            user=world.users["member"], role=Role.STATE_COORDINATOR, municipality=world.musterstadt
        )


def test_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo")


def test_demo_is_idempotent(world):
    from wegweiser.guidebook.models import Organization

    before = (User.objects.count(), Membership.objects.count(), Organization.objects.count())
    call_command("demo", "--force")
    assert (
        User.objects.count(),
        Membership.objects.count(),
        Organization.objects.count(),
    ) == before
