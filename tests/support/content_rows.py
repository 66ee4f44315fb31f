"""The initial content for tests, loaded by `load_initial_data` once per run
and then written back from memory.

`load_initial_data` takes 6 to 8 s (it reads the TOML files in eleven languages,
checks every record and keeps history); the suite asks for the content in
hundreds of tests, and transactional tests empty the database after each one.
The rows it wrote are kept after the first load and inserted again, exactly as
they were (raw: no `auto_now`, no signals), in one transaction, whenever the
database is in the very state the first load started from (every table's keys
the same: the migrated, empty database each non-transactional test starts
from). Otherwise, as after a transactional test's flush (content types come
back under new keys), `load_initial_data` runs again.
"""

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

_start: dict | None = None  # table -> primary keys, before the first load
_rows: dict = {}  # model -> the instances the first load added


def _models():
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def _keys():
    return {
        model: frozenset(model._base_manager.values_list("pk", flat=True)) for model in _models()
    }


def _values(only=None):
    """Every row's values, by model and key (of the rows in `only`, if given)."""
    found = {}
    for model in _models():
        rows = model._base_manager.values()
        if only is not None:
            rows = rows.filter(pk__in=list(only[model]))
        found[model] = {row[model._meta.pk.attname]: row for row in rows}
    return found


def load():
    """The initial content in the test database, as `load_initial_data` leaves it."""
    global _start
    state = _keys()
    if _start is None or state != _start:
        first = _start is None
        existing = _values() if first else None
        call_command("load_initial_data", verbosity=0)
        # Kept only if the load added rows and changed none it found.
        if first and _values(only=existing) == existing:
            _start = state
            for model in _models():
                added = [
                    obj for obj in model._base_manager.order_by("pk") if obj.pk not in state[model]
                ]
                if added:
                    _rows[model] = added
        elif first:
            _start = {}  # never matches: every test loads afresh
        return
    with transaction.atomic():
        for model, objects in _rows.items():
            fields = list(model._meta.concrete_fields)
            size = connection.ops.bulk_batch_size(fields, objects) or len(objects)
            for start in range(0, len(objects), size):
                model._base_manager._insert(
                    objects[start : start + size], fields=fields, raw=True, using=connection.alias
                )
    # Later inserts get fresh keys, as after a real load.
    statements = connection.ops.sequence_reset_sql(no_style(), list(_rows))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
