"""Cross-municipality search for network members of a state."""

from django.urls import reverse

from wegweiser.guidebook.models import ActorType, InternalNote, Organization
from wegweiser.states import selectors

RP = {"state": "rheinland-pfalz"}


def test_language_and_need_combine_across_municipalities(client_as, world):
    counselling = ActorType.objects.get(key="counselling_service")
    state_wide = Organization.objects.create(
        name="Landesweite Beratung Arbeit und Migration",
        actor_type=counselling,
        state=world.musterstadt.state,
        status="published",
        languages=["bg", "de"],
    )
    found = selectors.organizations_in_state(world.musterstadt.state, language="bg")
    assert state_wide in found
    assert all("bg" in (o.languages or []) for o in found)
    none = selectors.organizations_in_state(world.musterstadt.state, language="bg", need="nope")
    assert not none.exists()
    response = client_as("member").get(
        reverse("states:search", kwargs=RP) + "?language=bg&actor_type=counselling_service"
    )
    text = response.content.decode()
    assert response.status_code == 200 and "Landesweite Beratung Arbeit und Migration" in text


def test_search_finds_entries_of_another_municipality(client_as, world):
    other = Organization.objects.published().filter(municipalities=world.beispielstadt).first()
    assert other is not None
    response = client_as("member").get(
        reverse("states:search", kwargs=RP) + f"?actor_type={other.actor_type.key}"
    )
    assert other.name in response.content.decode()


def test_search_shows_no_internal_notes_and_refuses_other_states(client_as, world):
    organization = world.organization
    InternalNote.objects.update_or_create(
        organization=organization, municipality=world.musterstadt, defaults={"text": "INTERN-SUCHE"}
    )
    text = client_as("member").get(reverse("states:search", kwargs=RP) + "?q=").content.decode()
    assert "INTERN-SUCHE" not in text
    hessen = reverse("states:search", kwargs={"state": "hessen"})
    assert client_as("member").get(hessen).status_code == 404


def test_search_words_find_entries_in_every_municipality_of_the_state(client_as, world):
    """Issue 16: the words go through the guidebook's one search interface (substrings, and on
    PostgreSQL stems and typos, whole words first); other filters still apply."""
    url = reverse("states:search", kwargs=RP)
    text = client_as("member").get(url + "?q=jobcenter").content.decode()
    assert "Jobcenter Musterstadt" in text and "Jobcenter Beispielstadt" in text
    narrowed = client_as("member").get(url + "?q=jobcenter&actor_type=police").content.decode()
    assert "Jobcenter Musterstadt" not in narrowed
