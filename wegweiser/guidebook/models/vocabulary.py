"""Shared vocabulary of every guidebook: actor types and needs, translated once."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from wegweiser.core.i18n import current_language


def localized(values: dict[str, str] | None, language: str | None = None) -> str:
    """Pick the text for the active language from a {language: text} dict; fall back to de, en."""
    if not values:
        return ""
    language = current_language(language)
    for code in (language, "de", "en"):
        if values.get(code):
            return values[code]
    return next(iter(values.values()), "")


class ActorType(models.Model):
    """A kind of actor (job centre, police, …) with a default mandate template."""

    key = models.SlugField(_("key"), max_length=64, unique=True)
    order = models.PositiveIntegerField(_("order"), default=100)
    name = models.JSONField(_("name (per language)"), default=dict)
    summary = models.JSONField(_("summary (per language)"), default=dict, blank=True)
    target_group = models.BooleanField(_("target group of the concept"), default=False)
    counselling = models.BooleanField(_("counselling service"), default=False)
    public_body = models.BooleanField(_("public body"), default=True)
    # Default mandate items as loaded from data/actor_types.json (list of dicts).
    mandate_template = models.JSONField(_("mandate template"), default=list, blank=True)

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("actor type")
        verbose_name_plural = _("actor types")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return localized(self.name) or self.key


class Need(models.Model):
    """A situation or need of a worker; shared by the guidebook and the navigator."""

    key = models.SlugField(_("key"), max_length=64, unique=True)
    order = models.PositiveIntegerField(_("order"), default=100)
    label = models.JSONField(_("professional wording (per language)"), default=dict)
    plain = models.JSONField(_("plain wording (per language)"), default=dict)
    acute = models.BooleanField(_("may mean acute danger"), default=False)

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return localized(self.label) or self.key

    @property
    def plain_text(self) -> str:
        return localized(self.plain) or self.text
