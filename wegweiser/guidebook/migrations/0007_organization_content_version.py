"""Organization.content_version, which the guidebook's fingerprint reads (issue 16).

On SQLite, adding a column with a default makes Django rebuild the organisation table, which
drops the FTS5 triggers of the search (0003): the search index is taken down before and built
again from the rows afterwards. PostgreSQL adds the column in place and keeps its indexes.
"""

from django.db import migrations, models


def _sqlite(statements_name: str):
    def run(apps, schema_editor):
        from wegweiser.guidebook import search, search_indexes

        if schema_editor.connection.vendor == "sqlite":
            for statement in getattr(search_indexes, statements_name):
                schema_editor.execute(statement)
            search._fts_checked.clear()

    return run


class Migration(migrations.Migration):
    dependencies = [("guidebook", "0006_pending_changes")]

    operations = [
        migrations.RunPython(_sqlite("SQLITE_DROP"), _sqlite("SQLITE_INDEXES")),
        migrations.AddField(
            model_name="organization",
            name="content_version",
            field=models.PositiveIntegerField(
                default=0, editable=False, verbose_name="content version"
            ),
        ),
        migrations.RunPython(_sqlite("SQLITE_INDEXES"), _sqlite("SQLITE_DROP")),
    ]
