"""Which share of content and interface is translated, per language; what lacks what."""

import textwrap

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from test_admin_editing import change_url, staff_client

from pages.models import Section
from shinjuku_mynumber import translation_status as ts
from shinjuku_mynumber.roles import EDITORS

pytestmark = pytest.mark.django_db

CATALOGUE = textwrap.dedent(
    r"""
    # Header comment
    msgid ""
    msgstr ""
    "Content-Type: text/plain; charset=UTF-8\n"

    msgid "Home"
    msgstr "ホーム"

    #, fuzzy
    msgid "Search"
    msgstr "検索"

    #: templates/base.html:3
    #, python-format
    msgid "Long text"
    "continued"
    msgstr ""
    "訳文"

    msgid "Untranslated"
    msgstr ""

    msgctxt "month"
    msgid "May"
    msgstr "5月"

    msgid "one item"
    msgid_plural "%(n)s items"
    msgstr[0] "%(n)s 件"

    msgid "Not yet"
    msgid_plural "Not yets"
    msgstr[0] ""
    msgstr[1] ""

    #~ msgid "Old"
    #~ msgstr "古い"
    """
)


def write_catalogue(base, language, text, name="django.po"):
    directory = base / language / "LC_MESSAGES"
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text(text, encoding="utf-8")


def test_catalogue_counts_translated_non_fuzzy_entries(tmp_path):
    write_catalogue(tmp_path, "ja", CATALOGUE)
    # Home, Long text, May, one item: translated; Search fuzzy; two untranslated.
    assert ts.catalogue_counts(tmp_path / "ja" / "LC_MESSAGES" / "django.po") == (4, 7)


def test_interface_share_sums_both_catalogues(tmp_path, settings):
    settings.LOCALE_PATHS = [tmp_path]
    write_catalogue(tmp_path, "zh_Hans", CATALOGUE)
    write_catalogue(tmp_path, "zh_Hans", 'msgid "Menu"\nmsgstr "菜单"\n', "djangojs.po")
    share = ts.interface_share("zh-hans")
    assert (share.done, share.total) == (5, 8)
    assert ts.interface_share("ko").has_catalogue is False
    assert ts.interface_share("ko").percent == 0
    assert ts.interface_share("en").is_source


def test_content_share_counts_only_fields_with_japanese_text(content):
    before, _records = ts.content_status()
    about = Section.objects.get(slug="about")
    assert not about.ended_notice_ja  # not counted
    about.title_en = ""
    about.save()
    after, records = ts.content_status()
    assert after["en"].total == before["en"].total
    assert after["en"].done == before["en"].done - 1
    assert after["ja"].is_source
    record = next(r for r in records if r.label == about.title_ja)
    assert "en" in record.missing
    assert record.admin_url == change_url(about)


def test_command_prints_each_language_and_fails_below_the_minimum(content, settings, tmp_path):
    settings.LOCALE_PATHS = [tmp_path]
    write_catalogue(tmp_path, "ja", CATALOGUE)
    from io import StringIO

    out = StringIO()
    call_command("translation_status", stdout=out)
    output = out.getvalue()
    for code in ("ja", "en", "zh-hans", "pt-br"):
        assert f"\n{code} (" in output
    assert "57.1% (4/7)" in output  # Japanese interface
    with pytest.raises(CommandError) as error:
        call_command("translation_status", "--min-percent", "50", stdout=StringIO())
    assert error.value.returncode == 1
    assert "ko" in str(error.value)


def test_the_admin_page_lists_records_lacking_a_language(content):
    about = Section.objects.get(slug="about")
    about.title_ko = ""
    about.save()
    editor = staff_client("editor", EDITORS)
    url = reverse("admin:pages_section_translations")
    html = editor.get(url).content.decode()
    assert 'lang="ko"' in html and "한국어" in html
    # Breadcrumbs: Home > the app > this page.
    assert f'href="{reverse("admin:app_list", args=["pages"])}"' in html.split("breadcrumbs")[1]
    html = editor.get(url, {"language": "ko"}).content.decode()
    assert f'href="{change_url(about)}"' in html
    assert staff_client("nobody").get(url).status_code == 403
