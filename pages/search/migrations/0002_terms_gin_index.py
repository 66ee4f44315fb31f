"""On PostgreSQL, a GIN index over the terms of each row.

The terms are already normalised in Python (pages/search/text.py), so the
tsvector is built from them as they are (array_to_tsvector: no parser, no
dictionary, the same for every language) and a query's terms are matched
with `@@` (pages/search/index.py, PG_MATCH). SQLite has no such index and
needs none for a site of this size.
"""

from django.db import migrations

INDEX = "search_entry_terms_gin"
CREATE = (
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_entry "
    "USING gin (array_to_tsvector(string_to_array(btrim(terms), ' ')))"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
