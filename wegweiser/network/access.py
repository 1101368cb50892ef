"""Who may see and change what in a network. Views reach every object through these helpers.

- Coordinators of the municipality see and run everything except case conferences they do not
  take part in.
- Members and counsellors see the member list and the meetings they are invited to.
- State coordinators see the network read-only as aggregates (dashboard, report); no meeting
  content, no member list, nothing of case conferences.
- Case conferences (and their minutes) are visible to their participants only.
Foreign or unknown objects answer 404; read-only access to a write action answers 403.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest

from wegweiser.accounts.access import MunicipalityAccess, get_municipality_for_user

from .models import (
    ActionItem,
    Meeting,
    MeetingFile,
    MeetingKind,
    MeetingQuerySet,
    Network,
    Participant,
)


@dataclass(frozen=True)
class NetworkAccess:
    network: Network
    access: MunicipalityAccess

    @property
    def can_write(self) -> bool:
        return self.access.is_coordinator

    @property
    def can_organise_case_conferences(self) -> bool:
        """Coordinators, and counsellors, whose cases these conferences are about."""
        return self.access.is_coordinator or self.access.is_counsellor

    @property
    def is_participant_type(self) -> bool:
        """Members, counsellors and coordinators take part; state coordinators only look on."""
        return bool(self.access.roles - {"state_coordinator"})


def get_network_for_user(
    request: HttpRequest, slug: str, *, write: bool = False, members_only: bool = False
) -> NetworkAccess:
    municipality, access = get_municipality_for_user(request, slug, write=write)
    network = (
        Network.objects.filter(municipality=municipality).select_related("municipality").first()
    )
    if network is None:
        raise Http404
    result = NetworkAccess(network, access)
    if members_only and not result.is_participant_type:
        raise Http404
    return result


def get_report_network_for_user(request: HttpRequest, slug: str) -> NetworkAccess:
    """The yearly report: coordinators of the municipality and state coordinators; others 404."""
    net = get_network_for_user(request, slug)
    if not (net.can_write or net.access.is_state_coordinator):
        raise Http404
    return net


def refuse_if_minutes_locked(meeting: Meeting) -> None:
    """Approved minutes freeze the record of a meeting (agenda, decisions, tasks): 403."""
    minutes = getattr(meeting, "minutes", None)
    if minutes is not None and minutes.is_locked:
        raise PermissionDenied


def meetings_visible_to(user, net: NetworkAccess) -> MeetingQuerySet:
    """Meetings of the network the user may open."""
    meetings = Meeting.objects.filter(network=net.network)
    is_participant = Exists(Participant.objects.filter(meeting=OuterRef("pk"), user=user))
    if net.access.is_coordinator:
        return meetings.filter(~Q(kind=MeetingKind.CASE_CONFERENCE) | Q(is_participant))
    return meetings.filter(is_participant)


def get_meeting_for_user(
    request: HttpRequest, slug: str, meeting_id, *, write: bool = False
) -> tuple[Meeting, NetworkAccess, bool]:
    """(meeting, network access, can_write); 404 when the meeting is not visible, 403 on write
    actions by readers."""
    net = get_network_for_user(request, slug)
    meeting = (
        meetings_visible_to(request.user, net)
        .select_related("network__municipality", "series")
        .filter(pk=meeting_id)
        .first()
    )
    if meeting is None:
        raise Http404
    # The organiser of a case conference (often a counsellor) keeps its record.
    can_write = net.can_write or (
        meeting.is_case_conference and meeting.created_by_id == request.user.pk
    )
    if write and not can_write:
        raise PermissionDenied
    return meeting, net, can_write


def action_items_visible_to(user, net: NetworkAccess) -> QuerySet[ActionItem]:
    return ActionItem.objects.filter(
        network=net.network, meeting__in=meetings_visible_to(user, net)
    )


def get_action_item_for_user(request: HttpRequest, slug: str, item_id) -> tuple[ActionItem, bool]:
    """(action item, can_update): coordinators and the responsible person/organisation update."""
    from wegweiser.accounts.access import organizations_of

    net = get_network_for_user(request, slug)
    item = (
        action_items_visible_to(request.user, net)
        .select_related("meeting", "owner_organization", "owner_user")
        .filter(pk=item_id)
        .first()
    )
    if item is None:
        raise Http404
    can_update = net.can_write or (
        item.owner_user_id == request.user.pk
        or (
            item.owner_organization_id is not None
            and item.owner_organization_id
            in organizations_of(request.user, net.network.municipality)
        )
    )
    return item, can_update


def get_file_for_user(request: HttpRequest, slug: str, file_id) -> MeetingFile:
    net = get_network_for_user(request, slug)
    stored = (
        MeetingFile.objects.filter(meeting__in=meetings_visible_to(request.user, net), pk=file_id)
        .select_related("meeting")
        .first()
    )
    if stored is None:
        raise Http404
    return stored
