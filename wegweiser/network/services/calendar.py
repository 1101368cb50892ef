"""iCalendar output: one meeting as a file and the personal subscription feed."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import icalendar
from django.db import transaction
from django.utils import timezone

from wegweiser.accounts.models import User
from wegweiser.core.links import absolute_url

from ..models import CalendarFeed, Meeting, MeetingKind
from .meetings import BERLIN


def _feed_event(meeting: Meeting) -> icalendar.Event:
    """A case conference as an external calendar provider may see it: kind and time only.

    The subscription feed is read by servers of calendar providers; a case conference's title,
    place or video link can name a person in distress (issue 11). The uid is not the meeting's id.
    """
    event = icalendar.Event()
    event.add("uid", hashlib.sha256(f"wegweiser:{meeting.id}".encode()).hexdigest() + "@wegweiser")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at.astimezone(BERLIN))
    event.add("dtend", meeting.ends_at.astimezone(BERLIN))
    event.add("summary", str(MeetingKind.CASE_CONFERENCE.label))
    event.add("class", "CONFIDENTIAL")
    if meeting.cancelled_at:
        event.add("status", "CANCELLED")
    return event


def meeting_event(meeting: Meeting, *, feed: bool = False) -> icalendar.Event:
    if feed and meeting.kind == MeetingKind.CASE_CONFERENCE:
        return _feed_event(meeting)
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


def calendar_bytes(meetings: Iterable[Meeting], name: str, *, feed: bool = False) -> bytes:
    """An .ics file; `feed`: for the subscription feed read by calendar providers (see above)."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Wegweiser//network//DE")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    events = [meeting_event(meeting, feed=feed) for meeting in meetings]
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
