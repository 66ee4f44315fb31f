"""Create the staff groups of shinjuku_mynumber/roles.py with their permissions."""

from django.db import migrations

from shinjuku_mynumber import roles


def create_groups(apps, schema_editor):
    using = schema_editor.connection.alias
    roles.create_all_permissions(apps, using)
    roles.sync_groups(apps, using)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("pages", "0002_publish_permissions"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
