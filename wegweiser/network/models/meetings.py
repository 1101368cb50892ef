"""Meetings (single or in a series), their participants and agenda."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .network import Network


class MeetingKind(models.TextChoices):
    WORKSHOP_1 = "workshop_1", _("Workshop I")
    WORKSHOP_2 = "workshop_2", _("Workshop II")
    ROUND_TABLE = "round_table", _("round table")
    WORKING_GROUP = "working_group", _("working group")
    CASE_CONFERENCE = "case_conference", _("case conference")


class SeriesRule(models.TextChoices):
    MONTHLY = "monthly", _("every month")
    QUARTERLY = "quarterly", _("every quarter")


class MeetingSeries(models.Model):
    """A recurring meeting, e.g. "every second Tuesday of the first month of a quarter"."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="series")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=MeetingKind.choices)
    rule = models.CharField(_("repeats"), max_length=16, choices=SeriesRule.choices)
    nth = models.SmallIntegerField(_("which weekday of the month (1–4, -1 = last)"))
    weekday = models.SmallIntegerField(_("weekday (0 = Monday)"))
    month_of_quarter = models.SmallIntegerField(_("month of the quarter"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")

    def __str__(self) -> str:
        return self.title


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def held(self, now=None) -> MeetingQuerySet:
        """Meetings in the past for which attendance was recorded (a real event)."""
        now = now or timezone.now()
        return self.filter(
            starts_at__lt=now, cancelled_at__isnull=True, participants__attended=True
        ).distinct()

    def upcoming(self, now=None) -> MeetingQuerySet:
        now = now or timezone.now()
        return self.filter(ends_at__gte=now, cancelled_at__isnull=True)


class Meeting(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="meetings")
    series = models.ForeignKey(
        MeetingSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("series"),
    )
    kind = models.CharField(_("type"), max_length=20, choices=MeetingKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("invitation text"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    case_code = models.CharField(
        _("pseudonymous case code"),
        max_length=40,
        blank=True,
        help_text=_("Only the pseudonymous code, never a name."),
    )
    case_summary = models.TextField(
        _("anonymised case summary"),
        blank=True,
        help_text=_(
            "Do not enter names, dates of birth, addresses or anything else that identifies "
            "the person."
        ),
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                name="meeting_ends_after_start", condition=Q(ends_at__gt=models.F("starts_at"))
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.network.url("meeting_detail", meeting=self.id)

    @property
    def is_case_conference(self) -> bool:
        return self.kind == MeetingKind.CASE_CONFERENCE

    @property
    def is_past(self) -> bool:
        return self.starts_at < timezone.now()


class Rsvp(models.TextChoices):
    PENDING = "pending", _("no answer yet")
    YES = "yes", _("yes")
    NO = "no", _("no")
    MAYBE = "maybe", _("maybe")
    WAITING = "waiting", _("on the waiting list")


class Participant(models.Model):
    """An invitation to a meeting, its answer and whether the person attended."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_participations"
    )
    organization = models.ForeignKey(
        "guidebook.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    rsvp = models.CharField(_("answer"), max_length=10, choices=Rsvp.choices, default=Rsvp.PENDING)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    invited_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["invited_at"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_participation_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.meeting}"


class AgendaItem(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveIntegerField(_("order"), default=100)
    title = models.CharField(_("topic"), max_length=300)
    duration_minutes = models.PositiveIntegerField(_("duration in minutes"), default=15)
    presenter = models.CharField(_("presented by"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title
