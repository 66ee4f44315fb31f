"""Publish approved changes whose time has come. Run it every minute (cron, a timer)."""

from django.core.management.base import BaseCommand

from shinjuku_mynumber.review import publish_due


class Command(BaseCommand):
    help = "Publish the approved changes scheduled for now or earlier."

    def handle(self, *args, **options):
        count = publish_due()
        if options["verbosity"] > 1 or count:
            self.stdout.write(f"Published {count} scheduled change(s).")
