"""Everything this app reads from the network app, in one place (read only).

The network app is being reorganised into packages; if an import moves, only this module changes.
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from wegweiser.network import roadmap
from wegweiser.network import selectors as network_selectors
from wegweiser.network import services as network_services
from wegweiser.network.models import ActionItem, Decision, Meeting, Network


def active_members(network: Network):
    return network_selectors.active_members(network)


def gaps(network: Network) -> list:
    """Open gaps: target-group actor types without an active member (network's own analysis)."""
    if network.municipality_id is None:
        return []
    return network_services.gaps(network)


def next_roadmap_step(network: Network):
    if network.municipality_id is None:
        return None
    return roadmap.compute(network).next_step


def meetings_held(network: Network, start: datetime.date, end: datetime.date) -> int:
    now = timezone.now()
    return (
        Meeting.objects.held(now)
        .filter(network=network, starts_at__date__gte=start, starts_at__date__lte=end)
        .count()
    )


def linked_tasks(measure) -> QuerySet[ActionItem]:
    return ActionItem.objects.filter(measure_link__measure=measure)


def linked_decisions(measure) -> QuerySet[Decision]:
    return Decision.objects.filter(measure_link__measure=measure)


def network_of_municipality(municipality) -> Network | None:
    return Network.objects.filter(municipality=municipality).first()


def networks_of(municipality_ids: list):
    return Network.objects.filter(municipality_id__in=municipality_ids)
