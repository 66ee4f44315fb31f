"""Seeds inquiry desks (and call centres) from initial_data/contacts.ja.toml."""

from pathlib import Path

from shinjuku_mynumber.seeding import SeedReport, load_toml, seed

from .models import InquiryDesk

DATA_FILE = Path(__file__).parent / "initial_data" / "contacts.ja.toml"


def load(report: SeedReport) -> None:
    data = load_toml(DATA_FILE)
    for item in data["inquiry_desks"]:
        values = {
            name: item[name]
            for name in ("department", "section_name", "phone", "phone_note", "is_site_default")
        }
        seed(InquiryDesk, report, f"desk.{item['key']}", {"seed_key": item["key"]}, values)
