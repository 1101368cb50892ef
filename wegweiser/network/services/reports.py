"""Yearly report of a network and the state coordinators' overview: aggregates only."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from wegweiser.guidebook.models import Organization, localized

from ..models import ActionItem, ActionStatus, Meeting, MeetingKind, Network, Participant
from .meetings import BERLIN


def year_bounds(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    return (
        datetime.datetime(year, 1, 1, tzinfo=BERLIN),
        datetime.datetime(year + 1, 1, 1, tzinfo=BERLIN),
    )


def report(network: Network, year: int) -> dict:
    start, end = year_bounds(year)
    held = Meeting.objects.held(timezone.now()).filter(
        network=network, starts_at__gte=start, starts_at__lt=end
    )
    meetings_by_kind = _meetings_by_kind(held)
    return {
        "year": year,
        "meetings_by_kind": meetings_by_kind,
        "meetings_total": sum(n for _label, n in meetings_by_kind),
        "attendance": _attendance(held),
        "actions": _action_counts(network, start, end),
        "freshness": _freshness(network),
    }


def _meetings_by_kind(held: QuerySet[Meeting]) -> list[tuple[str | Promise, int]]:
    by_kind = dict(
        Meeting.objects.filter(pk__in=held.values("pk"))
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    return [(label, by_kind.get(kind, 0)) for kind, label in MeetingKind.choices]


def _attendance(held: QuerySet[Meeting]) -> list[tuple[str | Promise, int]]:
    rows = (
        Participant.objects.filter(meeting__in=held.values("pk"), attended=True)
        .values("organization__actor_type__name", "organization__actor_type__key")
        .annotate(n=Count("pk"))
        .order_by("-n")
    )
    return [
        (
            localized(row["organization__actor_type__name"])
            or row["organization__actor_type__key"]
            or _("without organisation"),
            row["n"],
        )
        for row in rows
    ]


def _action_counts(
    network: Network, start: datetime.datetime, end: datetime.datetime
) -> list[tuple[str | Promise, int]]:
    items = ActionItem.objects.filter(network=network)
    today = timezone.localdate()
    opened = items.filter(created_at__gte=start, created_at__lt=end).count()
    done = items.filter(done_at__gte=start, done_at__lt=end).count()
    overdue = (
        items.exclude(status=ActionStatus.DONE)
        .filter(due_date__lt=min(today, end.date()), due_date__gte=start.date())
        .count()
    )
    return [(_("opened"), opened), (_("done"), done), (_("overdue"), overdue)]


def _freshness(network: Network) -> dict[str, int]:
    """How many guidebook entries of the municipality (of the state guidebook, for the state
    round table) were confirmed within the freshness window."""
    days = settings.WEGWEISER_FRESHNESS_DAYS
    if network.is_state_level:
        organizations = Organization.objects.filter(state=network.state)
    else:
        organizations = Organization.objects.filter(municipalities=network.municipality)
    total = organizations.count()
    since = timezone.localdate() - datetime.timedelta(days=days)
    fresh = organizations.filter(last_confirmed_at__gte=since).count()
    return {"total": total, "fresh": fresh, "stale": total - fresh, "days": days}
