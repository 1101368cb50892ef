"""An actor's mandate: items (can, cannot, legal basis, …) with translations and needs."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .entries import Organization
from .vocabulary import Need


class MandateKind(models.TextChoices):
    CAN = "can", _("can do")
    CANNOT = "cannot", _("cannot do")
    LEGAL_BASIS = "legal_basis", _("legal basis")
    DATA_DUTY = "data_duty", _("what happens to the person's data")
    WHEN_TO_INVOLVE = "when_to_involve", _("when to involve")


class NeedRole(models.TextChoices):
    ACTS = "acts", _("acts (has powers)")
    ADVISES = "advises", _("advises")
    MUST_BE_INFORMED = "must_be_informed", _("must be informed")
    CAUTION = "caution", _("caution")


class MandateItem(models.Model):
    """One statement of an organisation's mandate. German text is the source."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="mandate_items",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MandateKind.choices)
    text = models.TextField(_("text (German, source)"))
    # Bumped whenever the German text changes, so translations can be judged up to date or not.
    version = models.PositiveIntegerField(_("version"), default=1)
    source = models.CharField(_("source / legal reference"), max_length=300, blank=True)
    as_of = models.DateField(_("as of"), null=True, blank=True)
    order = models.PositiveIntegerField(_("order"), default=100)
    needs: models.ManyToManyField = models.ManyToManyField(
        Need, through="MandateNeed", related_name="mandate_items", verbose_name=_("needs")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "kind"]
        verbose_name = _("mandate item")
        verbose_name_plural = _("mandate items")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"


class MandateTranslation(models.Model):
    """A translation of a mandate item; up to date when source_version equals the item's version."""

    item = models.ForeignKey(MandateItem, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    text = models.TextField(_("text"))
    source_version = models.PositiveIntegerField(_("translated from version"))
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["item", "language"], name="one_translation_per_language"
            )
        ]
        verbose_name = _("mandate translation")
        verbose_name_plural = _("mandate translations")

    def __str__(self) -> str:
        return f"{self.language}: {self.text[:60]}"

    @property
    def is_current(self) -> bool:
        return self.source_version >= self.item.version


class MandateNeed(models.Model):
    """Which need a mandate item serves, and in what role."""

    item = models.ForeignKey(MandateItem, on_delete=models.CASCADE, related_name="need_links")
    need = models.ForeignKey(Need, on_delete=models.PROTECT, related_name="mandate_links")
    role = models.CharField(_("role"), max_length=20, choices=NeedRole.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "need"], name="one_role_per_need")]

    def __str__(self) -> str:
        return f"{self.need.key}: {self.role}"
