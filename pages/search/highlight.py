"""Matched words marked with <mark> in titles and snippets, escaped safely.

Matching runs over the normalised text (pages/search/text.py) and is mapped
back to the original characters, so "bao hiem" marks "bảo hiểm" and "cards"
marks "Card".
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import text

SNIPPET_CHARS = 160
LEAD_CHARS = 50


class Marker:
    def __init__(self, query_text: str, language: str):
        self.language = language
        self.words: set[str] = set()
        self.grams: set[str] = set()
        for kind, part, _start, _end in text.segments(text.normalize(query_text)):
            if kind == "word":
                self.words.add(text.stem(part, language))
            else:
                self.grams.update(text.grams(part))

    def spans(self, original: str) -> list[tuple[int, int]]:
        """Merged (start, end) spans of ``original`` that match the query."""
        normalized, origin = text.normalize_with_map(original)
        found = []
        for kind, part, start, end in text.segments(normalized):
            if kind == "word":
                if text.stem(part, self.language) in self.words:
                    found.append((start, end))
                continue
            for gram in self.grams:
                at = part.find(gram)
                while at != -1:
                    found.append((start + at, start + at + len(gram)))
                    at = part.find(gram, at + 1)
        merged: list[list[int]] = []
        for start, end in sorted(found):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        spans: list[list[int]] = []
        for start, end in merged:
            start, end = origin[start], origin[end - 1] + 1
            # "bảo hiểm y tế" is marked as one phrase, not four words.
            if spans and not original[spans[-1][1] : start].strip():
                spans[-1][1] = end
            else:
                spans.append([start, end])
        return [(start, end) for start, end in spans]

    def mark(self, original: str) -> SafeString:
        parts, done = [], 0
        for start, end in self.spans(original):
            if start < done:
                continue
            parts += [escape(original[done:start]), "<mark>", escape(original[start:end])]
            parts.append("</mark>")
            done = end
        parts.append(escape(original[done:]))
        return mark_safe("".join(parts))

    def snippet(self, body: str) -> SafeString:
        """The first passage of the body that matches, cut to SNIPPET_CHARS."""
        lines = [line for line in body.splitlines() if line.strip()]
        if not lines:
            return mark_safe("")
        for line in lines:
            spans = self.spans(line)
            if spans:
                return self._window(line, spans[0][0])
        return self._window(lines[0], 0)

    def _window(self, line: str, first: int) -> SafeString:
        start = 0 if first < LEAD_CHARS else first - LEAD_CHARS
        if start:
            space = line.rfind(" ", 0, first)
            start = space + 1 if space > start - 20 and space != -1 else start
        end = min(len(line), start + SNIPPET_CHARS)
        if end < len(line):
            space = line.rfind(" ", first, end)
            end = space if space > first + 20 else end
        piece = self.mark(line[start:end])
        prefix = "… " if start else ""
        suffix = " …" if end < len(line) else ""
        return mark_safe(f"{prefix}{piece}{suffix}")
