"""Hardening of the login: lockout per account, session rotation after the second factor."""

import pytest
from django.conf import settings as django_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from wegweiser.testing import DEMO_PASSWORD, PERSONA_EMAILS

pytestmark = pytest.mark.django_db


def post_login(client, email, password=DEMO_PASSWORD, address="192.0.2.1"):
    return client.post(
        "/de/accounts/login/",
        {"username": email, "password": password},
        REMOTE_ADDR=address,
    )


def test_a_new_address_cannot_keep_guessing_the_same_account(client, world, settings):
    """Each guess from a fresh address: the account itself is locked after the limit."""
    for number in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, PERSONA_EMAILS["member"], "wrong", address=f"198.51.100.{number + 1}")
    response = post_login(client, PERSONA_EMAILS["member"], address="203.0.113.99")
    assert response.status_code == 429


def test_spelling_the_address_differently_does_not_reset_the_count(client, world, settings):
    email = PERSONA_EMAILS["member"]
    spellings = [email, email.upper(), f" {email}", email.title(), email.swapcase()]
    for spelling in spellings[: settings.AXES_FAILURE_LIMIT]:
        post_login(client, spelling, "wrong")
    assert post_login(client, email).status_code == 429


def test_other_accounts_are_not_locked_by_guessing_one(client, world, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, PERSONA_EMAILS["member"], "wrong")
    assert post_login(client, PERSONA_EMAILS["counsellor"], address="192.0.2.2").status_code == 302


def test_session_id_changes_after_the_second_factor(client, world):
    user = world.users["coordinator"]
    post_login(client, user.email)
    before = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    response = client.post("/de/accounts/2fa/", {"token": code})
    assert response.status_code == 302
    after = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert client.get("/de/dashboard/").status_code == 200


def test_session_id_changes_after_enrolling_the_second_factor(client, world):
    from wegweiser.accounts.models import Membership, Role, User

    user = User.objects.create_user("neu@musterstadt.example.org", "a-long-password-1", name="Neu")
    Membership.objects.create(user=user, role=Role.COUNSELLOR, municipality=world.musterstadt)
    post_login(client, user.email, "a-long-password-1")
    client.get("/de/accounts/2fa/")
    before = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    assert client.post("/de/accounts/2fa/", {"token": code}).status_code == 302
    assert client.cookies[django_settings.SESSION_COOKIE_NAME].value != before
