"""Survey results for staff: counts, percentages and charts per page, the
comments (for staff allowed to read them) and a CSV export.

Permissions (PageFeedback.Meta.permissions):
- survey.view_results     the results page
- survey.view_comments    the comments, on the page and in the CSV
- survey.export_feedback  the CSV export
- survey.delete_comments  deleting one comment at once (recorded in the admin log)
Answers cannot be added or edited here; comments expire by themselves
(`manage.py expire_survey_comments`).
"""

import csv

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .forms import ResultsFilterForm
from .models import PageFeedback
from .titles import page_titles

COMMENTS_PER_PAGE = 50
# Comments shown beside each page's numbers; the rest are in the list below.
COMMENTS_BESIDE_PAGE = 5


class _Echo:
    """A file-like object that hands back what csv.writer writes."""

    def write(self, value):
        return value


@admin.register(PageFeedback)
class PageFeedbackAdmin(admin.ModelAdmin):
    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("survey.view_results")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        # Only the results page and the export: no page shows a single
        # answer, so a comment is never shown without view_comments.
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("", self.admin_site.admin_view(self.results_view), name=f"{prefix}_changelist"),
            path(
                "export.csv",
                self.admin_site.admin_view(self.export_view),
                name=f"{prefix}_export",
            ),
            path(
                "<int:pk>/delete-comment/",
                self.admin_site.admin_view(self.delete_comment_view),
                name=f"{prefix}_delete_comment",
            ),
        ]

    def filtered(self, request):
        form = ResultsFilterForm(request.GET or None)
        queryset = PageFeedback.objects.all()
        return form, (form.filter(queryset) if form.is_bound else queryset)

    def results_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form, answers = self.filtered(request)
        can_read_comments = request.user.has_perm("survey.view_comments")
        comments = None
        if can_read_comments:
            paginator = Paginator(
                answers.with_comments().only("page", "language", "comment", "created"),
                COMMENTS_PER_PAGE,
            )
            comments = paginator.get_page(request.GET.get("p"))
        pages = answers.worst_first()
        titles = page_titles([result.page for result in pages])
        beside = answers.latest_comments_per_page(COMMENTS_BESIDE_PAGE) if can_read_comments else {}
        comment_counts = answers.comment_counts() if can_read_comments else {}
        if comments is not None:
            titles.update(page_titles({a.page for a in comments} - titles.keys()))
            for answer in comments:
                answer.page_title = titles[answer.page]
        rows = [
            {
                "result": result,
                "title": titles[result.page],
                "comments": beside.get(result.page, []),
                "comment_count": comment_counts.get(result.page, 0),
            }
            for result in pages
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Page survey results"),
            "form": form,
            "overall": answers.overall(),
            "pages": rows,
            "months": answers.by_month(),
            "languages": [
                {"code": r.key, "name": dict(settings.LANGUAGES).get(r.key, r.key), "result": r}
                for r in answers.by_language()
            ],
            "comments": comments,
            "can_read_comments": can_read_comments,
            "can_export": request.user.has_perm("survey.export_feedback"),
            "can_delete_comments": can_read_comments
            and request.user.has_perm("survey.delete_comments"),
            "query": request.GET.urlencode(),
        }
        return TemplateResponse(request, "survey/admin/results.html", context)

    def delete_comment_view(self, request, pk):
        """Delete one comment at once (a visitor asked, or it holds personal data)."""
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:survey_pagefeedback_changelist"))
        user = request.user
        if not (user.has_perm("survey.view_comments") and user.has_perm("survey.delete_comments")):
            raise PermissionDenied
        answer = get_object_or_404(PageFeedback, pk=pk)
        # The log names the answer, never the comment: that is what goes.
        if answer.useful or answer.findable:
            answer.comment = ""
            answer.save(update_fields=["comment"])
            self.log_change(request, answer, gettext("Deleted the comment."))
        else:
            self.log_deletions(request, [answer])
            answer.delete()
        messages.success(request, _("The comment was deleted."))
        return HttpResponseRedirect(reverse("admin:survey_pagefeedback_changelist") + "#comments")

    def export_view(self, request):
        if not request.user.has_perm("survey.export_feedback"):
            raise PermissionDenied
        _form, answers = self.filtered(request)
        rows = answers.as_csv_rows(include_comments=request.user.has_perm("survey.view_comments"))
        response = StreamingHttpResponse(_csv_stream(rows), content_type="text/csv; charset=utf-8")
        filename = f"page-survey-{timezone.localdate():%Y%m%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response


def _csv_stream(rows):
    writer = csv.writer(_Echo())
    # A byte-order mark, so that Excel reads the Japanese text as UTF-8.
    yield "\ufeff"
    for row in rows:
        yield writer.writerow(row)
