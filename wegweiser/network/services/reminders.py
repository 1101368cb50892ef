"""Nightly e-mail reminders: meetings two days ahead and overdue tasks. Idempotent."""

from __future__ import annotations

import datetime

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wegweiser.accounts.models import Membership, User
from wegweiser.core.links import absolute_url

from ..models import ActionItem, ActionStatus, Meeting, ReminderLog, Rsvp


def _once(key: str) -> bool:
    """True the first time a key is seen; the unique constraint keeps concurrent runs honest."""
    _log, created = ReminderLog.objects.get_or_create(key=key)
    return created


def send_reminders(now: datetime.datetime | None = None) -> dict[str, int]:
    """E-mail meeting reminders (two days ahead) and overdue action items. Idempotent."""
    now = now or timezone.now()
    return {"meetings": _remind_meetings(now), "overdue": _remind_overdue(now)}


def _remind_meetings(now: datetime.datetime) -> int:
    sent = 0
    soon = Meeting.objects.filter(
        starts_at__gt=now,
        starts_at__lte=now + datetime.timedelta(days=2),
        cancelled_at__isnull=True,
    ).select_related("network__municipality")
    for meeting in soon:
        participants = meeting.participants.exclude(rsvp=Rsvp.NO).select_related("user")
        for participant in participants:
            if not _once(f"meeting:{meeting.pk}:{participant.user_id}"):
                continue
            with translation.override(participant.user.preferred_language or "de"):
                send_mail(
                    _("Reminder: %(title)s") % {"title": meeting.title},
                    render_to_string(
                        "network/email/meeting_reminder.txt",
                        {"meeting": meeting, "link": absolute_url(meeting.get_absolute_url())},
                    ),
                    None,
                    [participant.user.email],
                )
            sent += 1
    return sent


def _remind_overdue(now: datetime.datetime) -> int:
    sent = 0
    today = timezone.localdate(now)
    # One reminder per item, person and week: not every night.
    week = today.isocalendar()
    overdue = (
        ActionItem.objects.exclude(status=ActionStatus.DONE)
        .filter(due_date__lt=today)
        .select_related("owner_user", "network__municipality", "meeting")
    )
    for item in overdue:
        for user in _action_recipients(item):
            if not _once(f"overdue:{item.pk}:{user.pk}:{week.year}-{week.week}"):
                continue
            with translation.override(user.preferred_language or "de"):
                link = absolute_url(item.network.url("actions"))
                send_mail(
                    _("Overdue task: %(title)s") % {"title": item.title},
                    render_to_string(
                        "network/email/action_overdue.txt", {"item": item, "link": link}
                    ),
                    None,
                    [user.email],
                )
            sent += 1
    return sent


def _action_recipients(item: ActionItem) -> list[User]:
    if item.owner_user is not None:
        return [item.owner_user]
    if item.owner_organization_id is None:
        return []
    return [
        membership.user
        for membership in Membership.objects.active()
        .filter(item.network.membership_scope(), organization=item.owner_organization)
        .select_related("user")
    ]
