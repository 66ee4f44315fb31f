"""`load_initial_data` is idempotent and never overwrites staff edits."""

import tomllib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from pages.models import Block, ListItem, Section
from shinjuku_mynumber.richtext import sanitize

pytestmark = pytest.mark.django_db

CONTENT_MODELS = ["pages", "contacts", "facilities"]


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for app in CONTENT_MODELS
        for model in apps.get_app_config(app).get_models()
    }


def snapshot():
    return {
        model._meta.label: sorted(
            tuple(sorted((k, str(v)) for k, v in row.items() if k not in {"modified"}))
            for row in model.objects.values()
        )
        for app in CONTENT_MODELS
        for model in apps.get_app_config(app).get_models()
        if not model._meta.label.split(".")[1].startswith("Historical")
    }


def test_loads_every_section_of_the_ward_page():
    call_command("load_initial_data", verbosity=0)
    assert list(Section.objects.values_list("slug", flat=True)) == [
        "about", "benefits", "privacy", "information-linkage", "mynaportal", "apply-collect",
        "renewal", "lost-card", "pin", "smartphone", "foreign-residents", "health-insurance",
        "mynapoint", "ordinance", "pia", "notification-card", "inquiries",
    ]  # fmt: skip
    privacy = Section.objects.get(slug="privacy")
    lists = {b.key: b.items.count() for b in privacy.blocks.filter(kind=Block.Kind.LIST)}
    assert lists == {"system": 4, "institutional": 5}
    benefits = Section.objects.get(slug="benefits").benefits.all()
    assert [b.key for b in benefits] == ["convenience", "fairness", "efficiency"]
    assert all(b.tagline for b in benefits)
    dates = {
        d.key: d.date.isoformat()
        for d in Section.objects.get(slug="information-linkage").key_dates.all()
    }
    assert dates == {"start": "2017-11-13"}


def test_running_twice_changes_nothing():
    call_command("load_initial_data", verbosity=0)
    counts, rows = row_counts(), snapshot()
    call_command("load_initial_data", verbosity=0)
    assert row_counts() == counts
    assert snapshot() == rows


def test_staff_edits_survive_a_second_run():
    call_command("load_initial_data", verbosity=0)
    section = Section.objects.get(slug="privacy")
    section.title_ja = "個人情報の保護(職員が編集)"
    section.save()
    deleted = ListItem.objects.filter(block__section=section).first()
    deleted.delete()
    items_before = ListItem.objects.filter(block__section=section).count()

    call_command("load_initial_data", verbosity=0)

    section.refresh_from_db()
    assert section.title_ja == "個人情報の保護(職員が編集)"
    assert ListItem.objects.filter(block__section=section).count() == items_before


def test_every_sentence_of_the_data_file_reaches_the_database():
    data = tomllib.loads(
        (Path(settings.BASE_DIR) / "pages/initial_data/content.ja.toml").read_text()
    )
    call_command("load_initial_data", verbosity=0)
    for item in data["sections"]:
        section = Section.objects.get(slug=item["slug"])
        for block in item.get("blocks", []):
            stored = section.blocks.get(key=block["key"])
            # Stored as sanitised rich text: links gain rel="noopener noreferrer".
            assert stored.text_ja == sanitize(block.get("text", ""))
            assert [i.text_ja for i in stored.items.all()] == [
                sanitize(text) for text in block.get("items", [])
            ]
