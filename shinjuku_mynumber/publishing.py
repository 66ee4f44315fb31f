"""What "published" and "shown today" mean, in one place for every content model."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def local_today():
    """Today's date in Asia/Tokyo, whatever the server's own clock zone."""
    return timezone.localdate()


# The fields that decide whether and when a record is shown.
PUBLISHING_FIELDS = ("status", "shown_from", "shown_until")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def published(self, on=None):
        """Published, and inside its "shown from"/"shown until" dates on that day."""
        on = on or local_today()
        return self.filter(
            Q(status=Status.PUBLISHED),
            Q(shown_from__isnull=True) | Q(shown_from__lte=on),
            Q(shown_until__isnull=True) | Q(shown_until__gte=on),
        )


class Publishable(models.Model):
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED
    )
    shown_from = models.DateField(
        _("shown from"), null=True, blank=True, help_text=_("Leave empty to show at once.")
    )
    shown_until = models.DateField(
        _("shown until"), null=True, blank=True, help_text=_("Leave empty to show with no end.")
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_visible(self, on=None):
        on = on or local_today()
        return (
            self.status == Status.PUBLISHED
            and (self.shown_from is None or self.shown_from <= on)
            and (self.shown_until is None or self.shown_until >= on)
        )

    @classmethod
    def validity_constraint(cls, name):
        return models.CheckConstraint(
            condition=Q(shown_from__isnull=True)
            | Q(shown_until__isnull=True)
            | Q(shown_until__gte=models.F("shown_from")),
            name=name,
            violation_error_message=_("'Shown until' must not be before 'shown from'."),
        )
