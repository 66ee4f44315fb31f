"""The admin speaks to a ward employee: whose admin it is, no technical fields, plain labels."""

import pytest
from django.urls import reverse
from django.utils.formats import date_format
from test_admin_editing import change_url, staff_client

from pages.models import Section
from shinjuku_mynumber.publishing import local_today
from shinjuku_mynumber.roles import EDITORS

pytestmark = pytest.mark.django_db


def test_the_admin_names_itself_in_japanese(content):
    html = staff_client("sato", EDITORS).get(reverse("admin:index")).content.decode()
    assert "新宿区 マイナンバー制度ページ 管理" in html
    assert "Django" not in html.split("<body", 1)[1]


def test_seed_keys_are_hidden_from_editors(content):
    editor = staff_client("sato", EDITORS)
    html = editor.get(change_url(Section.objects.get(slug="about"))).content.decode()
    assert 'name="blocks-0-key"' not in html
    assert 'name="blocks-0-text_ja"' in html
    changelist = editor.get(reverse("admin:pages_section_changelist")).content.decode()
    assert "内容確認の期限" in changelist


def test_the_slug_is_filled_in_from_the_english_title(content):
    html = staff_client("sato", EDITORS).get(reverse("admin:pages_section_add")).content.decode()
    assert "prepopulated" in html and "#id_title_en" in html


def test_the_review_column_says_when_the_content_check_is_due(content):
    section = Section.objects.get(slug="about")
    Section.objects.filter(pk=section.pk).update(last_reviewed="2020-01-01")
    others = Section.objects.exclude(pk=section.pk)
    others.update(last_reviewed=local_today())
    html = staff_client("sato", EDITORS).get(reverse("admin:pages_section_changelist"))
    html = html.content.decode()
    header = html[html.index("column-review_overdue") :]
    assert "内容確認の期限" in header[: header.index("</th>")]
    row = html[html.index(f'href="{change_url(section)}"') :]
    cell = row[
        row.index("field-review_overdue") : row.index("</td>", row.index("field-review_overdue"))
    ]
    section.refresh_from_db()
    due = date_format(section.review_due_on, "DATE_FORMAT")
    assert f'<strong class="overdue">期限切れ（期限 {due}）</strong>' in cell
    assert 'alt="True"' not in html and 'alt="False"' not in html
