"""Progress of a person in a course. Individual quiz answers are never stored: only how many
questions of a quiz were answered correctly, which is what completion and the score need."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Enrolment(models.Model):
    """One person taking one course in one municipality's network."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("person"),
    )
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("municipality"),
    )
    # The organisation the person acted for when starting (for figures per organisation).
    organization = models.ForeignKey(
        "guidebook.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enrolments",
        verbose_name=_("organisation"),
    )
    course = models.SlugField(_("course"), max_length=80)
    units_done = models.JSONField(_("units done"), default=list, blank=True)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    score_percent = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    course_version = models.CharField(_("course version at completion"), max_length=20, blank=True)
    certificate_code = models.UUIDField(_("certificate code"), default=uuid.uuid4, unique=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality", "course"], name="learning_one_enrolment_per_course"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.course}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class QuizResult(models.Model):
    """The latest result of one quiz unit: counts only, no answers."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="quiz_results")
    unit = models.SlugField(_("unit"), max_length=80)
    correct = models.PositiveSmallIntegerField(_("correct answers"))
    total = models.PositiveSmallIntegerField(_("questions"))
    answered_at = models.DateTimeField(_("answered at"), auto_now=True)

    class Meta:
        verbose_name = _("quiz result")
        verbose_name_plural = _("quiz results")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "unit"], name="learning_one_result_per_quiz"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.correct}/{self.total}"
