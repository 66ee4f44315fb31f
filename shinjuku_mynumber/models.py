"""Changes to live pages waiting for a publisher (see shinjuku_mynumber/review.py)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
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
