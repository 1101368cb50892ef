"""Guidebook PDFs rendered ahead by a task and served from storage.

A request never typesets: `request_pdf` answers with the stored file when it shows the current
guidebook, or queues one render (at most one per municipality × version × language × state of the
guidebook) and lets the page say "being prepared". The task (tasks.py) calls `render_and_store`.

The document fingerprint is computed from the database alone (not from the shared cache), so the
web processes and the worker agree on it even with a per-process cache.
"""

from __future__ import annotations

import datetime
import hashlib
import time

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.utils import timezone, translation

from wegweiser.core.models import Municipality
from wegweiser.guidebook.models import (
    ContactPerson,
    Location,
    MandateItem,
    MandateNeed,
    MandateTranslation,
    Organization,
)

from .models import GuidebookPdf, PdfState, PdfVersion

STORAGE_DIR = "guidebook-pdfs"
# A queued render that has not finished after this long is queued again (worker restarted).
STALE_AFTER = datetime.timedelta(minutes=15)


def document_fingerprint(municipality_id) -> str:
    """State of a municipality's guidebook: its organisations and the newest change of each part."""
    organizations = Organization.objects.filter(municipalities__pk=municipality_id)
    ids = sorted(str(pk) for pk in organizations.values_list("pk", flat=True))
    newest = [
        Organization.history.filter(id__in=ids).aggregate(m=Max("history_date"))["m"],
        Location.history.filter(organization_id__in=ids).aggregate(m=Max("history_date"))["m"],
        MandateItem.history.filter(organization_id__in=ids).aggregate(m=Max("history_date"))["m"],
        ContactPerson.history.filter(organization_id__in=ids).aggregate(m=Max("history_date"))["m"],
        MandateTranslation.history.filter(item__organization_id__in=ids).aggregate(
            m=Max("history_date")
        )["m"],
        # Need links carry no history: their number and newest key stand for them.
        MandateNeed.objects.filter(item__organization_id__in=ids).aggregate(
            n=Count("pk"), m=Max("pk")
        ),
        Municipality.objects.filter(pk=municipality_id).values_list("name", "languages").first(),
    ]
    raw = "|".join(ids) + "|" + "|".join(str(value) for value in newest)
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def _row(municipality, version: str, language: str) -> GuidebookPdf:
    lookup = {"municipality": municipality, "version": version, "language": language}
    row = GuidebookPdf.objects.filter(**lookup).first()
    if row is None:
        try:
            with transaction.atomic():
                row = GuidebookPdf.objects.create(**lookup, state=PdfState.FAILED)
        except IntegrityError:  # another request created it at the same moment
            row = GuidebookPdf.objects.get(**lookup)
    return row


def is_current(row: GuidebookPdf, fingerprint: str) -> bool:
    return (
        row.file_fingerprint == fingerprint and bool(row.file) and default_storage.exists(row.file)
    )


def request_pdf(municipality, version: str, language: str) -> GuidebookPdf | None:
    """The row of the stored PDF if it shows the current guidebook; else queues one render (at
    most one per state of the guidebook) and returns None."""
    return _ensure(municipality, version, language)[0]


def _ensure(municipality, version: str, language: str) -> tuple[GuidebookPdf | None, bool]:
    """(row if its file is current, whether a render was queued now)."""
    fingerprint = document_fingerprint(municipality.pk)
    row = _row(municipality, version, language)
    if is_current(row, fingerprint):
        return row, False
    now = timezone.now()
    # One conditional UPDATE: of several requests at the same moment only one queues the render.
    queued_already = GuidebookPdf.objects.filter(
        pk=row.pk,
        state=PdfState.PENDING,
        fingerprint=fingerprint,
        requested_at__gt=now - STALE_AFTER,
    )
    claimed = 0
    if not queued_already.exists():
        claimed = (
            GuidebookPdf.objects.filter(pk=row.pk, state=row.state, requested_at=row.requested_at)
            .exclude(
                state=PdfState.PENDING,
                fingerprint=fingerprint,
                requested_at__gt=now - STALE_AFTER,
            )
            .update(state=PdfState.PENDING, fingerprint=fingerprint, requested_at=now)
        )
        if claimed:
            _enqueue(municipality.pk, version, language)
    row.refresh_from_db()  # an immediate backend has rendered it by now
    return (row if is_current(row, fingerprint) else None), bool(claimed)


def _enqueue(municipality_id, version: str, language: str) -> None:
    from .tasks import render_guidebook_pdf

    render_guidebook_pdf.enqueue(municipality_id, version, language)


def render_and_store(municipality_id, version: str, language: str) -> str:
    """Typeset the PDF of the guidebook as it is now and store it; old files are removed."""
    from . import pdf

    municipality = Municipality.objects.select_related("state").get(pk=municipality_id)
    fingerprint = document_fingerprint(municipality_id)
    started = time.perf_counter()
    with translation.override(language):
        if version == PdfVersion.INTERNAL:
            data = pdf.internal_pdf(municipality)
        else:
            data = pdf.formal_pdf(municipality)
    seconds = time.perf_counter() - started
    name = f"{STORAGE_DIR}/{municipality.pk}/{version}-{language}-{fingerprint}.pdf"
    if default_storage.exists(name):
        default_storage.delete(name)
    stored = default_storage.save(name, ContentFile(data))
    row = _row(municipality, version, language)
    old = row.file
    GuidebookPdf.objects.filter(pk=row.pk).update(
        file=stored,
        file_fingerprint=fingerprint,
        state=PdfState.READY
        if row.fingerprint in ("", fingerprint) or row.state != PdfState.PENDING
        else row.state,
        rendered_at=timezone.now(),
        render_seconds=seconds,
        size=len(data),
    )
    if old and old != stored and default_storage.exists(old):
        default_storage.delete(old)
    return fingerprint


def open_pdf(row: GuidebookPdf):
    return default_storage.open(row.file, "rb")


def queue_changed(municipality_ids) -> int:
    """Queue a render of every PDF requested before whose guidebook has changed."""
    queued = 0
    rows = GuidebookPdf.objects.filter(municipality_id__in=list(municipality_ids)).select_related(
        "municipality"
    )
    for row in rows:
        queued += _ensure(row.municipality, row.version, row.language)[1]
    return queued


def refresh_changed() -> int:
    ids = GuidebookPdf.objects.values_list("municipality_id", flat=True).distinct()
    return queue_changed(set(ids))
