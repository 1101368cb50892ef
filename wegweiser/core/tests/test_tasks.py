"""Periodic tasks are queued by name and run by the worker (issue 16)."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone
from django.utils.module_loading import import_string

DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}


def test_every_periodic_task_is_a_task():
    for name, (path, schedule) in settings.WEGWEISER_PERIODIC_TASKS.items():
        task = import_string(path)
        assert task.queue_name == "periodic", name
        assert schedule


def test_enqueue_runs_the_named_tasks(db, capsys):
    with mock.patch(
        "wegweiser.network.services.send_reminders", return_value={"meetings": 2, "overdue": 1}
    ) as send:
        call_command("enqueue", "send_reminders")
    assert send.call_count == 1
    assert "send_reminders: queued" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("enqueue", "no_such_task")


def test_purge_removes_expired_sessions_and_old_results(db):
    from django_tasks_db.models import DBTaskResult

    Session.objects.create(
        session_key="old", session_data="", expire_date=timezone.now() - datetime.timedelta(days=1)
    )
    Session.objects.create(
        session_key="new", session_data="", expire_date=timezone.now() + datetime.timedelta(days=1)
    )
    with override_settings(TASKS=DATABASE):
        from wegweiser.core.tasks import purge_retention

        old = purge_retention.enqueue()
        fresh = purge_retention.enqueue()
        DBTaskResult.objects.filter(pk__in=[old.id, fresh.id]).update(status="SUCCESSFUL")
        DBTaskResult.objects.filter(pk=old.id).update(
            finished_at=timezone.now() - datetime.timedelta(days=30)
        )
        DBTaskResult.objects.filter(pk=fresh.id).update(finished_at=timezone.now())
    result = purge_retention.call()
    assert result == {"sessions": 1, "task_results": 1}
    assert list(Session.objects.values_list("session_key", flat=True)) == ["new"]
    assert [str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)] == [fresh.id]


def test_confirmation_requests_task_counts_the_mails(world, mailoutbox):
    from wegweiser.guidebook.tasks import send_confirmation_requests

    sent = send_confirmation_requests.call()
    assert sent == len(mailoutbox)
