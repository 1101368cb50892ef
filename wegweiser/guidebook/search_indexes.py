"""The database objects behind guidebook/search.py's one interface (created by migration 0003):
on PostgreSQL the German tsvector columns, the GIN indexes (full text and trigrams) and the word
list for typos; on SQLite the FTS5 table with the trigram tokenizer and its triggers."""

from __future__ import annotations

from .search import FTS_TABLE, WORDS_VIEW, _fts_checked

POSTGRES_INDEXES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE guidebook_organization ADD COLUMN IF NOT EXISTS search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('german', search_text)) STORED",
    "ALTER TABLE guidebook_organization ADD COLUMN IF NOT EXISTS internal_search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('german', internal_search_text)) STORED",
    "CREATE INDEX IF NOT EXISTS guidebook_org_search_fts ON guidebook_organization "
    "USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS guidebook_org_internal_search_fts ON guidebook_organization "
    "USING gin (internal_search_vector)",
    "CREATE INDEX IF NOT EXISTS guidebook_org_search_trgm ON guidebook_organization "
    "USING gin (search_text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS guidebook_org_internal_search_trgm ON guidebook_organization "
    "USING gin (internal_search_text gin_trgm_ops)",
    f"CREATE MATERIALIZED VIEW IF NOT EXISTS {WORDS_VIEW} AS SELECT word FROM ts_stat("  # noqa: S608
    "$$SELECT to_tsvector('simple', internal_search_text) FROM guidebook_organization$$)",
    f"CREATE INDEX IF NOT EXISTS {WORDS_VIEW}_trgm ON {WORDS_VIEW} USING gin (word gin_trgm_ops)",
]
# A migration that makes Django rebuild the organisation table on SQLite (e.g. a new column with
# a default) drops these triggers: it takes the index down before and builds it again after
# (see migration guidebook 0007).
SQLITE_INDEXES = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "org_id UNINDEXED, search_text, internal_search_text, tokenize = 'trigram')",
    f"INSERT INTO {FTS_TABLE} (org_id, search_text, internal_search_text) "  # noqa: S608 -- constant names; values are parameters
    "SELECT id, search_text, internal_search_text FROM guidebook_organization",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert AFTER INSERT ON guidebook_organization "  # noqa: S608 -- constant names; values are parameters
    f"BEGIN INSERT INTO {FTS_TABLE} (org_id, search_text, internal_search_text) "
    "VALUES (new.id, new.search_text, new.internal_search_text); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_update AFTER UPDATE OF search_text, "  # noqa: S608 -- constant names; values are parameters
    f"internal_search_text ON guidebook_organization BEGIN DELETE FROM {FTS_TABLE} "
    f"WHERE org_id = old.id; INSERT INTO {FTS_TABLE} (org_id, search_text, internal_search_text) "
    "VALUES (new.id, new.search_text, new.internal_search_text); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete AFTER DELETE ON guidebook_organization "  # noqa: S608 -- constant names; values are parameters
    f"BEGIN DELETE FROM {FTS_TABLE} WHERE org_id = old.id; END",
]
POSTGRES_DROP = [
    f"DROP MATERIALIZED VIEW IF EXISTS {WORDS_VIEW}",
    "DROP INDEX IF EXISTS guidebook_org_search_trgm",
    "DROP INDEX IF EXISTS guidebook_org_internal_search_trgm",
    "ALTER TABLE guidebook_organization DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE guidebook_organization DROP COLUMN IF EXISTS internal_search_vector",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_update",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_delete",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


def create_indexes(schema_editor, *, vendors=("postgresql", "sqlite")) -> None:
    """Create the search's database objects (only on the given database vendors)."""
    _run(schema_editor, {"postgresql": POSTGRES_INDEXES, "sqlite": SQLITE_INDEXES}, vendors)


def drop_indexes(schema_editor, *, vendors=("postgresql", "sqlite")) -> None:
    """Drop the search's database objects (only on the given database vendors)."""
    _run(schema_editor, {"postgresql": POSTGRES_DROP, "sqlite": SQLITE_DROP}, vendors)


def _run(schema_editor, statements: dict[str, list[str]], vendors) -> None:
    vendor = schema_editor.connection.vendor
    if vendor in vendors:
        for statement in statements.get(vendor, []):
            schema_editor.execute(statement)
    _fts_checked.clear()
