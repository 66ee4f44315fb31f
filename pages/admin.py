"""The ward staff's admin for sections, their parts and the important notices.

Every text a resident reads is edited in Japanese with its translations in
tabs. A section's versions hold the whole page (every part, every language):
its history says who changed what and when, and restores all of it
(shinjuku_mynumber/admin_base.py). A Content editor's change to a published
section waits for a Publisher (review_views.py).
Parts of a section are edited inline; each part also has its own page (hidden
from the index, reached by the inline's "change" link), where a block's list
items are edited; saving it returns to the section.
"""

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from shinjuku_mynumber.admin_base import (
    ContentAdmin,
    PublishingAdminMixin,
    TranslatedStackedInline,
    TranslatedTabularInline,
)
from shinjuku_mynumber.publishing import PUBLISHING_FIELDS, Status

from . import admin_views, review_views
from .models import Benefit, Block, Document, KeyDate, Link, ListItem, Notice, Section


class SeedKeyHiddenMixin:
    """The initial-content loader's `key` is technical: only superusers see it."""

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if request.user.is_superuser:
            return fields
        return [f for f in fields if f != "key"]


class HiddenFromIndexMixin:
    """A part edited inside its section: its own pages exist (a list's items) but are
    not listed. Content editors add and delete parts in their section's form, so
    that the change is reviewed with the section; publishers may also do it here."""

    def get_model_perms(self, request):
        return {}

    def has_add_permission(self, request):
        publishes = request.user.has_perm(SectionAdmin.review_permission)
        return publishes and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        publishes = request.user.has_perm(SectionAdmin.review_permission)
        return publishes and super().has_delete_permission(request, obj)


# --- Inlines of a section ---------------------------------------------------


class BlockInline(SeedKeyHiddenMixin, TranslatedStackedInline):
    model = Block
    classes = ("collapse",)  # long pages fold by part
    # "Numbered list" applies to lists only: it is set on a list's own page
    # (BlockAdmin), with its items, and never offered on headings or paragraphs.
    fields = ("position", "kind", "heading", "text", "hide_when_ended", "recorded_on", "key")
    show_change_link = True
    verbose_name_plural = _("body blocks (edit a list's items with its 'change' link)")


class BenefitInline(SeedKeyHiddenMixin, TranslatedStackedInline):
    classes = ("collapse",)  # long pages fold by part
    model = Benefit
    fields = ("position", "title", "tagline", "body", "key")
    show_change_link = True


class KeyDateInline(SeedKeyHiddenMixin, TranslatedTabularInline):
    classes = ("collapse",)  # long pages fold by part
    model = KeyDate
    fields = ("date", "text", "key")
    show_change_link = True


class LinkInline(SeedKeyHiddenMixin, TranslatedTabularInline):
    classes = ("collapse",)  # long pages fold by part
    model = Link
    fields = ("position", "label", "url", "key")
    show_change_link = True


class DocumentInline(SeedKeyHiddenMixin, TranslatedTabularInline):
    classes = ("collapse",)  # long pages fold by part
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
    publish_permission = review_permission = "pages.publish_section"
    change_form_template = "admin/pages/section/change_form.html"
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
    # From the English title: a Japanese title has no letters a URL slug keeps.
    prepopulated_fields = {"slug": ("title_en",)}
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "summary",
                    "task_label",
                    "slug",
                    "position",
                    "embed",
                    "inquiry_desk",
                )
            },
        ),
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

    @admin.display(description=_("Content check due"))
    def review_overdue(self, obj):
        # A date and a word, not a yes/no icon (whose alt text reads "True").
        due = date_format(obj.review_due_on, "DATE_FORMAT")
        if obj.is_review_overdue():
            return format_html(
                '<strong class="overdue">{}</strong>',
                gettext("Overdue: was due %(date)s") % {"date": due},
            )
        return due

    @admin.action(
        description=_("Mark the selected sections as reviewed today"), permissions=["change"]
    )
    def mark_reviewed(self, request, queryset):
        count = admin_views.mark_reviewed(queryset, request.user)
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
            *review_views.urls(site),
            path(
                "translations/",
                site.admin_view(admin_views.TranslationStatusView.as_view(admin_site=site)),
                name="pages_section_translations",
            ),
            *super().get_urls(),
        ]

    def has_delete_permission(self, request, obj=None):
        # Taking a public page down is publishing, not editing.
        if obj is not None and obj.status == Status.PUBLISHED and not self.can_publish(request):
            return False
        return super().has_delete_permission(request, obj)

    def review_url(self, request, change):
        return reverse("admin:pages_section_pending_change", args=[change.pk])

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        section = self.get_object(request, object_id)
        if section is not None:
            extra_context["preview_url"] = reverse("pages:preview", kwargs={"slug": section.slug})
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Notice)
class NoticeAdmin(SeedKeyHiddenMixin, PublishingAdminMixin, ContentAdmin):
    publish_permission = "pages.publish_notice"
    list_display = ("title", "position", "status", "shown_from", "shown_until", "modified")
    list_display_links = ("title",)
    list_editable = ("position",)
    list_filter = ("status",)
    search_fields = ("title",)
    fields = ("title", "body", "section", "position", *PUBLISHING_FIELDS, "key")


# --- Parts: their own pages, for history and for a block's list items ---------


class PartAdmin(SeedKeyHiddenMixin, HiddenFromIndexMixin, ContentAdmin):
    review_permission = SectionAdmin.review_permission
    list_display = ("__str__", "section", "position")
    list_filter = ("section",)
    list_select_related = ("section",)

    def page_of(self, obj):
        return obj.section

    def response_change(self, request, obj):
        # Back to the page the part belongs to.
        response = super().response_change(request, obj)
        if "_continue" in request.POST or "_addanother" in request.POST:
            return response
        return redirect(reverse("admin:pages_section_change", args=[obj.section_id]))


@admin.register(Block)
class BlockAdmin(PartAdmin):
    fields = (
        "section", "position", "kind", "heading", "text", "ordered", "hide_when_ended",
        "recorded_on", "key",
    )  # fmt: skip
    list_display = ("__str__", "section", "kind", "position")
    inlines = (ListItemInline,)

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if obj is not None and obj.kind != Block.Kind.LIST:
            # Options only where they apply: no "numbered list" on a heading.
            fields = [name for name in fields if name != "ordered"]
        return fields


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
    review_permission = SectionAdmin.review_permission
    fields = ("block", "position", "text")
    list_display = ("__str__", "block", "position")
    list_select_related = ("block",)

    def page_of(self, obj):
        return obj.block.section
