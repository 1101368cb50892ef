"""Contributions of the network app to the public municipality page and the personal dashboard."""

from __future__ import annotations

import datetime

from django.utils import timezone

from wegweiser.accounts.access import active_memberships

from . import roadmap
from .models import ActionItem, ActionStatus, Meeting, MeetingKind, Network, Participant


def public_section(request, municipality) -> dict | None:
    """Only what the public may know: the network exists, whether it meets regularly, and the
    public note. No members, no dates, nothing internal."""
    network = Network.objects.filter(municipality=municipality).first()
    if network is None:
        return None
    now = timezone.now()
    regular = (
        Meeting.objects.held(now)
        .filter(
            network=network,
            kind=MeetingKind.ROUND_TABLE,
            starts_at__gte=now - datetime.timedelta(days=roadmap.REGULAR_WINDOW_DAYS),
        )
        .count()
        >= roadmap.REGULAR_MIN_HELD
    )
    return {"network": network, "meets_regularly": regular}


def dashboard_section(request, user) -> dict | None:
    states = [m.state for m in active_memberships(user) if m.role == "state_coordinator"]
    memberships = [m for m in active_memberships(user) if m.municipality_id]
    if not memberships and not states:
        return None
    now = timezone.now()
    blocks = []
    seen = set()
    for membership in memberships:
        municipality = membership.municipality
        if municipality.pk in seen:
            continue
        seen.add(municipality.pk)
        network = Network.objects.filter(municipality=municipality).first()
        block = {"municipality": municipality, "network": network, "is_coordinator": False}
        is_coordinator = any(
            m.role == "coordinator" and m.municipality_id == municipality.pk for m in memberships
        )
        block["is_coordinator"] = is_coordinator
        if network is not None:
            if is_coordinator:
                from . import services

                road = roadmap.compute(network, now)
                block["next_step"] = road.next_step
                block["gap_count"] = len(services.gaps(network))
                block["upcoming"] = list(
                    Meeting.objects.filter(network=network)
                    .exclude(kind=MeetingKind.CASE_CONFERENCE)
                    .upcoming(now)
                    .order_by("starts_at")[:3]
                )
                block["open_actions"] = (
                    ActionItem.objects.filter(network=network)
                    .exclude(status=ActionStatus.DONE)
                    .exclude(meeting__kind=MeetingKind.CASE_CONFERENCE)
                    .count()
                )
            block["my_invitations"] = list(
                Participant.objects.filter(
                    user=user, meeting__network=network, meeting__ends_at__gte=now
                )
                .select_related("meeting")
                .order_by("meeting__starts_at")[:5]
            )
            block["my_actions"] = list(
                ActionItem.objects.filter(network=network, owner_user=user)
                .exclude(status=ActionStatus.DONE)
                .order_by("due_date")[:5]
            )
        blocks.append(block)
    return {"blocks": blocks, "states": states}
