"""Load the ward's initial content: safe to run at every start.

Creates what is missing, fills in empty translations, and never changes what
staff have edited since (see shinjuku_mynumber/seeding.py).
"""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from shinjuku_mynumber.seeding import SeedReport

# Order matters: sections name their inquiry desk, locations their services.
SEEDERS = ["contacts.seed", "facilities.seed", "pages.seed", "furigana.seed"]


def load_all() -> SeedReport:
    report = SeedReport()
    with transaction.atomic():
        for dotted in SEEDERS:
            try:
                module = import_module(dotted)
            except ModuleNotFoundError:
                continue
            module.load(report)
    return report


class Command(BaseCommand):
    help = "Load the initial content (idempotent; never overwrites staff edits)."

    def handle(self, *args, **options):
        report = load_all()
        self.stdout.write(self.style.SUCCESS(f"Initial content: {report}."))
