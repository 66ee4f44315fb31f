"""The section form for ward staff: options only where they apply, long pages folded by part."""

import re

import pytest
from django.contrib.auth.models import User

from pages.models import Block, Section
from tests.test_admin_editing import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(db):
    section = Section.objects.create(slug="parts", title_ja="部品", position=900)
    Block.objects.create(section=section, kind=Block.Kind.HEADING, heading_ja="見出し", position=1)
    Block.objects.create(section=section, kind=Block.Kind.LIST, heading_ja="一覧", position=2)
    return section


@pytest.fixture
def admin_client(client):
    return signed_in(client, User.objects.create_superuser("chief", password=None))


def test_no_numbered_list_option_on_a_heading(admin_client, section):
    heading, listing = section.blocks.order_by("position")
    html = admin_client.get(f"/admin/pages/block/{heading.pk}/change/").content.decode()
    assert 'name="kind"' in html
    assert 'name="ordered"' not in html
    html = admin_client.get(f"/admin/pages/block/{listing.pk}/change/").content.decode()
    assert 'name="ordered"' in html


def test_section_form_offers_no_numbered_list_and_folds_each_part(admin_client, section):
    response = admin_client.get(f"/admin/pages/section/{section.pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "-ordered" not in html  # no "numbered list" box on any block row
    # Each kind of part (blocks, benefits, dates, documents, links) folds away.
    for prefix in ("blocks", "benefits", "key_dates", "documents", "links"):
        group = html.split(f'id="{prefix}-group"')[1].split('-group"')[0]
        assert "collapse" in group, prefix
    assert "<details" in html


def test_saving_a_heading_keeps_its_stored_list_setting(admin_client, section):
    heading = section.blocks.get(kind=Block.Kind.HEADING)
    url = f"/admin/pages/block/{heading.pk}/change/"
    # The form's hidden fields as served: formset counts and the page version.
    hidden = dict(
        re.findall(
            r'<input type="hidden" name="([^"]+)" value="([^"]*)"',
            admin_client.get(url).content.decode(),
        )
    )
    hidden.pop("csrfmiddlewaretoken", None)
    response = admin_client.post(
        url,
        {
            **hidden,
            "section": section.pk,
            "position": 1,
            "kind": "heading",
            "heading_ja": "新しい見出し",
            "text_ja": "",
        },
    )
    assert response.status_code == 302
    heading.refresh_from_db()
    assert heading.heading_ja == "新しい見出し" and heading.ordered is True
