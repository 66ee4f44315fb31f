"""The emergency banner appears and disappears on time, even on cached pages.

The clock is ours (time-machine moves both the application's clock and the
cache's expiry clock), and the page under test is really served from the
page cache in between: no query runs for it.
"""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from shinjuku_mynumber.models import Banner

pytestmark = pytest.mark.django_db

TOKYO = datetime.timezone(datetime.timedelta(hours=9))
T0 = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=TOKYO)
PAGE = "/en/sections/privacy/"
MESSAGE_JA = "台風のため、本日の窓口は休止します。"
MESSAGE_EN = "Because of the typhoon, the help desks are closed today."


def s_maxage(response) -> int:
    parts = dict(part.strip().partition("=")[::2] for part in response["Cache-Control"].split(","))
    return int(parts["s-maxage"])


def test_banner_appears_and_disappears_on_time_on_a_cached_page(
    client, content, django_assert_num_queries
):
    with time_machine.travel(T0, tick=False) as clock:
        Banner.objects.create(
            message_ja=MESSAGE_JA,
            message_en=MESSAGE_EN,
            starts_at=T0 + datetime.timedelta(minutes=5),
            ends_at=T0 + datetime.timedelta(minutes=35),
        )
        before = client.get(PAGE)
        assert before.status_code == 200
        assert MESSAGE_EN not in before.content.decode()
        # Kept no longer than until the banner starts (the page's own limit is 600 s).
        assert 0 < s_maxage(before) <= 300

        clock.shift(datetime.timedelta(minutes=4))
        with django_assert_num_queries(0):  # from the page cache
            assert MESSAGE_EN not in client.get(PAGE).content.decode()

        clock.shift(datetime.timedelta(minutes=1, seconds=1))  # 5 min 1 s: started
        during = client.get(PAGE)
        assert MESSAGE_EN in during.content.decode()
        assert 'class="site-banner"' in during.content.decode()
        assert s_maxage(during) <= 600

        clock.shift(datetime.timedelta(minutes=5))
        with django_assert_num_queries(0):  # still cached, banner and all
            assert MESSAGE_EN in client.get(PAGE).content.decode()

        clock.shift(datetime.timedelta(minutes=20))  # 30 min 1 s: ends in 5 minutes
        late = client.get(PAGE)
        assert MESSAGE_EN in late.content.decode()
        assert 0 < s_maxage(late) <= 300  # kept no longer than until the banner ends
        clock.shift(datetime.timedelta(minutes=4))
        with django_assert_num_queries(0):
            assert MESSAGE_EN in client.get(PAGE).content.decode()

        clock.shift(datetime.timedelta(minutes=1))  # 35 min 1 s: ended
        after = client.get(PAGE)
        assert MESSAGE_EN not in after.content.decode()
        assert 'class="site-banner"' not in after.content.decode()


def test_untranslated_banner_shows_the_japanese_marked_as_such(client, content):
    with time_machine.travel(T0, tick=False):
        Banner.objects.create(
            message_ja=MESSAGE_JA, starts_at=T0, ends_at=T0 + datetime.timedelta(hours=1)
        )
        html = client.get("/ne/").content.decode()
    assert f'<span lang="ja">{MESSAGE_JA}</span>' in html
    start = html.index('class="site-banner"')
    assert html.index("untranslated-note", start) < html.index("</section>", start)


def test_a_new_banner_shows_at_once_on_pages_already_cached(client, content):
    with time_machine.travel(T0, tick=False):
        assert MESSAGE_EN not in client.get(PAGE).content.decode()
        Banner.objects.create(
            message_ja=MESSAGE_JA,
            message_en=MESSAGE_EN,
            starts_at=T0,
            ends_at=T0 + datetime.timedelta(hours=1),
        )
        assert MESSAGE_EN in client.get(PAGE).content.decode()
        assert MESSAGE_EN in client.get("/en/locations/").content.decode()


def test_banner_must_end_after_it_starts():
    banner = Banner(message_ja="x", starts_at=T0, ends_at=T0)
    with translation.override("en"), pytest.raises(ValidationError, match="end must be after"):
        banner.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        banner.save()
