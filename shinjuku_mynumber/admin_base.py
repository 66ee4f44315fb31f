"""Base classes for every content admin: translations in tabs, full history.

- `ContentAdmin`: modeltranslation's tabbed fields (jQuery UI served from our
  own static files, see JQUERY_UI_URL) plus django-simple-history's
  "History" button with compare and restore.
- `TranslatedStackedInline` / `TranslatedTabularInline`: inlines with tabs.
"""

from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper


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


class TranslatedStackedInline(TranslationStackedInline):
    extra = 0


class TranslatedTabularInline(TranslationTabularInline):
    extra = 0
