"""Retention: a withdrawn contact person's personal data is purged after a grace period.

Consent can be withdrawn at any time (services.withdraw_consent hides the person at once). The
record itself and its history keep name, phone, e-mail and notes only for the grace period
(WEGWEISER_CONTACT_PURGE_DAYS, default 30: time to correct a mistaken withdrawal); then the personal
fields are emptied in the record and in every history row. The withdrawal's date and how it was
recorded stay, as proof that consent ended.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import ContactPerson

PERSONAL_FIELDS = ("name", "function", "phone", "email", "practical_note")


def purge_due(today: datetime.date | None = None):
    """Withdrawn contact persons past the grace period whose personal fields are not empty yet."""
    today = today or timezone.localdate()
    days = getattr(settings, "WEGWEISER_CONTACT_PURGE_DAYS", 30)
    cutoff = today - datetime.timedelta(days=days)
    return ContactPerson.objects.filter(consent_withdrawn_at__lte=cutoff).exclude(
        name="", function="", phone="", email="", practical_note=""
    )


def history_rows_with_personal_data(person_ids):
    history = ContactPerson.history.model
    blank = {field: "" for field in PERSONAL_FIELDS}
    return history.objects.filter(id__in=person_ids).exclude(**blank)


@transaction.atomic
def purge_withdrawn_contacts(today: datetime.date | None = None) -> tuple[int, int]:
    """Empty the personal fields; returns (records, history rows) changed."""
    due = list(purge_due(today).values_list("pk", flat=True))
    blank = {field: "" for field in PERSONAL_FIELDS}
    history_count = history_rows_with_personal_data(due).update(**blank)
    # update(): no new history row that would again hold the data.
    records = ContactPerson.objects.filter(pk__in=due).update(**blank)
    return records, history_count
