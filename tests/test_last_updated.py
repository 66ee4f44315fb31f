"""最終更新日 is the date the page's content last changed (item 7 of issue 11):
the date its text was written, or a staff edit; never the day the data was loaded."""

import re
import tomllib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from test_admin_editing import save, staff_client

from pages.models import Block, Section
from shinjuku_mynumber.admin_views import mark_reviewed
from shinjuku_mynumber.roles import PUBLISHERS

pytestmark = pytest.mark.django_db

SLUG = "benefits"
URL = f"/ja/sections/{SLUG}/"


def written_on():
    """The section's own date in the data file (2021-10-15 while it is the 2021 text)."""
    data = tomllib.loads(
        (Path(settings.BASE_DIR) / "pages/initial_data/content.ja.toml").read_text()
    )
    day = next(s for s in data["sections"] if s["slug"] == SLUG)["content_as_of"]
    return day, f"{day.year}年{day.month}月{day.day}日"


def shown_date(client, url=URL):
    html = client.get(url).content.decode()
    found = re.search(r'class="last-updated">[^<]*<time datetime="([^"]+)">([^<]+)</time>', html)
    return found and found.group(2)


def today():
    day = timezone.localdate()
    return f"{day.year}年{day.month}月{day.day}日"


def test_a_freshly_loaded_page_shows_the_date_its_text_was_written(client, content):
    day, japanese = written_on()
    assert shown_date(client) == japanese
    assert f'datetime="{day.isoformat()}T00:00:00+09:00"' in client.get(URL).content.decode()
    # A second load (every start runs it) does not move it either.
    call_command("load_initial_data", verbosity=0)
    assert shown_date(client) == japanese


def test_a_staff_edit_of_the_section_dates_the_page_today(client, content):
    editor = staff_client("publisher", PUBLISHERS)
    save(editor, Section.objects.get(slug=SLUG), summary_en="Reworded.")
    assert shown_date(client) == today()
    call_command("load_initial_data", verbosity=0)  # the next start keeps the staff date
    assert shown_date(client) == today()


def test_a_staff_edit_of_a_block_dates_the_page_today(client, content):
    editor = staff_client("publisher", PUBLISHERS)
    block = Block.objects.filter(section__slug=SLUG).first()
    save(editor, block, text_ja="<p>職員が直した文です。</p>")
    assert shown_date(client) == today()
    call_command("load_initial_data", verbosity=0)
    assert shown_date(client) == today()


def test_marking_a_section_reviewed_changes_no_date(client, content):
    mark_reviewed(Section.objects.filter(slug=SLUG))
    assert shown_date(client) == written_on()[1]


def test_a_section_with_no_date_in_its_data_claims_none(client, load_release):
    load_release('[[sections]]\nslug = "about"\ntitle = "制度とは"\nunverified = "確認"\n')
    assert Section.objects.get(slug="about").modified is None
    assert shown_date(client, "/ja/sections/about/") is None
