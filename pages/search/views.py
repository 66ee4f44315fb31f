"""The search page: /<lang>/search/?q=..."""

import unicodedata

from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from pages.models import Section
from shinjuku_mynumber.language_columns import only_reader_language
from shinjuku_mynumber.page_cache import public_page

from . import index
from .highlight import Marker

# Longer queries are cut here (and the page says so): enough for a sentence
# in any language, short enough to keep every query cheap.
MAX_QUERY_LENGTH = 100
# Results change whenever the index does; a short lifetime keeps shared
# caches honest after an unpublish (the page carries no personal data).
CACHE_SECONDS = 300


def clean_query(raw: str) -> tuple[str, bool]:
    """The query without control characters, cut to MAX_QUERY_LENGTH."""
    text = "".join(c if unicodedata.category(c)[0] != "C" else " " for c in raw)
    text = " ".join(text.split())
    return text[:MAX_QUERY_LENGTH], len(text) > MAX_QUERY_LENGTH


@public_page(["search"], timeout=CACHE_SECONDS, query=("q",))
def results(request):
    query_text, shortened = clean_query(request.GET.get("q", ""))
    language = get_language()
    query = index.Query.parse(query_text, language)
    marker = Marker(query_text, query.language)
    hits = [
        {
            "entry": entry,
            "title": marker.mark(entry.title),
            "snippet": marker.snippet(entry.body),
        }
        for entry in index.search(query)
    ]
    context = {
        "query": query_text,
        "shortened": shortened,
        "max_length": MAX_QUERY_LENGTH,
        "searched": bool(query.terms),
        "hits": hits,
        "nav_sections": SimpleLazyObject(
            lambda: list(only_reader_language(Section.objects.published()))
        ),
    }
    return render(request, "search/results.html", context)
