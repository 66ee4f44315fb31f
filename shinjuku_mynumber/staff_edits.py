"""Which rows staff have edited or deleted, for the loader (seeding.py).

Two records say so: the whole-page revisions of django-reversion (versioning.py,
written by every staff save) and, for sites that ran release 1.0, the tables
django-simple-history left behind (kept, read here with plain SQL). The
loader's own saves write neither a revision nor, since 1.0, a history row.
"""

from django.db import connection
from django.db.models import Max
from reversion.models import Version

LEGACY_LOADER_REASON = "initial content"
LEGACY_REVIEWED_REASON = "reviewed"


def _legacy_table(model) -> str | None:
    table = f"{model._meta.app_label}_historical{model._meta.model_name}"
    return table if table in connection.introspection.table_names() else None


def _legacy_staff_rows(model, columns: list[str], where: str = "", params=()):
    table = _legacy_table(model)
    if table is None:
        return []
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    sql = (
        f"SELECT {names} FROM {connection.ops.quote_name(table)} WHERE "  # noqa: S608 (names quoted)
        "(history_change_reason IS NULL OR (history_change_reason NOT LIKE %s"
        " AND history_change_reason <> %s))"
    )
    if where:
        sql += f" AND {where}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [f"{LEGACY_LOADER_REASON}%", LEGACY_REVIEWED_REASON, *params])
        return cursor.fetchall()


def deleted_rows(model, columns: list[str]) -> set[tuple]:
    """The `columns` of every row of `model` that staff deleted."""
    rows = set(_legacy_staff_rows(model, columns, "history_type = %s", ["-"]))
    for version in Version.objects.get_deleted(model).filter(revision__pending_change__isnull=True):
        data = version.field_dict
        rows.add(tuple(data.get(c.removesuffix("_id"), data.get(c)) for c in columns))
    return rows


def edited(instance) -> bool:
    """True when staff saved this row (or its page) at least once."""
    if _legacy_staff_rows(type(instance), ["id"], "id = %s", [instance.pk]):
        return True
    return (
        Version.objects.get_for_object(instance)
        .filter(revision__pending_change__isnull=True)
        .exists()
    )


def last_edit(root, legacy_parts=()):
    """When staff last saved the page `root` (any part, any language).

    `legacy_parts`: (model, column, value) triples naming the parts' rows in
    release 1.0's history tables (e.g. (Block, "section_id", section.pk)).
    """
    dates = [
        Version.objects.get_for_object(root)
        .filter(revision__pending_change__isnull=True)
        .aggregate(last=Max("revision__date_created"))["last"]
    ]
    for model, column, value in ((type(root), "id", root.pk), *legacy_parts):
        rows = _legacy_staff_rows(
            model, ["history_date"], f"{connection.ops.quote_name(column)} = %s", [value]
        )
        dates.extend(row[0] for row in rows)
    return max((d for d in dates if d), default=None)
