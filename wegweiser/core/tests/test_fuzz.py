"""Bad input anywhere gets a 4xx answer or is ignored, never a 500 (hypothesis)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

text = st.text(max_size=200)
fuzz = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@fuzz
@given(query=st.dictionaries(text, text, max_size=4))
def test_public_pages_survive_any_query_string(client, world, query):
    for url in ("/de/", "/de/m/musterstadt/", "/en/accessibility/", "/api/v1/municipalities"):
        assert client.get(url, query).status_code < 500


@fuzz
@given(username=text, password=text)
def test_login_form_survives_any_input(client, world, username, password):
    response = client.post("/de/accounts/login/", {"username": username, "password": password})
    assert response.status_code in (200, 302, 400, 429)


@fuzz
@given(slug=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=60))
def test_api_municipality_lookup_survives_any_slug(client, slug):
    from urllib.parse import quote

    response = client.get(f"/api/v1/municipalities/{quote(slug, safe='')}")
    # A NUL character is refused with a clear 400 before any view (RejectNulBytesMiddleware).
    expected = (400,) if "\x00" in slug else (200, 404)
    assert response.status_code in expected
