"""Staff pages beyond the model admins: sections overdue for review, and
translation status. Hooked into the admin by SectionAdmin.get_urls (admin.py):
/admin/pages/section/review/ and /admin/pages/section/translations/.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from shinjuku_mynumber.publishing import local_today
from shinjuku_mynumber.translation_status import translation_status

from .models import Section


def mark_reviewed(sections) -> int:
    """Set "last reviewed" to today, one save each so history records who did it."""
    today = local_today()
    count = 0
    for section in sections:
        section.last_reviewed = today
        section._change_reason = "reviewed"
        section.save(update_fields=["last_reviewed"])
        count += 1
    return count


def with_last_editor(sections):
    """Annotate each section with the user of its latest history record."""
    latest = Section.history.filter(id=OuterRef("pk")).order_by("-history_date", "-history_id")
    return sections.annotate(
        last_editor=Subquery(latest.values("history_user__username")[:1]),
        last_edited=Subquery(latest.values("history_date")[:1]),
    )


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
        context["can_mark"] = self.request.user.has_perm("pages.change_section")
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("pages.change_section"):
            raise PermissionDenied
        ids = request.POST.getlist("section")
        count = mark_reviewed(Section.objects.filter(pk__in=[i for i in ids if i.isdigit()]))
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
        context.update(statuses=statuses, records=records, language=language)
        return context
