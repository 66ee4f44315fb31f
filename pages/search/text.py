"""How text becomes search terms, the same for the index and the query.

One normalisation serves every language and both databases:
- NFKC (full-width letters and half-width ｶﾅ become ordinary), case folded;
- diacritics dropped from Latin letters only ("bảo hiểm" -> "bao hiem",
  "España" -> "espana"); marks in Devanagari, Burmese or kana are letters there;
- words of space-separated scripts are terms (English drops simple plurals);
- Japanese, Chinese, Korean and Burmese runs, written without spaces between
  words, become character bigrams (and single characters), so "マイナ保険証"
  is found inside "マイナ保険証の利用" with no dictionary.

`segments()` keeps each term's place in the original text, which is what
highlighting needs.
"""

import re
import unicodedata
from functools import lru_cache

# Scripts written without spaces between words: runs become n-grams.
_NGRAM_CLASSES = {
    # hiragana, katakana (with ー), kanji, 々〆〇
    "cjk": "\u3005-\u3007\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\U00020000-\U0003ffff",
    "hangul": "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af",
    "myanmar": "\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f",
}
_NGRAM_ANY = "".join(_NGRAM_CLASSES.values())
# Words: letters and digits (not "_"), with the combining marks that belong
# inside words of Devanagari and other Indic scripts, or after Latin letters.
_WORD_CHAR = f"(?:(?![{_NGRAM_ANY}])(?:[^\\W_]|[\u0300-\u036f\u0900-\u0dff\u1ab0-\u1aff]))"
_SEGMENT = re.compile(
    "|".join(f"(?P<{name}>[{chars}]+)" for name, chars in _NGRAM_CLASSES.items())
    + f"|(?P<word>(?:[^\\W_]|[\u0900-\u0dff]){_WORD_CHAR}*)"
)
_LATIN_EXTRA = {"đ": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "\u0131": "i"}
_PLURAL_ES = re.compile(r"(ch|sh|x|z|ss)es$")


def _is_latin(char: str) -> bool:
    code = ord(char)
    return "a" <= char <= "z" or 0xC0 <= code <= 0x24F or 0x1E00 <= code <= 0x1EFF


@lru_cache(maxsize=16384)
def _fold(char: str) -> tuple[str, bool, bool]:
    """(normalised text of one character, whether it is a Latin letter,
    whether it is only a combining mark)."""
    folded = unicodedata.normalize("NFKC", char).casefold()
    decomposed = unicodedata.normalize("NFD", folded)
    mark = bool(folded) and all(unicodedata.combining(c) for c in folded)
    if decomposed and _is_latin(decomposed[0]):
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        return "".join(_LATIN_EXTRA.get(c, c) for c in base), True, False
    return folded, False, mark


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """The normalised text, and for each of its characters the index of the
    original character it came from."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    origin: list[int] = []
    after_latin = False
    for index, char in enumerate(text):
        folded, latin, mark = _fold(char)
        if mark and out:
            if after_latin:
                continue  # a separate accent on a Latin letter ("e" + U+0309)
            composed = unicodedata.normalize("NFC", out[-1][-1] + folded)
            if len(composed) == 1:  # half-width ﾄﾞ -> ド
                out[-1] = out[-1][:-1] + composed
                continue
        after_latin = latin
        out.append(folded)
        if len(folded) == 1:
            origin.append(index)
        else:
            origin.extend([index] * len(folded))
    return "".join(out), origin


def normalize(text: str) -> str:
    return normalize_with_map(text)[0]


def segments(normalized: str):
    """(kind, text, start, end) for each word or n-gram run of normalised text.

    kind is "word" or the n-gram script's name; start/end index ``normalized``.
    """
    for match in _SEGMENT.finditer(normalized):
        yield match.lastgroup, match.group(), match.start(), match.end()


def stem(word: str, language: str) -> str:
    """English ignores simple plurals: cards -> card, policies -> policy."""
    if language != "en" or len(word) <= 3 or not word.isascii():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if _PLURAL_ES.search(word):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def grams(run: str) -> list[str]:
    """Bigrams of a run; a one-character run is its own term."""
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def terms(text: str, language: str, *, index: bool = False) -> list[str]:
    """Search terms of ``text``. The index also keeps single characters, so
    that a one-character query ("税") finds the runs that contain it."""
    found: list[str] = []
    for kind, part, _start, _end in segments(normalize(text)):
        if kind == "word":
            found.append(stem(part, language))
        else:
            found.extend(grams(part))
            if index and len(part) > 1:
                found.extend(part)
    return found
