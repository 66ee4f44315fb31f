"""Base classes for every content admin: translations in tabs, full history.

- `ContentAdmin`: modeltranslation's tabbed fields (jQuery UI served from our
  own static files, see JQUERY_UI_URL) plus django-simple-history's
  "History" button with compare and restore.
- `TranslatedStackedInline` / `TranslatedTabularInline`: inlines with tabs.
- For models with sources (`Sourced`), both add them by themselves: a content
  admin gets the sources inline and the "needs checking because" field, an
  inline shows each row's sources as links next to its text.
"""

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from .models import Source, Sourced


def is_sourced(model) -> bool:
    return issubclass(model, Sourced)


def source_links(sources):
    return format_html_join(
        "",
        '<li><a href="{}" target="_blank" rel="noopener noreferrer">{}</a>{}</li>',
        (
            (s.url, s.title, format_html(" ({})", s.checked.isoformat()) if s.checked else "")
            for s in sources
        ),
    )


def provenance_html(obj):
    """The row's sources as links, and why it needs checking, if it does."""
    if obj.pk is None:
        return "—"
    links = source_links(obj.sources.all())
    parts = [format_html('<ul class="sources">{}</ul>', links)] if links else []
    if obj.review_reason:
        parts.append(
            format_html("<p><strong>{}</strong> {}</p>", _("Needs checking:"), obj.review_reason)
        )
    return format_html_join("", "{}", ((part,) for part in parts)) or _("No source recorded")


class SourceInline(GenericTabularInline):
    model = Source
    fields = ("title", "url", "checked", "position")
    extra = 0
    classes = ("sources",)


class ChangesHelper(HistoricalRecordContextHelper):
    """The history's "changes" column without noise: no empty -> empty, no timestamps."""

    def context_for_delta_changes(self, delta):
        changes = [c for c in delta.changes if c.field != "modified" and (c.old or c.new)]
        return [
            {"field": c.field, "old": c.old, "new": c.new}
            for c in map(self.format_delta_change, changes)
        ]


class ContentAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    def get_historical_record_context_helper(self, request, historical_record):
        return ChangesHelper(self.model, historical_record)

    def get_inlines(self, request, obj):
        inlines = list(super().get_inlines(request, obj))
        if is_sourced(self.model):
            inlines.append(SourceInline)
        return inlines

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        shown = {name for _title, options in fieldsets for name in options["fields"]}
        if is_sourced(self.model) and "review_reason" not in shown:
            fieldsets.append((_("Sources and review"), {"fields": ("review_reason",)}))
        return fieldsets


class ShowsSourcesMixin:
    """An inline of a model with sources shows them, read-only, next to each row's text."""

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if is_sourced(self.model) and "provenance" not in fields:
            fields.append("provenance")
        return fields

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        return (*fields, "provenance") if is_sourced(self.model) else fields

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.prefetch_related("sources") if is_sourced(self.model) else queryset

    @admin.display(description=_("sources"))
    def provenance(self, obj):
        return provenance_html(obj)


class TranslatedStackedInline(ShowsSourcesMixin, TranslationStackedInline):
    extra = 0


class TranslatedTabularInline(ShowsSourcesMixin, TranslationTabularInline):
    extra = 0
