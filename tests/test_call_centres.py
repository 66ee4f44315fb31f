"""Call centres: phone lines as tel: links, languages, hours and open now."""

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError

from contacts.models import CallCentre, PhoneLine
from facilities import hours
from facilities.models import YearlyClosure, attach_status
from shinjuku_mynumber import phone

pytestmark = pytest.mark.django_db
TOKYO = ZoneInfo("Asia/Tokyo")


def test_seeded_from_the_data_file(content):
    centres = list(CallCentre.objects.with_details())
    assert [c.key for c in centres] == ["japanese", "lost-card", "foreign-languages"]
    japanese, lost, foreign = centres
    assert japanese.name_ja == "マイナンバー総合フリーダイヤル"
    assert [line.phone for line in japanese.lines.all()] == ["0120-95-0178"]
    assert [line.phone for line in foreign.lines.all()] == ["0120-0178-26", "0120-0178-27"]
    assert [lang.language for lang in foreign.languages.all()] == [
        "en", "zh", "ko", "es", "pt", "vi", "th", "id", "tl", "ne",
    ]  # fmt: skip
    assert all(line.is_toll_free for line in foreign.lines.all())
    assert japanese.observes_yearly_closures and japanese.hours.count() == 4
    assert lost.is_always_open and [line.phone for line in lost.lines.all()] == ["0120-95-0178"]
    assert not CallCentre.objects.filter(name_ja__contains="内閣府").exists()


@pytest.mark.parametrize(
    ("moment", "is_open", "next_change"),
    [
        (datetime.datetime(2026, 6, 8, 10, 0), True, datetime.datetime(2026, 6, 8, 20, 0)),
        (datetime.datetime(2026, 6, 8, 19, 59), True, datetime.datetime(2026, 6, 8, 20, 0)),
        (datetime.datetime(2026, 6, 8, 20, 0), False, datetime.datetime(2026, 6, 9, 9, 30)),
        (datetime.datetime(2026, 6, 13, 12, 0), True, datetime.datetime(2026, 6, 13, 17, 30)),
        (datetime.datetime(2026, 1, 12, 18, 0), False, datetime.datetime(2026, 1, 13, 9, 30)),
        # Closed over the year end (12/29-1/3), reopening on Sunday 1/4.
        (datetime.datetime(2026, 12, 31, 10, 0), False, datetime.datetime(2027, 1, 4, 9, 30)),
        (datetime.datetime(2026, 1, 1, 10, 0), False, datetime.datetime(2026, 1, 4, 9, 30)),
    ],
)
def test_free_dial_open_now(content, moment, is_open, next_change):
    centre = CallCentre.objects.with_details().get(key="japanese")
    status = centre.status_at(moment.replace(tzinfo=TOKYO))
    assert (status.is_open, status.next_change) == (is_open, next_change.replace(tzinfo=TOKYO))


@pytest.mark.parametrize("moment", ["2026-12-31T03:00", "2026-01-01T23:59", "2026-06-08T20:30"])
def test_lost_card_line_is_always_open(content, moment):
    centre = CallCentre.objects.with_details().get(key="lost-card")
    status = centre.status_at(datetime.datetime.fromisoformat(moment).replace(tzinfo=TOKYO))
    assert status.is_open and status.next_change is None


def test_contact_page_on_new_years_eve_and_on_a_weekday_morning(client, content):
    closures = list(YearlyClosure.objects.all())
    for moment, free_dial_open in (("2026-12-31T10:00", False), ("2026-06-08T10:00", True)):
        when = datetime.datetime.fromisoformat(moment).replace(tzinfo=TOKYO)
        centres = {
            c.key: c for c in attach_status(CallCentre.objects.with_details(), when, closures)
        }
        assert centres["japanese"].open_status.is_open is free_dial_open
        assert centres["lost-card"].open_status.is_open
        cache.clear()
        with mock.patch("django.utils.timezone.now", return_value=when):
            html = client.get("/ja/contact/").content.decode()
        free_dial = html.split('id="japanese"', 1)[1].split("</article>", 1)[0]
        expected = "status-open" if free_dial_open else "status-closed"
        assert expected in free_dial
        assert hours.describe(centres["japanese"].open_status) in free_dial
        lost_card = html.split('id="lost-card"', 1)[1].split("</article>", 1)[0]
        assert "status-open" in lost_card and "24時間受付" in lost_card


def test_not_observing_the_yearly_closure_opens_it(content):
    centre = CallCentre.objects.get(key="japanese")
    centre.observes_yearly_closures = False
    centre.save()
    status = centre.status_at(datetime.datetime(2026, 1, 1, 10, tzinfo=TOKYO))
    assert status.is_open


def test_contact_page(client, content):
    response = client.get("/ja/contact/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    # Shown in the issuer's grouping; dialled through E.164.
    for shown, e164 in (
        ("0120-95-0178", "+81120950178"),
        ("0120-0178-26", "+81120017826"),
        ("0120-0178-27", "+81120017827"),
    ):
        assert f'<a class="phone" href="tel:{e164}">{shown}</a>' in html
    assert "0120-950-178" not in html and "0120-017-826" not in html
    assert html.count('class="status ') == 3
    # The year-end closure is named with the free dial, not with the 24-hour line.
    free_dial = html.split('id="japanese"', 1)[1].split("</article>", 1)[0]
    lost_card = html.split('id="lost-card"', 1)[1].split("</article>", 1)[0]
    assert "年末年始" in free_dial and "年末年始" not in lost_card
    assert "<caption>" in html
    assert "max-age=60" in response["Cache-Control"]


def test_inquiries_section_embeds_the_call_centres(client, content):
    html = client.get("/ja/sections/inquiries/").content.decode()
    assert 'id="call-centres-embed-title"' in html
    assert 'href="tel:+81120950178">0120-95-0178</a>' in html


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0120 95 0178", "0120-95-0178"),
        (
            "\uff10\uff11\uff12\uff10\uff0d\uff10\uff11\uff17\uff18\uff0d\uff12\uff16",
            "0120-0178-26",
        ),  # full-width
        ("03-5273-4348", "03-5273-4348"),
        ("+81352734348", "03-5273-4348"),  # no grouping given: libphonenumber's
    ],
)
def test_phone_numbers_are_validated_and_kept_as_written(content, typed, stored):
    centre = CallCentre.objects.get(key="japanese")
    line = PhoneLine(call_centre=centre, label_ja="テスト", phone=typed)
    line.full_clean()
    line.save()
    line.refresh_from_db()
    assert line.phone == line.phone_display == stored
    assert line.phone_uri == "tel:" + phone.e164(stored)


@pytest.mark.parametrize("bad", ["12345", "0120-95-01780", "電話"])
def test_invalid_phone_numbers_are_refused(content, bad):
    centre = CallCentre.objects.get(key="japanese")
    with pytest.raises(ValidationError):
        PhoneLine(call_centre=centre, label_ja="x", phone=bad).full_clean()
