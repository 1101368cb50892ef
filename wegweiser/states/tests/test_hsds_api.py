"""HSDS 3.0 API: meta, lists with the page wrapper, single records, AND filters, schema-valid,
public data only."""

import pytest
from django.db.models import Q
from django.urls import reverse

from wegweiser.guidebook.exports.hsds import derived_id
from wegweiser.guidebook.exports.hsds_schema import validators
from wegweiser.guidebook.models import ActorType, InternalNote, Organization

RP = {"state": "rheinland-pfalz"}
MS = {**RP, "municipality": "musterstadt"}
PAGE_KEYS = {
    "total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty",
    "contents",
}  # fmt: skip


def get(client, name, query="", **kwargs):
    response = client.get(reverse(f"api:{name}", kwargs=kwargs) + query)
    assert response.status_code == 200, response.content
    return response.json()


def errors(kind, instance):
    return [e.message for e in validators()[kind].iter_errors(instance)]


def test_meta_names_version_profile_and_openapi(client, world):
    data = get(client, "hsds_meta", **RP)
    assert data["version"] == "3.0" and data["profile"] and data["openapi_url"].startswith("https")
    assert get(client, "hsds_m_meta", **MS) == data


def test_lists_are_paged_and_schema_valid(client, world):
    organizations = get(client, "hsds_organizations", "?per_page=2", **RP)
    assert set(organizations) == PAGE_KEYS
    assert organizations["size"] == 2 and organizations["first_page"]
    assert (
        organizations["total_items"]
        == Organization.objects.published()
        # Municipal entries of the state and its state-wide actors (the demo has two).
        .filter(Q(municipalities__state__slug="rheinland-pfalz") | Q(state__slug="rheinland-pfalz"))
        .distinct()
        .count()
    )
    seen = set()
    for page in range(1, organizations["total_pages"] + 1):
        data = get(client, "hsds_organizations", f"?per_page=2&page={page}", **RP)
        assert data["page_number"] == page and data["last_page"] == (page == data["total_pages"])
        for record in data["contents"]:
            assert not errors("organization", record), record["name"]
            seen.add(record["id"])
    assert len(seen) == organizations["total_items"]
    services = get(client, "hsds_services", **RP)
    assert services["contents"]
    for record in services["contents"]:
        assert not errors("service", record), record["name"]


def test_single_organization_and_service(client, world):
    organization = world.organization
    data = get(client, "hsds_organization", id=organization.pk, **RP)
    assert data["id"] == str(organization.pk) and not errors("organization", data)
    service_id = derived_id("service", str(organization.pk))
    service = get(client, "hsds_m_service", id=service_id, **MS)
    assert service["id"] == service_id and not errors("service", service)
    missing = client.get(reverse("api:hsds_service", kwargs={**RP, "id": derived_id("x")}))
    assert missing.status_code == 404


def test_filters_combine_with_and(client, world):
    jobcentre = ActorType.objects.get(key="jobcenter")
    by_type = get(client, "hsds_organizations", "?actor_type=jobcenter&per_page=100", **RP)
    expected = Organization.objects.published().filter(
        actor_type=jobcentre, municipalities__state__slug="rheinland-pfalz"
    )
    assert by_type["total_items"] == expected.distinct().count() >= 1
    both = get(client, "hsds_organizations", "?actor_type=jobcenter&language=zz", **RP)
    assert both["total_items"] == 0 and both["empty"]
    language = world.organization.languages[0] if world.organization.languages else "de"
    combined = get(
        client, "hsds_m_organizations", f"?actor_type=jobcenter&language={language}", **MS
    )
    assert all(r["wegweiser"]["actor_type"] == "jobcenter" for r in combined["contents"])
    by_need = get(client, "hsds_services", "?need=wages_unpaid&per_page=100", **RP)
    for service in by_need["contents"]:
        assert any(a["value"] == "wages_unpaid" for a in service["attributes"])


def test_other_municipality_filters_out(client, world):
    data = get(client, "hsds_organizations", "?municipality=beispielstadt", **RP)
    ids = {record["id"] for record in data["contents"]}
    assert str(world.organization.pk) not in ids


def test_public_data_only_and_confidential_addresses_never(client, world):
    shelter = world.organization
    shelter.confidential_address = True
    shelter.save()
    InternalNote.objects.update_or_create(
        organization=shelter, municipality=world.musterstadt, defaults={"text": "INTERN-NOTIZ"}
    )
    text = client.get(
        reverse("api:hsds_organizations", kwargs=RP) + "?per_page=100"
    ).content.decode()
    assert "INTERN-NOTIZ" not in text
    data = get(client, "hsds_organization", id=shelter.pk, **RP)
    assert data["locations"] == []
    for location in shelter.locations.all():
        if location.street:
            assert location.street not in text
    drafts = Organization.objects.exclude(status="published")
    assert all(str(o.pk) not in text for o in drafts)


@pytest.mark.parametrize("query", ["?page=0", "?per_page=1000"])
def test_bad_paging_is_404(client, world, query):
    assert client.get(reverse("api:hsds_organizations", kwargs=RP) + query).status_code == 404


def test_unknown_state_or_municipality_is_404(client, db):
    assert client.get(reverse("api:hsds_meta", kwargs={"state": "atlantis"})).status_code == 404
    url = reverse("api:hsds_m_meta", kwargs={"state": "hessen", "municipality": "musterstadt"})
    assert client.get(url).status_code == 404
