"""Request tests: the app shell, worker, manifest, schema, paper calendar, review page and API."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from wegweiser.worktime import wages
from wegweiser.worktime.tests.cases import BAD_FILES, export, week

pytestmark = pytest.mark.django_db

GOOD = export(
    days=week("2026-11-02", 5, "07:00", "17:30", 30),
    payments=[{"date": "2026-11-06", "amount_cents": 20000, "method": "cash", "payer": "Chef"}],
    deductions=[{"date": "2026-11-06", "amount_cents": 5000, "kind": "rent"}],
)


def url(name, lang="de", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


@pytest.mark.parametrize("lang", ["ro", "ar", "de"])
def test_app_shell_works_without_javascript(client, world, lang):
    response = client.get(url("worktime:app", lang))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{lang}"' in html
    assert ('dir="rtl"' in html) == (lang == "ar")
    assert "<noscript>" in html
    assert '<script id="i18n" type="application/json">' in html
    # No inline executable script and no style attributes (strict CSP).
    assert "<script>" not in html and "style=" not in html
    strings = json.loads(html.split('id="i18n" type="application/json">')[1].split("</script>")[0])
    assert strings["saved"]
    assert "musterstadt" in html  # the place picker for counselling contacts


def test_service_worker_is_served_for_the_language_scope(client, world):
    response = client.get(url("worktime:service_worker", "ro"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/javascript"
    assert response["Service-Worker-Allowed"] == "/ro/worktime/"
    body = response.content.decode()
    assert '"/ro/worktime/"' in body and "worktime/app.js" in body and "minimum_wage.json" in body


def test_manifest(client, world):
    response = client.get(url("worktime:manifest", "ar"))
    data = json.loads(response.content)
    assert response["Content-Type"] == "application/manifest+json"
    assert data["start_url"] == "/ar/worktime/" and data["dir"] == "rtl"
    assert all(icon["src"].startswith("/static/") for icon in data["icons"])


def test_schema_is_the_published_file_and_validates_good_exports(client, world):
    import jsonschema

    response = client.get(url("worktime:schema"))
    schema = json.loads(response.content)
    assert schema == wages.schema()
    jsonschema.validate(GOOD, schema)


def test_paper_form(client, world):
    response = client.get(url("worktime:paper", "ro"))
    assert response.status_code == 200
    assert 'name="year"' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"year": "1999", "state": "RP", "language": "ro", "size": "A4"},
        {"year": "2027", "state": "XX", "language": "ro", "size": "A4"},
        {"year": "2027", "state": "RP", "language": "xx", "size": "A4"},
        {"year": "2027", "state": "RP", "language": "ro", "size": "A3"},
        {"year": "abc"},
    ],
)
def test_paper_bad_parameters_answer_400(client, world, query):
    response = client.get(url("worktime:paper"), query)
    assert response.status_code == 400
    assert b"kern-error" in response.content or b"error" in response.content


def test_paper_municipality_must_be_in_the_state(client, world):
    from wegweiser.core.models import State

    other = State.objects.exclude(subdivision="RP").first()
    response = client.get(
        url("worktime:paper"),
        {
            "year": 2027,
            "state": other.subdivision,
            "municipality": "musterstadt",
            "language": "de",
            "size": "A4",
        },
    )
    assert response.status_code == 400


def test_paper_pdf_is_generated_and_cached(client, world, django_assert_max_num_queries):
    cache.clear()
    query = {
        "year": 2027,
        "state": "RP",
        "municipality": "musterstadt",
        "language": "ro",
        "size": "A5",
    }
    response = client.get(url("worktime:paper", "ro"), query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    with django_assert_max_num_queries(12):
        again = client.get(url("worktime:paper", "ro"), query)
    assert again.content == response.content


def test_paper_holidays_of_the_state():
    import datetime as dt

    from wegweiser.worktime.services import holidays_of

    days = holidays_of(2027, "RP", "de")
    assert dt.date(2027, 11, 1) in days  # Allerheiligen in Rhineland-Palatinate
    assert dt.date(2027, 10, 31) not in days


def review_post(client, file_bytes, **extra):
    upload = SimpleUploadedFile("worktime.json", file_bytes, content_type="application/json")
    return client.post(url("worktime:review"), {"file": upload, **extra})


def test_review_shows_the_report_and_stores_nothing(
    client_as, world, django_assert_max_num_queries
):
    from wegweiser.accounts.models import Membership

    client = client_as("counsellor")
    before = Membership.objects.count()
    response = review_post(client, json.dumps(GOOD).encode(), output="html")
    assert response.status_code == 200
    html = response.content.decode()
    report = wages.compute_report(wages.validate(json.loads(json.dumps(GOOD))))
    assert report["totals"]["minutes"] == 5 * 600
    assert "50:00 h" in html
    assert "no-store" in response["Cache-Control"]
    assert Membership.objects.count() == before


def test_review_pdf(client_as, world):
    response = review_post(client_as("outsider"), json.dumps(GOOD).encode(), output="pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize(("name", "file"), BAD_FILES[:6], ids=[case[0] for case in BAD_FILES[:6]])
def test_review_rejects_broken_files(client_as, world, name, file):
    response = review_post(client_as("member"), json.dumps(file).encode())
    assert response.status_code == 400
    assert b"report-heading" not in response.content


def test_review_rejects_non_json(client_as, world):
    response = review_post(client_as("member"), b"\x00\x01 not json")
    assert response.status_code == 400
    assert "JSON" in response.content.decode()


def test_review_needs_membership(client, world):
    from wegweiser.accounts.models import User
    from wegweiser.testing import login

    nobody = User.objects.create_user("nobody@example.org", "x" * 16, name="Nobody")
    login(client, nobody)
    assert client.get(url("worktime:review")).status_code == 403


def api_report(client, payload, query=""):
    body = payload if isinstance(payload, (bytes, str)) else json.dumps(payload)
    return client.post("/api/v1/worktime/report" + query, body, content_type="application/json")


def test_api_report_matches_the_python_rules(client, world):
    response = api_report(client, GOOD)
    assert response.status_code == 200
    assert response.json() == wages.compute_report(wages.validate(json.loads(json.dumps(GOOD))))
    assert response.json()["totals"]["difference_cents"] == 5 * 10 * 1390 - 20000


def test_api_report_with_period(client, world):
    response = api_report(client, GOOD, "?date_from=2026-11-03&date_to=2026-11-04")
    assert response.status_code == 200
    assert response.json()["totals"]["minutes"] == 2 * 600
    assert api_report(client, GOOD, "?date_from=2026-11-05&date_to=2026-11-04").status_code == 400


@pytest.mark.parametrize(("name", "file"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_api_report_rejects_bad_files(client, world, name, file):
    response = api_report(client, file)
    assert response.status_code == 400
    assert response.json()["detail"] and response.json()["code"]


def test_api_report_rejects_garbage(client, world):
    response = api_report(client, b"{broken")
    assert response.status_code == 400
    assert response.json()["code"] == "not_json"


def test_api_documents_the_report_in_openapi(client, world):
    spec = client.get("/api/v1/openapi.json").json()
    operation = spec["paths"]["/api/v1/worktime/report"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body["properties"]["format"] == {"const": "wegweiser-worktime"}
    assert "$ref" not in json.dumps(body)
    assert "400" in operation["responses"] and "200" in operation["responses"]


def test_api_counselling_by_municipality_and_state(client, world):
    response = client.get(
        "/api/v1/worktime/counselling", {"municipality": "musterstadt", "lang": "ro"}
    )
    assert response.status_code == 200
    services = response.json()["services"]
    assert services and services[0]["speaks_language"]
    assert all(service["name"] and "internal_notes" not in service for service in services)
    by_state = client.get("/api/v1/worktime/counselling", {"state": "rp", "lang": "ar"}).json()
    assert len(by_state["services"]) >= len(services)
    assert client.get("/api/v1/worktime/counselling").status_code == 400
    assert (
        client.get("/api/v1/worktime/counselling", {"municipality": "nowhere"}).status_code == 404
    )
    assert (
        client.get("/api/v1/worktime/counselling", {"state": "RP", "lang": "xx"}).status_code == 400
    )


def test_api_counselling_lists_only_published_services(client, world):
    from wegweiser.guidebook.models import Organization

    world.counselling.status = "draft"
    world.counselling.save()
    names = [
        s["name"]
        for s in client.get("/api/v1/worktime/counselling", {"municipality": "musterstadt"}).json()[
            "services"
        ]
    ]
    assert world.counselling.name not in names
    assert Organization.objects.filter(status="published", actor_type__counselling=True).exists()


def test_municipality_page_links_to_the_calendars(client, world):
    response = client.get(url("core:municipality", "ro", slug="musterstadt"))
    html = response.content.decode()
    assert "/ro/worktime/?m=musterstadt" in html
    assert "/ro/worktime/paper/?state=RP&amp;municipality=musterstadt" in html
