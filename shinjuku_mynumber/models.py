"""Site-wide records about content rows, whatever app they belong to.

- `Source`: where the facts of a row come from (several per row), and
  `Sourced`, the abstract mixin a content model inherits to have sources and a
  review flag (the reason a fact is unverified, shown in the review list).
- `SeedRecord`: what `load_initial_data` wrote into a row, and from which
  release of the initial content, so that a later release can update the rows
  staff have not touched (see seeding.py).

Apps import this module; it never imports an app.
"""

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


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
