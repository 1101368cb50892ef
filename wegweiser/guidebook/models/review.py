"""Keeping entries true: confirmation requests and members' changes waiting for approval."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .entries import Organization
from .mandates import MandateItem


class ConfirmationRequest(models.Model):
    """A one-time link e-mailed to an organisation so it confirms or corrects its entry.

    Only a SHA-256 hash of the token is stored; the link works once and expires.
    """

    class Outcome(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed as still correct")
        CORRECTIONS = "corrections", _("corrections proposed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="confirmation_requests",
        verbose_name=_("organisation"),
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    sent_to = models.EmailField(_("sent to"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=Outcome.choices, blank=True, default=""
    )
    message = models.TextField(_("proposed corrections"), blank=True)
    proposed = models.JSONField(_("proposed field values"), default=dict, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("confirmation request")
        verbose_name_plural = _("confirmation requests")

    def __str__(self) -> str:
        return f"{self.organization} ({self.created_at:%Y-%m-%d})"

    @property
    def is_open(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()


class PendingChange(models.Model):
    """A member's change of a published entry, waiting for the coordinator's approval.

    The live rows stay the published version (pages, search, navigator and exports read them
    unchanged); the change is the submitted form data, applied through the same services when the
    coordinator approves it, or sent back with a comment the member sees.
    """

    class Kind(models.TextChoices):
        ENTRY = "entry", _("organisation and locations")
        MANDATE = "mandate", _("mandate item")
        MANDATE_DELETE = "mandate_delete", _("removal of a mandate item")

    class State(models.TextChoices):
        OPEN = "open", _("waiting for approval")
        RETURNED = "returned", _("sent back")
        APPLIED = "applied", _("approved")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="pending_changes"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # The mandate item changed or removed (None: the entry itself, or a new mandate item).
    item = models.ForeignKey(
        MandateItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    data = models.JSONField(_("submitted form data"), default=dict)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    comment = models.TextField(_("coordinator's comment"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")

    def __str__(self) -> str:
        return f"{self.organization}: {self.get_kind_display()} ({self.get_state_display()})"
