"""Periodic tasks of the accounts app (queued by `wegweiser enqueue NAME`, docs/deployment.md)."""

from __future__ import annotations

from django_tasks import task

from .reads import purge_reads


@task(queue_name="periodic")
def purge_read_log() -> dict[str, int]:
    """Delete entries of the read log older than WEGWEISER_READ_LOG_DAYS."""
    return {"reads": purge_reads()}
