"""Contact persons (with consent) and each network's own internal note on an actor."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .entries import Organization


class ContactPersonQuerySet(models.QuerySet["ContactPerson"]):
    def with_consent(self) -> ContactPersonQuerySet:
        """Only people whose consent is recorded and not withdrawn may appear anywhere."""
        return self.filter(consent_given_at__isnull=False, consent_withdrawn_at__isnull=True)


class InternalNote(models.Model):
    """A municipality network's own note on an organisation.

    An organisation (a customs office, a regional counselling service) can serve several
    municipalities; each network keeps its own note, which no other municipality sees or edits.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="internal_notes"
    )
    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField(_("internal notes (network only)"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "municipality"], name="one_note_per_municipality"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} / {self.municipality}"


class ContactPerson(models.Model):
    """A named contact at an organisation: informal guidebook only, and only with consent."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="contact_persons",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=150)
    function = models.CharField(_("function"), max_length=150, blank=True)
    phone = models.CharField(_("direct line"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    practical_note = models.TextField(_("how to reach them in practice"), blank=True)
    consent_given_at = models.DateField(_("consent given on"), null=True, blank=True)
    consent_how = models.CharField(_("how consent was given"), max_length=200, blank=True)
    consent_withdrawn_at = models.DateField(_("consent withdrawn on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = ContactPersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self) -> str:
        return self.name
