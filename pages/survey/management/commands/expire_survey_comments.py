"""Delete survey comments past their retention period (run daily).

The privacy notice beside the survey promises that comments are kept for
SURVEY_COMMENT_RETENTION_DAYS days; the answers stay, as counts.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from pages.survey.models import PageFeedback


class Command(BaseCommand):
    help = "Delete survey comments older than SURVEY_COMMENT_RETENTION_DAYS (answers are kept)."

    def handle(self, *args, **options):
        deleted = PageFeedback.objects.expire_comments()
        days = settings.SURVEY_COMMENT_RETENTION_DAYS
        self.stdout.write(f"{deleted} survey comments older than {days} days deleted")
