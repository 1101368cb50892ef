"""Periodic jobs of the guidebook (Django tasks; see settings.WEGWEISER_PERIODIC_TASKS)."""

from __future__ import annotations

from django_tasks import task

from . import search, services


@task(queue_name="periodic")
def send_confirmation_requests() -> int:
    """E-mail a confirmation link to every stale entry without an open request (idempotent)."""
    return len(services.send_confirmation_requests())


@task(queue_name="periodic")
def refresh_search_vocabulary() -> None:
    """Rebuild the word list behind typo-tolerant search (PostgreSQL; no-op on SQLite)."""
    search.refresh_vocabulary()
