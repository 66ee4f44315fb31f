from django.core.management.base import BaseCommand

from pages.search.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the site search index from the published content (safe at any time)."

    def handle(self, *args, **options):
        rows = rebuild()
        self.stdout.write(self.style.SUCCESS(f"Search index: {rows} rows."))
