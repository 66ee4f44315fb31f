"""Furigana for a whole rendered page, leaving its markup as it was.

Only text in the page's <body> gets readings: never attributes, nor the text
of <script>, <style>, <code> and the like, nor text already in a <ruby>, nor
URLs and e-mail addresses in the text. Links to other Japanese pages lead
to their furigana version, so a reader who asked for furigana keeps them.
"""

import html
import re

from .analyser import HAS_KANJI, ruby

TOKEN = re.compile(r"(<!--.*?-->|<![^>]*>|<[^>]*>)", re.DOTALL)
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
# Text inside these is left exactly as it is.
SKIP = {
    "head", "script", "style", "ruby", "rt", "rp", "code", "pre", "kbd", "samp",
    "textarea", "title", "option", "svg", "math", "template", "noscript",
}  # fmt: skip
VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "base", "col"}
URL = re.compile(r"(https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
OPT_OUT = "data-furigana-toggle"
# An element in another language (the switcher's 简体中文) gets no Japanese readings.
FOREIGN = re.compile(r'\slang="(?!ja")[^"]*"')


def _text(raw: str, staff) -> str:
    if not HAS_KANJI.search(raw):
        return raw
    out = []
    for i, part in enumerate(URL.split(html.unescape(raw))):
        out.append(html.escape(part, quote=False) if i % 2 else ruby(part, staff))
    return "".join(out)


def _keeps_href(tag: str) -> bool:
    # Links to other languages, and the furigana switch itself.
    return "hreflang=" in tag or OPT_OUT in tag


def annotate(page: str, staff: dict[str, str], link_from: str = "", link_to: str = "") -> str:
    """``page`` with furigana; hrefs starting with ``link_from`` start with ``link_to``."""
    href = None
    if link_from:
        added = re.escape(link_to[len(link_from) :])
        href = re.compile(r'(\shref=")' + re.escape(link_from) + f"(?!{added})")
    out = []
    skipping: list[str] = []
    for i, token in enumerate(TOKEN.split(page)):
        if not i % 2:
            out.append(token if skipping else _text(token, staff))
            continue
        tag = TAG_NAME.match(token)
        if tag:
            closing, name = tag.group(1), tag.group(2).lower()
            if closing and skipping and skipping[-1] == name:
                skipping.pop()
            elif (
                not closing
                and (skipping or name in SKIP or FOREIGN.search(token))
                and name not in VOID
            ):
                if not token.endswith("/>"):
                    skipping.append(name)
            elif href and name == "a" and not closing and not _keeps_href(token):
                token = href.sub(lambda m: m.group(1) + link_to, token, count=1)
        out.append(token)
    return "".join(out)
