"""Issue 11: the HSDS import published `javascript:` website addresses. Only http(s) addresses are
accepted (forms, import, API) and only http(s) addresses leave the system (pages, API, exports)."""

import json

import pytest
from django.urls import reverse

from wegweiser.core.links import http_url
from wegweiser.guidebook.exports.hsds import export_document
from wegweiser.guidebook.exports.hsds_import import import_hsds

pytestmark = pytest.mark.django_db

HOSTILE = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://example.org/file",
    "//evil.example/",
    "https:/missing-slash",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_only_http_and_https_addresses_pass(value):
    assert http_url(value) == ""


@pytest.mark.parametrize("value", ["https://example.org/", "http://example.org/a?b=c"])
def test_http_addresses_pass_unchanged(value):
    assert http_url(value) == value


def _export_with_website(municipality, website: str) -> bytes:
    document = export_document(municipality)
    document["organizations"][0]["website"] = website
    return json.dumps(document).encode()


@pytest.mark.parametrize("value", ["javascript:alert(1)", "data:text/html,x", "ftp://x.org/"])
def test_the_hsds_import_refuses_other_schemes(world, value):
    raw = _export_with_website(world.musterstadt, value)
    report = import_hsds(raw, world.musterstadt, dry_run=True)
    assert not report.ok
    assert any(problem.field.endswith("website") for problem in report.errors)


def test_the_api_import_refuses_other_schemes(client_as, world):
    client = client_as("coordinator")
    raw = _export_with_website(world.musterstadt, "javascript:alert(1)")
    response = client.post(
        "/api/v1/municipalities/musterstadt/guidebook/hsds?dry_run=true",
        raw,
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "website" in json.dumps(response.json()["errors"])


def test_the_edit_form_refuses_other_schemes(client_as, world):
    from wegweiser.guidebook.forms import NewOrganizationForm, OrganizationForm

    for form_class in (OrganizationForm, NewOrganizationForm):
        field = form_class.base_fields["website"]
        for value in ("javascript:alert(1)", "ftp://example.org/"):
            with pytest.raises(Exception):  # noqa: B017 — ValidationError
                field.clean(value)


def test_a_stored_hostile_address_never_leaves_the_system(client, world):
    """Data written before this check (or by hand) is cleaned on output: page, API, HSDS, vCard."""
    organization = world.counselling
    type(organization).objects.filter(pk=organization.pk).update(website="javascript:alert(1)")
    page = client.get(f"/de/m/musterstadt/guidebook/{organization.pk}/").content.decode()
    assert "javascript:" not in page
    api = client.get("/api/v1/municipalities/musterstadt/guidebook").content.decode()
    assert "javascript:" not in api
    hsds = json.dumps(export_document(world.musterstadt))
    assert "javascript:" not in hsds
    navigator = client.get(
        "/api/v1/municipalities/musterstadt/navigator", {"needs": "wages_unpaid"}
    ).content.decode()
    assert "javascript:" not in navigator
    vcard = client.get(
        reverse(
            "guidebook_exports:organization_vcard",
            kwargs={"slug": "musterstadt", "organization": organization.pk},
        )
    )
    if vcard.status_code == 200:
        assert b"javascript:" not in vcard.content
