"""Selects in the admin start with 「選択してください」, not "- Select an option -" (untranslated)."""

import re

import pytest
from django.urls import reverse
from test_admin_editing import staff_client

from contacts.models import CallCentre
from facilities.models import Location
from shinjuku_mynumber.roles import EDITORS, PUBLISHERS

pytestmark = pytest.mark.django_db

PLACEHOLDER = "選択してください"


def empty_options(html):
    return re.findall(r'<option value=""[^>]*>([^<]*)</option>', html)


@pytest.mark.parametrize(
    "url",
    [
        lambda: reverse("admin:pages_section_add"),  # a foreign key (inquiry desk)
        lambda: reverse("admin:facilities_location_add"),  # a choice field (kind)
        lambda: reverse("admin:facilities_location_change", args=[Location.objects.first().pk]),
        lambda: reverse("admin:contacts_callcentre_change", args=[CallCentre.objects.first().pk]),
        lambda: reverse("admin:pages_notice_add"),
    ],
    ids=["section", "new-location", "location", "call-centre", "notice"],
)
def test_select_placeholders_are_japanese(content, url):
    html = staff_client("suzuki", PUBLISHERS).get(url()).content.decode()
    assert "---------" not in html and "Select an option" not in html
    assert PLACEHOLDER in empty_options(html)


def test_the_action_select_of_a_change_list_is_japanese(content):
    html = staff_client("sato", EDITORS).get(reverse("admin:pages_section_changelist"))
    html = html.content.decode()
    action = html.split('name="action"', 1)[1].split("</select>", 1)[0]
    assert "---------" not in action and "Select an option" not in action
    assert PLACEHOLDER in empty_options(action)
