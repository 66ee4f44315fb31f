"""Keeping the index true, and answering a query from it.

`refresh(kind, pk)` rewrites one object's rows in every language; the apps'
signals call it on every save and delete (pages/search/signals.py). Inside
`rebuilt_after()` (loading the initial content) the whole index is rebuilt
once at the end instead.
"""

import contextlib
import threading
from collections import Counter
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from shinjuku_mynumber.page_cache import invalidate

from . import documents, text
from .models import Entry

_pending = threading.local()

# Terms of a query beyond this many are ignored (a query is cut at
# MAX_QUERY_LENGTH characters first, see views.py).
MAX_TERMS = 24
MAX_RESULTS = 30
# How much a term counts where it is found: titles and headings say what a
# page is about; body text only that it mentions it.
WEIGHTS = {"title": 10, "headings": 4}
# The whole query, as written, inside a title or heading is the best sign.
PHRASE_BONUS = {"title": 30, "headings": 8}
BODY_COUNT_CAP = 5


def _entry(document) -> Entry:
    headings = " · ".join(filter(None, document.headings))
    body = "\n".join(filter(None, document.body))
    language = document.language
    title_terms = text.terms(document.title, language, index=True)
    heading_terms = text.terms(headings, language, index=True)
    body_terms = text.terms(body, language, index=True)
    every = sorted(set(title_terms) | set(heading_terms) | set(body_terms))
    return Entry(
        kind=document.kind,
        object_id=document.object_id,
        language=language,
        url=document.url,
        position=document.position,
        shown_from=document.shown_from,
        shown_until=document.shown_until,
        fallback=document.fallback,
        title=document.title[:300],
        headings=headings,
        body=body,
        title_terms=" ".join(title_terms),
        heading_terms=" ".join(heading_terms),
        body_terms=" ".join(body_terms),
        terms=f" {' '.join(every)} " if every else "",
    )


def _refresh_now(kind: str, pk: int) -> None:
    objects, to_documents = documents.KINDS[kind]
    obj = objects().filter(pk=pk).first()
    with transaction.atomic():
        Entry.objects.filter(kind=kind, object_id=pk).delete()
        if obj is not None:
            Entry.objects.bulk_create(_entry(d) for d in to_documents(obj))
    invalidate("search")  # cached result pages


def refresh(kind: str, pk: int) -> None:
    """Rewrite the rows of one object (none when it is unpublished or gone)."""
    if not getattr(_pending, "suspended", False):
        _refresh_now(kind, pk)


@contextlib.contextmanager
def rebuilt_after():
    """Skip single refreshes inside, and rebuild the whole index at the end
    (bulk loads such as `load_initial_data`)."""
    if getattr(_pending, "suspended", False):
        yield  # already inside
        return
    _pending.suspended = True
    try:
        yield
    finally:
        _pending.suspended = False
    rebuild()


def rebuild() -> int:
    """Rebuild the whole index; returns the number of rows."""
    rows = []
    for objects, to_documents in documents.KINDS.values():
        for obj in objects():
            rows += [_entry(d) for d in to_documents(obj)]
    with transaction.atomic():
        Entry.objects.all().delete()
        Entry.objects.bulk_create(rows, batch_size=200)
    invalidate("search")
    return len(rows)


# --- queries -------------------------------------------------------------------


@dataclass
class Query:
    text: str
    language: str
    terms: list[str]
    normalized: str

    @classmethod
    def parse(cls, raw: str, language: str) -> "Query":
        language = indexed_language(language)
        found = list(dict.fromkeys(text.terms(raw, language)))[:MAX_TERMS]
        return cls(raw, language, found, " ".join(text.normalize(raw).split()))


def indexed_language(code: str) -> str:
    """The index's language for a page language: itself, or for a variant
    of one (a prefix such as "ja-..."), its base language; else Japanese."""
    if code in documents.LANGUAGES:
        return code
    base = (code or "").split("-")[0]
    return base if base in documents.LANGUAGES else documents.SOURCE


def _tsquery(terms) -> str:
    # Terms are letters, digits and marks only (text.segments); quoting keeps
    # them literal, without a parser or a dictionary in between.
    return " & ".join("'{}'".format(t.replace("\\", "\\\\").replace("'", "''")) for t in terms)


# The same expression as the GIN index of migration 0002.
PG_MATCH = "array_to_tsvector(string_to_array(btrim(search_entry.terms), ' ')) @@ %s::tsquery"


def matching(query: Query):
    rows = Entry.objects.shown(query.language)
    if connection.vendor == "postgresql":
        # Fixed SQL; the terms travel as a parameter.
        match = RawSQL(PG_MATCH, [_tsquery(query.terms)], output_field=BooleanField())  # noqa: S611
        return rows.filter(match)
    for term in query.terms:
        rows = rows.filter(terms__contains=f" {term} ")
    return rows


def score(entry: Entry, query: Query) -> int:
    """Titles and headings count each query term once (a page is about what
    its title names, however often); body text counts repeats, up to a cap."""
    total = 0
    for name, terms, shown in [
        ("title", entry.title_terms, entry.title),
        ("headings", entry.heading_terms, entry.headings),
        ("body", entry.body_terms, entry.body),
    ]:
        counts = Counter(terms.split())
        if name == "body":
            total += sum(min(counts[t], BODY_COUNT_CAP) for t in query.terms)
            continue
        total += WEIGHTS[name] * sum(1 for t in query.terms if counts[t])
        if query.normalized in " ".join(text.normalize(shown).split()):
            total += PHRASE_BONUS[name]
    return total


def search(query: Query) -> list[Entry]:
    if not query.terms:
        return []
    rows = list(matching(query))
    rows.sort(key=lambda e: (-score(e, query), e.position, e.pk))
    return rows[:MAX_RESULTS]
