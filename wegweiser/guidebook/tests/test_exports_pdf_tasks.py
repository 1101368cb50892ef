"""Guidebook PDFs are typeset by a background task and served from storage (issue 16)."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks import default_task_backend
from django_tasks.base import TaskResultStatus

from wegweiser.guidebook.exports import documents, pdf, tasks
from wegweiser.guidebook.exports.models import GuidebookPdf, PdfState

from .test_exports_helpers import body

PUBLIC = "/de/m/musterstadt/guidebook/guidebook.pdf"
INTERNAL = "/de/m/musterstadt/guidebook/guidebook-internal.pdf"
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": []}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _run(result) -> None:
    """Run a task the dummy backend recorded, as the worker would."""
    result.task.call(*result.args, **result.kwargs)


@override_settings(TASKS=DUMMY)
def test_missing_pdf_says_being_prepared_queues_once_and_is_served_after_the_task(client, world):
    default_task_backend.clear()
    with mock.patch.object(pdf, "_render", side_effect=AssertionError("no render in a request")):
        first = client.get(PUBLIC)
        second = client.get(PUBLIC)
    for response in (first, second):
        assert response.status_code == 202
        assert response["Retry-After"] == "5"
        page = response.content.decode()
        assert "PDF wird vorbereitet" in page
        assert 'aria-busy="true"' in page
        assert 'hx-trigger="every 5s"' in page  # htmx polls (no inline script: strict CSP)
        assert "<script>" not in page
    poll = client.get(PUBLIC, headers={"HX-Request": "true"})
    assert poll.status_code == 204  # still being prepared: htmx changes nothing
    assert len(default_task_backend.results) == 1  # queued once, not once per request or poll
    result = default_task_backend.results[0]
    assert result.task.name == "render_guidebook_pdf"
    assert result.args == [world.musterstadt.pk, "public", "de"]
    with mock.patch.object(pdf, "_render", return_value=b"%PDF-from-the-task") as render:
        _run(result)
        assert render.call_count == 1
    with mock.patch.object(pdf, "_render", side_effect=AssertionError("no render in a request")):
        poll = client.get(PUBLIC, headers={"HX-Request": "true"})
        response = client.get(PUBLIC)
    assert poll["HX-Redirect"] == PUBLIC  # the poll sends the browser to the PDF
    assert response.status_code == 200
    assert body(response) == b"%PDF-from-the-task"
    assert len(default_task_backend.results) == 1
    row = GuidebookPdf.objects.get(municipality=world.musterstadt, language="de")
    assert row.state == PdfState.READY and row.size == len(b"%PDF-from-the-task")
    assert str(row.file).startswith("guidebook-pdfs/")


def test_a_change_renders_the_pdf_again_by_the_task(
    client, world, django_capture_on_commit_callbacks
):
    with mock.patch.object(pdf, "_render", return_value=b"%PDF-old"):
        assert body(client.get(PUBLIC)) == b"%PDF-old"
    old_file = GuidebookPdf.objects.get(language="de", version="public").file
    with mock.patch.object(pdf, "_render", return_value=b"%PDF-changed") as render:
        with django_capture_on_commit_callbacks(execute=True):
            world.organization.name = "Jobcenter Musterstadt (umbenannt)"
            world.organization.save()
        assert render.call_count == 1  # the task after commit, not the request below
    with mock.patch.object(pdf, "_render", side_effect=AssertionError("no render in a request")):
        assert body(client.get(PUBLIC)) == b"%PDF-changed"
    from django.core.files.storage import default_storage

    assert not default_storage.exists(old_file)  # the old state is gone


@override_settings(TASKS=DUMMY)
def test_internal_pdf_checks_permission_before_queueing(client, client_as, world):
    default_task_backend.clear()
    assert client.get(INTERNAL).status_code == 302  # anonymous: to the login
    assert client_as("outsider").get(INTERNAL).status_code == 404
    assert default_task_backend.results == []
    response = client_as("member").get(INTERNAL)
    assert response.status_code == 202
    assert "no-store" in response["Cache-Control"]
    (result,) = default_task_backend.results
    assert result.args == [world.musterstadt.pk, "internal", "de"]
    with mock.patch.object(pdf, "_render", return_value=b"%PDF-internal") as render:
        _run(result)
        assert render.call_args.kwargs["internal"] is True
    response = client_as("member").get(INTERNAL)
    assert response.status_code == 200 and body(response) == b"%PDF-internal"
    client.logout()
    # The public PDF is another file: the internal one never answers a public request.
    assert client.get(PUBLIC).status_code == 202
    assert client_as("outsider").get(INTERNAL).status_code == 404


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE)
def test_database_backend_worker_runs_a_queued_render(browser_world, client, world):
    with mock.patch.object(pdf, "_render", side_effect=AssertionError("no render in a request")):
        assert client.get(PUBLIC).status_code == 202
    from django_tasks_db.models import DBTaskResult

    (queued,) = DBTaskResult.objects.all()
    assert queued.status == TaskResultStatus.READY
    with mock.patch.object(pdf, "_render", return_value=b"%PDF-worker"):
        call_command(
            "db_worker", batch=True, queue_name="*", startup_delay=False, verbosity=0, reload=False
        )
    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL
    assert body(client.get(PUBLIC)) == b"%PDF-worker"


def test_a_stale_queued_render_is_queued_again(world):
    import datetime

    with override_settings(TASKS=DUMMY):
        default_task_backend.clear()
        assert documents.request_pdf(world.musterstadt, "public", "en") is None
        assert documents.request_pdf(world.musterstadt, "public", "en") is None
        assert len(default_task_backend.results) == 1
        GuidebookPdf.objects.update(
            requested_at=documents.timezone.now() - datetime.timedelta(hours=1)
        )
        assert documents.request_pdf(world.musterstadt, "public", "en") is None
        assert len(default_task_backend.results) == 2  # the worker lost it: queued again


def test_refresh_task_renders_only_changed_pdfs(world):
    with mock.patch.object(pdf, "_render", return_value=b"%PDF-1") as render:
        documents.request_pdf(world.musterstadt, "public", "de")
        assert render.call_count == 1
        assert tasks.refresh_guidebook_pdfs.call() == 0
        assert render.call_count == 1
        world.counselling.description = "Neu beschrieben"
        world.counselling.save()
        assert tasks.refresh_guidebook_pdfs.call() == 1
        assert render.call_count == 2


def test_a_change_after_a_rolled_back_change_is_still_queued(
    world, django_capture_on_commit_callbacks
):
    """A rolled-back transaction drops its on-commit callbacks; the next change must still queue."""
    from django.db import transaction

    from wegweiser.guidebook.exports import signals

    with mock.patch.object(signals, "_flush", wraps=signals._flush) as flush:
        with pytest.raises(RuntimeError), transaction.atomic():
            world.organization.name = "Rolled back"
            world.organization.save()
            raise RuntimeError
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            world.organization.name = "Jobcenter Musterstadt (neu)"
            world.organization.save()
    assert callbacks and flush.call_count >= 1
