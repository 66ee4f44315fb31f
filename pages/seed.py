"""Seeds the sections of the ward's page from initial_data/content.ja.toml
(see shinjuku_mynumber/seeding.py for the rules).

A section's "last updated" date is the date its text was written
(`content_as_of` in the file), or the day staff last edited it or one of its
parts if that is later: never the day the database was loaded.
"""

import datetime
from pathlib import Path

from django.utils import timezone

from contacts.models import InquiryDesk
from shinjuku_mynumber import staff_edits
from shinjuku_mynumber.page_cache import invalidate
from shinjuku_mynumber.seeding import SeedReport, load_toml, retire, seed

from .models import Benefit, Block, Document, KeyDate, Link, ListItem, Notice, Section

DATA_FILE = Path(__file__).parent / "initial_data" / "content.ja.toml"

# Section fields read from the data file as they are: add a field's name here.
SECTION_FIELDS = (
    "title", "summary", "embed", "programme_ended_on", "ended_notice", "content_as_of",
    "last_reviewed", "review_note",
)  # fmt: skip
BLOCK_FIELDS = {
    "kind": Block.Kind.PARAGRAPH,
    "heading": "",
    "text": "",
    "ordered": True,
    "hide_when_ended": False,
    "recorded_on": None,
}
PART_MODELS = {
    "benefits": (Benefit, "benefit", ("title", "tagline", "body")),
    "key_dates": (KeyDate, "date", ("date", "text")),
    "links": (Link, "link", ("label", "url")),
    "documents": (Document, "document", ("title", "url")),
}


def load(report: SeedReport) -> None:
    data = load_toml(DATA_FILE)
    sections = [
        seed_section(report, item, position * 10)
        for position, item in enumerate(data["sections"], start=1)
    ]
    retire(report, Section.objects.exclude(pk__in=[s.pk for s in sections if s]))
    notices = []
    for position, item in enumerate(data.get("notices", []), start=1):
        key = f"notice.{item['key']}"
        values = {"title": item["title"], "body": item.get("body", ""), "position": position}
        values["section"] = Section.objects.filter(slug=item.get("section")).first()
        notices.append(seed(Notice, report, key, {"key": item["key"]}, values, item=item))
    retire(report, Notice.objects.exclude(pk__in=[n.pk for n in notices if n]))


def seed_section(report: SeedReport, item: dict, position: int) -> Section | None:
    key = f"section.{item['slug']}"
    values = {name: item[name] for name in SECTION_FIELDS if name in item}
    values["position"] = position
    if "inquiry_desk" in item:
        values["inquiry_desk"] = InquiryDesk.objects.filter(seed_key=item["inquiry_desk"]).first()
    section = seed(Section, report, key, {"slug": item["slug"]}, values, item=item)
    if section is None:  # deleted by staff: so are its parts
        return None
    # A section created just now has no parts yet: nothing to retire, no staff edits.
    fresh = report.created[-1:] == [key]
    blocks = []
    for index, block in enumerate(item.get("blocks", []), start=1):
        block_key = f"{key}.block.{block['key']}"
        values = {name: block.get(name, default) for name, default in BLOCK_FIELDS.items()}
        values["position"] = index * 10
        lookup = {"section": section, "key": block["key"]}
        instance = seed(Block, report, block_key, lookup, values, item=block)
        if instance is None:
            continue
        blocks.append(instance.pk)
        items = [
            seed(
                ListItem,
                report,
                f"{block_key}.item.{number}",
                {"block": instance, "position": number * 10},
                {"text": text},
            )
            for number, text in enumerate(block.get("items", []), start=1)
        ]
        if not fresh:
            retire(report, instance.items.exclude(pk__in=[i.pk for i in items if i]))
    if not fresh:
        retire(report, section.blocks.exclude(pk__in=blocks))
    for collection, (model, kind, fields) in PART_MODELS.items():
        parts = []
        for index, part in enumerate(item.get(collection, []), start=1):
            values = {name: part[name] for name in fields if name in part}
            values["position"] = index * 10
            lookup = {"section": section, "key": part["key"]}
            seeded = seed(model, report, f"{key}.{kind}.{part['key']}", lookup, values, item=part)
            parts.append(getattr(seeded, "pk", None))
        if not fresh:
            retire(report, model.objects.filter(section=section).exclude(pk__in=parts))
    settle_last_updated(section, None if fresh else last_staff_edit(section))
    return section


def last_staff_edit(section: Section):
    """When staff last changed the section or any of its parts, in any language."""
    legacy = [
        (model, "section_id", section.pk) for model in (Block, Benefit, KeyDate, Link, Document)
    ]
    return staff_edits.last_edit(section, legacy)


def settle_last_updated(section: Section, edited) -> None:
    """Date the page by its text's own date, or by staff's last edit if later."""
    written = None
    if section.content_as_of:
        midnight = datetime.datetime.combine(section.content_as_of, datetime.time())
        written = timezone.make_aware(midnight)
    last = max((d for d in (written, edited) if d), default=None)
    if last != section.modified:
        Section.objects.filter(pk=section.pk).update(modified=last)
        invalidate("nav", f"section:{section.slug}")
