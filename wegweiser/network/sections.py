"""Contributions of the network app to the public municipality page and the personal dashboard."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.html import format_html

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
    # Editors write the name in German: marked as such inside a page of any language.
    name = format_html('<span lang="de">{}</span>', network.name)
    return {"network": network, "name": name, "meets_regularly": regular}


def dashboard_section(request, user) -> dict | None:
    # State coordinators find the state overview in the section of the states app.
    memberships = [m for m in active_memberships(user) if m.municipality_id]
    now = timezone.now()
    round_tables = _round_table_blocks(user, now)
    if not memberships and not round_tables:
        return None
    blocks = []
    seen = set()
    for membership in memberships:
        municipality = membership.municipality
        if municipality is None or municipality.pk in seen:
            continue
        seen.add(municipality.pk)
        network = Network.objects.filter(municipality=municipality).first()
        is_coordinator = any(
            m.role == "coordinator" and m.municipality_id == municipality.pk for m in memberships
        )
        block: dict[str, object] = {
            "municipality": municipality,
            "network": network,
            "is_coordinator": is_coordinator,
        }
        if network is not None:
            if is_coordinator:
                block.update(_coordinator_summary(network, now))
            block.update(_personal_summary(network, user, now))
        blocks.append(block)
    return {"blocks": blocks, "round_tables": round_tables}


def _round_table_blocks(user, now: datetime.datetime) -> list[dict[str, object]]:
    """The state round tables the user sits at: as its state coordinator or as a member."""
    memberships = [m for m in active_memberships(user) if m.state_id and not m.municipality_id]
    if not memberships:
        return []
    blocks = []
    for network in Network.objects.filter(state_id__in={m.state_id for m in memberships}):
        is_coordinator = any(
            m.role == "state_coordinator" and m.state_id == network.state_id for m in memberships
        )
        block: dict[str, object] = {"network": network, "is_coordinator": is_coordinator}
        if is_coordinator:
            block["upcoming"] = list(
                Meeting.objects.filter(network=network).upcoming(now).order_by("starts_at")[:3]
            )
            block.update(_open_and_overdue(network))
        block.update(_personal_summary(network, user, now))
        blocks.append(block)
    return blocks


def _coordinator_summary(network: Network, now: datetime.datetime) -> dict[str, object]:
    """Next roadmap step, missing actors, coming meetings and open tasks (no case conferences)."""
    from .services import gaps

    return {
        "next_step": roadmap.compute(network, now).next_step,
        "gap_count": len(gaps(network)),
        "upcoming": list(
            Meeting.objects.filter(network=network)
            .exclude(kind=MeetingKind.CASE_CONFERENCE)
            .upcoming(now)
            .order_by("starts_at")[:3]
        ),
        **_open_and_overdue(network),
    }


def _open_and_overdue(network: Network) -> dict[str, int]:
    """Open tasks of the network (no case conferences) and how many of them are overdue."""
    open_items = (
        ActionItem.objects.filter(network=network)
        .exclude(status=ActionStatus.DONE)
        .exclude(meeting__kind=MeetingKind.CASE_CONFERENCE)
    )
    counts = open_items.aggregate(
        open=Count("pk"), overdue=Count("pk", filter=Q(due_date__lt=timezone.localdate()))
    )
    return {"open_actions": counts["open"], "overdue_actions": counts["overdue"]}


def _personal_summary(network: Network, user, now: datetime.datetime) -> dict[str, object]:
    """The user's own coming meetings and open tasks in this network."""
    return {
        "my_invitations": list(
            Participant.objects.filter(
                user=user, meeting__network=network, meeting__ends_at__gte=now
            )
            .select_related("meeting")
            .order_by("meeting__starts_at")[:5]
        ),
        "my_actions": list(
            ActionItem.objects.filter(network=network, owner_user=user)
            .exclude(status=ActionStatus.DONE)
            .order_by("due_date")[:5]
        ),
    }


def actor_agreements(request, organization) -> dict | None:
    """On a guidebook entry: the agreements in force that bind the actor (public fields)."""
    from .selectors import agreements_binding, public_agreement

    agreements = [
        public_agreement(agreement, except_organization=organization.pk)
        for agreement in agreements_binding(organization.pk)
    ]
    return {"agreements": agreements, "organization": organization} if agreements else None
