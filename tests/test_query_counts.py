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
MAX_QUERIES = 16  # a section that embeds the locations: its own 9 plus 7 for locations
# The home page shows live help too: the locations and the call centres, the
# task list, the notices and the banner.
MAX_QUERIES_HOME = 18


def queries_for(client, url):
    from django.core.cache import cache

    cache.clear()  # measure the uncached render
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


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
    assert before <= (MAX_QUERIES_HOME if url == "/ja/" else MAX_QUERIES), before
    assert after == before


def test_cached_page_needs_no_query(client, content):
    client.get("/ja/sections/privacy/")  # records the page's tags
    client.get("/ja/sections/privacy/")  # stored
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/ja/sections/privacy/").status_code == 200
    assert len(captured.captured_queries) == 0
