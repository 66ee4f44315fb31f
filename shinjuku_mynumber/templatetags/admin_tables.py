"""The one markup of the admin's result tables (pending changes, review, translations)."""

from django import template

register = template.Library()


@register.inclusion_tag("admin/components/results_table.html", takes_context=True)
def results_table(context, rows, row_template, table_id, empty, *headings):
    """`{% results_table rows "…/rows/x.html" "table-id" _("None.") _("Col") … %}`:
    a table with one `row_template` (which sees `row`) per row, or `empty` when there is none."""
    return {
        **context.flatten(),
        "rows": rows,
        "row_template": row_template,
        "table_id": table_id,
        "empty": empty,
        "headings": headings,
    }
