"""Typeset guidebook PDFs kept in storage (MEDIA_ROOT, outside the web root).

One row per municipality × version (public/internal) × language: which state of the guidebook
(fingerprint) the stored file shows and whether a render is queued. Requests read the row, never
typeset; the task in tasks.py renders and fills it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PdfVersion(models.TextChoices):
    PUBLIC = "public", _("public")
    INTERNAL = "internal", _("internal (network members)")


class PdfState(models.TextChoices):
    PENDING = "pending", _("being prepared")
    READY = "ready", _("ready")
    FAILED = "failed", _("failed")


class GuidebookPdf(models.Model):
    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.CASCADE, related_name="guidebook_pdfs"
    )
    version = models.CharField(max_length=10, choices=PdfVersion.choices)
    language = models.CharField(max_length=10)
    # Fingerprint of the guidebook the stored file shows (READY) or that was requested (PENDING).
    fingerprint = models.CharField(max_length=32, blank=True)
    # Fingerprint of the stored file, kept while a newer one is being prepared.
    file_fingerprint = models.CharField(max_length=32, blank=True)
    file = models.CharField(max_length=255, blank=True)  # storage name
    state = models.CharField(max_length=10, choices=PdfState.choices, default=PdfState.PENDING)
    requested_at = models.DateTimeField(null=True, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)
    render_seconds = models.FloatField(null=True, blank=True)
    size = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "version", "language"], name="one_guidebook_pdf_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.version} {self.language} {self.state}"
