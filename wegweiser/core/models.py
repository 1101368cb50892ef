"""Tenancy: federal states and municipalities. Every row of tenant data reaches one of them."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

ags_validator = RegexValidator(
    r"^\d{8}$", _("The official municipality key (AGS) has exactly eight digits.")
)
state_code_validator = RegexValidator(r"^\d{2}$", _("The state code has exactly two digits."))


def default_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


class State(models.Model):
    """A German federal state (Land), identified by its official two-digit code."""

    code = models.CharField(_("code"), max_length=2, unique=True, validators=[state_code_validator])
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    # Short code used by the `holidays` package (e.g. "RP").
    subdivision = models.CharField(_("subdivision"), max_length=2, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("federal state")
        verbose_name_plural = _("federal states")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    """A municipality (Gemeinde, Stadt or Kreis) that runs a local network."""

    state = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("federal state"),
    )
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    ags = models.CharField(
        _("official municipality key (AGS)"), max_length=8, unique=True, validators=[ags_validator]
    )
    languages = models.JSONField(_("enabled languages"), default=default_languages)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("core:municipality", kwargs={"slug": self.slug})
