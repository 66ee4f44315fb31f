"""Load the ward's initial content: safe to run at every start.

Creates what is missing, fills in empty translations, and never changes what
staff have edited since (see shinjuku_mynumber/seeding.py).
"""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from pages.search import index as search_index
from shinjuku_mynumber.seeding import SeedReport

# Order matters: sections name their inquiry desk, locations their services.
SEEDERS = ["contacts.seed", "facilities.seed", "pages.seed"]


def load_all() -> SeedReport:
    report = SeedReport()
    # The search index is rebuilt once at the end (also filling it on the
    # first deploy of a site whose content predates it).
    with transaction.atomic(), search_index.rebuilt_after():
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
