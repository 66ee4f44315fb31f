"""An uncached public page costs a small, fixed number of SQL queries, however
many sections, blocks, list items, locations or hours rules exist."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from facilities.models import Location, LocationHours
from pages.models import Block, ListItem, Section

pytestmark = pytest.mark.django_db

PAGES = [
    "/ja/",
    "/en/sections/privacy/",
    "/ja/sections/mynapoint/",
    "/en/locations/",
    "/ja/contact/",
]
ENGLISH_PAGES = [
    "/en/",
    "/en/sections/privacy/",
    "/en/sections/about/",  # names its own inquiry desk
    "/en/locations/",
    "/en/locations/honcho-terminal/",
    "/en/contact/",
]
# What an uncached render of each costs (issue #12: a miss renders the whole
# page, so its queries are the render's largest cost).
MAX_QUERIES = {
    # Sections, notices, banners, the yearly closures (read once for both
    # summaries), the locations with their hours and exceptions, the call
    # centres (with their first line's number) and their hours, the inquiry desk.
    "/ja/": 10,
    # Sections (the page's own comes from the header's list), its six kinds
    # of parts, translation sources, banners, the inquiry desk.
    "/en/sections/privacy/": 10,
    "/ja/sections/mynapoint/": 9,
    # Each reader language but Japanese asks whether a translation is outdated.
    "/en/locations/": 10,
    "/ja/contact/": 8,
}


def captured_render(client, url):
    from django.core.cache import cache

    cache.clear()  # measure the uncached render
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return captured.captured_queries


def queries_for(client, url):
    return len(captured_render(client, url))


def add_more_content():
    for n in range(8):
        section = Section.objects.create(slug=f"extra-{n}", title_ja=f"追加 {n}", position=500 + n)
        for m in range(5):
            block = Block.objects.create(section=section, kind=Block.Kind.LIST, position=m)
            ListItem.objects.bulk_create(
                ListItem(block=block, text_ja=f"項目 {i}", position=i) for i in range(4)
            )
    privacy = Section.objects.get(slug="privacy")
    for m in range(10):
        block = Block.objects.create(section=privacy, kind=Block.Kind.LIST, position=900 + m)
        ListItem.objects.bulk_create(
            ListItem(block=block, text_ja="追加", position=i) for i in range(5)
        )
    template = Location.objects.get(slug="yotsuya")
    for n in range(10):
        location = Location.objects.create(
            slug=f"extra-{n}", kind=template.kind, name_ja=f"追加センター{n}", address_ja="新宿区"
        )
        LocationHours.objects.bulk_create(
            LocationHours(
                location=location,
                day_type=day_type,
                opens=datetime.time(9, 30),
                closes=datetime.time(17, 0),
            )
            for day_type in ("weekday", "saturday", "sunday", "holiday")
        )


@pytest.mark.parametrize("url", PAGES)
def test_query_count_is_small_and_does_not_grow(client, content, url):
    before = queries_for(client, url)
    add_more_content()
    after = queries_for(client, url)
    assert before <= MAX_QUERIES[url], before
    assert after == before


@pytest.mark.parametrize("url", ENGLISH_PAGES)
def test_render_reads_only_the_readers_language_and_japanese(client, content, url):
    """Translated columns are read in English and Japanese (the fallback), not
    in all ten languages."""
    queries = [q["sql"] for q in captured_render(client, url)]
    assert any('"title_en"' in sql or '"name_en"' in sql for sql in queries)
    for sql in queries:
        for other in ("_ko", "_zh_hans", "_vi", "_pt_br"):
            assert f'{other}"' not in sql, sql[:200]


def test_cached_page_needs_no_query(client, content):
    client.get("/ja/sections/privacy/")  # records the page's tags
    client.get("/ja/sections/privacy/")  # stored
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/ja/sections/privacy/").status_code == 200
    assert len(captured.captured_queries) == 0
