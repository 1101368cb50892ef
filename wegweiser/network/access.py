"""Who may see and change what in a network. Views reach every object through these helpers.

- Coordinators of the municipality see and run everything except case conferences they do not
  take part in.
- Members and counsellors see the member list and the meetings they are invited to.
- State coordinators see the network read-only as aggregates (dashboard, report); no meeting
  content, no member list, nothing of case conferences.
- Case conferences (and their minutes) are visible to their participants only.
- The state round table (a network of a state) uses the same pages under /state/<slug>/roundtable/:
  its state coordinator coordinates it, members of the state take part, everyone else gets 404.
Foreign or unknown objects answer 404; read-only access to a write action answers 403.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest

from wegweiser.accounts.access import (
    MunicipalityAccess,
    active_memberships,
    get_municipality_for_user,
    organizations_of,
)
from wegweiser.accounts.models import Role
from wegweiser.core.models import State

from .models import (
    ActionItem,
    CooperationAgreement,
    Meeting,
    MeetingFile,
    MeetingKind,
    MeetingQuerySet,
    Network,
    Participant,
)


@dataclass(frozen=True)
class StateAccess:
    """Roles at the state round table, shaped like MunicipalityAccess: the state coordinator
    coordinates it, members of the state (staff of state-wide actors) take part."""

    state: State
    roles: frozenset[str]

    @property
    def is_member(self) -> bool:
        return bool(self.roles)

    @property
    def is_coordinator(self) -> bool:
        return Role.COORDINATOR in self.roles

    @property
    def is_state_coordinator(self) -> bool:
        # She coordinates the round table here (full access), not looks on from above.
        return False

    @property
    def is_counsellor(self) -> bool:
        return False


@dataclass(frozen=True)
class NetworkAccess:
    network: Network
    access: MunicipalityAccess | StateAccess

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


# The instance namespace of the state round table's pages (wegweiser/urls.py includes the
# network's pages a second time under /state/<slug>/roundtable/).
STATE_NAMESPACE = "roundtable"


def is_state_request(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and match.namespace == STATE_NAMESPACE


def get_state_network_for_user(
    request: HttpRequest, slug: str, *, write: bool = False
) -> NetworkAccess:
    """The state round table: its state coordinator (writes) and members of the state (read);
    404 for everyone else, also for the state's municipal networks; 403 on writes by members."""
    user = request.user
    if isinstance(user, AnonymousUser) or not user.is_authenticated:
        raise Http404
    network = Network.objects.filter(state__slug=slug).select_related("state").first()
    if network is None or network.state is None:
        raise Http404
    roles = set()
    for membership in active_memberships(user):
        if membership.state_id != network.state_id or membership.municipality_id is not None:
            continue
        roles.add(Role.COORDINATOR if membership.role == Role.STATE_COORDINATOR else Role.MEMBER)
    if not roles:
        raise Http404
    net = NetworkAccess(network, StateAccess(network.state, frozenset(roles)))
    if write and not net.can_write:
        raise PermissionDenied
    return net


def get_network_for_user(
    request: HttpRequest, slug: str, *, write: bool = False, members_only: bool = False
) -> NetworkAccess:
    """The network of a page: of the municipality `slug`, or (on the state round table's pages)
    of the state `slug`."""
    if is_state_request(request):
        return get_state_network_for_user(request, slug, write=write)
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


def organizations_at(user, network: Network) -> set:
    """Primary keys of the organisations the user represents in this network."""
    if not network.is_state_level:
        return organizations_of(user, network.municipality)
    return {
        m.organization_id
        for m in active_memberships(user)
        if m.organization_id and m.municipality_id is None and m.state_id == network.state_id
    }


def action_items_visible_to(user, net: NetworkAccess) -> QuerySet[ActionItem]:
    return ActionItem.objects.filter(
        network=net.network, meeting__in=meetings_visible_to(user, net)
    )


def get_action_item_for_user(request: HttpRequest, slug: str, item_id) -> tuple[ActionItem, bool]:
    """(action item, can_update): coordinators and the responsible person/organisation update."""
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
            and item.owner_organization_id in organizations_at(request.user, net.network)
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


def get_agreement_for_user(
    request: HttpRequest, slug: str, agreement_id, *, write: bool = False
) -> tuple[CooperationAgreement, NetworkAccess]:
    """An agreement of the network: its members read, its coordination writes (403 for members);
    404 for everyone else and for agreements of other networks."""
    net = get_network_for_user(request, slug, write=write, members_only=True)
    agreement = (
        CooperationAgreement.objects.filter(network=net.network, pk=agreement_id)
        .prefetch_related("parties__organization")
        .first()
    )
    if agreement is None:
        raise Http404
    return agreement, net
