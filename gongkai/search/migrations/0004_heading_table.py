from django.db import migrations


def create_tables(apps, schema_editor):
    from gongkai.search.backends import create_tables

    # Creates what is missing: the heading table on SQLite.
    create_tables(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0003_entry_row_id_and_match_indexes")]

    operations = [migrations.RunPython(create_tables, migrations.RunPython.noop)]
