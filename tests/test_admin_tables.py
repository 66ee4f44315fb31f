"""The admin's result tables come from one component: headings, one row
template per row (seeing the page's context), or the message when empty."""

from django.template import Context, Template

TABLE = Template(
    '{% load admin_tables %}{% results_table rows "admin/pages/section/rows/missing_translation.html"'
    ' "missing-translations" "Nothing is missing." "Kind" "Record" "Missing languages" %}'
)


class Record:
    model_name = "section"
    admin_url = "/admin/pages/section/1/change/"
    label = "マイナンバーカード"
    missing_names = ["English", "Tiếng Việt"]


def test_rows_are_drawn_under_their_headings():
    html = TABLE.render(Context({"rows": [Record()]}))
    assert '<table id="missing-translations">' in html
    head = html[html.index("<thead>") : html.index("</thead>")]
    assert head.count('<th scope="col">') == 3 and "Missing languages" in head
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    assert (
        '<th scope="row"><a href="/admin/pages/section/1/change/">マイナンバーカード</a></th>'
        in body
    )
    assert "<td>English, Tiếng Việt</td>" in body
    assert "Nothing is missing." not in html


def test_no_rows_gives_the_message_and_no_table():
    html = TABLE.render(Context({"rows": []}))
    assert "<table" not in html and "<p>Nothing is missing.</p>" in html
