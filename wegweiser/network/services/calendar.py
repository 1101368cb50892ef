"""iCalendar output: one meeting as a file and the personal subscription feed."""

from __future__ import annotations

from collections.abc import Iterable

import icalendar
from django.db import transaction
from django.utils import timezone

from wegweiser.accounts.models import User
from wegweiser.core.links import absolute_url

from ..models import CalendarFeed, Meeting
from .meetings import BERLIN


def meeting_event(meeting: Meeting) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"{meeting.id}@wegweiser")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at.astimezone(BERLIN))
    event.add("dtend", meeting.ends_at.astimezone(BERLIN))
    event.add("summary", meeting.title)
    location = meeting.place or meeting.online_url
    if location:
        event.add("location", location)
    if meeting.online_url:
        event.add("url", meeting.online_url)
    event.add("description", absolute_url(meeting.get_absolute_url()))
    if meeting.cancelled_at:
        event.add("status", "CANCELLED")
    return event


def calendar_bytes(meetings: Iterable[Meeting], name: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Wegweiser//network//DE")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    events = [meeting_event(meeting) for meeting in meetings]
    for event in events:
        cal.add_component(event)
    if events:
        cal.add_missing_timezones()
    return cal.to_ical()


@transaction.atomic
def feed_for(user: User, *, reset: bool = False) -> CalendarFeed:
    """The user's subscription address; `reset` replaces its token (the old link stops working)."""
    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is None:
        return CalendarFeed.objects.create(user=user, token=CalendarFeed.new_token())
    if reset:
        feed.token = CalendarFeed.new_token()
        feed.save(update_fields=["token", "created_at"])
    return feed
