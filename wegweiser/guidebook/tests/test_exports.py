"""Exports of the guidebook: serializers, PDF, vCard, HSDS export and import, API."""

from __future__ import annotations

import datetime
import json
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from wegweiser.guidebook.exports import hsds_schema, pdf, serializers, vcard
from wegweiser.guidebook.models import (
    ActorType,
    ContactPerson,
    Location,
    MandateItem,
    Organization,
    OrganizationStatus,
)
from wegweiser.guidebook.services import create_organization_from_template

from .test_exports_helpers import (
    api_token,
    body,
    empty_municipality,
    flat,
    pdf_info,
    pdf_languages,
    pdf_text,
    valid_document,
)

pytestmark = pytest.mark.usefixtures("english_exports")


# --- serializers --------------------------------------------------------------------------------


def test_formal_guidebook_holds_only_public_fields(world):
    from wegweiser.guidebook.services import set_internal_note

    set_internal_note(world.counselling, world.musterstadt, "nur intern")
    draft = create_organization_from_template(
        ActorType.objects.get(key="police"),
        "Entwurf Polizei",
        [world.musterstadt],
        status=OrganizationStatus.DRAFT,
    )
    data = serializers.formal_guidebook(world.musterstadt)
    names = [o["name"] for o in data["organizations"]]
    assert draft.name not in names
    assert data["version"] == "formal"
    # Counselling services first.
    counselling = [o["actor_type"]["counselling"] for o in data["organizations"]]
    assert counselling == sorted(counselling, reverse=True)
    assert counselling[0] is True
    for organization in data["organizations"]:
        assert "contact_persons" not in organization
        assert "internal_notes" not in organization
    shelter = next(o for o in data["organizations"] if o["confidential_address"])
    assert shelter["locations"] == []
    assert "nur intern" not in json.dumps(data)


def test_informal_guidebook_only_for_roles_in_the_municipality(world):
    member = serializers.informal_guidebook(world.musterstadt, world.users["member"])
    assert member["version"] == "informal"
    jobcenter = next(o for o in member["organizations"] if o["id"] == str(world.organization.pk))
    assert [p["name"] for p in jobcenter["contact_persons"]] == ["Jonas Jobcenter"]
    state = serializers.informal_guidebook(world.musterstadt, world.users["state_coordinator"])
    assert state["version"] == "informal"
    for persona in ("outsider", "foreign_state", "admin"):
        other = serializers.informal_guidebook(world.musterstadt, world.users[persona])
        assert other["version"] == "formal", persona


def test_serializer_query_count_does_not_grow(world, django_assert_max_num_queries):
    # Kinds of actor and needs are prefetched once (shared by all rows), not joined per row.
    with django_assert_max_num_queries(11):
        serializers.informal_guidebook(world.musterstadt, world.users["member"])
    for index in range(5):
        create_organization_from_template(
            ActorType.objects.get(key="police"),
            f"Weitere Dienststelle {index}",
            [world.musterstadt],
            status=OrganizationStatus.PUBLISHED,
        )
    with django_assert_max_num_queries(11):
        data = serializers.informal_guidebook(world.musterstadt, world.users["member"])
    assert "Weitere Dienststelle 4" in {o["name"] for o in data["organizations"]}


def test_mandate_text_falls_back_to_german():
    item = {
        "text": "Deutsch",
        "translations": {
            "en": {"text": "English", "source_version": 1, "current": True},
            "ro": {"text": "veraltet", "source_version": 1, "current": False},
        },
    }
    assert serializers.mandate_text(item, "en") == ("English", True)
    assert serializers.mandate_text(item, "ro") == ("Deutsch", False)
    assert serializers.mandate_text(item, "ar") == ("Deutsch", False)


# --- vCard --------------------------------------------------------------------------------------


def test_vcard_escapes_and_folds():
    card = vcard.person_vcard(
        {
            "id": "8c1f4a36-2f0b-4cf4-9b5c-0c7d7f1b9e11",
            "name": "Ana Popescu",
            "function": "Beraterin; Rumänisch, Englisch",
            "phone": "+49 30 23125 601",
            "email": "popescu@example.org",
            "practical_note": "Vormittags\nanrufen \\ sonst Mail " + "x" * 80,
        },
        {"name": "Beratung, Arbeit"},
    )
    assert card.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert card.endswith("END:VCARD\r\n")
    assert "FN:Ana Popescu\r\n" in card
    assert "N:Popescu;Ana;;;\r\n" in card
    assert "TITLE:Beraterin\\; Rumänisch\\, Englisch\r\n" in card
    assert "ORG:Beratung\\, Arbeit\r\n" in card
    assert "NOTE:Vormittags\\nanrufen \\\\ sonst Mail" in card
    for line in card.split("\r\n"):
        assert len(line.encode()) <= 75
    assert "\r\n " in card  # the long note was folded


def test_person_vcard_route(client_as, world):
    person = ContactPerson.objects.get(name="Jonas Jobcenter")
    url = reverse(
        "guidebook_exports:person_vcard",
        kwargs={"slug": "musterstadt", "organization": world.organization.pk, "person": person.pk},
    )
    response = client_as("member").get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vcard")
    assert "FN:Jonas Jobcenter" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_person_vcard_of_withdrawn_or_foreign_person_is_404(client_as, world):
    person = ContactPerson.objects.get(name="Jonas Jobcenter")
    person.consent_withdrawn_at = datetime.date.today()
    person.save()
    client = client_as("coordinator")
    url = reverse(
        "guidebook_exports:person_vcard",
        kwargs={"slug": "musterstadt", "organization": world.organization.pk, "person": person.pk},
    )
    assert client.get(url).status_code == 404
    other = ContactPerson.objects.get(name="Ana Popescu")
    url = reverse(
        "guidebook_exports:person_vcard",
        kwargs={"slug": "musterstadt", "organization": world.organization.pk, "person": other.pk},
    )
    assert client.get(url).status_code == 404  # person of another organisation


def test_organization_vcard_has_no_address_for_confidential_places(client, world):
    shelter = Organization.objects.get(actor_type__key="shelter")
    url = reverse(
        "guidebook_exports:organization_vcard",
        kwargs={"slug": "musterstadt", "organization": shelter.pk},
    )
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert f"FN:{shelter.name}" in body and "ADR" not in body
    url = reverse(
        "guidebook_exports:organization_vcard",
        kwargs={"slug": "beispielstadt", "organization": world.organization.pk},
    )
    assert client.get(url).status_code == 404  # not part of Beispielstadt's guidebook


# --- PDF ----------------------------------------------------------------------------------------


def test_public_pdf_renders_and_is_stored_until_the_guidebook_changes(client, world):
    with translation.override("de"):
        url = reverse("guidebook_exports:pdf", kwargs={"slug": "musterstadt"})
    assert url.startswith("/de/")
    response = client.get(url)  # the immediate backend of the tests renders it at once
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    content = body(response)
    assert content.startswith(b"%PDF")
    text = pdf_text(content)
    assert "Musterstadt" in text and "Rheinland-Pfalz" in text
    assert "Fachberatungsstelle Arbeit und Würde" in text
    assert "Jobcenter Musterstadt" in text
    assert "Inhalt" in text  # German headings under /de/
    with mock.patch.object(pdf, "_render", side_effect=AssertionError("not stored")):
        assert body(client.get(url)) == content
    world.organization.name = "Jobcenter Musterstadt (neu)"
    world.organization.save()
    with mock.patch.object(pdf, "_render", return_value=b"%PDF-new") as render:
        assert body(client.get(url)) == b"%PDF-new"
        assert body(client.get(url)) == b"%PDF-new"
        assert render.call_count == 1


def test_pdf_sets_language_direction_and_metadata(client, world):
    """The Arabic PDF: document language ar (tagged), Arabic text, German fallbacks marked de."""
    response = client.get("/ar/m/musterstadt/guidebook/guidebook.pdf")
    assert response.status_code == 200
    content = body(response)
    assert content.startswith(b"%PDF")
    languages = pdf_languages(content)
    assert "ar" in languages  # the catalog's /Lang
    # Mandates without an Arabic translation fall back to the German text, marked as such.
    assert "de" in languages
    info = pdf_info(content)
    assert info["Tagged"] == "yes"
    assert info["Title"] == "دليل Musterstadt"
    text = pdf_text(content)
    assert "المحتويات" in text  # "Contents" in Arabic
    assert "Fachberatungsstelle Arbeit und Würde" in text
    assert "/ar/m/musterstadt/guidebook/" in text  # the QR code and link lead to the page


def test_internal_pdf_is_marked_on_every_page_and_not_stored_publicly(client_as, world):
    response = client_as("member").get("/de/m/musterstadt/guidebook/guidebook-internal.pdf")
    assert response.status_code == 200
    content = body(response)
    assert content.startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith("attachment")
    text = pdf_text(content)
    pages = text.split("\f")
    marked = [page for page in pages if page.strip()]
    unmarked = [page[:200] for page in marked if "INTERN – nur für Mitglieder" not in page]
    assert not unmarked, f"every page carries the internal mark: {unmarked}"
    assert "Jonas Jobcenter" in flat(text)  # consented contact persons
    assert "Ana Popescu" in flat(text)
    # The public PDF is a different file without them.
    public = pdf_text(body(client_as("anonymous").get("/de/m/musterstadt/guidebook/guidebook.pdf")))
    assert "Ana Popescu" not in flat(public)


# --- HSDS export --------------------------------------------------------------------------------


def _hsds_problems(document):
    validators = hsds_schema.validators()
    problems = []
    for organization in document["organizations"]:
        problems += list(validators["organization"].iter_errors(organization))
        problems += list(
            validators["organization_extension"].iter_errors(organization["wegweiser"])
        )
        for service in organization["services"]:
            problems += list(validators["service"].iter_errors(service))
            problems += list(validators["service_extension"].iter_errors(service["wegweiser"]))
    for term in document["taxonomy_terms"]:
        problems += list(validators["taxonomy_term"].iter_errors(term))
    return problems


def test_hsds_export_is_valid_and_preserves_uuids(client, world):
    response = client.get(reverse("guidebook_exports:hsds", kwargs={"slug": "musterstadt"}))
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["hsds_version"] == "3.0"
    assert not _hsds_problems(document)
    ids = {o["id"] for o in document["organizations"]}
    assert str(world.organization.pk) in ids
    jobcenter = next(o for o in document["organizations"] if o["id"] == str(world.organization.pk))
    location = Location.objects.get(organization=world.organization)
    assert jobcenter["locations"][0]["id"] == str(location.pk)
    mandate = jobcenter["services"][0]["wegweiser"]["mandate"]
    assert {item["id"] for item in mandate} == {
        str(pk)
        for pk in MandateItem.objects.filter(organization=world.organization).values_list(
            "pk", flat=True
        )
    }
    assert jobcenter["attributes"][0]["value"] == "jobcenter"
    assert jobcenter["locations"][0]["schedules"][0]["description"]


def test_hsds_export_command(tmp_path, world):
    target = tmp_path / "export.json"
    call_command("hsds_export", str(target), municipality="musterstadt")
    document = json.loads(target.read_text())
    assert len(document["organizations"]) == len(
        serializers.formal_guidebook(world.musterstadt)["organizations"]
    )
    with pytest.raises(CommandError):
        call_command("hsds_export", municipality="nowhere")


# --- API ----------------------------------------------------------------------------------------


def test_api_guidebook_public_and_member(client, world):
    url = "/api/v1/municipalities/musterstadt/guidebook"
    public = client.get(url).json()
    assert public["version"] == "formal"
    assert all("contact_persons" not in o for o in public["organizations"])
    member = client.get(url, HTTP_AUTHORIZATION=f"Bearer {api_token(world.users['member'])}").json()
    assert member["version"] == "informal"
    assert any(o.get("contact_persons") for o in member["organizations"])
    outsider = client.get(
        url, HTTP_AUTHORIZATION=f"Bearer {api_token(world.users['outsider'])}"
    ).json()
    assert outsider["version"] == "formal"
    assert client.get("/api/v1/municipalities/nowhere/guidebook").status_code == 404


def test_api_organization_and_actor_types(client, world):
    url = f"/api/v1/municipalities/musterstadt/guidebook/organizations/{world.organization.pk}"
    data = client.get(url).json()
    assert data["name"] == "Jobcenter Musterstadt" and "contact_persons" not in data
    world.organization.status = OrganizationStatus.DRAFT
    world.organization.save()
    assert client.get(url).status_code == 404
    assert client.get(
        "/api/v1/municipalities/musterstadt/guidebook/organizations/xyz"
    ).status_code in (
        400,
        404,
        422,
    )
    types = client.get("/api/v1/actor-types").json()
    assert {"jobcenter", "counselling_service"} <= {t["key"] for t in types}


def test_api_import_for_coordinators(client, world):
    target = empty_municipality(world)
    from wegweiser.accounts.models import Membership, Role

    Membership.objects.create(
        user=world.users["coordinator"], municipality=target, role=Role.COORDINATOR
    )
    body = json.dumps(valid_document(world))
    url = f"/api/v1/municipalities/{target.slug}/guidebook/hsds"
    auth = {"HTTP_AUTHORIZATION": f"Bearer {api_token(world.users['coordinator'])}"}
    response = client.post(url + "?dry_run=true", body, content_type="application/json", **auth)
    assert response.status_code == 200 and response.json()["dry_run"] is True
    assert not Organization.objects.filter(municipalities=target).exists()
    bad = client.post(
        url, '{"organizations": [{"id": 1}]}', content_type="application/json", **auth
    )
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["record"].startswith("organizations[0]")
    response = client.post(url, body, content_type="application/json", **auth)
    assert response.status_code == 200, response.content
    assert len(response.json()["created"]) + len(response.json()["updated"]) > 0
    assert Organization.objects.filter(municipalities=target).exists()
    member = {"HTTP_AUTHORIZATION": f"Bearer {api_token(world.users['member'])}"}
    musterstadt = "/api/v1/municipalities/musterstadt/guidebook/hsds"
    assert (
        client.post(musterstadt, body, content_type="application/json", **member).status_code == 403
    )
    assert client.post(musterstadt, body, content_type="application/json").status_code == 401


def test_openapi_documents_the_routes(client):
    spec = client.get("/api/v1/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/v1/actor-types",
        "/api/v1/municipalities/{slug}/guidebook",
        "/api/v1/municipalities/{slug}/guidebook/organizations/{organization_id}",
        "/api/v1/municipalities/{slug}/guidebook/hsds",
    ):
        assert path in paths, path
    assert "post" in paths["/api/v1/municipalities/{slug}/guidebook/hsds"]
    assert "GuidebookOut" in spec["components"]["schemas"]
    assert "ImportReportOut" in spec["components"]["schemas"]


def test_municipality_page_links_the_downloads(client_as, world):
    page = client_as("anonymous").get("/de/m/musterstadt/").content.decode()
    assert reverse("guidebook_exports:pdf", kwargs={"slug": "musterstadt"}) in page
    assert "guidebook-internal.pdf" not in page
    with translation.override("de"):
        page = client_as("member").get("/de/m/musterstadt/").content.decode()
    assert "guidebook-internal.pdf" in page


def test_guidebook_pdfs_command_renders_each_language_once(world, capsys):
    with mock.patch.object(pdf, "_render", return_value=b"%PDF-x") as render:
        call_command("guidebook_pdfs", municipality="musterstadt")
        languages = len(world.musterstadt.languages)
        assert render.call_count == languages
        call_command("guidebook_pdfs", municipality="musterstadt")
        assert render.call_count == languages  # nothing changed, nothing rendered again
    assert "0 PDF(s) queued." in capsys.readouterr().out
    from wegweiser.guidebook.exports import documents

    row = documents.request_pdf(world.musterstadt, "public", "ro")
    assert documents.open_pdf(row).read() == b"%PDF-x"
    with pytest.raises(CommandError):
        call_command("guidebook_pdfs", municipality="nowhere")
