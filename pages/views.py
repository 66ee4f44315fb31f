from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import permission_required
from django.db.models import Max, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.http import http_date
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from contacts.models import InquiryDesk
from shinjuku_mynumber import page_cache, stale_translations
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


def with_parts(sections):
    """Sections with everything their page shows, in the reader's language."""
    return sections.select_related("inquiry_desk").prefetch_related(
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


def published_section_slugs() -> frozenset[str]:
    return page_cache.remember(
        "published-section-slugs",
        ["nav"],
        lambda: frozenset(Section.objects.published().values_list("slug", flat=True)),
    )


def site_default_desk():
    return page_cache.remember("site-default-desk", ["desk"], InquiryDesk.objects.site_default)


def section_objects(section):
    """The section and the parts its page shows (already fetched with it)."""
    yield section
    for block in section.blocks.all():
        yield block
        yield from block.items.all()
    for name in ("benefits", "key_dates", "links", "documents"):
        yield from getattr(section, name).all()


class ContentPageMixin:
    """Context every public page shares: the section list and the inquiry desk.

    Lists are lazy (built on first use): the templates read them inside
    fragments cached by content version, so a render whose fragments are warm
    does not even build their queries.
    """

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["nav_sections"] = SimpleLazyObject(
            lambda: list(localized(Section.objects.published()))
        )
        if "inquiry_desk" not in context:
            context["inquiry_desk"] = site_default_desk()
        return context


class HomeView(ContentPageMixin, TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = context["nav_sections"]  # the same list: one query
        context["notices"] = SimpleLazyObject(
            lambda: list(Notice.objects.published().select_related("section"))
        )
        context["last_updated"] = page_cache.remember(
            "home-last-updated",
            ["nav"],
            lambda: Section.objects.published().aggregate(last=Max("modified"))["last"],
        )
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        return with_last_modified(response, context["last_updated"])


class SectionView(ContentPageMixin, TemplateView):
    template_name = "pages/section.html"
    preview = False

    def get_section(self):
        slug = self.kwargs["slug"]
        if self.preview:
            return get_object_or_404(with_parts(Section.objects.all()), slug=slug)
        # Unknown slugs are answered without a query and leave nothing in the cache.
        if slug not in published_section_slugs():
            raise Http404
        section = page_cache.remember(
            f"section-page|{slug}|{get_language()}",
            section_tags(self.request, slug),
            lambda: with_parts(Section.objects.published()).filter(slug=slug).first(),
        )
        if section is None:  # unpublished a moment ago
            raise Http404
        return section

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
        context.update(self.outdated_translation(section))
        return context

    def outdated_translation(self, section):
        """When the Japanese changed under this page's translation: the reader is told."""
        language = get_language()
        if self.preview or language == settings.LANGUAGE_CODE:
            return {}
        staleness = page_cache.remember(
            f"staleness|{section.slug}|{language}",
            section_tags(self.request, section.slug),
            lambda: stale_translations.page_staleness(section, language),
        )
        if staleness.since is None:
            return {}
        staleness.mark(section_objects(section))
        since = staleness.since
        with translation.override(settings.LANGUAGE_CODE):
            japanese_url = section.get_absolute_url()
        return {"japanese_updated": since, "japanese_url": japanese_url}

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
