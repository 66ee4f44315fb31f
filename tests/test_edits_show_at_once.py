"""A staff edit shows at once on every page that shows it, in every
language, for visitors answered by the page cache and for staff alike."""

import uuid

import pytest
from django.contrib.auth import get_user_model

from contacts.models import InquiryDesk
from pages.models import Block, ListItem, Notice, Section
from shinjuku_mynumber.publishing import Status

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["anonymous", "staff"])
def reader(request, client, content):
    if request.param == "staff":
        client.force_login(
            get_user_model().objects.create_user("staff", password="x" * 16, is_staff=True)
        )
    return client


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def warm(client, *urls):
    for url in urls:
        html(client, url)
        html(client, url)  # the second render is the one stored


def test_a_notice_edit_shows_at_once(reader, content):
    warm(reader, "/ja/")
    notice = Notice.objects.get(key="notification-card")
    notice.title_ja = "お知らせの新しい見出し"
    notice.save()
    assert "お知らせの新しい見出し" in html(reader, "/ja/")


def test_a_section_title_edit_shows_on_every_page_in_every_language(reader, content):
    pages = ["/ja/", "/ja/contact/", "/ja/sections/about/", "/en/", "/en/sections/privacy/"]
    warm(reader, *pages)
    section = Section.objects.get(slug="about")
    section.title_ja = "マイナンバー制度とは(改)"
    section.title_en = "About My Number (revised)"
    section.save()
    for url in pages:
        expected = "(改)" if url.startswith("/ja/") else "(revised)"
        assert expected in html(reader, url), url


def test_an_edit_of_a_list_item_shows_on_its_section_page(reader, content):
    warm(reader, "/ja/sections/privacy/")
    item = ListItem.objects.filter(block__section__slug="privacy").first()
    item.text_ja = "<p>新しい保護措置の説明</p>"
    item.save()
    assert "新しい保護措置の説明" in html(reader, "/ja/sections/privacy/")


def test_a_new_block_shows_on_its_section_page(reader, content):
    warm(reader, "/ja/sections/about/")
    Block.objects.create(
        section=Section.objects.get(slug="about"),
        kind=Block.Kind.PARAGRAPH,
        text_ja="<p>追加された段落</p>",
        position=999,
    )
    assert "追加された段落" in html(reader, "/ja/sections/about/")


def test_an_inquiry_desk_edit_shows_at_once(reader, content):
    warm(reader, "/ja/")
    desk = InquiryDesk.objects.get(is_site_default=True)
    desk.section_name_ja = "改称した係"
    desk.save()
    assert "改称した係" in html(reader, "/ja/")


def test_an_unpublished_section_disappears_at_once(reader, content):
    title = Section.objects.get(slug="pia").title_ja
    assert title in html(reader, "/ja/")
    warm(reader, "/ja/", "/ja/contact/", "/ja/sections/pia/")
    section = Section.objects.get(slug="pia")
    section.status = Status.DRAFT
    section.save()
    assert reader.get("/ja/sections/pia/").status_code == 404
    assert title not in html(reader, "/ja/")
    assert title not in html(reader, "/ja/contact/")


def test_unknown_paths_leave_nothing_in_the_cache(client, content, settings):
    # Local memory, whose keys the test can list, whatever REDIS_URL says.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import cache as local

    client.get(f"/ja/sections/{uuid.uuid4().hex}/")
    client.get(f"/en/{uuid.uuid4().hex}/")
    keys = set(local._cache)
    for _ in range(20):
        assert client.get(f"/ja/sections/{uuid.uuid4().hex}/").status_code == 404
        assert client.get(f"/en/{uuid.uuid4().hex}/").status_code == 404
    assert set(local._cache) == keys
