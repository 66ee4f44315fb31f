from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import permission_required
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.http import http_date
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from contacts.models import InquiryDesk
from shinjuku_mynumber import page_cache, stale_translations
from shinjuku_mynumber.language_columns import only_reader_language

from .models import Benefit, Block, Document, KeyDate, Link, ListItem, Notice, Section
from .templatetags.navigation import sections_of


def section_tags(request, slug):
    # Sections that embed live data add its tag themselves (see render_to_response).
    return ["nav", "desk", f"section:{slug}"]


def with_last_modified(response, moment):
    if moment:
        response.headers["Last-Modified"] = http_date(moment.timestamp())
    return response


def parts_prefetches():
    """What a section page shows besides the section, in the reader's language."""
    return [
        Prefetch("inquiry_desk", queryset=only_reader_language(InquiryDesk.objects.all())),
        Prefetch(
            "blocks",
            queryset=only_reader_language(Block.objects.all()).prefetch_related(
                Prefetch("items", queryset=only_reader_language(ListItem.objects.all()))
            ),
        ),
        *(
            Prefetch(name, queryset=only_reader_language(model.objects.all()))
            for name, model in [
                ("benefits", Benefit),
                ("key_dates", KeyDate),
                ("links", Link),
                ("documents", Document),
            ]
        ),
    ]


def section_objects(section):
    """The section and the parts its page shows (already fetched with it)."""
    yield section
    for block in section.blocks.all():
        yield block
        yield from block.items.all()
    for name in ("benefits", "key_dates", "links", "documents"):
        yield from getattr(section, name).all()


class HomeView(TemplateView):
    """The section list comes from {% published_sections %}, as in the footer."""

    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sections = sections_of(self.request)
        # Sections that concern a procedure, in residents' words: the task list.
        context["tasks"] = [s for s in sections if s.task_label_ja]
        # A notice links to its section only while that section is published.
        by_id = {s.pk: s for s in sections}
        notices = list(only_reader_language(Notice.objects.published()))
        for notice in notices:
            notice.published_section = by_id.get(notice.section_id)
        context["notices"] = notices
        context["last_updated"] = max((s.modified for s in sections), default=None)
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        return with_last_modified(response, context["last_updated"])


class SectionView(TemplateView):
    template_name = "pages/section.html"
    preview = False

    def get_section(self):
        slug = self.kwargs["slug"]
        if self.preview:
            section = get_object_or_404(only_reader_language(Section.objects.all()), slug=slug)
        else:
            # From the published list the header and footer show anyway: no
            # query of its own.
            section = next((s for s in sections_of(self.request) if s.slug == slug), None)
            if section is None:
                raise Http404
        prefetch_related_objects([section], *parts_prefetches())
        return section

    def get_context_data(self, **kwargs):
        section = self.get_section()
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
        context.update(self.outdated_translation(section))
        return context

    def outdated_translation(self, section):
        """When the Japanese changed under this page's translation: the reader is told."""
        language = get_language()
        if self.preview or language == settings.LANGUAGE_CODE:
            return {}
        staleness = stale_translations.page_staleness(section, language)
        if staleness.since is None:
            return {}
        staleness.mark(section_objects(section))
        with translation.override(settings.LANGUAGE_CODE):
            japanese_url = section.get_absolute_url()
        return {"japanese_updated": staleness.since, "japanese_url": japanese_url}

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if self.preview:
            response.headers["X-Robots-Tag"] = "noindex"
            return response
        if context["section"].embed:
            # It shows "open now": never cache it for longer than a minute, and
            # let an edit of what it embeds refresh it.
            page_cache.limit_lifetime(response, settings.OPEN_STATUS_MAX_AGE)
            page_cache.add_tags(response, context["section"].embed)
        return with_last_modified(response, context["last_updated"])


# The home page shows whether help is open now: cached a minute at most.
home = page_cache.public_page(
    ["nav", "desk", "notices", "locations", "call_centres"],
    timeout=settings.OPEN_STATUS_MAX_AGE,
)(HomeView.as_view())
section = page_cache.public_page(section_tags)(SectionView.as_view())

# Staff see a section as it will look, draft or not; never cached anywhere.
preview_section = never_cache(
    staff_member_required(
        permission_required("pages.view_section", raise_exception=True)(
            SectionView.as_view(preview=True)
        )
    )
)
