"""Background jobs of the guidebook's exports (Django tasks, see settings.TASKS)."""

from __future__ import annotations

from django_tasks import task

from . import documents


@task(queue_name="documents")
def render_guidebook_pdf(municipality_id: int, version: str, language: str) -> str:
    """Typeset one guidebook PDF and store it; returns the fingerprint it shows."""
    return documents.render_and_store(municipality_id, version, language)


@task(queue_name="periodic")
def refresh_guidebook_pdfs() -> int:
    """Queue every stored guidebook PDF whose guidebook changed (safety net for the signals)."""
    return documents.refresh_changed()


@task(queue_name="documents")
def queue_guidebook_pdfs(municipality_ids: list[int]) -> int:
    """After a change: queue the renders of the requested PDFs of these municipalities."""
    return documents.queue_changed(municipality_ids)
