"""Hostile input and response headers (issue 11): a clear 4xx, never a 500; headers on every page."""

import datetime
import importlib
import json
import pkgutil

import pytest
import time_machine
from django import forms
from django.urls import reverse

import wegweiser

pytestmark = pytest.mark.django_db

BIG = "9" * 60


def _plain_forms():
    """Every plain (non-model) form class of the project, found by walking the package."""
    for info in pkgutil.walk_packages(wegweiser.__path__, "wegweiser."):
        if not (info.name.endswith(".forms") or ".forms." in info.name):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (
                isinstance(value, type)
                and issubclass(value, forms.Form)
                and value.__module__ == module.__name__
            ):
                yield f"{module.__name__}.{name}", value


def test_every_number_field_of_a_plain_form_has_an_upper_bound():
    """A number the database cannot store must be a form error, not a 500 on save.

    Model forms get the bound from the model field's validators; plain forms must set max_value.
    """
    unbounded = []
    for label, form_class in _plain_forms():
        for field_name, field in form_class.base_fields.items():
            if isinstance(field, forms.IntegerField):
                try:
                    field.clean(BIG)
                except forms.ValidationError:
                    continue
                unbounded.append(f"{label}.{field_name}")
    assert not unbounded, f"number fields without max_value: {unbounded}"


def test_sixty_digit_capacity_is_a_form_error(client_as, world):
    from wegweiser.network.models import Meeting

    before = Meeting.objects.count()
    response = client_as("coordinator").post(
        reverse("network:meeting_create", kwargs={"slug": "musterstadt"}),
        {
            "kind": "round_table",
            "title": "Runder Tisch",
            "starts_at": f"{datetime.date.today().year + 1}-01-19T09:00",
            "duration_minutes": "120",
            "place": "Rathaus",
            "capacity": BIG,
        },
    )
    assert response.status_code == 400
    assert Meeting.objects.count() == before


def _nested(depth: int) -> bytes:
    return ("[" * depth + "]" * depth).encode()


@pytest.mark.parametrize(
    "persona, path",
    [
        ("anonymous", "/api/v1/worktime/report"),
        ("coordinator", "/api/v1/municipalities/musterstadt/guidebook/hsds?dry_run=true"),
    ],
)
def test_deeply_nested_json_is_a_clear_400(client_as, world, persona, path):
    client = client_as(persona)
    client.handler.enforce_csrf_checks = False
    body = b'{"a": ' + _nested(100_000) + b"}"
    response = client.post(path, body, content_type="application/json")
    assert response.status_code == 400, response.status_code
    answer = response.json()
    assert answer.get("detail") or answer["errors"][0]["reason"]


def test_sixty_digit_number_in_json_is_a_clear_400(client, world):
    body = json.dumps({"format": "wegweiser-worktime", "version": int(BIG), "days": []})
    response = client.post("/api/v1/worktime/report", body, content_type="application/json")
    assert response.status_code == 400


@pytest.mark.parametrize("path", ["/de/", "/de/m/musterstadt/", "/api/v1/municipalities"])
def test_permissions_policy_switches_off_powerful_features(client, world, path):
    header = client.get(path).headers.get("Permissions-Policy", "")
    for feature in ("camera=()", "microphone=()", "geolocation=()", "interest-cohort=()"):
        assert feature in header, header


# --- the public page cache (core/page_cache.py) -------------------------------------------------


@pytest.fixture
def page_cache(settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 30


def test_an_anonymous_page_is_served_from_the_cache(
    client, world, page_cache, django_assert_num_queries
):
    first = client.get("/de/m/musterstadt/")
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = client.get("/de/m/musterstadt/")
    assert again.content == first.content
    assert again["Content-Security-Policy"] and again["Permissions-Policy"]


def _renewal_mark(url: str) -> str:
    """The cache key a request takes while it renews the expired page at `url`."""
    from django.conf import settings
    from django.core.cache import cache
    from django.test import RequestFactory
    from django.utils.cache import get_cache_key

    from wegweiser.core.page_cache import _renewal_key

    key = get_cache_key(
        RequestFactory().get(url), settings.CACHE_MIDDLEWARE_KEY_PREFIX, "GET", cache=cache
    )
    assert key, "the page was not stored"
    return _renewal_key(key)


def test_while_one_request_renews_an_expired_page_the_others_get_the_expired_copy(
    client, world, page_cache, django_assert_num_queries
):
    """No stampede (issue 11): under load every request for an expired page used to render it."""
    from django.core.cache import cache

    url = "/de/m/musterstadt/"
    with time_machine.travel(datetime.datetime(2026, 11, 30, 12, tzinfo=datetime.UTC)) as clock:
        first = client.get(url)
        clock.shift(31)
        assert cache.add(_renewal_mark(url), True, 15)  # another request is renewing it
        with django_assert_num_queries(0):
            expired = client.get(url)
    assert expired.content == first.content
    assert int(expired["Age"]) >= 31


def test_the_first_request_after_expiry_renews_the_page_and_releases_its_mark(
    client, world, page_cache, django_assert_num_queries
):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = "/de/m/musterstadt/"
    with time_machine.travel(datetime.datetime(2026, 11, 30, 12, tzinfo=datetime.UTC)) as clock:
        client.get(url)
        clock.shift(31)
        with CaptureQueriesContext(connection) as renewal:
            client.get(url)
        assert len(renewal) > 0
        assert cache.get(_renewal_mark(url)) is None
        with django_assert_num_queries(0):
            fresh = client.get(url)
    assert int(fresh["Age"]) == 0


def test_an_expired_copy_is_never_served_after_twice_its_lifetime(client, world, page_cache):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = "/de/m/musterstadt/"
    with time_machine.travel(datetime.datetime(2026, 11, 30, 12, tzinfo=datetime.UTC)) as clock:
        client.get(url)
        mark = _renewal_mark(url)
        clock.shift(61)
        cache.add(mark, True, 15)
        with CaptureQueriesContext(connection) as render:
            client.get(url)
    assert len(render) > 0


def test_head_requests_neither_use_nor_fill_the_cache(client, world, page_cache):
    from django.core.cache import cache

    client.head("/de/m/musterstadt/")
    assert not [key for key in cache._cache if "public-page" in key]  # locmem's store


def test_a_page_is_found_in_the_cache_whatever_language_the_thread_served_before(
    client, world, page_cache, django_assert_num_queries
):
    """The lookup runs before LocaleMiddleware: it must use the request's language for the key.

    Under load about half of all lookups missed: a worker thread still had the language of its
    previous request active, so the Romanian work-time page was looked up under a German key.
    """
    from django.utils import translation

    for url, previous_language in (("/ro/worktime/", "de"), ("/de/m/musterstadt/", "ro")):
        first = client.get(url)
        translation.activate(previous_language)
        with django_assert_num_queries(0):
            again = client.get(url)
        assert again.content == first.content


def test_a_logged_in_person_never_gets_or_fills_the_public_cache(client_as, world, page_cache):
    from django.test import Client

    anonymous = Client()
    public = anonymous.get("/de/m/musterstadt/").content
    member = client_as("member")
    own = member.get("/de/m/musterstadt/")
    assert own.content != public  # the member's page (menu, dashboard link) is rendered for her
    assert "no-store" in own["Cache-Control"]
    assert anonymous.get("/de/m/musterstadt/").content == public


def test_a_bearer_token_bypasses_the_cache(
    client, world, page_cache, django_assert_max_num_queries
):
    client.get("/de/m/musterstadt/")
    response = client.get("/de/m/musterstadt/", headers={"Authorization": "Bearer x"})
    assert response.status_code == 200
    assert "max-age" not in response.get("Cache-Control", "")


def test_error_pages_and_pages_setting_cookies_are_not_cached(client, world, page_cache):
    from django.core.cache import cache

    client.get("/de/m/no-such-town/")
    client.get("/de/accounts/login/")  # sets the CSRF cookie
    keys = [key for key in cache._cache if "public-page" in key]  # locmem's store
    assert not [key for key in keys if "no-such-town" in key or "login" in key]


def test_public_pages_are_compressed_pages_of_logged_in_people_not(client_as, client, world):
    public = client.get("/de/m/musterstadt/guidebook/", headers={"Accept-Encoding": "gzip"})
    assert public["Content-Encoding"] == "gzip"
    member = client_as("member").get(
        "/de/m/musterstadt/guidebook/", headers={"Accept-Encoding": "gzip"}
    )
    assert member.status_code == 200 and not member.has_header("Content-Encoding")


def test_the_privacy_page_says_what_is_logged(client, world):
    page = client.get("/de/privacy/").content.decode()
    assert "Was unsere Server protokollieren" in page
    assert "7 Tage" in page and "30 Tage" in page
    english = client.get("/en/privacy/").content.decode()
    assert "What our servers log" in english
