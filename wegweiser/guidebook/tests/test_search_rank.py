"""The ranking of guidebook search results: where a term matches decides the order (issue 15),
read from plain rows in a constant number of queries (issue 16), and the mandate as plain
lists for the navigator."""

from __future__ import annotations

import pytest

from wegweiser.guidebook.models import ActorType, Need
from wegweiser.guidebook.search import query_terms
from wegweiser.guidebook.search_rank import DESCRIPTION, MANDATE, NAME, NEEDS, PLACES, rank

from .factories import (
    LocationFactory,
    MandateItemFactory,
    MandateNeedFactory,
    MandateTranslationFactory,
    OrganizationFactory,
)


@pytest.fixture
def entry(world):
    """An entry whose every searchable place holds a word of its own."""
    # A fixed kind of actor: the factory's random one can be "Schutzunterkunft", whose name
    # would match the need word below in a better place.
    organization = OrganizationFactory(
        actor_type=ActorType.objects.get(key="jobcenter"),
        name="Rangprobe Beratungsstelle",
        description="Beschreibungswort",
        languages=[],
        municipalities=[world.musterstadt],
    )
    item = MandateItemFactory(organization=organization, text="Wir prüfen Lohnabrechnungen.")
    MandateTranslationFactory(item=item, language="ro", text="Verificăm fluturașii de salariu.")
    MandateNeedFactory(item=item, need=Need.objects.get(key="housing_tied_to_job"))
    LocationFactory(organization=organization, name="Hinterhaus", opening_hours="dienstags offen")
    return organization


def _ranked(organization, query: str, *, internal: bool = False):
    (result,) = rank([organization], query_terms(query), internal=internal)
    return result


@pytest.mark.parametrize(
    ("query", "place"),
    [
        ("Rangprobe", NAME),
        ("Beschreibungswort", DESCRIPTION),
        ("Lohnabrechnungen", MANDATE),
        ("fluturasii", MANDATE),  # a translation of the mandate, accents removed
        ("Unterkunft", NEEDS),  # "Unterkunft an die Arbeit gebunden, …", the item's need
        ("Hinterhaus", PLACES),
        ("dienstags", PLACES),
    ],
)
def test_each_place_of_the_entry_counts_with_its_weight(entry, query, place):
    weight, label = place
    result = _ranked(entry, query)
    assert (result.score, result.where) == (weight, [str(label)])


def test_a_confidential_address_is_not_searched(entry):
    entry.confidential_address = True
    assert _ranked(entry, "Hinterhaus").score == 0


def test_the_snippet_shows_the_first_matching_text_of_the_best_place(entry):
    result = _ranked(entry, "Lohnabrechnungen")
    assert "<mark>Lohnabrechnungen.</mark>" in result.snippet


def test_a_name_match_ranks_above_a_mandate_match(world, entry):
    other = OrganizationFactory(name="Lohnabrechnungen-Hilfe", municipalities=[world.musterstadt])
    ranked = rank([entry, other], query_terms("Lohnabrechnungen"), internal=False)
    assert [result.organization for result in ranked] == [other, entry]


def test_ranking_reads_its_texts_in_five_queries_however_many_results(
    world, entry, django_assert_num_queries
):
    many = [entry]
    for number in range(5):
        organization = OrganizationFactory(municipalities=[world.musterstadt])
        item = MandateItemFactory(organization=organization)
        MandateTranslationFactory(item=item)
        MandateNeedFactory(item=item)
        LocationFactory(organization=organization, opening_hours=f"Tag {number}")
    many += list(
        type(entry).objects.filter(name__startswith="Testakteur").select_related("actor_type")
    )
    # Items, translations, need links, needs, locations: plain rows, not model instances per text.
    with django_assert_num_queries(5):
        rank(many, query_terms("beraten"), internal=False)
    with django_assert_num_queries(5):
        rank([entry], query_terms("beraten"), internal=False)


def test_the_mandate_as_lists_is_read_without_queries(world, entry, django_assert_num_queries):
    """published_organizations(as_lists=True) (the navigator's): items, their links with shared
    needs and their translations into the page's language are plain lists, read without SQL."""
    from wegweiser.guidebook.selectors import (
        mandate_items_of,
        need_links_of,
        published_organizations,
        translations_of,
    )

    organizations = list(published_organizations(world.musterstadt, language="ro", as_lists=True))
    with django_assert_num_queries(0):
        found = next(o for o in organizations if o.pk == entry.pk)
        (item,) = mandate_items_of(found)
        assert [link.need.key for link in need_links_of(item)] == ["housing_tied_to_job"]
        assert [row.text for row in translations_of(item)] == ["Verificăm fluturașii de salariu."]
        needs = {
            id(link.need)
            for o in organizations
            for i in mandate_items_of(o)
            for link in need_links_of(i)
        }
        keys = {
            link.need.key
            for o in organizations
            for i in mandate_items_of(o)
            for link in need_links_of(i)
        }
        assert len(needs) == len(keys)  # one instance per need, shared by all links
