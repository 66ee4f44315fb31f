"""Base classes for every content admin: translations in tabs, whole-page versions.

- `ContentAdmin`: modeltranslation's tabbed fields (jQuery UI served from our
  own static files, see JQUERY_UI_URL) plus versions of the whole page
  (versioning.py): every save records the page with all its parts; "History"
  lists each revision with what it changed, compares one with the page as it
  is, and restores it (every part, every language).
- Reviewed changes (review.py): with `review_permission` set, a save by
  someone without it to a published page is kept as the page's pending change
  and the public page stays as it is; that person then edits the pending
  version. Restores by them go the same way.
- Optimistic locking: the change form carries the version it was based on
  (`page_version`); a save based on an older one is refused with a warning and
  the form keeps what was typed.
- `TranslatedStackedInline` / `TranslatedTabularInline`: inlines with tabs.
- For models with sources (`Sourced`), both add them by themselves: a content
  admin gets the sources inline and the "needs checking because" field, an
  inline shows each row's sources as links next to its text.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connections, router, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from . import review, versioning
from .models import Source, Sourced
from .publishing import PUBLISHING_FIELDS, Status

# Language tabs named by language, new rows on the Japanese tab.
LANGUAGE_TABS_JS = "js/admin-tabs.js"


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


class VersionedAdmin(admin.ModelAdmin):
    change_form_template = "admin/versioning/change_form.html"
    object_history_template = "admin/versioning/history.html"
    # Holders of this permission publish directly; others' changes to a live page wait.
    review_permission = ""

    def page_of(self, obj):
        """The record whose versions hold `obj` (a part's section, for example)."""
        return obj

    def publishes_directly(self, request):
        return not self.review_permission or request.user.has_perm(self.review_permission)

    def review_url(self, request, change):
        """Where a publisher reviews a pending change (set by the app that reviews)."""
        return None

    def needs_review(self, request, page):
        return (
            not self.publishes_directly(request) and getattr(page, "status", "") == Status.PUBLISHED
        )

    # --- Saving: one revision of the whole page per save ----------------------------

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        page = self.page_of(form.instance)
        # Fresh from the database: the admin's queryset may have prefetched parts.
        page = type(page)._base_manager.get(pk=page.pk)
        request._saved_page = page
        versioning.snapshot(page, request.user, getattr(request, "_revision_comment", ""))

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        warning = getattr(request, "_stale_edit", None)
        if warning is None:
            return form

        class StaleEditForm(form):
            def clean(self):
                super().clean()
                raise ValidationError(warning, code="stale")

        StaleEditForm.__name__ = form.__name__
        return StaleEditForm

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        if obj is None:  # adding, or not found: Django's own answer
            return super().changeform_view(request, object_id, form_url, extra_context)
        page = self.page_of(obj)
        db = router.db_for_write(type(page))
        with transaction.atomic(using=db):
            if request.method == "POST":
                # Two saves of one page run one after the other, each seeing the other's.
                type(page)._default_manager.select_for_update().filter(pk=page.pk).exists()
            pending = review.open_change(page)
            show_pending = pending is not None and not self.publishes_directly(request)
            token = versioning.edit_token(page, pending)
            if request.method == "POST":
                sent = request.POST.get("page_version")
                if sent and sent != token:
                    request._stale_edit = self.stale_warning(page, pending)
            context = {
                **(extra_context or {}),
                "page_version": token,
                "pending_change": pending,
                "showing_pending": show_pending,
                "needs_review": self.needs_review(request, page),
                "review_url": pending
                and self.publishes_directly(request)
                and self.review_url(request, pending),
            }
            savepoint = transaction.savepoint_create(using=db)
            if show_pending:
                pending.revision.revert(delete=True)
            response = super().changeform_view(request, object_id, form_url, context)
            saved = request.method == "POST" and hasattr(request, "_saved_page")
            if saved and not self.needs_review(request, page):
                transaction.savepoint_commit(savepoint, using=db)
                return response
            versions = versioning.serialized_versions(request._saved_page) if saved else None
            if hasattr(response, "render"):
                response.render()  # with the pending version, before it is rolled back
            transaction.savepoint_rollback(savepoint, using=db)
            if not saved:
                return response
            keep_ids_reserved(db, versions)
            review.propose(page, versions, request.user)
        self.message_user(
            request,
            gettext(
                "Your change is saved and waits for a publisher's approval. "
                "The public page stays as it is until then."
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self.page_url(page, "change"))

    def stale_warning(self, page, pending):
        latest = versioning.live_versions(page).first()
        who, when = "", ""
        if pending is not None and (
            latest is None or pending.updated > latest.revision.date_created
        ):
            who, when = pending.author, pending.updated
        elif latest is not None:
            who, when = latest.revision.user, latest.revision.date_created
        return gettext(
            "Someone else (%(user)s, %(time)s) saved this page after you opened it. "
            "Nothing was saved from this form, and what you typed is still below. "
            "Check the page's history for their change; saving again replaces it with yours."
        ) % {
            "user": who.get_username() if who else "—",
            "time": formats.date_format(timezone.localtime(when), "DATETIME_FORMAT")
            if when
            else "—",
        }

    # --- History, compare, restore -----------------------------------------------------

    def page_url(self, page, view, *args):
        opts = page._meta
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_{view}",
            args=[quote(page.pk), *args],
            current_app=self.admin_site.name,
        )

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/history/<int:revision_id>/",
                self.admin_site.admin_view(self.revision_view),
                name=f"{opts.app_label}_{opts.model_name}_revision",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return super().history_view(request, object_id, extra_context)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        page = self.page_of(obj)
        if page is not obj:
            return HttpResponseRedirect(self.page_url(page, "history"))
        pending = review.open_change(page)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("History of “%(page)s”") % {"page": page},
            "subtitle": None,
            "object": page,
            "opts": self.model._meta,
            "entries": versioning.history(page),
            "pending_change": pending,
            "review_url": pending
            and self.publishes_directly(request)
            and self.review_url(request, pending),
            "can_restore": self.has_change_permission(request, obj),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_template, context)

    def revision_view(self, request, object_id, revision_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        page = self.page_of(obj)
        if page is not obj:
            return HttpResponseRedirect(self.page_url(page, "revision", revision_id))
        version = get_object_or_404(versioning.live_versions(page), revision_id=revision_id)
        revision = version.revision
        if request.method == "POST":
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
            return self.restore(request, page, revision)
        changes = versioning.describe_changes(
            versioning.live_state(page), versioning.revision_state(revision)
        )
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Version of %(time)s") % {"time": _when(revision.date_created)},
            "subtitle": str(page),
            "object": page,
            "opts": self.model._meta,
            "revision": revision,
            "changes": changes,
            "needs_review": self.needs_review(request, page),
            "can_restore": self.has_change_permission(request, obj),
            "history_url": self.page_url(page, "history"),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/versioning/revision.html", context)

    def restore(self, request, page, revision):
        comment = gettext("Restored the version of %(time)s.") % {
            "time": _when(revision.date_created)
        }
        if self.needs_review(request, page):
            versions = list(
                revision.version_set.values(
                    "content_type", "object_id", "db", "format", "serialized_data", "object_repr"
                )
            )
            for version in versions:
                version["content_type_id"] = version.pop("content_type")
            review.propose(page, versions, request.user, comment)
            message = gettext(
                "The earlier version waits for a publisher's approval. "
                "The public page stays as it is until then."
            )
        else:
            versioning.apply_revision(
                revision, page, request.user, comment, keep=review.kept_fields(type(page))
            )
            message = comment
        self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(self.page_url(page, "change"))


def _when(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def keep_ids_reserved(db, versions):
    """SQLite takes back ids handed out in a rolled-back transaction; PostgreSQL never does.

    A pending change keeps the ids its new parts got, so SQLite must not hand
    them out again.
    """
    connection = connections[db]
    if connection.vendor != "sqlite":
        return
    highest = {}
    for version in versions:
        model = version["content_type"].model_class()
        if str(version["object_id"]).isdigit():
            table = model._meta.db_table
            highest[table] = max(highest.get(table, 0), int(version["object_id"]))
    with connection.cursor() as cursor:
        for table, top in highest.items():
            cursor.execute(
                "UPDATE sqlite_sequence SET seq = MAX(seq, %s) WHERE name = %s", [top, table]
            )


class ContentAdmin(VersionedAdmin, TabbedTranslationAdmin):
    class Media:
        js = (LANGUAGE_TABS_JS,)

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
