"""Issue 15: a mistyped 2FA code answered "too many wrong codes"; say how many tries are left and
when the next one is possible."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.utils import timezone, translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from wegweiser.testing import PERSONA_EMAILS

from .test_accounts import post_login


@pytest.fixture(autouse=True)
def _german_again():
    """Requests to /en/ pages leave English active in this thread; later tests expect German."""
    yield
    translation.activate("de")


TWO_FA = "/en/accounts/2fa/"


def test_first_wrong_code_says_tries_left_and_when(client, world):
    post_login(client, PERSONA_EMAILS["coordinator"])
    response = client.post(TWO_FA, {"token": "000000"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Too many" not in page
    assert "4 tries left" in page


def test_retry_inside_the_delay_is_not_counted(client, world):
    post_login(client, PERSONA_EMAILS["coordinator"])
    client.post(TWO_FA, {"token": "000000"})
    device = TOTPDevice.objects.get(user=world.users["coordinator"], confirmed=True)
    device.throttling_failure_count = 3  # the delay grows: 4 seconds now
    device.throttling_failure_timestamp = timezone.now()
    device.save()
    page = client.post(TWO_FA, {"token": "000000"}).content.decode()
    assert "Please wait" in page and "seconds before the next try (until" in page
    assert client.session["wegweiser_wrong_codes"] == 1


def test_after_five_wrong_codes_back_to_the_password(client, world):
    post_login(client, PERSONA_EMAILS["coordinator"])
    device = TOTPDevice.objects.get(user=world.users["coordinator"], confirmed=True)
    start = timezone.now()
    for attempt in range(5):
        # Each try after django-otp's delay has passed.
        with time_machine.travel(start + datetime.timedelta(minutes=attempt), tick=False):
            device.refresh_from_db()
            response = client.post(TWO_FA, {"token": "000000"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get("/en/dashboard/").status_code == 302
