"""Ward staff edit content in the admin and residents see it at once, safely.

`admin_form_data` (imported by the other admin tests) turns an admin page's
forms into the POST data a browser would send, so tests change one value and
submit the form as staff do.
"""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from pages.models import Block, Document, Section
from shinjuku_mynumber.roles import EDITORS, PUBLISHERS

pytestmark = pytest.mark.django_db


# --- helpers shared by the admin tests ---------------------------------------


def _form_fields(form, data):
    for bound in form:
        input_type = getattr(bound.field.widget, "input_type", None)
        if bound.field.disabled or input_type == "file":
            continue
        value = bound.value()
        if isinstance(value, bool) or input_type == "checkbox":
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        elif value is not None:
            data[bound.html_name] = str(value)


def admin_form_data(response, **changes):
    """The POST data of an admin add/change page (with its inlines), plus changes."""
    context = response.context
    data = {}
    form = context["adminform"].form if "adminform" in context else None
    if form is not None:
        _form_fields(form, data)
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        _form_fields(formset.management_form, data)
        for inline_form in formset.forms:
            _form_fields(inline_form, data)
    if context.get("page_version"):
        data["page_version"] = context["page_version"]
    data.update(changes)
    return data


def staff_client(username, group=None, **permissions):
    user = User.objects.create_user(username, password=None, is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.fixture
def editor(content):
    return staff_client("editor", EDITORS)


@pytest.fixture
def publisher(content):
    return staff_client("publisher", PUBLISHERS)


def save(client, obj, **changes):
    """Open obj's admin change page, change some fields, save; return the response."""
    url = change_url(obj)
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, admin_form_data(page, **changes))
    errors = response.context and response.context.get("errors")
    assert response.status_code == 302, errors
    return response


# --- tests -------------------------------------------------------------------


def test_publisher_changes_english_title_and_cached_pages_follow(client, publisher):
    about = Section.objects.get(slug="about")
    section_url = reverse("pages:section", kwargs={"slug": "about"}).replace("/ja/", "/en/")
    home_url = "/en/"
    old_title = about.title_en
    assert old_title in client.get(section_url).content.decode()  # now cached
    assert old_title in client.get(home_url).content.decode()

    save(publisher, about, title_en="About the My Number system (updated)")

    assert "About the My Number system (updated)" in client.get(section_url).content.decode()
    assert "About the My Number system (updated)" in client.get(home_url).content.decode()
    # The Japanese text is untouched.
    assert Section.objects.get(slug="about").title_ja == about.title_ja


def test_block_edit_refreshes_the_cached_section_page(client, publisher):
    block = Block.objects.filter(section__slug="privacy", kind=Block.Kind.PARAGRAPH).first()
    url = "/ja/sections/privacy/"
    client.get(url)
    save(publisher, block, text_ja="<p>新しい説明文です。</p>")
    assert "新しい説明文です。" in client.get(url).content.decode()


def test_script_in_rich_text_never_reaches_the_page(client, publisher):
    block = Block.objects.filter(section__slug="about", kind=Block.Kind.PARAGRAPH).first()
    hostile = (
        '<p>Safe words<script>alert("x")</script>'
        '<a href="javascript:alert(1)" onclick="alert(2)">link</a>'
        '<img src="x" onerror="alert(3)"></p>'
    )
    save(publisher, block, text_en=hostile, text_ja=hostile)

    block.refresh_from_db()
    assert "script" not in block.text_en
    assert "Safe words" in block.text_en
    for language in ("ja", "en"):
        html = client.get(f"/{language}/sections/about/").content.decode()
        assert "Safe words" in html
        assert "alert" not in html
        assert "javascript:" not in html
        assert "onerror" not in html and "onclick" not in html


def test_admin_pages_load_scripts_only_from_our_static_files(editor):
    about = Section.objects.get(slug="about")
    block = Block.objects.filter(kind=Block.Kind.LIST).first()
    urls = [
        reverse("admin:index"),
        reverse("admin:pages_section_changelist"),
        change_url(about),
        change_url(block),
        reverse("admin:pages_notice_add"),
        reverse("admin:pages_section_history", args=[about.pk]),
    ]
    for url in urls:
        response = editor.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        scripts = re.findall(r"<script\b([^>]*)>", html)
        assert scripts, url
        for attrs in scripts:
            src = re.search(r'src="([^"]+)"', attrs)
            assert src, f"inline script on {url}: {attrs}"
            # Our own static files, or the admin's own JavaScript catalogue.
            assert src.group(1).startswith(("/static/", "/admin/jsi18n/")), src.group(1)
        assert "style=" not in html.split("<body", 1)[1] or url.endswith("/history/")
    html = editor.get(change_url(about)).content.decode()
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html
    assert "/static/modeltranslation/js/tabbed_translation_fields.js" in html


def test_the_admin_is_in_japanese_with_each_language_in_a_field(editor):
    html = editor.get(change_url(Section.objects.get(slug="about"))).content.decode()
    assert '<html lang="ja"' in html
    assert "保存" in html  # the admin's own Japanese
    for code in ("ja", "en", "zh_hans", "ko", "pt_br"):
        assert f'name="title_{code}"' in html
    # Parts are edited inside their section.
    assert 'name="blocks-0-text_en"' in html
    assert 'name="documents-TOTAL_FORMS"' in html


def test_list_items_are_edited_inside_their_block(publisher):
    block = Block.objects.filter(section__slug="privacy", kind=Block.Kind.LIST).first()
    page = publisher.get(change_url(block))
    data = admin_form_data(page)
    data["items-0-text_en"] = "First item, reworded"
    assert publisher.post(change_url(block), data).status_code == 302
    assert block.items.first().text_en == "First item, reworded"


def test_staff_reorder_sections_on_the_list(client, editor):
    changelist = reverse("admin:pages_section_changelist")
    page = editor.get(changelist)
    formset = page.context["cl"].formset
    data = {"_save": "Save"}
    _form_fields(formset.management_form, data)
    for form in formset.forms:
        _form_fields(form, data)
    # Move the last section to the top.
    last = len(formset.forms) - 1
    data[f"form-{last}-position"] = "1"
    assert editor.post(changelist, data).status_code == 302
    first = Section.objects.published().first()
    assert first == formset.forms[last].instance
    home = client.get("/ja/").content.decode()
    assert home.index(first.title_ja) < home.index(Section.objects.get(slug="about").title_ja)


def test_uploaded_document_shows_type_and_size(client, publisher, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    section = Section.objects.get(slug="pia")
    add_url = reverse("admin:pages_document_add")
    page = publisher.get(add_url)
    pdf = SimpleUploadedFile("guide.pdf", b"%PDF-1.4\n" + b"x" * 2039, "application/pdf")
    data = admin_form_data(
        page, section=str(section.pk), position="5", title_ja="手引き", title_en="Guide"
    )
    data["file"] = pdf
    response = publisher.post(add_url, data)
    assert response.status_code == 302, response.context["errors"]
    document = Document.objects.get(title_ja="手引き")
    assert document.file_size == 2048

    html = client.get("/en/sections/pia/").content.decode()
    assert re.search(r"Guide <span class=\"file-meta\">\(PDF, 2\.0\s*KB\)</span>", html)


@pytest.mark.parametrize(
    ("name", "size", "error"),
    [("tool.exe", 100, "exe"), ("huge.pdf", 2048, "2.0")],
)
def test_other_files_and_oversized_files_are_refused(
    publisher, settings, tmp_path, name, size, error
):
    settings.MEDIA_ROOT = tmp_path
    settings.DOCUMENT_MAX_BYTES = 1024
    add_url = reverse("admin:pages_document_add")
    data = admin_form_data(
        publisher.get(add_url),
        section=str(Section.objects.get(slug="pia").pk),
        position="5",
        title_ja="資料",
    )
    data["file"] = SimpleUploadedFile(name, b"x" * size)
    response = publisher.post(add_url, data)
    assert response.status_code == 200
    assert error in str(response.context["adminform"].form.errors["file"])
    assert not Document.objects.filter(title_ja="資料").exists()
