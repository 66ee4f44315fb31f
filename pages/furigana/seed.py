"""Seed the readings of place names (pages/furigana/initial_data/readings.ja.toml)."""

from pathlib import Path

from shinjuku_mynumber.seeding import load_toml

from .models import Reading

DATA_FILE = Path(__file__).parent / "initial_data" / "readings.ja.toml"


def load(report) -> None:
    for record in load_toml(DATA_FILE)["reading"]:
        _reading, created = Reading.objects.get_or_create(
            surface=record["surface"],
            defaults={"reading": record["reading"], "note": record.get("note", "")},
        )
        if created:
            report.created.append(f"reading.{record['surface']}")
