from django.db import migrations


def create_tables(apps, schema_editor):
    from gongkai.search.backends import create_tables

    create_tables(schema_editor)


def drop_tables(apps, schema_editor):
    from gongkai.search.backends import drop_tables

    drop_tables(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_initial")]

    operations = [migrations.RunPython(create_tables, drop_tables)]
