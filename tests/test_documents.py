"""Uploaded documents: content checked, served safely with DEBUG off, files follow rows,
and only web addresses or site paths become links."""

import re
import subprocess
import urllib.request

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from test_admin_editing import admin_form_data, staff_client

from pages.models import Document, Link, Section
from shinjuku_mynumber.roles import PUBLISHERS

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def publisher(content):
    return staff_client("publisher", PUBLISHERS)


def upload(client, name, body):
    add_url = reverse("admin:pages_document_add")
    page = client.get(add_url)
    data = admin_form_data(
        page, section=str(Section.objects.get(slug="pia").pk), position="5", title_ja="資料"
    )
    data["file"] = SimpleUploadedFile(name, body)
    return page, client.post(add_url, data)


@pytest.mark.parametrize(
    ("name", "body", "message"),
    [
        ("guide.pdf", b"<!DOCTYPE html><script>alert(1)</script>", "ウェブページ"),
        ("guide.pdf", b"  <html><body>hi</body></html>", "ウェブページ"),
        ("guide.pdf", b"MZ\x90\x00\x03\x00\x00\x00", "プログラム"),
        ("guide.pdf", b"PK\x03\x04 a zip, not a pdf", "形式で始まっていません"),
        ("table.xlsx", b"%PDF-1.4 a pdf, not a spreadsheet", "形式で始まっていません"),
    ],
)
def test_uploads_whose_content_is_not_what_their_name_says_are_refused(
    publisher, settings, tmp_path, name, body, message
):
    settings.MEDIA_ROOT = tmp_path
    _page, response = upload(publisher, name, body)
    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.errors["file"])
    assert not Document.objects.filter(title_ja="資料").exists()
    assert not list(tmp_path.rglob("*.*"))


def test_the_size_limit_is_shown_before_upload_and_a_real_pdf_is_accepted(
    publisher, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    page, response = upload(publisher, "guide.pdf", PDF)
    assert re.search(r"20\s?MB", page.content.decode())  # the limit, before upload
    assert response.status_code == 302
    document = Document.objects.get(title_ja="資料")
    assert (tmp_path / document.file.name).read_bytes() == PDF


def test_deleting_a_document_deletes_its_file(
    publisher, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    upload(publisher, "guide.pdf", PDF)
    document = Document.objects.get(title_ja="資料")
    stored = tmp_path / document.file.name
    assert stored.exists()
    url = reverse("admin:pages_document_delete", args=[document.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert publisher.post(url, {"post": "yes"}).status_code == 302
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not stored.exists()


def test_a_full_disk_gives_a_clear_error_and_leaves_no_partial_file(publisher, settings, tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    # A real full disk: a 64 KB tmpfs (the tests run as root, as in CI).
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(media)], check=True)
    try:
        settings.MEDIA_ROOT = media
        _page, response = upload(publisher, "big.pdf", PDF + b"0" * 200_000)
        assert response.status_code == 507
        html = response.content.decode()
        assert "アップロード" in html or "no space left" in html
        assert not Document.objects.filter(title_ja="資料").exists()
        assert [p for p in media.rglob("*") if p.is_file()] == []
    finally:
        subprocess.run(["umount", str(media)], check=True)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>",
        "//evil.example/",
        "/\\evil.example",
    ],
)
def test_only_web_addresses_and_site_paths_are_accepted(content, url):
    section = Section.objects.get(slug="pia")
    with pytest.raises(ValidationError):
        Link(section=section, label="x", url=url, position=9).full_clean()
    with pytest.raises(ValidationError):
        Document(section=section, title="x", url=url, position=9).full_clean()
    Link(section=section, label="x", url="https://www.digital.go.jp/", position=9).full_clean()
    Link(section=section, label="x", url="/sections/about/", position=9).full_clean()


def test_unsafe_addresses_already_stored_are_not_rendered_as_links(client, content):
    section = Section.objects.get(slug="pia")
    Link.objects.create(section=section, label="罠リンク", url="javascript:alert(1)", position=90)
    Document.objects.create(section=section, title="罠資料", url="data:text/html,x", position=90)
    html = client.get("/ja/sections/pia/").content.decode()
    assert "罠リンク" in html and "罠資料" in html
    assert "javascript:" not in html and "data:text/html" not in html


# Committed rows: gunicorn's processes read them from the test database.
@pytest.mark.django_db(transaction=True)
def test_documents_are_served_by_gunicorn_with_debug_off(gunicorn_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    section = Section.objects.get(slug="pia")
    document = Document(section=section, title="手引き", position=9)
    document.file.save("guide.pdf", ContentFile(PDF), save=True)
    sheet = Document(section=section, title="表", position=10)
    sheet.file.save("table.xlsx", ContentFile(b"PK\x03\x04rest"), save=True)
    (tmp_path / "documents" / "stray.pdf").write_bytes(PDF)  # stored, but no document
    base = gunicorn_server(workers=1, threads=2, MEDIA_ROOT=str(tmp_path))

    with urllib.request.urlopen(base + document.href, timeout=10) as response:
        assert response.status == 200
        assert response.read() == PDF
        headers = response.headers
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Content-Disposition"].startswith("inline;")
    assert "guide" in headers["Content-Disposition"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "max-age=" in headers["Cache-Control"] and "public" in headers["Cache-Control"]
    assert "sandbox" in headers["Content-Security-Policy"]
    assert "Set-Cookie" not in headers

    with urllib.request.urlopen(base + sheet.href, timeout=10) as response:
        assert response.headers["Content-Disposition"].startswith("attachment;")
        assert "spreadsheetml" in response.headers["Content-Type"]
    for missing in ("/media/documents/stray.pdf", "/media/../pyproject.toml", "/media/nothing.pdf"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(base + missing, timeout=10)
        assert refused.value.code == 404, missing
