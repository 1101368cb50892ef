"""A fingerprint of a municipality's guidebook that changes whenever any entry changes.

Used in cache keys (rendered pages, PDFs, exports, navigator results). Every change to an
organisation or its parts (locations, mandate items, their translations and need links, contact
persons) counts up the organisation's `content_version` (the guidebook's signals call
`entries_changed`), so the organisations serving the municipality with their versions identify a
state of the guidebook: one indexed query of a few hundred rows. (Until issue 16 the fingerprint
read the newest history entry of five history tables: 10 ms, most of an uncached navigator
result at state scale, and need links, which have no history, needed a counter in the cache.)
The value is cached briefly and dropped on every change, after the change is committed.

With the default local-memory cache and several app server processes, another process may show the
old state for up to FINGERPRINT_SECONDS; with Redis (REDIS_URL) every process sees the change at once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models import F

from wegweiser.core.models import Municipality

from .models import Organization
from .selectors import serving_ids

FINGERPRINT_SECONDS = 30


def _fingerprint_key(municipality_id) -> str:
    return f"guidebook:fingerprint:{municipality_id}"


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
    if not isinstance(municipality, Municipality):
        municipality = Municipality.objects.only("state_id").get(pk=municipality)
    versions = (
        Organization.objects.filter(pk__in=serving_ids(municipality))
        .order_by("pk")
        .values_list("pk", "content_version")
    )
    raw = "|".join(f"{pk}:{version}" for pk, version in versions)
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def entries_changed(organization_ids: Iterable) -> None:
    """Count up the content version of the organisations (inside the caller's transaction, so a
    rollback undoes it) and drop the fingerprints of the municipalities they serve."""
    organization_ids = [pk for pk in organization_ids if pk is not None]
    if not organization_ids:
        return
    Organization.objects.filter(pk__in=organization_ids).update(
        content_version=F("content_version") + 1
    )
    for organization_id in organization_ids:
        forget_fingerprints(organization_id)


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
        cache.delete_many([_fingerprint_key(pk) for pk in municipality_ids])

    # Now (this process reads its own uncommitted change) and again after commit (another process
    # may have cached the old state in between).
    forget()
    transaction.on_commit(forget)
