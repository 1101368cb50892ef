"""Reads of the network app: who belongs to a network and what is carried over between meetings."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from wegweiser.accounts.models import Membership, User
from wegweiser.guidebook.models import OrganizationStatus

from .models import ActionItem, CooperationAgreement, Meeting, MeetingKind, Network, Rsvp


def active_members(network: Network) -> QuerySet[Membership]:
    """Currently valid memberships of the network's municipality (or state), for lists (sorted)."""
    return (
        Membership.objects.active()
        .filter(network.membership_scope())
        .select_related("user", "organization__actor_type")
        .order_by("organization__name", "user__name")
    )


def member_users(network: Network) -> QuerySet[User]:
    """People with a currently valid membership of the network (each once)."""
    return User.objects.filter(
        memberships__in=Membership.objects.active().filter(network.membership_scope())
    ).distinct()


def invitation_candidates(meeting: Meeting) -> QuerySet[User]:
    """Members of the network not yet invited to the meeting."""
    invited = meeting.participants.values("user_id")
    return member_users(meeting.network).exclude(pk__in=invited).order_by("name")


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
    memberships = Membership.objects.active().filter(user=user)
    municipalities = memberships.values_list("municipality_id", flat=True)
    states = memberships.filter(municipality__isnull=True).values_list("state_id", flat=True)
    return (
        Meeting.objects.filter(
            Q(network__municipality_id__in=municipalities) | Q(network__state_id__in=states),
            participants__user=user,
            starts_at__gte=timezone.now() - datetime.timedelta(days=180),
        )
        .exclude(participants__user=user, participants__rsvp=Rsvp.NO)
        .select_related("network__municipality")
        .distinct()
    )


# --- cooperation agreements ------------------------------------------------------------------


def agreements_of(network: Network) -> QuerySet[CooperationAgreement]:
    """Every agreement of the network, with its parties (two queries however many)."""
    return CooperationAgreement.objects.filter(network=network).prefetch_related(
        "parties__organization"
    )


def public_agreements_in_state(state_id: int) -> list[dict[str, object]]:
    """For the public state page: public fields of every agreement in force in the state."""
    found = []
    for agreement in agreements_in_force_in_state(state_id):
        fields = public_agreement(agreement)
        municipality = agreement.network.municipality
        fields["municipality"] = municipality.name if municipality else ""
        found.append(fields)
    return found


def agreements_in_force_in_state(state_id: int) -> QuerySet[CooperationAgreement]:
    """Public: agreements in force of the state round table and of the state's municipal networks.
    Readers show public fields only (title, summary, link, parties, dates)."""
    return (
        CooperationAgreement.objects.in_force()
        .filter(Q(network__state_id=state_id) | Q(network__municipality__state_id=state_id))
        .select_related("network__municipality")
        .prefetch_related("parties__organization")
        .order_by("-in_force_from", "title")
    )


def agreements_binding(organization_id) -> QuerySet[CooperationAgreement]:
    """Public: agreements in force that bind the organisation (for its guidebook entry)."""
    return (
        CooperationAgreement.objects.in_force()
        .filter(parties__organization_id=organization_id)
        .prefetch_related("parties__organization")
        .order_by("-in_force_from", "title")
        .distinct()
    )


def public_agreement(
    agreement: CooperationAgreement, *, except_organization=None
) -> dict[str, object]:
    """The public fields of an agreement in force: title, summary, link, parties, dates. Never its
    contact points or tasks (they are for the network)."""
    return {
        "title": agreement.title,
        "summary": agreement.summary,
        "url": agreement.public_url,
        "in_force_from": agreement.in_force_from,
        "valid_until": agreement.valid_until,
        # Only parties with a published guidebook entry are named in public.
        "parties": [
            party.organization.name
            for party in agreement.party_list()
            if party.organization_id != except_organization
            and party.organization.status == OrganizationStatus.PUBLISHED
            and party.organization.archived_at is None
        ],
    }
