"""The OpenAPI description tells the truth: one schema per name, documented answers, checked by
schemathesis (bounded: a few examples per operation, in process, no network).

The checks and their settings are in schemathesis.toml at the top of the repository; CI runs the
same file with the schemathesis command line against a running server.
"""

import importlib
import pkgutil
from collections import defaultdict

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from ninja import Schema

import wegweiser.api

pytestmark = pytest.mark.django_db

EXAMPLES = 12  # per operation: bounded, the whole run stays under a minute


def _api_schemas():
    for info in pkgutil.iter_modules(wegweiser.api.__path__, "wegweiser.api."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Schema)
                and value.__module__ == module.__name__
            ):
                yield value


def test_no_two_different_schemas_share_a_name():
    """The OpenAPI components are keyed by class name: a second class silently replaces the first."""
    by_name = defaultdict(dict)
    for schema in _api_schemas():
        by_name[schema.__name__][schema.__module__] = schema.model_json_schema()
    clashes = {
        name: sorted(modules)
        for name, modules in by_name.items()
        if len({repr(sorted(value.items())) for value in modules.values()}) > 1
    }
    assert not clashes, f"different schemas under one name: {clashes}"


def test_every_operation_documents_its_error_answers(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    missing = []
    for path, operations in paths.items():
        for method, operation in operations.items():
            statuses = set(operation["responses"])
            has_input = operation.get("parameters") or operation.get("requestBody")
            if has_input and "400" not in statuses:
                missing.append(f"{method.upper()} {path}: 400")
            if operation.get("security") and "401" not in statuses:
                missing.append(f"{method.upper()} {path}: 401")
    assert not missing, missing


@pytest.fixture
def _keep_test_connection():
    """Calls go straight to the WSGI app, whose request signals would close the test's database
    connection (inside the test transaction on PostgreSQL). Django's test client disconnects the
    same handler for the same reason."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.parametrize("persona", ["anonymous", "coordinator"])
def test_api_conforms_to_its_description(world, persona, _keep_test_connection):
    """Every operation, a few generated requests each, all schemathesis checks (schemathesis.toml).

    The coordinator calls with a bearer token, so the authenticated routes are reached too.
    """
    from django.core.wsgi import get_wsgi_application

    from wegweiser.accounts.services import issue_api_token

    headers = {}
    if persona != "anonymous":
        headers["Authorization"] = f"Bearer {issue_api_token(world.users[persona], 'fuzz')}"

    api = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    failures = []
    for result in api.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def check(case):
            case.call_and_validate(headers=headers)

        try:
            check()
        except (Exception, BaseExceptionGroup) as error:  # collect every operation's failure
            failures.append(f"{operation.label}: {str(error)[:1500]}")
    assert not failures, "\n\n".join(failures)
