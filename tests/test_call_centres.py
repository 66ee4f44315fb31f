"""Call centres: phone lines as tel: links, languages, hours and open now."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from contacts.models import CallCentre, PhoneLine
from shinjuku_mynumber import phone

pytestmark = pytest.mark.django_db
TOKYO = ZoneInfo("Asia/Tokyo")


def test_seeded_from_the_data_file(content):
    centres = list(CallCentre.objects.with_details())
    assert [c.key for c in centres] == ["japanese", "foreign-languages"]
    japanese, foreign = centres
    assert [line.phone for line in japanese.lines.all()] == ["+81120950178"]
    assert [line.phone for line in foreign.lines.all()] == ["+81120017826", "+81120017827"]
    assert [lang.language for lang in foreign.languages.all()] == ["en", "zh", "ko", "es", "pt"]
    assert all(line.is_toll_free for line in foreign.lines.all())
    assert not japanese.observes_yearly_closures
    assert japanese.hours.count() == 4


@pytest.mark.parametrize(
    ("moment", "is_open", "next_change"),
    [
        (datetime.datetime(2026, 6, 8, 19, 59), True, datetime.datetime(2026, 6, 8, 20, 0)),
        (datetime.datetime(2026, 6, 8, 20, 0), False, datetime.datetime(2026, 6, 9, 9, 30)),
        (datetime.datetime(2026, 6, 13, 12, 0), True, datetime.datetime(2026, 6, 13, 17, 30)),
        (datetime.datetime(2026, 1, 12, 18, 0), False, datetime.datetime(2026, 1, 13, 9, 30)),
        # No year-end closure stated for the call centres: open on 1/1 (a holiday).
        (datetime.datetime(2026, 1, 1, 10, 0), True, datetime.datetime(2026, 1, 1, 17, 30)),
    ],
)
def test_open_now(content, moment, is_open, next_change):
    centre = CallCentre.objects.with_details().get(key="japanese")
    status = centre.status_at(moment.replace(tzinfo=TOKYO))
    assert (status.is_open, status.next_change) == (is_open, next_change.replace(tzinfo=TOKYO))


def test_observing_the_yearly_closure_closes_it(content):
    centre = CallCentre.objects.get(key="japanese")
    centre.observes_yearly_closures = True
    centre.save()
    status = centre.status_at(datetime.datetime(2026, 1, 1, 10, tzinfo=TOKYO))
    assert not status.is_open


def test_contact_page(client, content):
    response = client.get("/ja/contact/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    for number in ("+81120950178", "+81120017826", "+81120017827"):
        assert f'href="{phone.tel_uri(number)}"' in html
        assert phone.national(number) in html
    assert html.count('class="status ') == 2
    assert "<caption>" in html
    assert "max-age=60" in response["Cache-Control"]


def test_inquiries_section_embeds_the_call_centres(client, content):
    html = client.get("/ja/sections/inquiries/").content.decode()
    assert 'id="call-centres-embed-title"' in html
    assert phone.national("+81120950178") in html


def test_phone_numbers_are_validated_and_stored_in_one_form(content):
    centre = CallCentre.objects.get(key="japanese")
    line = PhoneLine(call_centre=centre, label_ja="テスト", phone="0120 95 0178")
    line.full_clean()
    line.save()
    assert line.phone == "+81120950178"
    with pytest.raises(ValidationError):
        PhoneLine(call_centre=centre, label_ja="x", phone="12345").full_clean()
