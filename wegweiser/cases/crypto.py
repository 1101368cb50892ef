"""Field encryption of case data at rest (Fernet through `cryptography`'s MultiFernet).

Keys come from the setting WEGWEISER_FIELD_KEYS (environment, comma-separated, newest first): the
first key encrypts, every key decrypts. Rotation: put a new key in front, run
`wegweiser rotate_case_keys` (re-encrypts every stored value with the first key), then drop the old
key. A database dump without the key shows only ciphertext ("fernet:" + token).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

PREFIX = "fernet:"


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("WEGWEISER_FIELD_KEYS is empty.")
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(
            "WEGWEISER_FIELD_KEYS holds a value that is not a Fernet key."
        ) from error


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.WEGWEISER_FIELD_KEYS))


def encrypt(text: str) -> str:
    if text == "":
        return ""
    return PREFIX + fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(stored: str) -> str:
    if not stored:
        return ""
    if not stored.startswith(PREFIX):
        raise InvalidToken("stored value is not encrypted")
    return fernet().decrypt(stored.removeprefix(PREFIX).encode("ascii")).decode("utf-8")


def rotate(stored: str) -> str:
    """The same value, encrypted with the first (newest) key."""
    if not stored:
        return ""
    token = fernet().rotate(stored.removeprefix(PREFIX).encode("ascii"))
    return PREFIX + token.decode("ascii")


def new_key() -> str:
    return Fernet.generate_key().decode("ascii")


class EncryptedTextField(models.TextField):
    """Text that is encrypted before it reaches the database and decrypted when read.

    Encrypted values cannot be searched or ordered; use such fields only for what a counsellor
    reads in one case (name, contact details, notes), never for filters.
    """

    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None:
            return value
        return encrypt(str(value))


class EncryptedJSONField(EncryptedTextField):
    """A JSON document, stored encrypted (e.g. an imported work-time file and its report)."""

    # For django-stubs: values set and read are JSON documents, not strings.
    _pyi_private_set_type: Any
    _pyi_private_get_type: Any

    def from_db_value(self, value, expression, connection):
        text = super().from_db_value(value, expression, connection)
        return json.loads(text) if text else None

    def to_python(self, value):
        if isinstance(value, str) and value:
            return json.loads(value)
        return value

    def get_prep_value(self, value):
        if value is None:
            return ""
        return encrypt(json.dumps(value, ensure_ascii=False, sort_keys=True))
