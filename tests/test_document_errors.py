"""A document without a file or an address is refused with what to do, in Japanese."""

import pytest
from django.forms import modelform_factory
from django.utils import translation

from pages.models import Document, Section

pytestmark = pytest.mark.django_db


def test_document_without_file_or_address_says_what_to_do():
    section = Section.objects.create(slug="docs", title_ja="資料", position=900)
    form_class = modelform_factory(Document, fields=["section", "title_ja", "file", "url"])
    with translation.override("ja"):
        form = form_class(data={"section": section.pk, "title_ja": "申請書", "url": ""})
        assert not form.is_valid()
        errors = form.non_field_errors()
    assert list(errors) == ["ファイルを添付するか、資料のアドレス（URL）を入力してください。"]
    assert not Document.objects.exists()


def test_document_with_an_address_is_accepted():
    section = Section.objects.create(slug="docs", title_ja="資料", position=900)
    form_class = modelform_factory(Document, fields=["section", "title_ja", "file", "url"])
    form = form_class(
        data={"section": section.pk, "title_ja": "申請書", "url": "https://example.jp/a.pdf"}
    )
    assert form.is_valid(), form.errors
