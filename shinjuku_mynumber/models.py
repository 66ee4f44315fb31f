"""Site-wide records about content rows, whatever app they belong to.

- `PendingChange`: a change to a live page waiting for a publisher (review.py),
  and `TranslationSource`: which Japanese text each translation translates
  (stale_translations.py).
- `Source`: where the facts of a row come from (several per row), and
  `Sourced`, the abstract mixin a content model inherits to have sources and a
  review flag (the reason a fact is unverified, shown in the review list).
- `SeedRecord`: what `load_initial_data` wrote into a row, and from which
  release of the initial content, so that a later release can update the rows
  staff have not touched (see seeding.py).
- `Banner`: the emergency notice on every page (see banners.py).

Apps import this module; it never imports an app.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from reversion.models import Revision


class PendingChangeQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state__in=PendingChange.OPEN)

    def for_page(self, root):
        return self.filter(
            content_type=ContentType.objects.get_for_model(type(root)), object_id=str(root.pk)
        )


class PendingChange(models.Model):
    """A whole page as an editor saved it (a reversion revision), not yet live."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        SCHEDULED = "scheduled", _("Approved, goes live at the set time")
        REJECTED = "rejected", _("Sent back")
        PUBLISHED = "published", _("Published")

    OPEN = (State.PENDING, State.SCHEDULED, State.REJECTED)

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=40)
    page = GenericForeignKey("content_type", "object_id")
    revision = models.OneToOneField(
        Revision, on_delete=models.CASCADE, related_name="pending_change"
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created = models.DateTimeField(_("proposed on"), auto_now_add=True)
    updated = models.DateTimeField(_("last saved"), auto_now=True)
    publish_at = models.DateTimeField(_("goes live at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    comment = models.TextField(_("comment from the publisher"), blank=True)

    objects = PendingChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-updated"]
        verbose_name = _("change awaiting approval")
        verbose_name_plural = _("changes awaiting approval")
        constraints = [
            # One proposed version of a page at a time: a later save replaces it.
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(state__in=["pending", "scheduled", "rejected"]),
                name="one_open_change_per_page",
            ),
            models.CheckConstraint(
                condition=~Q(state="scheduled") | Q(publish_at__isnull=False),
                name="scheduled_change_has_time",
            ),
        ]

    def __str__(self):
        return str(self.revision.version_set.first() or self.object_id)


class TranslationSource(models.Model):
    """Which Japanese text one translated field (in one language) translates.

    Kept only once it matters (the translation was saved, or the Japanese
    changed under it): no row means the translation is taken as current. When
    the Japanese changes and the translation does not, the row turns outdated
    (stale_translations.py).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=40)
    record = GenericForeignKey("content_type", "object_id")
    field = models.CharField(_("field"), max_length=60)
    language = models.CharField(_("language"), max_length=10)
    source_hash = models.CharField(max_length=64)
    # The Japanese text of `source_hash`: staff compare it with the Japanese now.
    japanese_before = models.TextField(_("Japanese text translated"), blank=True)
    outdated = models.BooleanField(_("outdated"), default=False)
    japanese_changed = models.DateTimeField(_("Japanese changed on"), null=True, blank=True)
    # The page the record is part of (a section for a block), for the page's notice.
    page_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    page_id = models.CharField(max_length=40)
    show_japanese = models.BooleanField(_("show the Japanese text while outdated"), default=False)

    class Meta:
        verbose_name = _("translation source")
        verbose_name_plural = _("translation sources")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="one_source_per_translated_field",
            )
        ]
        indexes = [models.Index(fields=["page_type", "page_id", "language", "outdated"])]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}.{self.field}_{self.language}"


class Source(models.Model):
    """A page a content row's facts were checked against."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    url = models.URLField(_("address"), max_length=500)
    title = models.CharField(_("title"), max_length=300)
    checked = models.DateField(
        _("checked on"), null=True, blank=True, help_text=_("The day the page was read.")
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.title or self.url


class Sourced(models.Model):
    """A content row that records its sources and whether staff must verify it."""

    review_reason = models.TextField(
        _("needs checking because"),
        blank=True,
        help_text=_(
            "Why staff must confirm this before relying on it. Listed on the review page "
            "until it is cleared."
        ),
    )
    sources = GenericRelation(Source)

    class Meta:
        abstract = True


class SeedRecord(models.Model):
    """The values `load_initial_data` last wrote into one row, by its seed key."""

    key = models.CharField(_("key"), max_length=300, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    release = models.CharField(_("release of the initial content"), max_length=64)
    values = models.JSONField(_("values as seeded"))
    seeded_at = models.DateTimeField(_("seeded at"), auto_now=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("seed record")
        verbose_name_plural = _("seed records")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.key} ({self.release})"


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
