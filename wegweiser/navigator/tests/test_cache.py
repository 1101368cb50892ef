"""Navigator results are cached per municipality, needs, options, language and guidebook state."""

from unittest import mock

import pytest

from wegweiser.navigator import cache as navigator_cache

pytestmark = pytest.mark.django_db

PRO = "/de/m/musterstadt/navigator/"
API = "/api/v1/municipalities/musterstadt/navigator"
NEEDS = {"needs": "wages_unpaid,documents_withheld"}


@pytest.fixture
def computations():
    with mock.patch.object(
        navigator_cache, "recommend", wraps=navigator_cache.recommend
    ) as counted:
        yield counted


def test_the_same_question_is_computed_once(client, world, computations):
    first = client.get(PRO, NEEDS)
    second = client.get(PRO, NEEDS)
    assert first.status_code == second.status_code == 200
    assert computations.call_count == 1
    assert first.content == second.content


def test_a_cached_answer_costs_fewer_queries(client, world, django_assert_max_num_queries):
    client.get(PRO, NEEDS)
    with django_assert_max_num_queries(8):
        assert client.get(PRO, NEEDS).status_code == 200


def test_other_needs_language_or_municipality_are_computed_again(client, world, computations):
    client.get(PRO, NEEDS)
    client.get(PRO, {"needs": "wages_unpaid"})
    client.get("/en/m/musterstadt/navigator/", NEEDS)
    client.get("/de/m/beispielstadt/navigator/", NEEDS)
    assert computations.call_count == 4


def test_a_change_to_the_guidebook_is_shown_at_once(client, world):
    from django.db import transaction

    client.get(PRO, NEEDS)
    organization = world.counselling
    organization.name = "Fachberatung Arbeit und Würde (neuer Name)"
    organization.save()
    # The guidebook forgets its fingerprint after the commit; tests run in one transaction.
    for callback in transaction.get_connection().run_on_commit:
        callback[1]()
    assert "(neuer Name)" in client.get(PRO, NEEDS).content.decode()


def test_contact_persons_seen_by_a_member_never_reach_the_public(client_as, client, world):
    member = client_as("member")
    shown = member.get(PRO, NEEDS).content.decode()
    assert "Ana Popescu" in shown
    member.logout()
    assert "Ana Popescu" not in client.get(PRO, NEEDS).content.decode()
    public_api = client.get(API, NEEDS).json()
    assert all(rec["contact_persons"] is None for rec in public_api["recommendations"])


def test_a_member_of_another_municipality_gets_no_contacts_from_the_cache(client_as, world):
    client_as("member").get(PRO, NEEDS)
    outsider = client_as("outsider")
    assert "Ana Popescu" not in outsider.get(PRO, NEEDS).content.decode()


def test_the_key_holds_every_option(world):
    needs = []
    plain = navigator_cache.result_key(world.musterstadt, needs, {"language": "de"})
    assert plain != navigator_cache.result_key(world.musterstadt, needs, {"language": "ro"})
    assert plain != navigator_cache.result_key(
        world.musterstadt, needs, {"language": "de", "status": "unclear"}
    )
    with pytest.raises(TypeError):
        navigator_cache.cached_recommend(world.musterstadt, needs)


def test_a_cached_result_carries_no_prefetched_mandate(world):
    """The mandate is prefetched into lists only to compute the statements (issue 16): the
    cached (pickled) result must not drag the items, links and translations along."""
    from wegweiser.guidebook.selectors import ITEMS_ATTR
    from wegweiser.navigator.services import needs_for_keys, recommend

    result = recommend(world.musterstadt, needs_for_keys(["wages_unpaid"]), language="en")
    assert result.recommendations
    for recommendation in result.recommendations:
        organization = recommendation.organization
        assert not hasattr(organization, ITEMS_ATTR)
        assert not organization._prefetched_objects_cache
        assert recommendation.why  # the statements were computed before


def test_statement_labels_follow_the_interface_language(world):
    """The kind and role labels are cached per interface language, never across languages."""
    from django.utils import translation

    from wegweiser.navigator.services import needs_for_keys, recommend

    needs = needs_for_keys(["wages_unpaid"])
    with translation.override("en"):
        english = recommend(world.musterstadt, needs, language="en").recommendations[0].why[0]
    with translation.override("de"):
        german = recommend(world.musterstadt, needs, language="de").recommendations[0].why[0]
    assert english.role == german.role and english.kind == german.kind
    assert english.role_label != german.role_label
    assert english.kind_label != german.kind_label
