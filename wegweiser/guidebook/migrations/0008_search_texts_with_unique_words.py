"""Stored search texts keep each word once (guidebook/search.py index_text, issue 16).

The texts stored before are rewritten: on PostgreSQL in one statement (the generated tsvectors
follow), elsewhere row by row (on SQLite the FTS5 triggers follow).
"""

from django.db import migrations

FIELDS = ("search_text", "internal_search_text")


def _unique_words_sql(column: str) -> str:
    return (
        "coalesce(' ' || (SELECT string_agg(word, ' ' ORDER BY position) FROM ("  # noqa: S608
        "SELECT word, min(position) AS position FROM unnest(string_to_array("
        f"{column}, ' ')) WITH ORDINALITY AS t(word, position) WHERE word <> '' "
        "GROUP BY word) AS words) || ' ', ' ')"
    )


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        assignments = ", ".join(f"{field} = {_unique_words_sql(field)}" for field in FIELDS)
        schema_editor.execute(f"UPDATE guidebook_organization SET {assignments}")  # noqa: S608
        return
    from wegweiser.guidebook.search import unique_words

    Organization = apps.get_model("guidebook", "Organization")
    batch = []
    for organization in Organization.objects.only("pk", *FIELDS).iterator(chunk_size=500):
        for field in FIELDS:
            setattr(organization, field, unique_words(getattr(organization, field)))
        batch.append(organization)
        if len(batch) >= 500:
            Organization.objects.bulk_update(batch, FIELDS)
            batch = []
    Organization.objects.bulk_update(batch, FIELDS)


class Migration(migrations.Migration):
    dependencies = [("guidebook", "0007_organization_content_version")]

    # Backwards: nothing to undo (texts with each word once find the same organisations).
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
