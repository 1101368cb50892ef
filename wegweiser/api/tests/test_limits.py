"""The anonymous work-time report: body size, number of entries and requests per client are capped."""

import json

import pytest

from wegweiser.worktime.tests.cases import export, week

pytestmark = pytest.mark.django_db

URL = "/api/v1/worktime/report"


def post(client, body, address="192.0.2.10"):
    if not isinstance(body, (bytes, str)):
        body = json.dumps(body)
    return client.post(URL, body, content_type="application/json", REMOTE_ADDR=address)


def test_a_body_over_the_limit_is_refused_before_parsing(client, world, settings):
    settings.WEGWEISER_WORKTIME_REPORT_MAX_BYTES = 10_000
    body = json.dumps(export(days=week("2026-01-05", 100)))
    assert len(body) > 10_000
    response = post(client, body)
    assert response.status_code == 413
    answer = response.json()
    assert answer["code"] == "too_large"
    assert "9 kB" in answer["detail"]


def test_the_default_body_limit_is_far_below_a_megabyte(client, world):
    """The issue's probe: a 1 MB body cost 2.6 s of CPU."""
    days = week("2000-01-03", 4500)
    body = json.dumps(export(days=[dict(day, employer="x" * 100) for day in days]))
    assert len(body) > 1_000_000
    response = post(client, body)
    assert response.status_code == 413


def test_too_many_entries_are_refused(client, world, settings):
    settings.WEGWEISER_WORKTIME_REPORT_MAX_ENTRIES = 20
    response = post(client, export(days=week("2026-01-05", 21)))
    assert response.status_code == 413
    assert response.json()["code"] == "too_many_entries"
    assert "20" in response.json()["detail"]


def test_entries_at_the_limit_are_reported(client, world, settings):
    settings.WEGWEISER_WORKTIME_REPORT_MAX_ENTRIES = 20
    response = post(client, export(days=week("2026-01-05", 20)))
    assert response.status_code == 200
    assert response.json()["totals"]["days_worked"] == 20


def test_each_client_is_rate_limited(client, world, settings):
    settings.WEGWEISER_WORKTIME_REPORT_RATE = "3/m"
    small = export(days=week("2026-11-02", 1))
    statuses = [post(client, small).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    refused = post(client, small)
    assert refused.status_code == 429
    assert refused.json()["code"] == "rate_limited"
    assert int(refused["Retry-After"]) >= 1
    assert "Retry-After" in refused.headers
    # Another client is not affected.
    assert post(client, small, address="198.51.100.7").status_code == 200


def test_limits_are_in_the_openapi_description(client, world):
    responses = client.get("/api/v1/openapi.json").json()["paths"][URL]["post"]["responses"]
    assert {"413", "429"} <= set(responses)


@pytest.mark.parametrize("value", ["0", "1700000000", "2026-1-5", "tomorrow"])
def test_a_period_must_be_an_iso_date(client, world, value):
    """Found by schemathesis: 0 was taken as 1970-01-01 though the description says YYYY-MM-DD."""
    small = json.dumps(export(days=week("2026-11-02", 1)))
    response = client.post(
        f"{URL}?date_to={value}", small, content_type="application/json", REMOTE_ADDR="192.0.2.5"
    )
    assert response.status_code == 400


# --- the refusals speak the worker's language (issue 11) ---------------------------------------


def test_a_too_large_body_is_refused_in_german(client, world, settings):
    settings.WEGWEISER_WORKTIME_REPORT_MAX_BYTES = 10_000
    body = json.dumps(export(days=week("2026-01-05", 100)))
    response = client.post(
        URL,
        body,
        content_type="application/json",
        REMOTE_ADDR="192.0.2.20",
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 413
    assert response.json()["detail"] == "Die Datei ist zu groß für diesen Dienst (höchstens 9 kB)."


def test_too_many_entries_are_refused_in_romanian(client, world, settings):
    settings.WEGWEISER_WORKTIME_REPORT_MAX_ENTRIES = 20
    response = client.post(
        URL,
        json.dumps(export(days=week("2026-01-05", 21))),
        content_type="application/json",
        REMOTE_ADDR="192.0.2.21",
        HTTP_ACCEPT_LANGUAGE="ro",
    )
    assert response.status_code == 413
    assert "prea multe" in response.json()["detail"]
    assert "20" in response.json()["detail"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", "Zu viele Anfragen von Ihrer Adresse."),
        ("en", "Too many requests from your address."),
        ("ar", "طلبات كثيرة جدًا من عنوانك."),
    ],
)
def test_the_rate_limit_is_refused_in_the_language_asked_for(
    client, world, settings, language, expected
):
    settings.WEGWEISER_WORKTIME_REPORT_RATE = "1/m"
    small = json.dumps(export(days=week("2026-11-02", 1)))
    address = f"192.0.2.{30 + len(language) + ord(language[0]) % 50}"

    def ask():
        return client.post(
            URL,
            small,
            content_type="application/json",
            REMOTE_ADDR=address,
            HTTP_ACCEPT_LANGUAGE=language,
        )

    assert ask().status_code == 200
    refused = ask()
    assert refused.status_code == 429
    assert refused.json()["detail"].startswith(expected)
