"""Cooperation agreements: documents of a network (a municipality's or the state round table).

An agreement names its parties (organisations), what each party agreed to do and where it can be
reached, and the dates of its life: each party's signature, the day it comes into force and the
day it ends. The status is computed from those dates, never stored, so an agreement expires on
its last day without anyone doing anything.

Rules (checked here, called by the services):
- the contents (title, summary, parties, contact points, tasks) can change only while nobody
  has signed: what was signed stays what was signed;
- a signature date lies neither in the future nor twice on one party;
- an agreement comes into force only when at least two parties signed, all of them, and not
  before the last signature; it ends no earlier than it began.
Public are: title, summary, published text (link), parties and dates. Contact points and tasks
are for the network.
"""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

MIN_PARTIES = 2


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SIGNING = "signing", _("signed by some parties")
    SIGNED = "signed", _("signed, not yet in force")
    IN_FORCE = "in_force", _("in force")
    EXPIRED = "expired", _("expired")


class AgreementQuerySet(models.QuerySet["CooperationAgreement"]):
    def in_force(self, on: datetime.date | None = None) -> AgreementQuerySet:
        """In force on the day (today): begun, not ended. Only fully signed agreements have a
        start date (see `check_validity`)."""
        day = on or timezone.localdate()
        return self.filter(in_force_from__lte=day).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=day)
        )


class CooperationAgreement(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    network = models.ForeignKey(
        "network.Network",
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("network"),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("What the parties agree on, in a few sentences. Public once in force."),
    )
    public_url = models.URLField(
        _("published text (web address)"),
        blank=True,
        help_text=_("Where the signed text is published, e.g. on a ministry's website."),
    )
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("cooperation agreement")
        verbose_name_plural = _("cooperation agreements")
        constraints = [
            models.CheckConstraint(
                name="agreement_ends_after_start",
                condition=Q(valid_until__isnull=True)
                | Q(in_force_from__isnull=True)
                | Q(valid_until__gte=models.F("in_force_from")),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.network.url("agreement_detail", agreement=self.id)

    # --- status, computed from the dates ------------------------------------------------------

    def party_list(self) -> list[AgreementParty]:
        """The parties (prefetched by the selectors: `prefetch_related("parties__organization")`)."""
        return list(self.parties.all())

    def status(self, on: datetime.date | None = None) -> AgreementStatus:
        day = on or timezone.localdate()
        if self.valid_until is not None and self.valid_until < day:
            return AgreementStatus.EXPIRED
        if self.in_force_from is not None and self.in_force_from <= day:
            return AgreementStatus.IN_FORCE
        parties = self.party_list()
        signed = [party for party in parties if party.signed_on is not None]
        if not signed:
            return AgreementStatus.DRAFT
        if len(signed) < len(parties):
            return AgreementStatus.SIGNING
        return AgreementStatus.SIGNED

    @property
    def current_status(self) -> AgreementStatus:
        return self.status()

    @property
    def signed_parties(self) -> list[AgreementParty]:
        return [party for party in self.party_list() if party.signed_on is not None]

    @property
    def is_locked(self) -> bool:
        """Signed by anyone: the contents stay as they were signed."""
        return bool(self.signed_parties)

    # --- rules ---------------------------------------------------------------------------------

    def check_contents_editable(self) -> None:
        if self.is_locked:
            raise ValidationError(
                _("A signed agreement cannot be changed. Record a new agreement instead.")
            )

    def check_signature(self, party: AgreementParty, day: datetime.date) -> None:
        if party.agreement_id != self.pk:
            raise ValidationError(_("This organisation is not a party to the agreement."))
        if party.signed_on is not None:
            raise ValidationError(_("This party has signed already."))
        if day > timezone.localdate():
            raise ValidationError(_("A signature date cannot lie in the future."))

    def check_validity(self, start: datetime.date | None, end: datetime.date | None) -> None:
        """Dates of force: only for an agreement all its (at least two) parties signed."""
        today = timezone.localdate()
        if (
            self.in_force_from is not None
            and self.in_force_from <= today
            and start != self.in_force_from
        ):
            raise ValidationError(
                _(
                    "The start of an agreement in force cannot be changed. To end it, give its "
                    "last day."
                )
            )
        if end is not None and start is None:
            raise ValidationError(_("Give the day the agreement comes into force first."))
        if start is None:
            return
        parties = self.party_list()
        if len(parties) < MIN_PARTIES or any(p.signed_on is None for p in parties):
            raise ValidationError(
                _("An agreement comes into force only when all its parties have signed.")
            )
        last_signature = max(p.signed_on for p in parties if p.signed_on is not None)
        if start < last_signature:
            raise ValidationError(
                _("An agreement cannot come into force before its last signature (%(day)s).")
                % {"day": last_signature.strftime("%d.%m.%Y")}
            )
        if end is not None and end < start:
            raise ValidationError(_("An agreement cannot end before it comes into force."))


class AgreementParty(models.Model):
    """One organisation bound by an agreement: its agreed contact point, tasks and signature."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    agreement = models.ForeignKey(
        CooperationAgreement, on_delete=models.CASCADE, related_name="parties"
    )
    organization = models.ForeignKey(
        "guidebook.Organization",
        on_delete=models.PROTECT,
        related_name="agreement_parties",
        verbose_name=_("organisation"),
    )
    contact_point = models.TextField(
        _("agreed contact point"),
        blank=True,
        help_text=_("Unit or function and how to reach it, e.g. a duty phone. For the network."),
    )
    tasks = models.TextField(
        _("agreed tasks"), blank=True, help_text=_("What this party does under the agreement.")
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_by = models.CharField(
        _("signed by (function)"), max_length=200, blank=True, help_text=_("e.g. head of office")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organization__name"]
        verbose_name = _("party to an agreement")
        verbose_name_plural = _("parties to agreements")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organization"], name="agreement_party_once"
            )
        ]

    def __str__(self) -> str:
        return str(self.organization)
