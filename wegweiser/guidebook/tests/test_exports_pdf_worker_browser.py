"""Browser journey: a PDF that is not ready yet, the worker renders it, the page then serves it."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.management import call_command
from django.test import override_settings

from wegweiser.guidebook.exports import pdf
from wegweiser.testing import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}


@override_settings(TASKS=DATABASE)
@pytest.mark.parametrize("language", ["de", "ar"])
def test_pdf_is_prepared_by_the_worker_then_served(page, language, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    url = f"/{language}/m/musterstadt/guidebook/guidebook.pdf"
    response = page.goto(url)
    assert response.status == 202
    busy = page.locator('[aria-busy="true"]')
    assert busy.count() == 1
    assert page.locator('[hx-trigger="every 5s"]').count() == 1
    check_accessibility(page, f"PDF being prepared ({language})")
    page.screenshot(path=str(tmp_path / f"pdf-preparing-{language}.png"), full_page=True)
    # The worker (the same command as `make run` and the systemd unit) takes the queued render.
    with mock.patch.object(pdf, "_render", return_value=b"%PDF-1.7 rendered by the worker"):
        call_command(
            "db_worker", batch=True, queue_name="*", startup_delay=False, verbosity=0, reload=False
        )
    # The page's poll now answers with HX-Redirect to the file.
    poll = page.request.get(url, headers={"HX-Request": "true"})
    assert poll.status == 200 and poll.headers["hx-redirect"] == url
    answer = page.request.get(url)
    assert answer.status == 200
    assert answer.body() == b"%PDF-1.7 rendered by the worker"
