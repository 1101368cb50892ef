"""Local action plans: measures in the four fields of the national plan against trafficking,
linked to the network's tasks and decisions, indicators, adopted versions and yearly reviews.

The plan itself is a living working draft. Adoption by the council freezes a copy of its text in a
`PlanVersion`; later edits never change an adopted version.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Field(models.TextChoices):
    """The four fields of the national action plan against trafficking (December 2024)."""

    PREVENTION = "prevention", _("Prevention")
    PROTECTION = "protection", _("Protection, support and compensation of victims")
    PROSECUTION = "prosecution", _("Prosecution")
    COOPERATION = "cooperation", _("Cooperation")


class Topic(models.TextChoices):
    """Labour-exploitation topics a measure can be filed under (our grouping, no national numbering)."""

    INFORMATION = "information", _("Information and counselling for workers")
    TRAINING = "training", _("Awareness and training of professionals")
    INSPECTIONS = "inspections", _("Inspections and controls")
    RIGHTS = "rights", _("Access to rights and wage claims")
    REFERRAL = "referral", _("Referral and cooperation between actors")
    DATA = "data", _("Data and monitoring")


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    DROPPED = "dropped", _("dropped")


class NationalReference(models.Model):
    """A national or European document a local measure implements, with its source and date.

    Kept as data: the reference points to a plan (and, where useful, one of its fields or an
    article), never to an invented measure number."""

    key = models.SlugField(_("key"), max_length=64, unique=True)
    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(_("short title"), max_length=80)
    source_url = models.URLField(_("source"), max_length=500)
    as_of = models.DateField(_("as of"))
    order = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("national reference")
        verbose_name_plural = _("national references")

    def __str__(self) -> str:
        return self.short_title


class ActionPlan(models.Model):
    """The working draft of a network's action plan (a municipal or a state network)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    network = models.OneToOneField(
        "network.Network", on_delete=models.CASCADE, related_name="action_plan"
    )
    title = models.CharField(_("title"), max_length=200)
    starts_year = models.PositiveSmallIntegerField(_("first year"))
    ends_year = models.PositiveSmallIntegerField(_("last year"))
    public_summary = models.TextField(
        _("public summary"),
        blank=True,
        help_text=_("Shown on the public page of the municipality once the plan is adopted."),
    )
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Only members of the network see these.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        constraints = [
            models.CheckConstraint(
                name="plan_years_in_order", condition=Q(ends_year__gte=models.F("starts_year"))
            )
        ]

    def __str__(self) -> str:
        return self.title


class Measure(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="measures")
    field = models.CharField(_("field"), max_length=16, choices=Field.choices)
    topic = models.CharField(
        _("labour-exploitation topic"), max_length=16, choices=Topic.choices, blank=True
    )
    title = models.CharField(_("measure"), max_length=300)
    goal = models.TextField(_("goal"))
    responsible = models.ManyToManyField(
        "guidebook.Organization",
        blank=True,
        related_name="+",
        verbose_name=_("responsible organisations"),
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED
    )
    indicator = models.CharField(
        _("indicator"),
        max_length=64,
        default="manual",
        help_text=_("Computed from the network's data, or entered by hand with a date per value."),
    )
    indicator_label = models.CharField(
        _("indicator (entered by hand)"),
        max_length=200,
        blank=True,
        help_text=_("What is counted, when the indicator is entered by hand."),
    )
    indicator_param = models.CharField(max_length=64, blank=True)
    target = models.DecimalField(_("target"), max_digits=10, decimal_places=1)
    references = models.ManyToManyField(
        NationalReference,
        blank=True,
        related_name="measures",
        verbose_name=_("implements (national references)"),
    )
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Shown in the public part of the adopted plan.")
    )
    internal_note = models.TextField(_("internal note"), blank=True)
    proposed = models.BooleanField(default=False, editable=False)
    source_key = models.CharField(max_length=100, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["field", "created_at"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.CheckConstraint(
                name="measure_ends_after_start",
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
            )
        ]

    def __str__(self) -> str:
        return self.title


class MeasureLink(models.Model):
    """A network task or decision that works on a measure. A task belongs to one measure at most."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="links")
    action_item = models.OneToOneField(
        "network.ActionItem",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="measure_link",
    )
    decision = models.OneToOneField(
        "network.Decision",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="measure_link",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="measure_link_has_one_target",
                condition=Q(action_item__isnull=False, decision__isnull=True)
                | Q(action_item__isnull=True, decision__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return str(self.action_item or self.decision)


class IndicatorValue(models.Model):
    """A value entered by hand, with the date it refers to."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField(_("value"), max_digits=10, decimal_places=1)
    measured_on = models.DateField(_("as of"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-measured_on", "-created_at"]

    def __str__(self) -> str:
        return f"{self.value} ({self.measured_on})"


class PlanVersion(models.Model):
    """An adopted version: the text as the council adopted it, frozen in `content`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    adopted_on = models.DateField(_("adopted on"))
    adopted_by = models.CharField(
        _("adopted by"), max_length=200, help_text=_("For example: the city council.")
    )
    decision_reference = models.CharField(
        _("decision reference"),
        max_length=200,
        help_text=_("The council's decision number or file reference."),
    )
    content = models.JSONField(editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_version_number_per_plan")
        ]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"


class Review(models.Model):
    """The yearly review: what was done, indicators against targets, what changes."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="reviews")
    year = models.PositiveSmallIntegerField(_("year"))
    summary = models.TextField(_("what was done"))
    changes = models.TextField(_("what changes"))
    figures = models.JSONField(editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "year"], name="one_review_per_plan_year")
        ]

    def __str__(self) -> str:
        return f"{self.plan} {self.year}"
