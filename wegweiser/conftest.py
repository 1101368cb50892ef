"""Fixtures for every app's tests (see wegweiser/testing.py for the personas)."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings

# Playwright's sync API keeps an event loop in the main thread; Django would otherwise refuse
# database access from tests running next to it. Tests only: the app never runs like this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from wegweiser.testing import (  # noqa: E402
    AXE_PATH,
    PERSONA_EMAILS,
    chromium_path,
    login,
    screenshot_name,
)


def _load_world():
    from wegweiser.accounts.models import Membership, Role, User
    from wegweiser.core.models import State
    from wegweiser.demo.services import load_demo

    load_demo()
    hessen = State.objects.get(code="06")
    user = User.objects.filter(email=PERSONA_EMAILS["foreign_state"]).first()
    if user is None:
        user = User.objects.create_user(
            PERSONA_EMAILS["foreign_state"], "x" * 16, name="Hanna Hessen"
        )
        Membership.objects.create(user=user, role=Role.STATE_COORDINATOR, state=hessen)
        from wegweiser.demo.services import ensure_totp

        ensure_totp(user)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo world is loaded once; each test runs in a transaction that is rolled back."""
    with django_db_blocker.unblock():
        _load_world()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached pages of a rolled-back test must not leak."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request to an /en/ page activates English for
    the thread, and without this a later test in the same worker would see English strings."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def world(db):
    from wegweiser.accounts.models import User
    from wegweiser.core.models import Municipality
    from wegweiser.guidebook.models import Organization

    # One query per kind, not per persona: nearly every request test asks for this fixture.
    by_email = User.objects.in_bulk(PERSONA_EMAILS.values(), field_name="email")
    users = {persona: by_email[email] for persona, email in PERSONA_EMAILS.items()}
    municipalities = Municipality.objects.in_bulk(
        ["musterstadt", "beispielstadt"], field_name="slug"
    )
    return SimpleNamespace(
        users=users,
        musterstadt=municipalities["musterstadt"],
        beispielstadt=municipalities["beispielstadt"],
        organization=Organization.objects.get(name="Jobcenter Musterstadt"),
        counselling=Organization.objects.get(name="Fachberatungsstelle Arbeit und Würde"),
    )


@pytest.fixture
def client_as(client, world):
    """client_as("coordinator") → a test client logged in as that persona (verified 2FA)."""

    def make(persona: str):
        if persona != "anonymous":
            login(client, world.users[persona])
        return client

    return make


# --- browser tests ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def _playwright_browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(
                "Chromium is missing: CI must run the browser tests (apt-get install chromium)."
            )
        pytest.skip(
            "BROWSER TESTS SKIPPED: /usr/bin/chromium is not installed (apt-get install chromium)."
        )
    if not AXE_PATH.exists():
        pytest.fail(f"axe-core is missing at {AXE_PATH}: run `make assets`.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


# The demo world of the browser tests, copied once per test process (SQLite in memory only).
_world_snapshot = None


@pytest.fixture
def browser_world(transactional_db):
    """Browser tests run against a live server, so their data must be committed.

    Each browser test starts from an emptied database with the demo world loaded. Loading it costs
    seconds, so on SQLite in memory (CI's browser pass) the first test of a process loads it into
    an emptied database and keeps a copy (SQLite's backup API); later tests get that copy back,
    page by page, in milliseconds: the same rows, ids and sequences as a fresh load."""
    global _world_snapshot
    import sqlite3

    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connections
    from django.db.backends.sqlite3.base import DatabaseWrapper as SQLite

    connection = connections["default"]
    if not (isinstance(connection, SQLite) and connection.is_in_memory_db()):
        _load_world()
        return
    connection.ensure_connection()
    if _world_snapshot is None:
        call_command("flush", interactive=False, verbosity=0)
        _load_world()
        snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(snapshot)
        _world_snapshot = snapshot
    else:
        _world_snapshot.backup(connection.connection)
    ContentType.objects.clear_cache()  # ids as in the copy


@pytest.fixture
def page(request, _playwright_browser, live_server, browser_world):
    """A fresh browser page with axe-core preloaded; fails on CSP errors or third-party requests."""
    context = _playwright_browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=live_server.url
    )
    context.add_init_script(path=str(AXE_PATH))
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda msg: (
            problems.append(msg.text)
            if msg.type == "error" and "Content Security Policy" in msg.text
            else None
        ),
    )
    page.on(
        "request",
        lambda req: (
            problems.append(f"third-party request: {req.url}")
            if not req.url.startswith((live_server.url, "data:", "blob:"))
            else None
        ),
    )
    page.live_server_url = live_server.url
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        directory = Path(settings.VAR_DIR) / "screenshots"
        directory.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(directory / screenshot_name(request.node.nodeid)), full_page=True)
    context.close()
    assert not problems, "Browser reported: " + "; ".join(problems)


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
