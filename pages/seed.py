"""Seeds the sections of the ward's page from initial_data/content.ja.toml."""

from pathlib import Path

from contacts.models import InquiryDesk
from shinjuku_mynumber.seeding import SeedReport, load_toml, seed

from .models import Benefit, Block, Document, KeyDate, Link, ListItem, Notice, Section

DATA_FILE = Path(__file__).parent / "initial_data" / "content.ja.toml"

SECTION_FIELDS = (
    "title", "summary", "task_label", "embed", "programme_ended_on", "ended_notice", "content_as_of",
    "last_reviewed", "review_note",
)  # fmt: skip
PART_MODELS = {
    "benefits": (Benefit, "benefit", ("title", "tagline", "body")),
    "key_dates": (KeyDate, "date", ("date", "text")),
    "links": (Link, "link", ("label", "url")),
    "documents": (Document, "document", ("title", "url")),
}


def load(report: SeedReport) -> None:
    data = load_toml(DATA_FILE)
    for position, item in enumerate(data["sections"], start=1):
        seed_section(report, item, position * 10)
    for position, item in enumerate(data.get("notices", []), start=1):
        key = f"notice.{item['key']}"
        values = {"title": item["title"], "body": item.get("body", ""), "position": position}
        values["section"] = Section.objects.filter(slug=item.get("section")).first()
        seed(Notice, report, key, {"key": item["key"]}, values)


def seed_section(report: SeedReport, item: dict, position: int) -> None:
    key = f"section.{item['slug']}"
    values = {name: item[name] for name in SECTION_FIELDS if name in item}
    values["position"] = position
    if "inquiry_desk" in item:
        values["inquiry_desk"] = InquiryDesk.objects.filter(seed_key=item["inquiry_desk"]).first()
    existed = Section.objects.filter(slug=item["slug"]).exists()
    section = seed(Section, report, key, {"slug": item["slug"]}, values)
    # Parts are created only with a new section, so staff deletions stay deleted.
    create = not existed
    for index, block in enumerate(item.get("blocks", []), start=1):
        block_key = f"{key}.block.{block['key']}"
        values = {
            "kind": block.get("kind", Block.Kind.PARAGRAPH),
            "heading": block.get("heading", ""),
            "text": block.get("text", ""),
            "ordered": block.get("ordered", True),
            "hide_when_ended": block.get("hide_when_ended", False),
            "position": index * 10,
        }
        lookup = {"section": section, "key": block["key"]}
        instance = seed(Block, report, block_key, lookup, values, create=create)
        if instance is None:
            continue
        for number, text in enumerate(block.get("items", []), start=1):
            seed(
                ListItem,
                report,
                f"{block_key}.item.{number}",
                {"block": instance, "position": number * 10},
                {"text": text},
                create=create,
            )
    for collection, (model, kind, fields) in PART_MODELS.items():
        for index, part in enumerate(item.get(collection, []), start=1):
            values = {name: part[name] for name in fields if name in part}
            values["position"] = index * 10
            lookup = {"section": section, "key": part["key"]}
            seed(model, report, f"{key}.{kind}.{part['key']}", lookup, values, create=create)
