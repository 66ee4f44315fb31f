"""Seeds locations, their services and the yearly closures from
initial_data/locations.ja.toml (see shinjuku_mynumber/seeding.py for the rules).

Each record there also names its `sources` or why it is `unverified`
(tests/test_data_provenance.py checks that every record has one); the
generic loader of the project reads those.
"""

from datetime import time
from pathlib import Path

from shinjuku_mynumber.publishing import Status
from shinjuku_mynumber.seeding import SeedReport, load_toml, seed

from .models import ItemToBring, Location, LocationHours, Service, YearlyClosure

DATA_FILE = Path(__file__).parent / "initial_data" / "locations.ja.toml"
LOCATION_FIELDS = (
    "kind", "name", "name_kana", "address", "floor", "notes", "access", "accessibility",
    "phone", "phone_note", "language_help", "language_note",
)  # fmt: skip


def create_part(model, report: SeedReport, key: str, lookup: dict, **values):
    """A part with no translated fields (an hours rule): created if missing."""
    instance, created = model.objects.get_or_create(**lookup, defaults=values)
    if created:
        report.created.append(key)
    return instance


def seed_hours(report: SeedReport, model, key: str, owner: dict, rules: list[dict]) -> None:
    """Weekly hours rules of a location or a call centre ({"day_type", "opens", "closes"})."""
    for index, rule in enumerate(rules, start=1):
        lookup = {**owner, "day_type": rule["day_type"], "opens": time.fromisoformat(rule["opens"])}
        values = {"closes": time.fromisoformat(rule["closes"])}
        create_part(model, report, f"{key}.hours.{index}", lookup, **values)


def load(report: SeedReport) -> None:
    data = load_toml(DATA_FILE)
    for item in data["yearly_closures"]:
        values = {
            "name": item["name"],
            "start_month": item["start"][0],
            "start_day": item["start"][1],
            "end_month": item["end"][0],
            "end_day": item["end"][1],
        }
        seed(
            YearlyClosure, report, f"closure.{item['key']}", {"key": item["key"]}, values, item=item
        )
    services = {}
    for position, item in enumerate(data["services"], start=1):
        values = {"name": item["name"], "position": position * 10}
        key = item["key"]
        services[key] = seed(Service, report, f"service.{key}", {"key": key}, values)
    for position, item in enumerate(data["locations"], start=1):
        seed_location(report, item, position * 10, services)


def seed_location(report: SeedReport, item: dict, position: int, services: dict) -> None:
    key = f"location.{item['slug']}"
    values = {name: item.get(name, "").strip() for name in LOCATION_FIELDS}
    values["position"] = position
    # A row that cannot be confirmed is seeded as a draft: kept for staff, not shown.
    values["status"] = item.get("status", Status.PUBLISHED)
    existed = Location.objects.filter(slug=item["slug"]).exists()
    location = seed(Location, report, key, {"slug": item["slug"]}, values, item=item)
    # Parts are created only with a new location, so staff deletions stay deleted.
    if existed:
        return
    location.services.set(services[name] for name in item.get("services", []))
    seed_hours(report, LocationHours, key, {"location": location}, item.get("hours", []))
    for index, thing in enumerate(item.get("items_to_bring", []), start=1):
        lookup = {"location": location, "key": thing["key"]}
        values = {"text": thing["text"], "position": index * 10}
        seed(ItemToBring, report, f"{key}.bring.{thing['key']}", lookup, values)
