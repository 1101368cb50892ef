"""Meetings: planning (single and series), agenda, invitations, answers and attendance."""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wegweiser.accounts.models import Membership, User
from wegweiser.core.links import absolute_url

from .. import recurrence
from ..models import AgendaItem, Meeting, MeetingSeries, Network, Participant, Rsvp

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def aware(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """A wall-clock time in Berlin as an aware datetime (summer and winter time handled)."""
    return datetime.datetime.combine(day, time, tzinfo=BERLIN)


@transaction.atomic
def create_meeting(
    network: Network,
    *,
    created_by: User,
    agenda: Sequence[tuple[object, int]] | None = None,
    **fields: object,
) -> Meeting:
    meeting = Meeting.objects.create(network=network, created_by=created_by, **fields)
    for order, (title, minutes) in enumerate(agenda or [], start=1):
        AgendaItem.objects.create(
            meeting=meeting, order=order * 10, title=str(title), duration_minutes=minutes
        )
    if meeting.is_case_conference:
        # The organiser takes part, otherwise she could not see her own case conference.
        invite_users(meeting, [created_by], notify=False)
    return meeting


@transaction.atomic
def update_meeting(meeting: Meeting, **fields: object) -> Meeting:
    for field, value in fields.items():
        setattr(meeting, field, value)
    meeting.save()
    return meeting


@transaction.atomic
def create_series(
    network: Network,
    *,
    created_by: User,
    title: str,
    kind: str,
    rule: str,
    nth: int,
    weekday: int,
    month_of_quarter: int,
    start_date: datetime.date,
    start_time: datetime.time,
    duration_minutes: int,
    count: int,
    place: str = "",
    online_url: str = "",
    capacity: int | None = None,
) -> tuple[MeetingSeries, list[Meeting]]:
    series = MeetingSeries.objects.create(
        network=network,
        title=title,
        kind=kind,
        rule=rule,
        nth=nth,
        weekday=weekday,
        month_of_quarter=month_of_quarter,
    )
    meetings = []
    for day in recurrence.occurrences(rule, nth, weekday, start_date, count, month_of_quarter):
        starts = aware(day, start_time)
        meetings.append(
            create_meeting(
                network,
                created_by=created_by,
                series=series,
                kind=kind,
                title=title,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(minutes=duration_minutes),
                place=place,
                online_url=online_url,
                capacity=capacity,
            )
        )
    return series, meetings


@transaction.atomic
def add_agenda_item(meeting: Meeting, item: AgendaItem) -> AgendaItem:
    item.meeting = meeting
    item.save()
    return item


@transaction.atomic
def remove_agenda_item(item: AgendaItem) -> None:
    item.delete()


@transaction.atomic
def update_agenda_item(item: AgendaItem) -> AgendaItem:
    item.save()
    return item


@transaction.atomic
def move_agenda_item(item: AgendaItem, direction: str) -> None:
    """Move an item one place up or down; the agenda is renumbered 10, 20, 30 …"""
    items = list(
        AgendaItem.objects.select_for_update()
        .filter(meeting_id=item.meeting_id)
        .order_by("order", "id")
    )
    index = next(i for i, row in enumerate(items) if row.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    for position, row in enumerate(items, start=1):
        if row.order != position * 10:
            row.order = position * 10
            row.save(update_fields=["order"])


def invite_users(meeting: Meeting, users: Iterable[User], *, notify: bool = True) -> int:
    """Invite users (members of the network) to a meeting; returns how many were new."""
    users = list(users)
    memberships = {
        m.user_id: m
        for m in Membership.objects.active().filter(
            meeting.network.membership_scope(), user__in=[u.pk for u in users]
        )
    }
    created = 0
    for user in users:
        organization = memberships[user.pk].organization if user.pk in memberships else None
        participant, new = Participant.objects.get_or_create(
            meeting=meeting, user=user, defaults={"organization": organization}
        )
        if new:
            created += 1
            if notify:
                _mail_meeting_invitation(participant)
    return created


def _mail_meeting_invitation(participant: Participant) -> None:
    meeting = participant.meeting
    with translation.override(participant.user.preferred_language or "de"):
        link = absolute_url(meeting.get_absolute_url())
        body = render_to_string(
            "network/email/meeting_invitation.txt",
            {"meeting": meeting, "link": link, "user": participant.user},
        )
        send_mail(
            _("Invitation: %(title)s") % {"title": meeting.title},
            body,
            None,
            [participant.user.email],
        )


def confirmed_count(meeting: Meeting) -> int:
    return meeting.participants.filter(rsvp=Rsvp.YES).count()


@transaction.atomic
def respond(participant: Participant, answer: str) -> str:
    """Record an RSVP. A "yes" beyond capacity goes to the waiting list; a freed place goes to
    the first person waiting. Returns the status actually recorded."""
    if answer not in (Rsvp.YES, Rsvp.NO, Rsvp.MAYBE):
        raise ValidationError(_("Please answer yes, no or maybe."))
    meeting = Meeting.objects.select_for_update().get(pk=participant.meeting_id)
    previous = participant.rsvp
    status = answer
    if (
        answer == Rsvp.YES
        and previous != Rsvp.YES
        and meeting.capacity is not None
        and confirmed_count(meeting) >= meeting.capacity
    ):
        status = Rsvp.WAITING
    participant.rsvp = status
    participant.responded_at = timezone.now()
    participant.save(update_fields=["rsvp", "responded_at"])
    if previous == Rsvp.YES and status != Rsvp.YES:
        waiting = meeting.participants.filter(rsvp=Rsvp.WAITING).order_by("responded_at").first()
        if waiting is not None:
            waiting.rsvp = Rsvp.YES
            waiting.save(update_fields=["rsvp"])
    return status


@transaction.atomic
def record_attendance(meeting: Meeting, attended_ids: set[str]) -> None:
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("Attendance can be recorded once the meeting has begun."))
    for participant in meeting.participants.all():
        value = str(participant.pk) in attended_ids
        if participant.attended != value:
            participant.attended = value
            participant.save(update_fields=["attended"])
