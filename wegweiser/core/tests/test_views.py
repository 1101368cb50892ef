from unittest import mock

import pytest
from django.db import OperationalError
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_root_redirects_to_german(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/de/"


def test_home_lists_municipalities_by_state(client, world):
    response = client.get("/de/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Rheinland-Pfalz" in content
    assert world.musterstadt.get_absolute_url() in content
    assert '<html lang="de" dir="ltr">' in content


def test_home_in_english_and_arabic(client):
    english = client.get("/en/").content.decode()
    assert '<html lang="en" dir="ltr">' in english
    assert "Together against labour exploitation" in english
    arabic = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic


def test_municipality_page(client, world):
    response = client.get(reverse("core:municipality", kwargs={"slug": "musterstadt"}))
    assert response.status_code == 200
    assert "07999001" in response.content.decode()


def test_unknown_municipality_is_404_page(client):
    response = client.get("/de/m/gibt-es-nicht/")
    assert response.status_code == 404
    assert "kern-heading-x-large" in response.content.decode()


def test_legal_pages(client):
    for name in ("imprint", "privacy", "accessibility"):
        assert client.get(reverse(f"core:{name}")).status_code == 200
    statement = client.get("/en/accessibility/").content.decode()
    assert "schlichtungsstelle-bgg.de" in statement


def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_database_failure(client):
    with mock.patch("wegweiser.core.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_security_headers(client):
    response = client.get("/de/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "default-src 'self'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_public_pages_cacheable_private_pages_not(client_as):
    client = client_as("anonymous")
    assert "no-store" not in client.get("/de/").get("Cache-Control", "")
    client = client_as("coordinator")
    assert "no-store" in client.get("/de/dashboard/")["Cache-Control"]


def test_no_third_party_urls_in_pages(client, world):
    for url in ("/de/", "/de/m/musterstadt/", "/de/accounts/login/", "/de/accessibility/"):
        content = client.get(url).content.decode()
        for attribute in ("src=", "href="):
            for chunk in content.split(attribute)[1:]:
                target = chunk[1:].split(chunk[0], 1)[0]
                if target.startswith(("http://", "https://", "//")):
                    # Only links the user follows are allowed off-site, never loaded resources.
                    assert attribute == "href=" and 'rel="stylesheet"' not in chunk[:200], target


@pytest.mark.parametrize("persona", ["coordinator", "member", "counsellor", "state_coordinator"])
def test_dashboard_fits_the_role(persona, client_as):
    content = client_as(persona).get("/de/dashboard/").content.decode()
    if persona == "state_coordinator":
        assert "Rheinland-Pfalz" in content
    else:
        assert "Musterstadt" in content


def test_dashboard_of_outsider_does_not_mention_musterstadt_network(client_as):
    content = client_as("outsider").get("/de/dashboard/").content.decode()
    assert "Beispielstadt" in content
    assert "Jobcenter Musterstadt" not in content


def test_api_errors_are_json(client):
    response = client.get("/api/v1/municipalities/unknown", headers={"Accept-Language": "en"})
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    assert client.get("/api/v1/nothing-here").status_code == 404


def test_csrf_failure_is_a_clear_403(world):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/de/accounts/login/", {"username": "a@example.org", "password": "x"})
    assert response.status_code == 403
    assert "kern-heading-x-large" in response.content.decode()


def test_language_links_keep_the_page_and_query(client):
    content = client.get("/de/m/musterstadt/?x=1").content.decode()
    assert 'href="/ro/m/musterstadt/?x=1" hreflang="ro" lang="ro"' in content
    assert 'href="/ar/m/musterstadt/?x=1" hreflang="ar" lang="ar"' in content


def test_public_pages_set_no_cookies(client, world):
    for url in ("/de/", "/de/m/musterstadt/", "/ro/m/musterstadt/"):
        assert not client.get(url).cookies, url


def test_oversized_body_is_a_clear_400(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post("/de/accounts/login/", {"username": "a" * 5000, "password": "x"})
    assert response.status_code == 400
    assert "kern-heading-x-large" in response.content.decode()


def test_malformed_query_string_is_not_a_500(client):
    response = client.get("/de/m/musterstadt/?%ZZ=%E0%A4%A")
    assert response.status_code == 200
