"""Seeds inquiry desks and call centres from initial_data/contacts.ja.toml
(see shinjuku_mynumber/seeding.py for the rules)."""

from pathlib import Path

from facilities.seed import create_part, seed_hours
from shinjuku_mynumber.seeding import SeedReport, load_toml, seed

from .models import CallCentre, CallCentreHours, CallCentreLanguage, InquiryDesk, PhoneLine

DATA_FILE = Path(__file__).parent / "initial_data" / "contacts.ja.toml"


def load(report: SeedReport) -> None:
    data = load_toml(DATA_FILE)
    for item in data["inquiry_desks"]:
        values = {
            name: item[name]
            for name in ("department", "section_name", "phone", "phone_note", "is_site_default")
        }
        seed(
            InquiryDesk, report, f"desk.{item['key']}", {"seed_key": item["key"]}, values, item=item
        )
    for position, item in enumerate(data.get("call_centres", []), start=1):
        seed_call_centre(report, item, position * 10)


def seed_call_centre(report: SeedReport, item: dict, position: int) -> None:
    key = f"callcentre.{item['key']}"
    values = {
        "name": item["name"],
        "purpose": item.get("purpose", ""),
        "observes_yearly_closures": item.get("observes_yearly_closures", True),
        "is_always_open": item.get("is_always_open", False),
        "position": position,
    }
    existed = CallCentre.objects.filter(key=item["key"]).exists()
    centre = seed(CallCentre, report, key, {"key": item["key"]}, values, item=item)
    # Parts are created only with a new call centre, so staff deletions stay deleted.
    if existed:
        return
    for index, line in enumerate(item.get("lines", []), start=1):
        lookup = {"call_centre": centre, "key": line["key"]}
        values = {"label": line["label"], "phone": line["phone"], "position": index * 10}
        seed(PhoneLine, report, f"{key}.line.{line['key']}", lookup, values, item=line)
    for index, code in enumerate(item.get("languages", []), start=1):
        lookup = {"call_centre": centre, "language": code}
        create_part(CallCentreLanguage, report, f"{key}.language.{code}", lookup, position=index)
    seed_hours(report, CallCentreHours, key, {"call_centre": centre}, item.get("hours", []))
