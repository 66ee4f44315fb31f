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


class ContentAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    pass


class TranslatedStackedInline(TranslationStackedInline):
    extra = 0


class TranslatedTabularInline(TranslationTabularInline):
    extra = 0
