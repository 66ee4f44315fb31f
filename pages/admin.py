"""The ward staff's admin for sections, their parts and the important notices.

Every text a resident reads is edited in Japanese with its translations in
tabs, and every record has a history (who, when, what changed; restore).
Parts of a section are edited inline; each part also has its own page (hidden
from the index, reached by the inline's "change" link) for its history, and
list items are edited inside their block.
"""

from django.contrib import admin, messages
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from shinjuku_mynumber.admin_base import (
    ContentAdmin,
    TranslatedStackedInline,
    TranslatedTabularInline,
)
from shinjuku_mynumber.publishing import Status

from . import admin_views
from .models import Benefit, Block, Document, KeyDate, Link, ListItem, Notice, Section

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


class HiddenFromIndexMixin:
    """A part edited inside its section: its own pages exist (history) but are not listed."""

    def get_model_perms(self, request):
        return {}


# --- Inlines of a section ---------------------------------------------------


class BlockInline(TranslatedStackedInline):
    model = Block
    fields = ("position", "kind", "heading", "text", "ordered", "hide_when_ended", "key")
    show_change_link = True
    verbose_name_plural = _("body blocks (edit a list's items with its 'change' link)")


class BenefitInline(TranslatedStackedInline):
    model = Benefit
    fields = ("position", "title", "tagline", "body", "key")
    show_change_link = True


class KeyDateInline(TranslatedTabularInline):
    model = KeyDate
    fields = ("date", "text", "key")
    show_change_link = True


class LinkInline(TranslatedTabularInline):
    model = Link
    fields = ("position", "label", "url", "key")
    show_change_link = True


class DocumentInline(TranslatedTabularInline):
    model = Document
    fields = ("position", "title", "file", "file_info", "url", "key")
    readonly_fields = ("file_info",)
    show_change_link = True

    @admin.display(description=_("type and size"))
    def file_info(self, obj):
        return document_file_info(obj)


def document_file_info(obj):
    if not obj.file:
        return "—"
    return f"{obj.file_type}, {filesizeformat(obj.file_size or 0)}"


class ListItemInline(TranslatedTabularInline):
    model = ListItem
    fields = ("position", "text")


# --- Sections and notices --------------------------------------------------


@admin.register(Section)
class SectionAdmin(PublishingAdminMixin, ContentAdmin):
    publish_permission = "pages.publish_section"
    list_display = (
        "title",
        "position",
        "status",
        "shown_from",
        "shown_until",
        "last_reviewed",
        "review_overdue",
        "modified",
    )
    list_display_links = ("title",)
    list_editable = ("position",)
    list_filter = ("status",)
    search_fields = ("title", "slug")
    actions = ("mark_reviewed",)
    readonly_fields = ("modified",)
    fieldsets = (
        (None, {"fields": ("title", "summary", "slug", "position", "embed", "inquiry_desk")}),
        (_("Publishing"), {"fields": PUBLISHING_FIELDS}),
        (_("Programme end"), {"fields": ("programme_ended_on", "ended_notice")}),
        (
            _("Review"),
            {
                "fields": (
                    "content_as_of",
                    "last_reviewed",
                    "review_interval_months",
                    "review_note",
                    "modified",
                )
            },
        ),
    )
    inlines = (BlockInline, BenefitInline, KeyDateInline, DocumentInline, LinkInline)

    @admin.display(description=_("review overdue"), boolean=True)
    def review_overdue(self, obj):
        return obj.is_review_overdue()

    @admin.action(
        description=_("Mark the selected sections as reviewed today"), permissions=["change"]
    )
    def mark_reviewed(self, request, queryset):
        count = admin_views.mark_reviewed(queryset)
        message = ngettext(
            "%(count)d section marked as reviewed.",
            "%(count)d sections marked as reviewed.",
            count,
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    def get_urls(self):
        site = self.admin_site
        return [
            path(
                "review/",
                site.admin_view(admin_views.OverdueReviewsView.as_view(admin_site=site)),
                name="pages_section_review",
            ),
            path(
                "translations/",
                site.admin_view(admin_views.TranslationStatusView.as_view(admin_site=site)),
                name="pages_section_translations",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        section = self.get_object(request, object_id)
        if section is not None:
            extra_context["preview_url"] = reverse("pages:preview", kwargs={"slug": section.slug})
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Notice)
class NoticeAdmin(PublishingAdminMixin, ContentAdmin):
    publish_permission = "pages.publish_notice"
    list_display = ("title", "position", "status", "shown_from", "shown_until", "modified")
    list_display_links = ("title",)
    list_editable = ("position",)
    list_filter = ("status",)
    search_fields = ("title",)
    fields = ("title", "body", "section", "position", *PUBLISHING_FIELDS, "key")


# --- Parts: their own pages, for history and for a block's list items ---------


class PartAdmin(HiddenFromIndexMixin, ContentAdmin):
    list_display = ("__str__", "section", "position")
    list_filter = ("section",)
    list_select_related = ("section",)


@admin.register(Block)
class BlockAdmin(PartAdmin):
    fields = ("section", *BlockInline.fields)
    list_display = ("__str__", "section", "kind", "position")
    inlines = (ListItemInline,)


@admin.register(Benefit)
class BenefitAdmin(PartAdmin):
    fields = ("section", "position", "title", "tagline", "body", "key")


@admin.register(KeyDate)
class KeyDateAdmin(PartAdmin):
    fields = ("section", "date", "text", "key")
    list_display = ("__str__", "section", "date")


@admin.register(Link)
class LinkAdmin(PartAdmin):
    fields = ("section", "position", "label", "url", "key")


@admin.register(Document)
class DocumentAdmin(PartAdmin):
    fields = ("section", "position", "title", "file", "file_info", "url", "key")
    readonly_fields = ("file_info",)

    @admin.display(description=_("type and size"))
    def file_info(self, obj):
        return document_file_info(obj)


@admin.register(ListItem)
class ListItemAdmin(HiddenFromIndexMixin, ContentAdmin):
    fields = ("block", "position", "text")
    list_display = ("__str__", "block", "position")
    list_select_related = ("block",)
