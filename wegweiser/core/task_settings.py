"""The background-job settings (TASKS, WEGWEISER_PERIODIC_TASKS), built for wegweiser/settings.py.

Django's tasks framework (backport `django-tasks`) with the ORM backend of `django-tasks-db`: the
queue lives in the database (SQLite or PostgreSQL), a worker (`wegweiser db_worker`, started by
`make run` and by the systemd unit in docs/deployment.md) runs the tasks. WEGWEISER_TASKS_BACKEND
may name another backend (immediate for a single process, later an RQ backend).
"""

from __future__ import annotations

from typing import Any


def tasks_config(backend: str) -> dict[str, Any]:
    """Django's TASKS: one backend (`backend`, a dotted path) with the queues the app uses."""
    return {
        "default": {
            "BACKEND": backend,
            "QUEUES": ["default", "documents", "periodic"],
        }
    }


def periodic_tasks() -> dict[str, tuple[str, str]]:
    """Periodic tasks: name -> (task, suggested schedule).

    Cron or systemd timers queue them with `wegweiser enqueue NAME` (docs/deployment.md); the
    worker runs them.
    """
    return {
        "send_reminders": ("wegweiser.network.tasks.send_reminders", "daily 07:00"),
        "send_confirmation_requests": (
            "wegweiser.guidebook.tasks.send_confirmation_requests",
            "daily 07:30",
        ),
        "purge_retention": ("wegweiser.core.tasks.purge_retention", "daily 03:00"),
        "purge_read_log": ("wegweiser.accounts.tasks.purge_read_log", "daily 03:05"),
        "refresh_guidebook_pdfs": (
            "wegweiser.guidebook.exports.tasks.refresh_guidebook_pdfs",
            "every 15 minutes",
        ),
        "refresh_search_vocabulary": (
            "wegweiser.guidebook.tasks.refresh_search_vocabulary",
            "hourly",
        ),
    }
