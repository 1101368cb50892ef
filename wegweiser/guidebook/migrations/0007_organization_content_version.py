"""Organization.content_version, which the guidebook's fingerprint reads (issue 16).

On SQLite, adding a column with a default makes Django rebuild the organisation table, which
drops the FTS5 triggers of the search (0003): the search index is taken down before and built
again from the rows afterwards. PostgreSQL adds the column in place and keeps its indexes.
"""

from django.db import migrations, models


def _rebuild_on_sqlite(create: bool):
    def run(apps, schema_editor):
        from wegweiser.guidebook.search_indexes import create_indexes, drop_indexes

        (create_indexes if create else drop_indexes)(schema_editor, vendors=("sqlite",))

    return run


class Migration(migrations.Migration):
    dependencies = [("guidebook", "0006_pending_changes")]

    operations = [
        migrations.RunPython(_rebuild_on_sqlite(False), _rebuild_on_sqlite(True)),
        migrations.AddField(
            model_name="organization",
            name="content_version",
            field=models.PositiveIntegerField(
                default=0, editable=False, verbose_name="content version"
            ),
        ),
        migrations.RunPython(_rebuild_on_sqlite(True), _rebuild_on_sqlite(False)),
    ]
