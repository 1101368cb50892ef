from django.db import migrations

from wegweiser.core.states import STATES


def add_states(apps, schema_editor):
    State = apps.get_model("core", "State")
    for code, name, slug, subdivision in STATES:
        State.objects.update_or_create(
            code=code, defaults={"name": name, "slug": slug, "subdivision": subdivision}
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(add_states, migrations.RunPython.noop)]
