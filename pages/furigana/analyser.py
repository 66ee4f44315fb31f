"""Readings of Japanese text from SudachiPy with its core dictionary (PyPI).

`ruby(text, staff)` returns HTML: every word that contains kanji wrapped as
<ruby>base<rp>（</rp><rt>reading</rt><rp>）</rp></ruby>, its reading in
hiragana; the kana around the kanji (okurigana) stay outside the ruby so
that each reading sits over its own kanji. ``staff`` (written form ->
reading) wins over the dictionary: place names are where it goes wrong.
"""

import re
import threading
from functools import cache

from django.utils.html import escape

KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ"
HAS_KANJI = re.compile(f"[{KANJI}]")
KANJI_RUN = re.compile(f"([{KANJI}]+)")
DIGITS = re.compile(r"^\d+$")  # full-width digits too

# Counters after an Arabic numeral, which the dictionary reads without context.
DAY_READINGS = {
    1: "ついたち", 2: "ふつか", 3: "みっか", 4: "よっか", 5: "いつか", 6: "むいか",
    7: "なのか", 8: "ようか", 9: "ここのか", 10: "とおか", 14: "じゅうよっか",
    20: "はつか", 24: "にじゅうよっか",
}  # fmt: skip
COUNTER_READINGS = {"月": "がつ", "時": "じ", "日": "にち", "年": "ねん", "歳": "さい"}

_local = threading.local()


@cache
def _dictionary():
    from sudachipy import Dictionary

    return Dictionary(dict="core")


def _tokenizer():
    # A Sudachi tokenizer is not safe to share between threads (gthread workers).
    if not hasattr(_local, "tokenizer"):
        from sudachipy import SplitMode

        _local.tokenizer = _dictionary().tokenizer(mode=SplitMode.C)
    return _local.tokenizer


def to_hiragana(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


def ruby_html(base: str, reading: str) -> str:
    return f"<ruby>{escape(base)}<rp>（</rp><rt>{escape(reading)}</rt><rp>）</rp></ruby>"


def annotate_word(surface: str, reading: str) -> str:
    """One word: a ruby per kanji run where the kana around them line up."""
    if not HAS_KANJI.search(surface):
        return escape(surface)
    reading = to_hiragana(reading)
    parts = KANJI_RUN.split(surface)  # kana, kanji, kana, kanji, ..., kana
    if len(parts) > 3 or parts[0] or parts[-1]:
        pattern = "".join(
            "(.+?)" if i % 2 else re.escape(to_hiragana(part)) for i, part in enumerate(parts)
        )
        match = re.fullmatch(pattern, reading)
        if match:
            out, groups = [], iter(match.groups())
            for i, part in enumerate(parts):
                out.append(ruby_html(part, next(groups)) if i % 2 else escape(part))
            return "".join(out)
    return ruby_html(surface, reading)


def _counter(number: str, counter: str) -> str | None:
    value = int(number)  # int() reads full-width digits as well
    if counter == "日":
        return DAY_READINGS.get(value, "にち")
    return COUNTER_READINGS.get(counter)


def _analyse(text: str) -> str:
    out = []
    previous = ""
    for morpheme in _tokenizer().tokenize(text):
        surface = morpheme.surface()
        reading = morpheme.reading_form()
        if DIGITS.match(previous) and surface in COUNTER_READINGS:
            counted = _counter(previous, surface)
            if counted and surface == "日" and counted != "にち":
                # 2日 is ふつか: the reading belongs to number and counter together.
                out[-1] = ruby_html(previous + surface, counted)
                previous = surface
                continue
            reading = counted or reading
        out.append(annotate_word(surface, reading))
        previous = surface
    return "".join(out)


@cache
def _staff_pattern(surfaces: frozenset[str]):
    if not surfaces:
        return None
    alternatives = "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True))
    return re.compile(f"({alternatives})")


def ruby(text: str, staff: dict[str, str]) -> str:
    """``text`` (plain, unescaped) as HTML with furigana."""
    if not HAS_KANJI.search(text):
        return escape(text)
    pattern = _staff_pattern(frozenset(staff))
    if pattern is None:
        return _analyse(text)
    out = []
    for i, part in enumerate(pattern.split(text)):
        if i % 2:
            out.append(annotate_word(part, staff[part]))
        elif part:
            out.append(_analyse(part))
    return "".join(out)
