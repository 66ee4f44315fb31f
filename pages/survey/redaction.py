"""Remove personal data from a free-text comment before it is stored.

Three kinds are replaced by `PLACEHOLDER`:

- a My Number (個人番号): 12 digits. One with a wrong check digit (see
  `is_valid_my_number`) is most likely a mistyped My Number and is redacted
  too; inside a longer run of digits ("glued" to another digit) only a valid
  one is recognised;
- a phone number (Japanese spellings, and international ones with "+");
- an e-mail address (also with spaces around "@", a full-width at sign,
  Japanese local parts and internationalised domain names).

Normalise first, then match: detection runs on a normalised copy of the text
(NFKC: full-width and compatibility forms, NBSP and thin spaces become their
plain forms; kanji numerals 〇一二…九 become digits; invisible format
characters such as zero-width spaces are dropped), with a map from each
normalised character back to the original one, so the spans found are cut
out of the original text. Between digit groups any short run of spaces,
tabs, line breaks, dots, slashes, dashes or brackets counts as a separator.
"""

import re
import unicodedata

import phonenumbers

PLACEHOLDER = "[redacted]"

_KANJI_DIGITS = str.maketrans("〇一二三四五六七八九", "0123456789")
# Dashes, minus signs and long-vowel marks that residents use between digits.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff70\ufe63\u2043"
_DASH_MAP = str.maketrans(dict.fromkeys(_DASHES, "-"))

# Digit groups and what may stand between them (at most three characters,
# e.g. " - " or two spaces). "+" opens an international number.
_SEPARATOR = r"[\s.\-/()\[\]・･,]{1,3}"
DIGIT_RUN = re.compile(r"(?<![0-9A-Za-z+])\+?\d+(?:" + _SEPARATOR + r"\d+)*")
_GROUP = re.compile(r"\d+")

# An ASCII local part ends where the ASCII characters do ("連絡はtaro@..."); a
# Japanese one ("山田@...", only where no ASCII one is found) starts after a
# space or punctuation, or at the start.
_ASCII_LOCAL = r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}"
_ANY_LOCAL = r"(?<![^\s\"'<(\[:、。,;])[\w.%+-]{1,64}"
_LABEL = r"[\w](?:[\w-]{0,61}[\w])?"
_TLD = r"(?:[A-Za-z]{2,63}(?![A-Za-z0-9-])|xn--[A-Za-z0-9-]{2,59}|[^\W\d_]{2,63})"
_AT_DOMAIN = rf"[ \t]{{0,3}}@[ \t]{{0,3}}(?:{_LABEL}\.)+{_TLD}"
EMAIL = re.compile(_ASCII_LOCAL + _AT_DOMAIN)
EMAIL_ANY_LOCAL = re.compile(_ANY_LOCAL + _AT_DOMAIN)

MY_NUMBER_LENGTH = 12
MAX_GLUED_LENGTH = 16  # a My Number with up to four stray digits around it
MAX_GROUPS = 40  # longer runs are tables of figures, not something typed by hand


def check_digit(first_eleven: str) -> int:
    """The 12th digit of a My Number, from the first eleven.

    P(n) is the n-th digit counted from the right of the eleven, Q(n) = n + 1
    for n = 1..6 and n - 5 for n = 7..11; r = sum(P(n) * Q(n)) mod 11; the
    check digit is 0 when r <= 1, else 11 - r.
    """
    digits = [int(d) for d in reversed(first_eleven)]
    total = sum(p * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(digits, start=1))
    remainder = total % 11
    return 0 if remainder <= 1 else 11 - remainder


def is_valid_my_number(value: str) -> bool:
    digits = re.sub(r"\D", "", normalise(value)[0])
    if len(digits) != MY_NUMBER_LENGTH or not digits.isascii():
        return False
    return check_digit(digits[:11]) == int(digits[11])


def normalise(text: str) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, the index of the
    original character it came from."""
    chars, origin = [], []
    for index, char in enumerate(text):
        if unicodedata.category(char) == "Cf":  # zero-width spaces, joiners, BOM, soft hyphen
            continue
        for out in (
            unicodedata.normalize("NFKC", char).translate(_KANJI_DIGITS).translate(_DASH_MAP)
        ):
            chars.append(out)
            origin.append(index)
    return "".join(chars), origin


def _is_japanese_phone(digits: str) -> bool:
    return digits.startswith("0") and len(digits) in (10, 11) and not digits.startswith("00")


def _is_international_japanese_phone(digits: str) -> bool:
    if not digits.startswith("81"):
        return False
    national = digits[2:]
    national = national[1:] if national.startswith("0") else national
    return 9 <= len(national) <= 10


def _number_spans(run: re.Match):
    """Spans (in the normalised text) of personal numbers inside one run of digit groups."""
    text, offset = run[0], run.start()
    groups = list(_GROUP.finditer(text))[:MAX_GROUPS]
    if text.startswith("+"):
        digits = "".join(g[0] for g in groups)
        if _is_international_japanese_phone(digits):
            yield run.span()
        return
    whole = "".join(g[0] for g in groups)
    if len(whole) == MY_NUMBER_LENGTH:
        yield run.span()  # a My Number, even with a wrong check digit (a typo)
        return
    for i, first in enumerate(groups):
        digits = ""
        for last in groups[i:]:
            digits += last[0]
            span = (offset + first.start(), offset + last.end())
            if (
                len(digits) == MY_NUMBER_LENGTH and is_valid_my_number(digits)
            ) or _is_japanese_phone(digits):
                yield span
            if len(digits) > MY_NUMBER_LENGTH:
                break
        # A valid My Number glued to other digits (a few, on either side).
        group = first[0]
        if MY_NUMBER_LENGTH < len(group) <= MAX_GLUED_LENGTH:
            windows = range(len(group) - MY_NUMBER_LENGTH + 1)
            if any(is_valid_my_number(group[w : w + MY_NUMBER_LENGTH]) for w in windows):
                yield offset + first.start(), offset + first.end()


def _spans(text: str):
    """(start, end) of every piece of personal data in the normalised `text`, longest first."""
    found = [m.span() for m in EMAIL.finditer(text)]
    found += [
        m.span()
        for m in EMAIL_ANY_LOCAL.finditer(text)
        if not any(start <= m.start() + m[0].index("@") < end for start, end in found)
    ]
    for run in DIGIT_RUN.finditer(text):
        found += _number_spans(run)
    # International numbers ("+1 415 555 2671") that the Japanese rules leave.
    for match in phonenumbers.PhoneNumberMatcher(text, "JP", leniency=phonenumbers.Leniency.VALID):
        if match.raw_string.lstrip("(").startswith("+"):
            found.append((match.start, match.end))
    return sorted(found, key=lambda span: (span[0] - span[1], span[0]))


def redact(text: str) -> str:
    """`text` with each piece of personal data replaced by PLACEHOLDER."""
    if not text:
        return text
    normalised, origin = normalise(text)
    claimed: list[tuple[int, int]] = []
    for start, end in _spans(normalised):
        if not any(start < c_end and c_start < end for c_start, c_end in claimed):
            claimed.append((start, end))
    pieces, position = [], 0
    for start, end in sorted(claimed):
        original_start, original_end = origin[start], origin[end - 1] + 1
        pieces += [text[position:original_start], PLACEHOLDER]
        position = original_end
    pieces.append(text[position:])
    return "".join(pieces)
