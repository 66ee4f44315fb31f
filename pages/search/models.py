"""The search index: one row per page (or location, or call centre) and language.

Rows hold the text as the reader sees it (for titles and snippets) and its
search terms (pages/search/text.py), so that a query compares terms only. On
PostgreSQL a GIN index over the terms answers the match (migration 0002); on
SQLite a LIKE per term does, over the few hundred rows this site has.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from shinjuku_mynumber.publishing import local_today


class EntryQuerySet(models.QuerySet):
    def shown(self, language, on=None):
        """Rows of a language whose page is public on that day."""
        on = on or local_today()
        return self.filter(
            Q(language=language),
            Q(shown_from__isnull=True) | Q(shown_from__lte=on),
            Q(shown_until__isnull=True) | Q(shown_until__gte=on),
        )


class Entry(models.Model):
    class Kind(models.TextChoices):
        SECTION = "section", _("Page")
        LOCATION = "location", _("Location")
        CALL_CENTRE = "call_centre", _("Call centre")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=10)
    url = models.CharField(max_length=300)
    position = models.PositiveIntegerField(default=0)
    shown_from = models.DateField(null=True, blank=True)
    shown_until = models.DateField(null=True, blank=True)
    # The title is Japanese because this language has none yet (shown as such).
    fallback = models.BooleanField(default=False)
    title = models.CharField(max_length=300)
    headings = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # Space-separated terms, per weight, and all of them once, padded with
    # spaces (" a b c ") so that a term is matched whole.
    title_terms = models.TextField(blank=True)
    heading_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    terms = models.TextField(blank=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "language"], name="search_entry_unique"
            )
        ]
        indexes = [models.Index(fields=["language", "kind"], name="search_entry_language")]

    def __str__(self):
        return f"{self.language}: {self.title}"
