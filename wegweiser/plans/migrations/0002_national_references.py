from django.db import migrations


def load(apps, schema_editor):
    from wegweiser.plans.references import load as load_references

    load_references(apps)


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_action_plans")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
