from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import permission_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.http import http_date
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from contacts.models import InquiryDesk
from shinjuku_mynumber.page_cache import public_page
from shinjuku_mynumber.translated import localized

from .models import Benefit, Block, Document, KeyDate, Link, ListItem, Notice, Section


def section_tags(request, slug):
    # Sections that embed live data add its tag themselves (see render_to_response).
    return ["nav", "desk", f"section:{slug}"]


def with_last_modified(response, moment):
    if moment:
        response.headers["Last-Modified"] = http_date(moment.timestamp())
    return response


class ContentPageMixin:
    """Context every public page shares: the section list and the inquiry desk."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["nav_sections"] = localized(Section.objects.published())
        context.setdefault("inquiry_desk", InquiryDesk.objects.site_default())
        return context


class HomeView(ContentPageMixin, TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sections = list(localized(Section.objects.published()))
        context["sections"] = sections
        context["notices"] = Notice.objects.published().select_related("section")
        context["last_updated"] = max((s.modified for s in sections), default=None)
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        return with_last_modified(response, context["last_updated"])


class SectionView(ContentPageMixin, TemplateView):
    template_name = "pages/section.html"
    preview = False

    def get_section(self):
        sections = Section.objects.all() if self.preview else Section.objects.published()
        sections = sections.select_related("inquiry_desk").prefetch_related(
            Prefetch(
                "blocks",
                queryset=localized(Block.objects.all()).prefetch_related(
                    Prefetch("items", queryset=localized(ListItem.objects.all()))
                ),
            ),
            *(
                Prefetch(name, queryset=localized(model.objects.all()))
                for name, model in [
                    ("benefits", Benefit),
                    ("key_dates", KeyDate),
                    ("links", Link),
                    ("documents", Document),
                ]
            ),
        )
        return get_object_or_404(sections, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        section = self.get_section()
        if section.inquiry_desk:
            kwargs["inquiry_desk"] = section.inquiry_desk
        context = super().get_context_data(**kwargs)
        ended = section.has_ended()
        context.update(
            section=section,
            ended=ended,
            blocks=[b for b in section.blocks.all() if not (ended and b.hide_when_ended)],
            last_updated=section.modified,
            under_review=section.content_as_of and section.is_review_overdue(),
            is_preview=self.preview,
        )
        context.update(self.embedded(section))
        return context

    def embedded(self, section):
        """Live data the section shows below its text (locations, call centres)."""
        from .embeds import embedded_context

        return embedded_context(section, self.request)

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if self.preview:
            response.headers["X-Robots-Tag"] = "noindex"
            return response
        if context["section"].embed:
            # It shows "open now": never cache it for longer than a minute, and
            # let an edit of what it embeds refresh it.
            response.cache_timeout = settings.OPEN_STATUS_MAX_AGE
            response.cache_tags = [context["section"].embed]
        return with_last_modified(response, context["last_updated"])


home = public_page(["nav", "desk", "notices"])(HomeView.as_view())
section = public_page(section_tags)(SectionView.as_view())

# Staff see a section as it will look, draft or not; never cached anywhere.
preview_section = never_cache(
    staff_member_required(
        permission_required("pages.view_section", raise_exception=True)(
            SectionView.as_view(preview=True)
        )
    )
)
