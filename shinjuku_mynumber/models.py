"""Site-wide content that is not part of one app: the emergency banner."""

import datetime

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class BannerQuerySet(models.QuerySet):
    def not_ended(self, moment=None):
        return self.filter(ends_at__gt=moment or timezone.now())


class Banner(models.Model):
    """A short notice on every page between two moments (a typhoon, an outage).

    Cached pages are kept no longer than the next start or end of a banner
    (see page_cache.public_page), so a banner appears and disappears on time.
    """

    message = models.CharField(
        _("message"),
        max_length=300,
        help_text=_(
            "One or two short sentences, for example: Mynaportal is down for maintenance "
            "on 5 December from 9:00 to 12:00."
        ),
    )
    starts_at = models.DateTimeField(_("shown from"), default=timezone.now)
    ends_at = models.DateTimeField(_("shown until"))
    modified = models.DateTimeField(_("last updated"), auto_now=True)

    objects = BannerQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("emergency banner")
        verbose_name_plural = _("emergency banners")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="banner_ends_after_start",
                violation_error_message=_("The end must be after the start."),
            )
        ]

    def __str__(self):
        return self.message

    def is_shown_at(self, moment: datetime.datetime) -> bool:
        return self.starts_at <= moment < self.ends_at
