"""The log of reads of a municipality's internal data (issue 11): who, what, when — never content.

Pages that show internal data call `record_read` once per page view: one INSERT, no extra read
(the organisation comes from the memberships the access check has already loaded), and a failure
is logged, never shown to the reader. Counselling cases are not logged here: they keep their own
audit (cases.AuditEntry, with field names), which only the owning counselling service sees.

The municipality's coordinators see the log (views_reads.py); each person finds her own reads in
her personal-data export. Entries older than WEGWEISER_READ_LOG_DAYS are purged by the periodic
task `purge_read_log` (accounts/tasks.py) or the command of the same name.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from wegweiser.core.models import Municipality

from .access import active_memberships
from .models import InternalRead, User

logger = logging.getLogger(__name__)


def record_read(request: HttpRequest, municipality: Municipality, kind: str, ref: Any = "") -> None:
    """Note that the logged-in user read internal data of the municipality (anonymous: nothing)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return
    organization_id = next(
        (
            m.organization_id
            for m in active_memberships(user)
            if m.municipality_id == municipality.pk and m.organization_id
        ),
        None,
    )
    entry = InternalRead(
        municipality_id=municipality.pk,
        user_id=user.pk,
        organization_id=organization_id,
        kind=kind,
        ref=str(ref or "")[:64],
    )
    try:
        if connection.in_atomic_block:
            # A savepoint keeps a failed INSERT from breaking the page's own transaction.
            with transaction.atomic():
                entry.save(force_insert=True)
        else:
            entry.save(force_insert=True)
    except DatabaseError:
        logger.exception("could not log a read of %s (%s) in %s", kind, ref, municipality.slug)


def reads_of(
    municipality: Municipality,
    *,
    user: User | None = None,
    kind: str = "",
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> QuerySet[InternalRead]:
    """The municipality's log, newest first, narrowed by person, kind and days (inclusive)."""
    entries = InternalRead.objects.filter(municipality=municipality)
    if user is not None:
        entries = entries.filter(user=user)
    if kind:
        entries = entries.filter(kind=kind)
    if since is not None:
        entries = entries.filter(at__date__gte=since)
    if until is not None:
        entries = entries.filter(at__date__lte=until)
    return entries.select_related("user", "organization").order_by("-at", "-id")


def readers_of(municipality: Municipality) -> QuerySet[User]:
    """People who appear in the municipality's log (the choices of the person filter)."""
    return User.objects.filter(
        pk__in=InternalRead.objects.filter(municipality=municipality).values("user_id")
    ).order_by("name")


def reads_by(user: User) -> list[dict[str, Any]]:
    """The person's own reads (GDPR Art. 15 export)."""
    return [
        {
            "when": entry.at,
            "municipality": entry.municipality.name,
            "kind": entry.kind,
            "reference": entry.ref,
        }
        for entry in InternalRead.objects.filter(user=user)
        .select_related("municipality")
        .order_by("at")
    ]


def purge_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) - datetime.timedelta(days=settings.WEGWEISER_READ_LOG_DAYS)


def expired_reads(now: datetime.datetime | None = None) -> QuerySet[InternalRead]:
    return InternalRead.objects.filter(at__lt=purge_cutoff(now))


def purge_reads(now: datetime.datetime | None = None) -> int:
    """Delete the entries older than the retention period; the number deleted."""
    deleted, _detail = expired_reads(now).delete()
    return deleted
