"""Indicators computed from the data of the network and the guidebook (read only, aggregates)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone

from wegweiser.guidebook.models import ActorType, Organization, OrganizationStatus

from . import sources


def members_of_type(network, measure, period) -> int | None:
    if not measure.indicator_param:
        return None
    return (
        sources.active_members(network)
        .filter(organization__actor_type__key=measure.indicator_param)
        .order_by()
        .values("organization")
        .distinct()
        .count()
    )


def target_types_covered(network, measure, period) -> int:
    return (
        sources.active_members(network)
        .filter(organization__actor_type__target_group=True)
        .order_by()
        .values("organization__actor_type")
        .distinct()
        .count()
    )


def _organizations(network):
    if network.municipality_id is None:
        return Organization.objects.none()
    return Organization.objects.current().serving(network.municipality).distinct()


def guidebook_complete(network, measure, period) -> float | None:
    targets = ActorType.objects.filter(target_group=True).count()
    if not targets:
        return None
    published = (
        _organizations(network)
        .filter(status=OrganizationStatus.PUBLISHED, actor_type__target_group=True)
        .values("actor_type")
        .distinct()
        .count()
    )
    return round(100 * published / targets, 1)


def guidebook_fresh(network, measure, period) -> float | None:
    organizations = _organizations(network)
    total = organizations.count()
    if not total:
        return None
    limit = timezone.localdate() - datetime.timedelta(days=settings.WEGWEISER_FRESHNESS_DAYS)
    fresh = organizations.filter(last_confirmed_at__gte=limit).count()
    return round(100 * fresh / total, 1)


def meetings_held(network, measure, period) -> int:
    return sources.meetings_held(network, period.start, period.end)


def tasks_done(network, measure, period) -> int:
    return sources.linked_tasks(measure).filter(status="done").count()
