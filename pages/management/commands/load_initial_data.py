"""Load the ward's initial content: safe to run at every start.

Creates what is missing, updates what staff have not touched to this release
of the initial content, fills in empty translations, and never changes what
staff have edited (see shinjuku_mynumber/seeding.py).
"""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from pages.search import index as search_index
from shinjuku_mynumber.seeding import SeedReport, content_release

# Order matters: sections name their inquiry desk, locations their services.
SEEDERS = ["contacts.seed", "facilities.seed", "pages.seed", "pages.furigana.seed"]


def load_all() -> SeedReport:
    modules = [import_module(dotted) for dotted in SEEDERS]
    report = SeedReport(release=content_release(module.DATA_FILE for module in modules))
    # The search index is rebuilt once at the end (also filling it on the
    # first deploy of a site whose content predates it).
    with transaction.atomic(), search_index.rebuilt_after():
        for module in modules:
            module.load(report)
    return report


class Command(BaseCommand):
    help = "Load the initial content (idempotent; never overwrites staff edits)."

    def handle(self, *args, **options):
        report = load_all()
        self.stdout.write(self.style.SUCCESS(f"Initial content {report.release}: {report}."))
        if report.kept and options["verbosity"] >= 1:
            self.stdout.write(
                "Edited by staff, so not updated to this release (check them against it):"
            )
            for key in report.kept:
                self.stdout.write(f"  {key}")
