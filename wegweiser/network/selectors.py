"""Reads of the network app: who belongs to a network and what is carried over between meetings."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from wegweiser.accounts.models import Membership, User
from wegweiser.core.models import Municipality

from .models import ActionItem, Meeting, MeetingKind, Network, Rsvp


def active_members(network: Network) -> QuerySet[Membership]:
    """Currently valid memberships of the network's municipality, for lists (sorted)."""
    return (
        Membership.objects.active()
        .filter(municipality=network.municipality)
        .select_related("user", "organization__actor_type")
        .order_by("organization__name", "user__name")
    )


def member_users(municipality: Municipality | None) -> QuerySet[User]:
    """People with a currently valid membership in the municipality (each once)."""
    return User.objects.filter(
        memberships__in=Membership.objects.active().filter(municipality=municipality)
    ).distinct()


def invitation_candidates(meeting: Meeting) -> QuerySet[User]:
    """Members of the network not yet invited to the meeting."""
    invited = meeting.participants.values("user_id")
    return member_users(meeting.network.municipality).exclude(pk__in=invited).order_by("name")


def carried_over(meeting: Meeting) -> QuerySet[ActionItem]:
    """Action items of earlier meetings that were still open when this meeting began.

    Derived, not stored: an item appears on every later agenda until it is done. Case conferences
    neither hand on nor receive items (their content stays with their participants).
    """
    if meeting.is_case_conference:
        return ActionItem.objects.none()
    return (
        ActionItem.objects.filter(network=meeting.network, meeting__starts_at__lt=meeting.starts_at)
        .exclude(meeting__kind=MeetingKind.CASE_CONFERENCE)
        .filter(Q(done_at__isnull=True) | Q(done_at__gt=meeting.starts_at))
        .select_related("owner_organization", "owner_user", "meeting")
        .order_by("due_date", "created_at")
    )


def feed_meetings(user: User) -> QuerySet[Meeting]:
    """Meetings a user takes part in, within currently valid memberships."""
    municipalities = (
        Membership.objects.active().filter(user=user).values_list("municipality_id", flat=True)
    )
    return (
        Meeting.objects.filter(
            participants__user=user,
            network__municipality_id__in=municipalities,
            starts_at__gte=timezone.now() - datetime.timedelta(days=180),
        )
        .exclude(participants__user=user, participants__rsvp=Rsvp.NO)
        .select_related("network__municipality")
        .distinct()
    )
