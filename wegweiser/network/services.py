"""Use cases of network work. Views and commands call these; they hold the rules."""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wegweiser.accounts.access import forget_memberships
from wegweiser.accounts.models import Membership, Role, User
from wegweiser.core.tokens import new_secret
from wegweiser.guidebook.models import ActorType, ContactPerson, Organization

from . import recurrence
from .models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    CalendarFeed,
    Invitation,
    Meeting,
    MeetingFile,
    MeetingKind,
    MeetingSeries,
    Minutes,
    MinutesStatus,
    Network,
    Participant,
    ReminderLog,
    Rsvp,
)

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
INVITATION_DAYS = 14


def base_url() -> str:
    return str(getattr(settings, "WEGWEISER_BASE_URL", "http://127.0.0.1:8000")).rstrip("/")


# --- members and invitations --------------------------------------------------------------------


def active_members(network: Network):
    return (
        Membership.objects.active()
        .filter(municipality=network.municipality)
        .select_related("user", "organization__actor_type")
        .order_by("organization__name", "user__name")
    )


@transaction.atomic
def create_invitation(
    network: Network,
    *,
    email: str,
    role: str,
    invited_by: User,
    organization: Organization | None = None,
    name: str = "",
    message: str = "",
    language: str | None = None,
) -> tuple[Invitation, str]:
    """Create an invitation and e-mail its link. Returns (invitation, raw token)."""
    if role not in (Role.MEMBER, Role.COORDINATOR, Role.COUNSELLOR):
        raise ValidationError(_("This role cannot be given by invitation."))
    raw = new_secret()
    invitation = Invitation.objects.create(
        network=network,
        email=email.strip().lower(),
        name=name,
        role=role,
        organization=organization,
        message=message,
        token_hash=Invitation.hash(raw),
        expires_at=timezone.now() + datetime.timedelta(days=INVITATION_DAYS),
        invited_by=invited_by,
    )
    link = base_url() + reverse("network:accept", kwargs={"token": raw})
    with translation.override(language or translation.get_language() or "de"):
        body = render_to_string(
            "network/email/invitation.txt",
            {"invitation": invitation, "link": link, "network": network, "inviter": invited_by},
        )
        send_mail(
            _("Invitation to the network %(name)s") % {"name": network.name},
            body,
            None,
            [invitation.email],
        )
    return invitation, raw


def find_open_invitation(raw: str) -> Invitation | None:
    return (
        Invitation.objects.open()
        .select_related("network__municipality", "organization")
        .filter(token_hash=Invitation.hash(raw))
        .first()
    )


@transaction.atomic
def accept_invitation(invitation: Invitation, *, user: User) -> Membership:
    """Single use: the invitation is consumed (row-locked) and the membership created."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.state != "open":
        raise ValidationError(_("This invitation is no longer valid."))
    membership = (
        Membership.objects.active()
        .filter(
            user=user,
            municipality=locked.network.municipality,
            role=locked.role,
            organization=locked.organization,
        )
        .first()
    )
    if membership is None:
        membership = Membership.objects.create(
            user=user,
            municipality=locked.network.municipality,
            role=locked.role,
            organization=locked.organization,
        )
    locked.accepted_at = timezone.now()
    locked.accepted_by = user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    forget_memberships(user)
    return membership


def create_account(*, email: str, name: str, password: str) -> User:
    return User.objects.create_user(email, password, name=name)


@transaction.atomic
def end_membership(membership: Membership) -> None:
    """Members leave and coordinators remove: the row stays, its validity ends yesterday."""
    membership.valid_until = timezone.localdate() - datetime.timedelta(days=1)
    membership.save(update_fields=["valid_until"])
    forget_memberships(membership.user)


# --- gaps ----------------------------------------------------------------------------------------


@dataclass
class Gap:
    actor_type: ActorType
    organizations: list[Organization]


def gaps(network: Network) -> list[Gap]:
    """Target-group actor types without an active member in the network."""
    covered = set(
        active_members(network)
        .exclude(organization__isnull=True)
        .values_list("organization__actor_type_id", flat=True)
    )
    missing = list(ActorType.objects.filter(target_group=True).exclude(id__in=covered))
    organizations: dict[int, list[Organization]] = {}
    for organization in Organization.objects.filter(
        municipalities=network.municipality, actor_type__in=missing
    ).order_by("name"):
        organizations.setdefault(organization.actor_type_id, []).append(organization)
    return [Gap(actor_type, organizations.get(actor_type.id, [])) for actor_type in missing]


def invitation_draft(network: Network, organization: Organization | None, actor_type=None) -> dict:
    """Initial values of the invitation form for one organisation (the one-click draft)."""
    initial: dict = {"role": Role.MEMBER}
    if organization is not None:
        initial["organization"] = organization.pk
        person = ContactPerson.objects.with_consent().filter(organization=organization).first()
        if person is not None and person.email:
            initial["email"] = person.email
            initial["name"] = person.name
        elif organization.email:
            initial["email"] = organization.email
        actor_type = organization.actor_type
    label = actor_type.label if actor_type is not None else ""
    initial["message"] = _(
        "We are building a local network against labour exploitation in %(place)s. "
        "We would be glad if someone from %(who)s took part: your knowledge is missing so far."
    ) % {
        "place": network.municipality.name if network.municipality else network.name,
        "who": organization.name if organization else label,
    }
    return initial


# --- meetings ------------------------------------------------------------------------------------


def aware(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """A wall-clock time in Berlin as an aware datetime (summer and winter time handled)."""
    return datetime.datetime.combine(day, time, tzinfo=BERLIN)


@transaction.atomic
def create_meeting(network: Network, *, created_by: User, agenda=None, **fields) -> Meeting:
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


def invite_users(meeting: Meeting, users, *, notify: bool = True) -> int:
    """Invite users (members of the network) to a meeting; returns how many were new."""
    memberships = {
        m.user_id: m
        for m in Membership.objects.active().filter(
            municipality=meeting.network.municipality, user__in=[u.pk for u in users]
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
        link = base_url() + meeting.get_absolute_url()
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
def record_attendance(meeting: Meeting, attended_ids: set) -> None:
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("Attendance can be recorded once the meeting has begun."))
    for participant in meeting.participants.all():
        value = str(participant.pk) in attended_ids
        if participant.attended != value:
            participant.attended = value
            participant.save(update_fields=["attended"])


def minutes_for(meeting: Meeting) -> Minutes:
    minutes, _created = Minutes.objects.get_or_create(meeting=meeting)
    return minutes


MINUTES_TRANSITIONS = {
    "circulate": (MinutesStatus.DRAFT, MinutesStatus.CIRCULATED),
    "approve": (MinutesStatus.CIRCULATED, MinutesStatus.APPROVED),
    "reopen": (MinutesStatus.CIRCULATED, MinutesStatus.DRAFT),
}


@transaction.atomic
def save_minutes(meeting: Meeting, text: str) -> Minutes:
    minutes = Minutes.objects.select_for_update().get(pk=minutes_for(meeting).pk)
    if minutes.is_locked:
        raise PermissionDenied
    minutes.text = text
    minutes.save(update_fields=["text", "updated_at"])
    return minutes


@transaction.atomic
def transition_minutes(meeting: Meeting, action: str, user: User) -> Minutes:
    minutes = Minutes.objects.select_for_update().get(pk=minutes_for(meeting).pk)
    if action not in MINUTES_TRANSITIONS:
        raise ValidationError(_("Unknown step."))
    source, target = MINUTES_TRANSITIONS[action]
    if minutes.status != source:
        raise ValidationError(_("The minutes are not in the right state for this step."))
    if target == MinutesStatus.APPROVED and not minutes.text.strip():
        raise ValidationError(_("Empty minutes cannot be approved."))
    minutes.status = target
    if target == MinutesStatus.APPROVED:
        minutes.approved_at = timezone.now()
        minutes.approved_by = user
    minutes.save()
    if target == MinutesStatus.CIRCULATED:
        for participant in meeting.participants.select_related("user"):
            with translation.override(participant.user.preferred_language or "de"):
                send_mail(
                    _("Minutes for comments: %(title)s") % {"title": meeting.title},
                    render_to_string(
                        "network/email/minutes_circulated.txt",
                        {"meeting": meeting, "link": base_url() + meeting.get_absolute_url()},
                    ),
                    None,
                    [participant.user.email],
                )
    return minutes


def carried_over(meeting: Meeting):
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


@transaction.atomic
def set_action_status(item: ActionItem, status: str) -> ActionItem:
    if status not in ActionStatus.values:
        raise ValidationError(_("Unknown status."))
    item.status = status
    item.done_at = timezone.now() if status == ActionStatus.DONE else None
    item.save(update_fields=["status", "done_at"])
    return item


# --- files ---------------------------------------------------------------------------------------

ALLOWED_TYPES = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "text/plain": ".txt",
}


def sniff(head: bytes) -> str | None:
    """The file type from its first bytes (never from its name); None if not allowed."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/vnd.oasis.opendocument.text" in head[:200]:
            return "application/vnd.oasis.opendocument.text"
        if b"word/" in head or b"[Content_Types].xml" in head:
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        return None
    if b"\x00" in head:
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still text.
        if error.start < len(head) - 4:
            return None
    return "text/plain"


def max_upload_bytes() -> int:
    return int(getattr(settings, "WEGWEISER_MAX_UPLOAD_BYTES", 10 * 1024 * 1024))


@transaction.atomic
def store_file(meeting: Meeting, upload, user: User) -> MeetingFile:
    if upload.size > max_upload_bytes():
        raise ValidationError(
            _("The file is larger than %(mb)s MB.") % {"mb": max_upload_bytes() // (1024 * 1024)}
        )
    upload.seek(0)
    data = upload.read()
    content_type = sniff(data[:4096])
    if content_type is None:
        raise ValidationError(
            _("This file type is not accepted. Allowed: PDF, PNG, JPEG, ODT, DOCX and plain text.")
        )
    stored = MeetingFile(
        meeting=meeting,
        name=(upload.name or "file")[-200:],
        content_type=content_type,
        size=len(data),
        uploaded_by=user,
    )
    stored.file.save(stored.id.hex, ContentFile(data), save=False)
    stored.save()
    return stored


# --- calendar ------------------------------------------------------------------------------------


def meeting_event(meeting: Meeting):
    import icalendar

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
    event.add("description", base_url() + meeting.get_absolute_url())
    if meeting.cancelled_at:
        event.add("status", "CANCELLED")
    return event


def calendar_bytes(meetings, name: str) -> bytes:
    import icalendar

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


def feed_for(user: User, *, reset: bool = False) -> CalendarFeed:
    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is None:
        return CalendarFeed.objects.create(user=user, token=CalendarFeed.new_token())
    if reset:
        feed.token = CalendarFeed.new_token()
        feed.save(update_fields=["token", "created_at"])
    return feed


def feed_meetings(user: User):
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


# --- reports -------------------------------------------------------------------------------------


def year_bounds(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    return (
        datetime.datetime(year, 1, 1, tzinfo=BERLIN),
        datetime.datetime(year + 1, 1, 1, tzinfo=BERLIN),
    )


def report(network: Network, year: int) -> dict:
    start, end = year_bounds(year)
    now = timezone.now()
    held = Meeting.objects.held(now).filter(
        network=network, starts_at__gte=start, starts_at__lt=end
    )
    by_kind = dict(
        Meeting.objects.filter(pk__in=held.values("pk"))
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    meetings_by_kind = [(label, by_kind.get(kind, 0)) for kind, label in MeetingKind.choices]
    attendance_rows = (
        Participant.objects.filter(meeting__in=held.values("pk"), attended=True)
        .values("organization__actor_type__name", "organization__actor_type__key")
        .annotate(n=Count("pk"))
        .order_by("-n")
    )
    from wegweiser.guidebook.models import localized

    attendance = [
        (
            localized(row["organization__actor_type__name"])
            or row["organization__actor_type__key"]
            or _("without organisation"),
            row["n"],
        )
        for row in attendance_rows
    ]
    items = ActionItem.objects.filter(network=network)
    today = timezone.localdate()
    opened = items.filter(created_at__gte=start, created_at__lt=end).count()
    done = items.filter(done_at__gte=start, done_at__lt=end).count()
    overdue = (
        items.exclude(status=ActionStatus.DONE)
        .filter(due_date__lt=min(today, end.date()), due_date__gte=start.date())
        .count()
    )
    days = int(getattr(settings, "WEGWEISER_FRESHNESS_DAYS", 182))
    organizations = Organization.objects.filter(municipalities=network.municipality)
    total = organizations.count()
    fresh = organizations.filter(
        last_confirmed_at__gte=today - datetime.timedelta(days=days)
    ).count()
    return {
        "year": year,
        "meetings_by_kind": meetings_by_kind,
        "meetings_total": sum(n for _label, n in meetings_by_kind),
        "attendance": attendance,
        "actions": [(_("opened"), opened), (_("done"), done), (_("overdue"), overdue)],
        "freshness": {"total": total, "fresh": fresh, "stale": total - fresh, "days": days},
    }


def neutralise(value) -> str:
    """A CSV cell that no spreadsheet will run as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + text
    return text


# --- reminders -----------------------------------------------------------------------------------


def _once(key: str) -> bool:
    """True the first time a key is seen; the unique constraint keeps concurrent runs honest."""
    _log, created = ReminderLog.objects.get_or_create(key=key)
    return created


def send_reminders(now: datetime.datetime | None = None) -> dict[str, int]:
    """E-mail meeting reminders (two days ahead) and overdue action items. Idempotent."""
    now = now or timezone.now()
    sent = {"meetings": 0, "overdue": 0}
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
                        {"meeting": meeting, "link": base_url() + meeting.get_absolute_url()},
                    ),
                    None,
                    [participant.user.email],
                )
            sent["meetings"] += 1
    today = timezone.localdate(now)
    overdue = (
        ActionItem.objects.exclude(status=ActionStatus.DONE)
        .filter(due_date__lt=today)
        .select_related("owner_user", "network__municipality", "meeting")
    )
    for item in overdue:
        recipients = _action_recipients(item)
        for user in recipients:
            # One reminder per item, person and week: not every night.
            week = today.isocalendar()
            if not _once(f"overdue:{item.pk}:{user.pk}:{week.year}-{week.week}"):
                continue
            with translation.override(user.preferred_language or "de"):
                send_mail(
                    _("Overdue task: %(title)s") % {"title": item.title},
                    render_to_string(
                        "network/email/action_overdue.txt",
                        {
                            "item": item,
                            "link": base_url()
                            + reverse(
                                "network:actions",
                                kwargs={"slug": item.network.municipality.slug},
                            ),
                        },
                    ),
                    None,
                    [user.email],
                )
            sent["overdue"] += 1
    return sent


def _action_recipients(item: ActionItem) -> list[User]:
    if item.owner_user is not None:
        return [item.owner_user]
    if item.owner_organization_id is None or item.network.municipality_id is None:
        return []
    return [
        membership.user
        for membership in Membership.objects.active()
        .filter(municipality=item.network.municipality, organization=item.owner_organization)
        .select_related("user")
    ]


# --- state level ---------------------------------------------------------------------------------


def state_overview(state_ids) -> list[dict]:
    """Aggregates per network of the given states; no meeting content, nothing of case conferences."""
    from . import roadmap

    rows = []
    networks = (
        Network.objects.filter(municipality__state_id__in=state_ids)
        .select_related("municipality__state")
        .order_by("municipality__name")
    )
    now = timezone.now()
    for network in networks:
        road = roadmap.compute(network, now)
        rows.append(
            {
                "network": network,
                "members": active_members(network).count(),
                "held_12m": Meeting.objects.held(now)
                .filter(network=network, starts_at__gte=now - datetime.timedelta(days=365))
                .count(),
                "next_step": road.next_step,
                "done": road.done_count,
                "steps": len(road.steps),
            }
        )
    return rows
