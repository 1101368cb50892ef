"""The navigator API: /api/v1/needs and /api/v1/municipalities/{slug}/navigator."""

from __future__ import annotations

import pytest

URL = "/api/v1/municipalities/musterstadt/navigator"


def test_needs_are_listed_with_stable_keys_and_translated_labels(client, world):
    response = client.get("/api/v1/needs", {"lang": "ro"})
    assert response.status_code == 200
    needs = response.json()
    keys = [need["key"] for need in needs]
    assert keys[:3] == ["wages_unpaid", "excessive_hours", "documents_withheld"]
    wages = needs[0]
    assert wages["plain"].startswith("Nu am fost plătit")
    assert wages["label"] == "Lohn nicht gezahlt oder unter dem Mindestlohn"  # German fallback
    english = client.get("/api/v1/needs", {"lang": "en"}).json()[0]
    assert english["label"] == "Wages unpaid or below the minimum wage"
    assert {need["key"]: need["acute"] for need in needs}["threats_violence"] is True


def test_navigator_returns_ordered_recommendations(client, world):
    response = client.get(URL, {"needs": "wages_unpaid,documents_withheld", "lang": "en"})
    assert response.status_code == 200
    body = response.json()
    assert body["needs"][0]["key"] == "wages_unpaid"
    recs = body["recommendations"]
    assert [r["position"] for r in recs] == list(range(1, len(recs) + 1))
    assert recs[0]["counselling"] is True
    assert recs[-1]["consent_required"] is True
    first = recs[0]
    assert first["why"] and first["why"][0]["role"] in {"acts", "advises"}
    assert first["guidebook_url"] == f"/en/m/musterstadt/guidebook/{first['organization_id']}/"
    assert first["contact_persons"] is None  # anonymous
    assert body["residence_status"] == "unknown"
    assert "residence_safety" in [n["key"] for n in body["notices"]]
    notice = next(n for n in body["notices"] if n["key"] == "residence_safety")
    assert "§ 87" in notice["text"] and notice["source"] and notice["as_of"]
    immigration = next(r for r in recs if r["actor_type"] == "immigration_authority")
    assert immigration["consent_required"] and immigration["reporting_duty_warnings"]


def test_navigator_status_parameter(client, world):
    secure = client.get(URL, {"needs": "excessive_hours", "status": "secure", "lang": "en"}).json()
    assert secure["residence_status"] == "secure"
    assert secure["recommendations"][0]["actor_type"] == "labour_inspection"
    assert "residence_safety" not in [n["key"] for n in secure["notices"]]
    unknown = client.get(URL, {"needs": "excessive_hours", "lang": "en"}).json()
    assert unknown["recommendations"][0]["actor_type"] == "counselling_service"
    unclear = client.get(URL, {"needs": "excessive_hours", "status": "unclear"}).json()
    assert [r["actor_type"] for r in unclear["recommendations"]] == [
        r["actor_type"] for r in unknown["recommendations"]
    ]


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("?needs=unknown_need", "unknown_need"),
        ("?needs=wages_unpaid,nope", "nope"),
        ("?needs=", "at least one"),
        ("", "at least one"),
        ("?needs=%3Cb%3E", "Malformed"),
        ("?needs=wages_unpaid&lang=xx", "Unknown language"),
        ("?needs=wages_unpaid&status=illegal", "Unknown residence status"),
    ],
)
def test_bad_queries_answer_400_with_a_message(client, world, query, fragment):
    response = client.get(URL + query, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert fragment in response.json()["detail"]


def test_unknown_municipality_is_404(client, world):
    response = client.get("/api/v1/municipalities/nowhere/navigator?needs=debts")
    assert response.status_code == 404


@pytest.mark.parametrize(("persona", "sees"), [("member", True), ("outsider", False)])
def test_contact_persons_with_a_bearer_token(client, world, persona, sees):
    from wegweiser.accounts.models import ApiToken

    _token, raw = ApiToken.issue(world.users[persona], "test")
    response = client.get(URL + "?needs=wages_unpaid", HTTP_AUTHORIZATION=f"Bearer {raw}")
    recs = response.json()["recommendations"]
    names = [p["name"] for r in recs for p in (r["contact_persons"] or [])]
    assert ("Ana Popescu" in names) is sees
    assert all((r["contact_persons"] is not None) is sees for r in recs)


def test_openapi_documents_the_navigator(client, world):
    schema = client.get("/api/v1/openapi.json").json()
    path = schema["paths"]["/api/v1/municipalities/{slug}/navigator"]["get"]
    assert "400" in path["responses"]
    names = {p["name"] for p in path["parameters"]}
    assert {"slug", "needs"} <= names
    assert "RecommendationOut" in schema["components"]["schemas"]
