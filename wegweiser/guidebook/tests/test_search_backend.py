"""The one search interface (guidebook/search.py filter_by_terms) on each database (issue 16)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wegweiser.guidebook.models import Organization
from wegweiser.guidebook.search import (
    FTS_TABLE,
    filter_by_terms,
    query_terms,
    refresh_vocabulary,
)


def _names(query: str, internal: bool = False) -> set[str]:
    queryset = filter_by_terms(Organization.objects.all(), query_terms(query), internal=internal)
    return set(queryset.values_list("name", flat=True))


def test_substrings_and_every_term(world):
    assert "Jobcenter Musterstadt" in _names("jobcent")
    assert "Jobcenter Musterstadt" in _names("Jobcenter Musterstadt")
    assert not _names("Jobcenter Quantenchromodynamik")


def test_the_index_follows_every_change(world):
    world.organization.name = "Jobcenter Zwischenablage"
    world.organization.save()
    assert "Jobcenter Zwischenablage" in _names("zwischenablage")
    world.organization.delete()
    assert not _names("zwischenablage")


def test_internal_text_only_with_internal(world):
    assert "Fachberatungsstelle Arbeit und Würde" in _names("Popescu", internal=True)
    assert "Fachberatungsstelle Arbeit und Würde" not in _names("Popescu")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite: FTS5 triggers")
def test_the_fts5_triggers_survive_the_migrations(db):
    """A migration that rebuilds the organisation table on SQLite drops its triggers (0007 puts
    them back); without them, no organisation saved afterwards could be found."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
            ["guidebook_organization"],
        )
        triggers = {row[0] for row in cursor.fetchall()}
    assert {f"{FTS_TABLE}_insert", f"{FTS_TABLE}_update", f"{FTS_TABLE}_delete"} <= triggers


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite: FTS5 table")
def test_sqlite_uses_the_fts5_table(world):
    with CaptureQueriesContext(connection) as captured:
        _names("jobcenter")
    assert any("guidebook_organization_fts" in query["sql"] for query in captured)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL: stems and typos")
def test_postgres_finds_stems_and_typos(world):
    refresh_vocabulary()
    assert "Jobcenter Musterstadt" in _names("Jobcentr")  # a typo
    assert "Jobcenter Musterstadt" in _names("jobcentern")  # another form of the word


def _first(query: str, limit: int = 50) -> list[str]:
    from wegweiser.guidebook.search import first_matches
    from wegweiser.guidebook.selectors import ordered

    queryset = ordered(Organization.objects.all())
    ids = first_matches(queryset, query_terms(query), limit=limit)
    names = dict(Organization.objects.filter(pk__in=ids).values_list("pk", "name"))
    return [names[pk] for pk in ids]


def test_first_matches_keeps_the_order_and_the_limit(world):
    everything = _first("musterstadt", limit=1000)
    assert "Jobcenter Musterstadt" in everything
    assert len(set(everything)) == len(everything)  # no organisation twice
    first_three = _first("musterstadt", limit=3)
    assert len(first_three) == 3
    if connection.vendor != "postgresql":  # PostgreSQL puts whole words first (next test)
        assert first_three == everything[:3]
    assert _first("Quantenchromodynamik") == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL: words before parts")
def test_first_matches_takes_whole_words_first(world):
    """Issue 16: across a state a common term matched tens of thousands of texts, read one by
    one; whole words come from the tsvector index, parts of words only when those are few."""
    from wegweiser.guidebook.models import ActorType

    refresh_vocabulary()
    kind = ActorType.objects.get(key="counselling_service")
    part = Organization.objects.create(
        name="Aaa Zollwesenfreunde", actor_type=kind, status="published"
    )
    word = Organization.objects.create(name="Zzz Zoll Verein", actor_type=kind, status="published")
    found = _first("zoll", limit=1000)
    assert found.index(word.name) < found.index(part.name)  # "Aaa" would sort first
    assert "Jobcenter Musterstadt" in _first("Jobcentr")  # typos as words too
    assert part.name in _first("zollwesen")  # parts of words when no whole word matches


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL: typo corrections")
def test_typo_corrections_only_for_unknown_words(world):
    """A known word is not widened to its neighbours: at state scale "unterkunft" also looked
    for "notunterkunft" and the wider query made PostgreSQL read every text (370 → 91 ms)."""
    from wegweiser.guidebook.search import typo_corrections

    refresh_vocabulary()
    assert "jobcenter" in typo_corrections("jobcentr")
    assert typo_corrections("jobcenter") == []


def test_the_migration_keeps_each_stored_word_once(world):
    """Migration 0008 rewrites texts stored before index_text kept each word once (one SQL
    statement on PostgreSQL, row by row elsewhere); the organisation is still found."""
    from importlib import import_module

    from django.apps import apps

    from wegweiser.guidebook.search import unique_words

    migration = import_module("wegweiser.guidebook.migrations.0008_search_texts_with_unique_words")

    class Editor:
        connection = connection

        def execute(self, sql, params=()):
            with connection.cursor() as cursor:
                cursor.execute(sql, params)

    stored = world.organization.search_text
    doubled = stored + stored.strip() + " jobcenter jobcenter "
    Organization.objects.filter(pk=world.organization.pk).update(
        search_text=doubled, internal_search_text=doubled
    )
    migration.forwards(apps, Editor())
    world.organization.refresh_from_db()
    assert world.organization.search_text == unique_words(doubled) == stored
    assert world.organization.internal_search_text == stored
    assert "Jobcenter Musterstadt" in _names("jobcenter")
