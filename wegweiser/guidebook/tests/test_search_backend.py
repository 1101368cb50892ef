"""The one search interface (guidebook/search.py filter_by_terms) on each database (issue 16)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wegweiser.guidebook.models import Organization
from wegweiser.guidebook.search import filter_by_terms, query_terms, refresh_vocabulary


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
