"""Search indexes behind guidebook/search.py's one interface (issue 16): PostgreSQL full text
(German) and trigrams, SQLite FTS5 with the trigram tokenizer and its triggers."""

from django.db import migrations


def forwards(apps, schema_editor):
    from wegweiser.guidebook.search_indexes import create_indexes

    create_indexes(schema_editor)


def backwards(apps, schema_editor):
    from wegweiser.guidebook.search_indexes import drop_indexes

    drop_indexes(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("guidebook", "0002_freshness_search_archive")]

    operations = [migrations.RunPython(forwards, backwards)]
