"""An actor of the guidebook (organisation) and its locations."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .vocabulary import ActorType


class Visibility(models.TextChoices):
    PUBLIC = "public", _("public")
    NETWORK = "network", _("network members only")


class OrganizationStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    IN_REVIEW = "in_review", _("waiting for approval")
    PUBLISHED = "published", _("published")


class OrganizationQuerySet(models.QuerySet["Organization"]):
    def published(self) -> OrganizationQuerySet:
        """Published and not archived: what the public guidebook shows."""
        return self.filter(status=OrganizationStatus.PUBLISHED, archived_at__isnull=True)

    def current(self) -> OrganizationQuerySet:
        """Not archived (any status)."""
        return self.filter(archived_at__isnull=True)

    def serving(self, municipality) -> OrganizationQuerySet:
        return self.filter(municipalities=municipality)


class Organization(models.Model):
    """A concrete actor, e.g. "Jobcenter Musterstadt". May serve several municipalities."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    actor_type = models.ForeignKey(
        ActorType,
        on_delete=models.PROTECT,
        related_name="organizations",
        verbose_name=_("actor type"),
    )
    municipalities = models.ManyToManyField(
        "core.Municipality", related_name="organizations", verbose_name=_("served municipalities")
    )
    # A state-wide actor (ministry, state criminal police office, state-wide counselling): one
    # record, edited by the state coordinator, shown in every municipal guidebook of the state.
    state = models.ForeignKey(
        "core.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="state_organizations",
        verbose_name=_("state-wide actor of"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent organisation"),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("institutional e-mail"), blank=True)
    phone = models.CharField(_("institutional phone"), max_length=40, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    # Shelters publish only a "front door" contact: no address in any version.
    confidential_address = models.BooleanField(_("confidential address"), default=False)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=OrganizationStatus.choices,
        default=OrganizationStatus.DRAFT,
    )
    last_confirmed_at = models.DateField(_("last confirmed on"), null=True, blank=True)
    # Organisations are archived, never deleted (history stays complete).
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)
    # Normalised text for search (see guidebook/search.py), maintained by signals on every save.
    # search_text holds public fields only; internal_search_text adds network-only fields.
    search_text = models.TextField(_("search text (public)"), blank=True, editable=False)
    internal_search_text = models.TextField(_("search text (internal)"), blank=True, editable=False)
    # Counts every change to the entry or its parts (locations, mandate items, their
    # translations and need links, contact persons), kept by the guidebook's signals: the
    # guidebook's fingerprint reads it in one query (guidebook/fingerprint.py).
    content_version = models.PositiveIntegerField(_("content version"), default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords(
        excluded_fields=["search_text", "internal_search_text", "content_version"]
    )

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["actor_type__order", "name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def is_stale(self) -> bool:
        if self.last_confirmed_at is None:
            return True
        age = timezone.localdate() - self.last_confirmed_at
        return age.days > settings.WEGWEISER_FRESHNESS_DAYS


class Location(models.Model):
    """Where an organisation receives people (HSDS location + schedule, simplified)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="locations",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self) -> str:
        return ", ".join(
            part for part in (self.street, f"{self.postal_code} {self.city}".strip()) if part
        )
