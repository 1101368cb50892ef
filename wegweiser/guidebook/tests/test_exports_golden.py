"""Golden test (DESIGN §6a): nothing that is not public ever appears in public output.

The demo guidebook gets a draft organisation, an internal note, a consented contact person, one
whose consent was withdrawn and one who never consented — each with a unique marker. Every public
output (PDF text, HSDS export, vCards, API for anonymous callers and outsiders, the municipality
page) must be free of all markers; withdrawn and never-consented persons appear nowhere, not even
internally; the internal outputs do show the consented person to a member.
"""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from wegweiser.guidebook.models import ActorType, ContactPerson, OrganizationStatus
from wegweiser.guidebook.services import create_organization_from_template

from .test_exports_helpers import api_token, body, flat, pdf_text

DRAFT_NAME = "Entwurfsstelle Zzdraftmarker"
NOTE = "Zznotemarker nur fuer das Netzwerk"
CONSENTED = "Gerda Zzconsentmarker"
WITHDRAWN = "Walter Zzwithdrawnmarker"
NEVER = "Nina Zznoconsentmarker"
DRAFT_PERSON = "Doris Zzdraftpersonmarker"
PUBLIC_MARKERS = [
    "Zzdraftmarker",
    "Zznotemarker",
    "Zzconsentmarker",
    "Zzwithdrawnmarker",
    "Zznoconsentmarker",
    "Zzdraftpersonmarker",
    "zzconsent@",
    "+49 30 23125 999",
]
NEVER_ANYWHERE = ["Zzwithdrawnmarker", "Zznoconsentmarker", "Zzdraftmarker", "Zzdraftpersonmarker"]


@pytest.fixture
def golden(world):
    cache.clear()
    today = datetime.date.today()
    counselling = world.counselling
    from wegweiser.guidebook.services import set_internal_note

    set_internal_note(counselling, world.musterstadt, NOTE)
    counselling.save()
    ContactPerson.objects.create(
        organization=counselling,
        name=CONSENTED,
        function="Beraterin",
        email="zzconsent@example.org",
        phone="+49 30 23125 999",
        consent_given_at=today - datetime.timedelta(days=3),
        consent_how="schriftlich",
    )
    ContactPerson.objects.create(
        organization=counselling,
        name=WITHDRAWN,
        consent_given_at=today - datetime.timedelta(days=30),
        consent_withdrawn_at=today - datetime.timedelta(days=1),
    )
    ContactPerson.objects.create(organization=world.organization, name=NEVER)
    draft = create_organization_from_template(
        ActorType.objects.get(key="police"),
        DRAFT_NAME,
        [world.musterstadt],
        status=OrganizationStatus.DRAFT,
    )
    set_internal_note(draft, world.musterstadt, "Zznotemarker im Entwurf")
    ContactPerson.objects.create(organization=draft, name=DRAFT_PERSON, consent_given_at=today)
    with translation.override("en"):
        yield world
    cache.clear()


def _assert_clean(label: str, text: str, markers=PUBLIC_MARKERS):
    flat_text = flat(text)
    found = [marker for marker in markers if marker in text or marker in flat_text]
    assert not found, f"{label} leaks {found}"


def _public_outputs(client, world):
    slug = "musterstadt"
    outputs = {}
    response = client.get(reverse("guidebook_exports:pdf", kwargs={"slug": slug}))
    assert response.status_code == 200
    outputs["public PDF"] = pdf_text(body(response))
    response = client.get(reverse("guidebook_exports:hsds", kwargs={"slug": slug}))
    outputs["HSDS download"] = response.content.decode()
    for organization in (world.counselling, world.organization):
        response = client.get(
            reverse(
                "guidebook_exports:organization_vcard",
                kwargs={"slug": slug, "organization": organization.pk},
            )
        )
        outputs[f"vCard {organization.name}"] = response.content.decode()
    outputs["municipality page"] = client.get(f"/de/m/{slug}/").content.decode()
    api_urls = [
        f"/api/v1/municipalities/{slug}/guidebook",
        f"/api/v1/municipalities/{slug}/guidebook/hsds",
        f"/api/v1/municipalities/{slug}/guidebook/organizations/{world.counselling.pk}",
        f"/api/v1/municipalities/{slug}/guidebook/organizations/{world.organization.pk}",
    ]
    for persona in ("anonymous", "outsider", "foreign_state"):
        headers = {}
        if persona != "anonymous":
            headers["HTTP_AUTHORIZATION"] = f"Bearer {api_token(world.users[persona])}"
        for url in api_urls:
            response = client.get(url, **headers)
            assert response.status_code == 200, url
            outputs[f"API {url} as {persona}"] = response.content.decode()
    return outputs


def test_no_non_public_marker_in_any_public_output(client, golden):
    outputs = _public_outputs(client, golden)
    # The outputs are real: they carry the published guidebook.
    assert "Fachberatungsstelle Arbeit und Würde" in flat(outputs["public PDF"])
    assert "Fachberatungsstelle Arbeit und W" in outputs["HSDS download"]
    for label, text in outputs.items():
        _assert_clean(label, text)
    # The draft organisation is reachable by nobody through the public API.
    draft_id = golden.musterstadt.organizations.get(name=DRAFT_NAME).pk
    response = client.get(f"/api/v1/municipalities/musterstadt/guidebook/organizations/{draft_id}")
    assert response.status_code == 404


def test_internal_outputs_show_consented_people_and_never_withdrawn_ones(client_as, golden):
    client = client_as("member")
    response = client.get(reverse("guidebook_exports:pdf_internal", kwargs={"slug": "musterstadt"}))
    internal_pdf = flat(pdf_text(body(response)))
    assert CONSENTED in internal_pdf
    assert "Zznotemarker" in internal_pdf
    _assert_clean("internal PDF", internal_pdf, NEVER_ANYWHERE)

    token = api_token(golden.users["member"])
    api = client.get(
        "/api/v1/municipalities/musterstadt/guidebook", HTTP_AUTHORIZATION=f"Bearer {token}"
    ).content.decode()
    assert CONSENTED in api and "Zznotemarker" in api
    _assert_clean("internal API", api, NEVER_ANYWHERE)

    # A withdrawn person has no vCard either, even for a member.
    def vcard_url(name):
        person = ContactPerson.objects.get(name=name)
        kwargs = {"slug": "musterstadt", "organization": golden.counselling.pk, "person": person.pk}
        return reverse("guidebook_exports:person_vcard", kwargs=kwargs)

    assert client.get(vcard_url(WITHDRAWN)).status_code == 404
    assert CONSENTED in client.get(vcard_url(CONSENTED)).content.decode()


def test_hsds_document_never_contains_informal_fields(client, golden):
    document = json.loads(
        client.get(reverse("guidebook_exports:hsds", kwargs={"slug": "musterstadt"})).content
    )
    for organization in document["organizations"]:
        assert "contacts" not in organization
        assert "internal_notes" not in json.dumps(organization)
        assert "contact_persons" not in json.dumps(organization)
