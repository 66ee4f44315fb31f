"""Base classes for every content admin: translations in tabs, full history.

- `ContentAdmin`: modeltranslation's tabbed fields (jQuery UI served from our
  own static files, see JQUERY_UI_URL) plus django-simple-history's
  "History" button with compare and restore.
- `PublishingAdminMixin`: only holders of the model's publish permission
  publish or set the dates shown (every Publishable model's admin uses it).
- `TranslatedStackedInline` / `TranslatedTabularInline`: inlines with tabs.
"""

from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from .publishing import Status


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


PUBLISHING_FIELDS = ("status", "shown_from", "shown_until")


class PublishingAdminMixin:
    """Only holders of the publish permission may publish or set the dates shown.

    For others the publishing fields are read-only, a new record starts as a
    draft, and saving (including restoring an old version) keeps the record's
    current publishing state.
    """

    publish_permission = ""

    def can_publish(self, request):
        return request.user.has_perm(self.publish_permission)

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        if not self.can_publish(request):
            fields += PUBLISHING_FIELDS
        return fields

    def save_model(self, request, obj, form, change):
        if not self.can_publish(request):
            current = None
            if change:
                current = type(obj).objects.filter(pk=obj.pk).values(*PUBLISHING_FIELDS).first()
            current = current or {"status": Status.DRAFT, "shown_from": None, "shown_until": None}
            for name, value in current.items():
                setattr(obj, name, value)
        super().save_model(request, obj, form, change)
