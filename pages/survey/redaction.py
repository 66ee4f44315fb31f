"""Remove personal data from a free-text comment before it is stored.

Three kinds are replaced by `PLACEHOLDER`:

- a valid My Number (個人番号): 12 digits whose last digit is the check digit
  defined by the ministry's ordinance (see `is_valid_my_number`). A 12-digit
  number with a wrong check digit is *not* a My Number and is kept;
- a phone number (Japanese spellings, and international ones with "+");
- an e-mail address.

Residents type on Japanese keyboards, so full-width digits, letters and at
signs, dashes and the ideographic space count as their ASCII forms.
Detection runs on a copy where each such character is mapped to one ASCII
character (so every index still points at the same character) and the spans
found there are cut out of the original text.
"""

import re

import phonenumbers

PLACEHOLDER = "[redacted]"

# One character for one character, so offsets are shared with the original.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}  # U+FF01..FF5E -> "!".."~"
_DASHES = (
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff70"  # dashes, minus, long vowel marks
)
_ASCII_MAP = {
    **_FULL_WIDTH,
    **{ord(dash): "-" for dash in _DASHES},
    0x3000: " ",  # ideographic space
}

# Between digits a writer may put one space or one hyphen ("1234-5678-9012").
_NOT_AFTER_DIGIT = r"(?<!\d)(?<!\d[ -])"
_NOT_BEFORE_DIGIT = r"(?![ -]?\d)"

MY_NUMBER_CANDIDATE = re.compile(_NOT_AFTER_DIGIT + r"\d(?:[ -]?\d){11}" + _NOT_BEFORE_DIGIT)

# 03-1234-5678, 090 1234 5678, 03(1234)5678, 0120-123-456, +81-3-1234-5678.
JAPANESE_PHONE_CANDIDATE = re.compile(
    r"(?<![A-Za-z0-9+])(?<!\d[ -])"
    r"(?:\+81[ -]?(?:\(0\)[ -]?)?|\(?0)"
    r"\d{1,4}\)?[ -]?\(?\d{1,4}\)?[ -]?\d{3,4}" + _NOT_BEFORE_DIGIT
)

EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])"
)


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
    digits = re.sub(r"[ -]", "", value.translate(_ASCII_MAP))
    if len(digits) != 12 or not digits.isascii() or not digits.isdigit():
        return False
    return check_digit(digits[:11]) == int(digits[11])


def _is_japanese_phone(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if candidate.startswith("+"):
        return digits.startswith("81") and 9 <= len(digits) - 2 - (digits[2] == "0") <= 10
    return digits.startswith("0") and len(digits) in (10, 11)


def _spans(text: str):
    """(start, end) of every piece of personal data in `text` (ASCII-mapped)."""
    yield from (m.span() for m in EMAIL.finditer(text))
    yield from (m.span() for m in MY_NUMBER_CANDIDATE.finditer(text) if is_valid_my_number(m[0]))
    yield from (
        m.span() for m in JAPANESE_PHONE_CANDIDATE.finditer(text) if _is_japanese_phone(m[0])
    )
    # International numbers ("+1 415 555 2671") that the Japanese patterns miss.
    for match in phonenumbers.PhoneNumberMatcher(text, "JP", leniency=phonenumbers.Leniency.VALID):
        if match.raw_string.lstrip("(").startswith("+"):
            yield match.start, match.end


def redact(text: str) -> str:
    """`text` with each piece of personal data replaced by PLACEHOLDER."""
    if not text:
        return text
    claimed: list[tuple[int, int]] = []
    for start, end in _spans(text.translate(_ASCII_MAP)):
        if not any(start < c_end and c_start < end for c_start, c_end in claimed):
            claimed.append((start, end))
    pieces, position = [], 0
    for start, end in sorted(claimed):
        pieces += [text[position:start], PLACEHOLDER]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
