"""Operations (issue 11): reconnect after a database restart, errors reach the operators without
personal data, structured log lines without query strings."""

import json
import logging
import os
import subprocess
import sys

import pytest
from django.core import mail
from django.test import RequestFactory
from django.urls import path


def boom(request):
    raise RuntimeError("kaputt")


urlpatterns = [path("boom/", boom)]


def settings_in_fresh_process(**environment) -> dict:
    code = (
        "import json, wegweiser.settings as s; "
        "print(json.dumps({'db': s.DATABASES['default'], 'admins': s.ADMINS}, default=str))"
    )
    env = {**os.environ, "SECRET_KEY": "x" * 50, **environment}
    env.pop("WEGWEISER_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_postgresql_connections_are_health_checked():
    """After a PostgreSQL restart a kept connection is replaced instead of failing a request."""
    loaded = settings_in_fresh_process(DATABASE_URL="postgres://u:p@127.0.0.1:5432/wegweiser")
    assert loaded["db"]["CONN_MAX_AGE"] > 0
    assert loaded["db"]["CONN_HEALTH_CHECKS"] is True


def test_admins_come_from_the_environment():
    loaded = settings_in_fresh_process(
        WEGWEISER_ADMINS="Betrieb <betrieb@example.org>, noc@example.org"
    )
    assert loaded["admins"] == [
        ["Betrieb", "betrieb@example.org"],
        ["noc@example.org", "noc@example.org"],
    ]


@pytest.mark.django_db
def test_a_server_error_is_mailed_to_the_admins_without_personal_data(client, settings):
    settings.ROOT_URLCONF = __name__
    settings.ADMINS = [("Betrieb", "betrieb@example.org")]
    client.raise_request_exception = False
    response = client.post(
        "/boom/?needs=passport_withheld,wages_unpaid&token=geheim123",
        {"name": "Maria Popescu", "situation": "Pass einbehalten"},
    )
    assert response.status_code == 500
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["betrieb@example.org"]
    body = message.body + message.subject
    assert "RuntimeError" in body and "/boom/" in body
    for secret in ("passport_withheld", "geheim123", "Maria Popescu", "Pass einbehalten"):
        assert secret not in body, secret
    assert not message.alternatives  # no HTML page with local variables


def test_json_log_lines_carry_no_query_string():
    from wegweiser.core.logging import JsonFormatter

    request = RequestFactory().get("/de/m/musterstadt/navigator/?needs=passport_withheld")
    record = logging.LogRecord(
        "django.request",
        logging.ERROR,
        __file__,
        1,
        "Internal Server Error: %s",
        ("/x/?a=b",),
        None,
    )
    record.request = request
    record.status_code = 500
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["status"] == 500
    assert entry["path"] == "/de/m/musterstadt/navigator/"
    assert "passport_withheld" not in line and "a=b" not in line
