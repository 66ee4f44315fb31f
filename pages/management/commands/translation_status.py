"""Print, per language, the share of content and of interface strings translated.

    python manage.py translation_status [--min-percent N]

Exits non-zero when any language is below N percent (default 0) in either.
"""

from django.core.management.base import BaseCommand, CommandError

from shinjuku_mynumber.translation_status import translation_status


class Command(BaseCommand):
    help = "Share of content fields and interface strings translated, per language."

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-percent",
            type=float,
            default=0,
            help="Fail when any language is below this percentage (content or interface).",
        )

    def handle(self, *args, min_percent, **options):
        statuses, _records = translation_status()
        self.stdout.write(f"{'Language':<24} {'Content':<24} Interface")
        below = []
        for status in statuses:
            language = f"{status.code} ({status.name})"
            self.stdout.write(f"{language:<24} {status.content!s:<24} {status.interface}")
            if status.lowest_percent < min_percent:
                below.append(status.code)
        if below:
            raise CommandError(
                f"Below {min_percent:g}% translated: {', '.join(below)}", returncode=1
            )
