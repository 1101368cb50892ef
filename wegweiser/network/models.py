"""Network work: networks, invitations, meetings, agendas, minutes, decisions, action items.

Members are `accounts.Membership` rows (user × municipality × role × organisation); this app adds
what a network does together. Every change is kept (simple-history); nothing is hard-deleted
except agenda items and files a coordinator removes on purpose.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wegweiser.accounts.models import Role
from wegweiser.core.tokens import hash_secret, new_secret

_hash = hash_secret


class Structure(models.TextChoices):
    NEW = "new", _("new structure")
    ATTACHED = "attached", _("attached to an existing round table")


class Network(models.Model):
    """The network of one municipality (or, for the state level, of one state)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    municipality = models.OneToOneField(
        "core.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="network",
        verbose_name=_("municipality"),
    )
    state = models.ForeignKey(
        "core.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="state_networks",
        verbose_name=_("federal state (state-level network)"),
    )
    name = models.CharField(_("name"), max_length=200)
    focus = models.TextField(
        _("focus"),
        blank=True,
        help_text=_("What the network concentrates on, e.g. seasonal work in agriculture."),
    )
    structure = models.CharField(
        _("structure"), max_length=16, choices=Structure.choices, default=Structure.NEW
    )
    attached_to = models.CharField(
        _("existing round table"),
        max_length=200,
        blank=True,
        help_text=_("For example the round table on sexual exploitation or on refugee assistance."),
    )
    public_info = models.TextField(
        _("public information"),
        blank=True,
        help_text=_("Shown on the public page of the municipality. No internal details."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        constraints = [
            models.CheckConstraint(
                name="network_has_one_scope",
                condition=Q(municipality__isnull=False, state__isnull=True)
                | Q(municipality__isnull=True, state__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def municipality_slug(self) -> str:
        """Network pages live under their municipality's address."""
        # State-level networks (municipality empty) have no pages of their own yet.
        assert self.municipality is not None, "network pages need a municipality"
        return self.municipality.slug


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def open(self) -> InvitationQuerySet:
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


INVITABLE_ROLES = [
    (Role.MEMBER.value, Role.MEMBER.label),
    (Role.COORDINATOR.value, Role.COORDINATOR.label),
    (Role.COUNSELLOR.value, Role.COUNSELLOR.label),
]


class Invitation(models.Model):
    """An e-mailed, expiring, single-use invitation to join a network. Only the token's hash is kept."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=150, blank=True)
    organization = models.ForeignKey(
        "guidebook.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="network_invitations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=32, choices=INVITABLE_ROLES, default="member")
    message = models.TextField(_("personal message"), blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["token_hash"])

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return self.email

    @staticmethod
    def hash(raw: str) -> str:
        return _hash(raw)

    @property
    def state(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"


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
        return reverse(
            "network:meeting_detail",
            kwargs={"slug": self.network.municipality_slug, "meeting": self.id},
        )

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


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    CIRCULATED = "circulated", _("circulated for comments")
    APPROVED = "approved", _("approved")


class Minutes(models.Model):
    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    text = models.TextField(_("minutes"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return f"{self.meeting}: {self.get_status_display()}"

    @property
    def is_locked(self) -> bool:
        return self.status == MinutesStatus.APPROVED


class Decision(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:60]


class ActionStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")


class ActionItem(models.Model):
    """A task agreed in a meeting; it is carried to later agendas until it is done."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="action_items")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="action_items")
    title = models.CharField(_("task"), max_length=300)
    owner_organization = models.ForeignKey(
        "guidebook.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible organisation"),
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_action_items",
        verbose_name=_("responsible person"),
    )
    due_date = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "created_at"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return (
            self.status != ActionStatus.DONE
            and self.due_date is not None
            and self.due_date < timezone.localdate()
        )


def meeting_file_path(instance: MeetingFile, filename: str) -> str:
    # The stored name never contains the uploaded name: no path tricks, no guessable names.
    return f"network/{instance.meeting_id}/{instance.id}"


class MeetingFile(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=meeting_file_path, max_length=200)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.name


class CalendarFeed(models.Model):
    """A personal calendar subscription. The token must be shown again, so it is stored; a reset
    replaces it and the old URL stops working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"feed of {self.user_id}"

    @staticmethod
    def new_token() -> str:
        return new_secret()


class ReminderLog(models.Model):
    """What `send_reminders` has sent, so the same reminder never goes out twice."""

    key = models.CharField(max_length=200, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.key
