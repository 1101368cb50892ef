"""Hostile input and response headers (issue 11): a clear 4xx, never a 500; headers on every page."""

import importlib
import json
import pkgutil

import pytest
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
            "starts_at": "2027-01-19T09:00",
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
