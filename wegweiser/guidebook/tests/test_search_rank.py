"""The ranking of guidebook search results: where a term matches decides the order (issue 15),
read from plain rows in a constant number of queries (issue 16), and the mandate as plain
rows for the navigator."""

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


def test_the_mandate_rows_are_read_without_queries(world, entry, django_assert_num_queries):
    """published_with_mandate_rows (the navigator's): items, their links with shared needs and
    their translations into the page's language are plain rows, read without SQL."""
    from wegweiser.guidebook.selectors import (
        mandate_items_of,
        need_links_of,
        published_with_mandate_rows,
        translations_of,
    )

    organizations = published_with_mandate_rows(world.musterstadt, language="ro")
    with django_assert_num_queries(0):
        found = next(o for o in organizations if o.pk == entry.pk)
        (item,) = mandate_items_of(found)
        assert (item.kind, item.text) == ("can", "Wir prüfen Lohnabrechnungen.")
        assert [link.need.key for link in need_links_of(item)] == ["housing_tied_to_job"]
        assert [row.text for row in translations_of(item)] == ["Verificăm fluturașii de salariu."]
        links = [
            link for o in organizations for i in mandate_items_of(o) for link in need_links_of(i)
        ]
        assert len({id(link.need) for link in links}) == len({link.need.key for link in links})
        assert [location.name for location in found.locations.all()] == ["Hinterhaus"]
    german = published_with_mandate_rows(world.musterstadt, language="de")
    found = next(o for o in german if o.pk == entry.pk)
    assert translations_of(mandate_items_of(found)[0]) == []  # German is the item's own text


def test_mandate_rows_keep_the_page_order(world):
    from wegweiser.guidebook.selectors import mandate_items_of, published_with_mandate_rows

    for organization in published_with_mandate_rows(world.musterstadt):
        expected = list(
            organization.mandate_items.order_by("order", "kind", "id").values_list("id", flat=True)
        )
        assert [item.id for item in mandate_items_of(organization)] == expected
