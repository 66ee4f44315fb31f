"""The admin speaks to a ward employee: whose admin it is, no technical fields, plain labels."""

import pytest
from django.urls import reverse
from test_admin_editing import change_url, staff_client

from pages.models import Section
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
    assert (
        "確認期限切れ（内容を確認してください）"
        in editor.get(reverse("admin:pages_section_changelist")).content.decode()
    )


def test_the_slug_is_filled_in_from_the_english_title(content):
    html = staff_client("sato", EDITORS).get(reverse("admin:pages_section_add")).content.decode()
    assert "prepopulated" in html and "#id_title_en" in html
