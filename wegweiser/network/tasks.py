"""Periodic jobs of the network (Django tasks; see settings.WEGWEISER_PERIODIC_TASKS)."""

from __future__ import annotations

from django_tasks import task

from . import services


@task(queue_name="periodic")
def send_reminders() -> dict[str, int]:
    """Meeting reminders two days ahead and overdue task reminders (idempotent)."""
    return services.send_reminders()
