"""Use cases around accounts: second-factor enrolment and API tokens."""

from __future__ import annotations

import base64

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from wegweiser.core.qr import qr_svg_data_uri

from .models import ApiToken, User


def pending_totp_device(user: User) -> TOTPDevice:
    """The user's unconfirmed TOTP device, created on first use, so a reload shows the same key."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)
    return device


def confirmed_totp_devices(user: User) -> QuerySet[TOTPDevice]:
    return TOTPDevice.objects.filter(user=user, confirmed=True)


def totp_qr_data_uri(device: TOTPDevice) -> str:
    return qr_svg_data_uri(device.config_url, scale=5)


def totp_secret_base32(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode().rstrip("=")


@transaction.atomic
def confirm_totp_device(device: TOTPDevice, token: str) -> bool:
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


def issue_api_token(user: User, name: str) -> str:
    _token, raw = ApiToken.issue(user, name)
    return raw


def revoke_api_token(user: User, prefix: str) -> bool:
    return bool(
        ApiToken.objects.filter(user=user, prefix=prefix, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    )
