"""A fingerprint of a municipality's guidebook that changes whenever any entry changes.

Used in cache keys (rendered pages, PDFs, exports). Every change to organisations, locations,
mandate items, translations and contact persons is recorded by django-simple-history, so the newest
history timestamp plus the set of organisations identifies a state of the guidebook. Computing that
costs a few aggregate queries, so the result is cached briefly and dropped on every change (the
guidebook's signals call `forget_fingerprints` after the change is committed); a per-municipality
generation counter also covers changes that history does not record (need links).

With the default local-memory cache and several app server processes, another process may show the
old state for up to FINGERPRINT_SECONDS; with Redis (REDIS_URL) every process sees the change at once.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import Max

from wegweiser.core.models import Municipality

from .models import ContactPerson, Location, MandateItem, MandateTranslation, Organization
from .selectors import serving_ids

FINGERPRINT_SECONDS = 30
# Each history recorded for a guidebook entry, with the way from its rows to the organisation
# (Any: django-simple-history adds the `history` manager when the app loads).
HISTORIES: list[tuple[Any, str]] = [
    (Organization, "id__in"),
    (Location, "organization_id__in"),
    (MandateItem, "organization_id__in"),
    (ContactPerson, "organization_id__in"),
    (MandateTranslation, "item__organization_id__in"),
]


def _fingerprint_key(municipality_id) -> str:
    return f"guidebook:fingerprint:{municipality_id}"


def _generation_key(municipality_id) -> str:
    return f"guidebook:generation:{municipality_id}"


def guidebook_fingerprint(municipality) -> str:
    """Fingerprint of a municipality's guidebook (a Municipality or its primary key)."""
    municipality_id = getattr(municipality, "pk", municipality)
    key = _fingerprint_key(municipality_id)
    value = cache.get(key)
    if value is None:
        value = _compute(municipality)
        cache.set(key, value, FINGERPRINT_SECONDS)
    return value


def _compute(municipality) -> str:
    # The state-wide actors of the municipality's state are part of its guidebook. Selected by
    # two indexed lookups (serving_ids): an OR over the two joins read every actor of the
    # installation (100 ms at 60,000 actors, issue 16).
    municipality_id = getattr(municipality, "pk", municipality)
    if not isinstance(municipality, Municipality):
        municipality = Municipality.objects.only("state_id").get(pk=municipality_id)
    organization_ids = sorted(
        {
            str(pk)
            for pk in Organization.objects.filter(pk__in=serving_ids(municipality)).values_list(
                "pk", flat=True
            )
        }
    )
    # The histories are filtered by the subquery, not by the list of ids: Django converted and
    # validated each of ~150 UUIDs once per history table, most of a cold fingerprint (issue 16).
    serving = serving_ids(municipality)
    newest = [
        model.history.filter(**{lookup: serving}).aggregate(m=Max("history_date"))["m"]
        for model, lookup in HISTORIES
    ]
    generation = cache.get(_generation_key(municipality_id), 0)
    raw = "|".join(organization_ids) + "|" + "|".join(str(value) for value in newest)
    return hashlib.sha256(f"{raw}|{generation}".encode()).hexdigest()[:16]


def forget_fingerprints(organization_id) -> None:
    """Drop the cached fingerprints of every municipality the organisation serves (for a
    state-wide actor: every municipality of its state), after commit."""
    if organization_id is None:
        return
    municipality_ids = list(
        Organization.municipalities.through.objects.filter(
            organization_id=organization_id
        ).values_list("municipality_id", flat=True)
    ) + list(
        Municipality.objects.filter(state__state_organizations=organization_id).values_list(
            "pk", flat=True
        )
    )

    def forget() -> None:
        for municipality_id in municipality_ids:
            try:
                cache.incr(_generation_key(municipality_id))
            except ValueError:
                cache.set(_generation_key(municipality_id), 1, None)
            cache.delete(_fingerprint_key(municipality_id))

    # Now (this process reads its own uncommitted change) and again after commit (another process
    # may have cached the old state in between).
    forget()
    transaction.on_commit(forget)
