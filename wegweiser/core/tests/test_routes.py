"""The route test (DESIGN §6): every URL is in the permission matrix, and the matrix holds.

Each app lists its routes in `tests/access_matrix.py` (ROUTES). A new URL without an entry fails
`test_every_url_is_in_the_matrix`; each (route, persona) pair is a generated test.
"""

from __future__ import annotations

import importlib
import importlib.util

import pytest
from django.conf import settings
from django.urls import URLResolver, get_resolver, reverse

from wegweiser.testing import DENIED, PERSONAS, Route

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


@pytest.mark.parametrize(
    ("route", "persona"),
    [(route, persona) for route in ROUTES for persona in PERSONAS],
    ids=[f"{route.name}-{persona}" for route in ROUTES for persona in PERSONAS],
)
def test_route_access(route: Route, persona: str, client_as, world):
    client = client_as(persona)
    kwargs = route.kwargs(world) if callable(route.kwargs) else route.kwargs
    url = reverse(route.name, kwargs=kwargs) + route.query
    response = getattr(client, route.method)(url, data=route.data or {})
    expected = route.expected(persona)
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
