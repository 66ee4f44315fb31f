"""Staff pages beyond the model admins: what needs review (sections overdue,
and every content row flagged as unverified), and translation status. Hooked into the admin by pages.admin.SectionAdmin.get_urls:
/admin/pages/section/review/ and /admin/pages/section/translations/.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from reversion.models import Version

from pages.models import Section

from . import stale_translations, versioning
from .models import Sourced, TranslationSource
from .publishing import local_today
from .translation_status import translation_status


def mark_reviewed(sections, user=None) -> int:
    """Set "last reviewed" to today, one version each so the history says who did it."""
    today = local_today()
    count = 0
    for section in sections:
        section.last_reviewed = today
        section._keep_modified = True  # a review changes no text: "last updated" stays
        section.save(update_fields=["last_reviewed"])
        versioning.snapshot(section, user, gettext("Marked as reviewed."))
        count += 1
    return count


def with_last_editor(sections):
    """Annotate each section with the user and time of its latest live version."""
    latest = Version.objects.filter(
        content_type=ContentType.objects.get_for_model(Section),
        object_id=Cast(OuterRef("pk"), CharField()),
        revision__pending_change__isnull=True,
    ).order_by("-revision_id")
    return sections.annotate(
        last_editor=Subquery(latest.values("revision__user__username")[:1]),
        last_edited=Subquery(latest.values("revision__date_created")[:1]),
    )


# Choosing what residents read is publishing.
SHOW_JAPANESE_PERMISSION = "pages.publish_section"


@dataclass
class FlaggedRow:
    kind: str
    label: str
    reason: str
    sources: list
    admin_url: str


def flagged_rows() -> list[FlaggedRow]:
    """Every content row, of any app, whose facts staff must confirm, with the reason."""
    rows = []
    for model in apps.get_models():
        if not issubclass(model, Sourced):
            continue
        opts = model._meta
        for obj in model._default_manager.exclude(review_reason="").prefetch_related("sources"):
            try:
                url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            except NoReverseMatch:
                url = ""
            rows.append(
                FlaggedRow(
                    str(opts.verbose_name),
                    str(obj),
                    obj.review_reason,
                    list(obj.sources.all()),
                    url,
                )
            )
    return rows


class StaffPageView(TemplateView):
    admin_site = None
    title = ""
    permission = "pages.view_section"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.admin_site.each_context(self.request))
        context.update(title=self.title, opts=Section._meta)
        return context


class OverdueReviewsView(StaffPageView):
    """Sections whose review is due, oldest first, with who last edited them."""

    template_name = "admin/pages/section/review.html"
    title = _("Sections due for review")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = with_last_editor(Section.objects.all()).overdue_for_review()
        context["flagged"] = flagged_rows()
        context["can_mark"] = self.request.user.has_perm("pages.change_section")
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("pages.change_section"):
            raise PermissionDenied
        ids = request.POST.getlist("section")
        count = mark_reviewed(
            Section.objects.filter(pk__in=[i for i in ids if i.isdigit()]), request.user
        )
        message = ngettext(
            "%(count)d section marked as reviewed.",
            "%(count)d sections marked as reviewed.",
            count,
        )
        messages.success(request, message % {"count": count})
        return redirect("admin:pages_section_review")


class TranslationStatusView(StaffPageView):
    """Per language, how much is translated; and which records lack which language."""

    template_name = "admin/pages/section/translations.html"
    title = _("Translation status")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statuses, records = translation_status()
        names = {status.code: status.name for status in statuses}
        language = self.request.GET.get("language", "")
        if language in names:
            records = [record for record in records if language in record.missing]
        else:
            language = ""
        for record in records:
            record.missing_names = [names[code] for code in record.missing]
        counts = stale_translations.outdated_counts()
        for status in statuses:
            status.outdated = counts.get(status.code.replace("-", "_"))
        context.update(
            statuses=statuses,
            records=records,
            language=language,
            outdated=stale_translations.outdated_fields(language.replace("-", "_") or None),
            can_choose_japanese=self.request.user.has_perm(SHOW_JAPANESE_PERMISSION),
        )
        return context

    def post(self, request, *args, **kwargs):
        """Mark an outdated translation still correct, or show the Japanese meanwhile."""
        if not request.user.has_perm("pages.change_section"):
            raise PermissionDenied
        source_id = request.POST.get("source", "")
        source = (
            TranslationSource.objects.filter(pk=source_id).first() if source_id.isdigit() else None
        )
        action = request.POST.get("action")
        if source is None or action not in ("confirm", "japanese", "translation"):
            return HttpResponseBadRequest(gettext("Choose an outdated translation and an action."))
        if action == "confirm":
            stale_translations.confirm(source)
            messages.success(request, gettext("The translation is marked as still correct."))
        else:
            if not request.user.has_perm(SHOW_JAPANESE_PERMISSION):
                raise PermissionDenied
            source.show_japanese = action == "japanese"
            source.save(update_fields=["show_japanese"])
            messages.success(request, gettext("Saved what readers of this language see."))
        stale_translations.refresh_pages(source)
        return redirect(request.get_full_path())
