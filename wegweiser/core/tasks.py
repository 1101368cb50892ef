"""Periodic housekeeping of the platform itself (Django tasks; scheduled by cron or systemd timers
through `wegweiser enqueue NAME`, see docs/deployment.md)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone
from django_tasks import task


@task(queue_name="periodic")
def purge_retention() -> dict[str, int]:
    """Delete what the retention rules no longer allow to keep: expired sessions and finished
    task results (their arguments name municipalities and languages, nothing personal; kept
    WEGWEISER_TASK_RESULT_DAYS for troubleshooting)."""
    now = timezone.now()
    sessions, _detail = Session.objects.filter(expire_date__lt=now).delete()
    results = 0
    if "django_tasks_db" in settings.INSTALLED_APPS:
        from django_tasks_db.models import DBTaskResult

        cutoff = now - datetime.timedelta(days=settings.WEGWEISER_TASK_RESULT_DAYS)
        results, _detail = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return {"sessions": sessions, "task_results": results}
