"""A NUL character in an API call answers 400 and reaches no route (PostgreSQL refuses it in text);
pages answer it with their own validation message."""

import pytest


@pytest.mark.parametrize(
    "url",
    ["/api/v1/municipalities?x=%00", "/api/v1/municipalities/musterstadt?%00=1"],
)
def test_nul_in_query_string_is_a_bad_request(client, world, url):
    response = client.get(url)
    assert response.status_code == 400


def test_nul_in_a_json_body_is_a_bad_request(client, world):
    response = client.post(
        "/api/v1/worktime/report", data='{"x": "a\\u0000"}', content_type="application/json"
    )
    assert response.status_code == 400 and "NUL" in response.json()["detail"]


def test_ordinary_requests_pass(client, world):
    assert client.get("/de/m/musterstadt/guidebook/search/?q=Zoll").status_code == 200
