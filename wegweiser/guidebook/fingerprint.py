"""A cheap fingerprint of a municipality's guidebook that changes whenever any entry changes.

Used as part of cache keys (rendered pages, PDFs): every change to organisations, locations,
mandate items, translations and contact persons is recorded by django-simple-history, so the newest
history timestamp plus the set of organisations identifies a state of the guidebook.
"""

from __future__ import annotations

import hashlib

from django.db.models import Max

from .models import ContactPerson, Location, MandateItem, MandateTranslation, Organization


def guidebook_fingerprint(municipality) -> str:
    organization_ids = sorted(
        str(pk)
        for pk in Organization.objects.filter(municipalities=municipality).values_list(
            "pk", flat=True
        )
    )
    newest = [
        Organization.history.filter(id__in=organization_ids).aggregate(m=Max("history_date"))["m"],
        Location.history.filter(organization_id__in=organization_ids).aggregate(
            m=Max("history_date")
        )["m"],
        MandateItem.history.filter(organization_id__in=organization_ids).aggregate(
            m=Max("history_date")
        )["m"],
        ContactPerson.history.filter(organization_id__in=organization_ids).aggregate(
            m=Max("history_date")
        )["m"],
        MandateTranslation.history.filter(item__organization_id__in=organization_ids).aggregate(
            m=Max("history_date")
        )["m"],
    ]
    raw = "|".join(organization_ids) + "|" + "|".join(str(value) for value in newest)
    return hashlib.sha256(raw.encode()).hexdigest()[:16]
