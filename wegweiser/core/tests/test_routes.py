"""The route test (DESIGN §6): every URL is in the permission matrix, and the matrix holds.

Each app lists its routes in `tests/access_matrix.py` (ROUTES). A new URL without an entry fails
`test_every_url_is_in_the_matrix`; each (route, persona) pair is a generated test.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util

import pytest
from django.conf import settings
from django.urls import URLResolver, get_resolver, reverse

from wegweiser.testing import DENIED, PERSONAS, Route

from .page_shape import page_problems

APPS = [
    "core",
    "accounts",
    "guidebook",
    "navigator",
    "network",
    "plans",
    "worktime",
    "cases",
    "learning",
    "states",
    "api",
]
# URL namespaces outside the matrix, with the reason.
EXCLUDED_PREFIXES = {
    # Django's admin: AdminSite.has_permission demands an active staff user, and our middleware
    # demands the second factor; admin:index below proves the gate.
    "admin:": "Django admin",
}
EXCLUDED_NAMES: dict[str, str] = {}


def has_urls(app: str) -> bool:
    """Does the app serve URLs (a urls module, or the API's router modules)?"""
    return app == "api" or importlib.util.find_spec(f"wegweiser.{app}.urls") is not None


def matrix_routes() -> list[Route]:
    routes = []
    for app in APPS:
        name = f"wegweiser.{app}.tests.access_matrix"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name is None or not name.startswith(error.name):
                raise  # the matrix exists but imports something missing: show that error
            if has_urls(app):
                raise LookupError(
                    f"wegweiser/{app.replace('.', '/')}/tests/access_matrix.py is missing: every "
                    "app with URLs lists each of them with the expected status per persona."
                ) from error
            continue  # an app without URLs needs no matrix
        routes.extend(module.ROUTES)
    return routes


ROUTES = matrix_routes()


def url_names() -> tuple[set[str], list[str]]:
    names: set[str] = set()
    unnamed: list[str] = []

    def walk(patterns, prefix: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
                walk(pattern.url_patterns, namespace)
            elif pattern.name:
                names.add(prefix + pattern.name)
            elif not prefix.startswith(tuple(EXCLUDED_PREFIXES)):
                unnamed.append(str(pattern.pattern))

    walk(get_resolver().url_patterns, "")
    return names, unnamed


def test_every_url_is_in_the_matrix():
    names, unnamed = url_names()
    assert not unnamed, f"Every URL pattern needs a name: {unnamed}"
    covered = {route.name for route in ROUTES}
    missing = sorted(
        name
        for name in names - covered
        if name not in EXCLUDED_NAMES and not name.startswith(tuple(EXCLUDED_PREFIXES))
    )
    assert not missing, f"URLs missing from an access_matrix.py: {missing}"
    stale = sorted(covered - names)
    assert not stale, f"access_matrix.py lists URLs that do not exist: {stale}"


def test_admin_is_gated(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "/login/" in response["Location"]


# Rows that change on any request and say nothing about the data (sessions, login throttling).
UNCOUNTED = {"sessions.Session", "axes.AccessAttempt", "axes.AccessLog", "axes.AccessFailureLog"}


@functools.cache  # the model registry is fixed once Django is set up
def counted_models() -> list:
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model._meta.label not in UNCOUNTED
    ]


def row_counts() -> dict[str, int]:
    """Rows of every table, history tables included (every tracked change adds a history row).

    One statement with a sub-select per table (not one query per model): this check runs for every
    denied POST of the matrix. Counting the tables, not the default managers, also sees rows a
    manager hides."""
    from django.db import connection

    models = counted_models()
    quote = connection.ops.quote_name
    columns = ", ".join(f"(SELECT COUNT(*) FROM {quote(m._meta.db_table)})" for m in models)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}")  # noqa: S608 - table names from the model registry
        counts = cursor.fetchone()
    return {model._meta.label: count for model, count in zip(models, counts, strict=True)}


def test_row_counts_see_a_new_row_and_a_history_row(world):
    before = row_counts()
    organization = world.organization
    organization.name += " (neu)"
    organization.save()
    after = row_counts()
    changed = {label for label in before if before[label] != after[label]}
    assert changed == {"guidebook.HistoricalOrganization"}, changed


def is_denial(route: Route, persona: str, status: int) -> bool:
    if status in (403, 404):
        return True
    return persona == "anonymous" and status == 302 and not route.public


@pytest.mark.parametrize(
    ("route", "persona"),
    [(route, persona) for route in ROUTES for persona in PERSONAS],
    ids=[f"{route.name}-{persona}" for route in ROUTES for persona in PERSONAS],
)
def test_route_access(route: Route, persona: str, client_as, world):
    client = client_as(persona)
    kwargs = route.kwargs(world) if callable(route.kwargs) else route.kwargs
    url = reverse(route.name, kwargs=kwargs) + route.query
    expected = route.expected(persona)
    denied_post = (
        route.method == "post" and isinstance(expected, int) and is_denial(route, persona, expected)
    )
    before = row_counts() if denied_post else None
    response = getattr(client, route.method)(url, data=route.data or {})
    allowed = expected if isinstance(expected, set) else {expected}
    assert response.status_code in allowed, (
        f"{route.method.upper()} {url} as {persona}: {response.status_code}, expected {allowed}"
    )
    if (
        persona == "anonymous"
        and response.status_code == 302
        and allowed <= DENIED | {302}
        and not route.public
    ):
        assert (
            str(settings.LOGIN_URL).split(":")[-1] in response["Location"]
            or "login" in response["Location"]
        )
    if route.method == "get" and response.status_code == 200:
        # The page smoke test, on the response at hand (one request per page and persona).
        problems = page_problems(response)
        assert not problems, f"{url} as {persona}: {problems}"
    if before is not None:
        after = row_counts()
        changed = {
            label: (before[label], after[label])
            for label in before
            if before[label] != after[label]
        }
        assert not changed, f"denied {url} as {persona} changed rows: {changed}"
