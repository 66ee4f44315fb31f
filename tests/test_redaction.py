"""Personal data in a survey comment is replaced before it is stored."""

# Full-width digits, letters and signs are what residents type: they are the point here.
# ruff: noqa: RUF001

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pages.survey.redaction import PLACEHOLDER, check_digit, is_valid_my_number, redact

# 123456789018 is valid: P(n) from the right of "12345678901" weighted by
# Q(n) sums to 212; 212 mod 11 = 3; 11 - 3 = 8.
VALID_MY_NUMBER = "123456789018"
WRONG_CHECK_DIGIT = "123456789012"


@pytest.mark.parametrize(
    ("first_eleven", "expected"),
    [
        ("12345678901", 8),
        ("00000000000", 0),  # r = 0
        ("98765432109", 3),
        ("11111111111", 8),
        ("00000000006", 0),  # r = 1 -> 0
    ],
)
def test_check_digit_follows_the_ordinance(first_eleven, expected):
    assert check_digit(first_eleven) == expected


def test_valid_and_invalid_my_numbers():
    assert is_valid_my_number(VALID_MY_NUMBER)
    assert not is_valid_my_number(WRONG_CHECK_DIGIT)
    assert not is_valid_my_number("12345678901")  # 11 digits


@pytest.mark.parametrize(
    "text",
    [
        "私の番号は123456789018です",
        "番号 1234-5678-9018 について",
        "番号 1234 5678 9018 について",
        "全角で１２３４５６７８９０１８です",
        "全角区切り１２３４－５６７８－９０１８です",
        "和文スペース１２３４\u3000５６７８\u3000９０１８です",
    ],
)
def test_a_valid_my_number_is_redacted_in_any_spelling(text):
    result = redact(text)
    assert PLACEHOLDER in result
    assert "9018" not in result and "９０１８" not in result
    assert result.startswith(text[:2])  # the words around it stay


@pytest.mark.parametrize(
    "text",
    [
        "カード 1234 5678 9012 3456",  # 16 digits: not a My Number
        "2024年10月1日から",
        "郵便番号 160-8484",
        "2024-01-15",
        "令和3年10月(予定)から",
        "25%(最大5,000円)",
    ],
)
def test_other_numbers_are_kept(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("電話は03-1234-5678です", f"電話は{PLACEHOLDER}です"),
        ("携帯 090-1234-5678", f"携帯 {PLACEHOLDER}"),
        ("携帯 09012345678", f"携帯 {PLACEHOLDER}"),
        ("03(5273)4348へ", f"{PLACEHOLDER}へ"),
        ("フリーダイヤル0120-95-0178", f"フリーダイヤル{PLACEHOLDER}"),
        ("全角０９０ー１２３４ー５６７８", f"全角{PLACEHOLDER}"),
        ("+81-3-5273-4348", PLACEHOLDER),
        ("+81 90 1234 5678", PLACEHOLDER),
        ("call +1 415 555 2671 please", f"call {PLACEHOLDER} please"),
    ],
)
def test_phone_numbers_are_redacted(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("連絡はtaro@example.comまで", f"連絡は{PLACEHOLDER}まで"),
        ("mail: taro.yamada+x@mail.example.co.jp.", f"mail: {PLACEHOLDER}."),
        ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ です", f"{PLACEHOLDER} です"),
    ],
)
def test_email_addresses_are_redacted(text, expected):
    assert redact(text) == expected


def test_several_kinds_in_one_comment():
    text = f"番号{VALID_MY_NUMBER}、電話03-1234-5678、メール a@example.jp。{WRONG_CHECK_DIGIT}"
    assert redact(text) == (
        f"番号{PLACEHOLDER}、電話{PLACEHOLDER}、メール {PLACEHOLDER}。{PLACEHOLDER}"
    )


def test_text_without_personal_data_is_unchanged():
    text = "とても分かりやすかったです。\nThank you!"
    assert redact(text) == text


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_every_valid_my_number_is_redacted(first_eleven):
    number = first_eleven + str(check_digit(first_eleven))
    assert redact(f"番号:{number}。") == f"番号:{PLACEHOLDER}。"
    spaced = f"{number[:4]} {number[4:8]} {number[8:]}"
    assert PLACEHOLDER in redact(f"番号:{spaced}。")


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_twelve_digits_with_a_wrong_check_digit_are_redacted_too(first_eleven):
    """A mistyped My Number is still (almost) someone's My Number."""
    wrong = (check_digit(first_eleven) + 1) % 10
    number = first_eleven + str(wrong)
    assert redact(f"番号:{number}。") == f"番号:{PLACEHOLDER}。"


# --- Normalise first, then match (every spelling the red team got through) ---

KANJI = dict(zip("0123456789", "〇一二三四五六七八九", strict=True))
FULL_WIDTH = dict(zip("0123456789", "０１２３４５６７８９", strict=True))


@pytest.mark.parametrize(
    "text",
    [
        "番号 1234  5678  9018 です",  # two spaces
        "番号 1234\t5678\t9018 です",
        "番号 1234\n5678\n9018 です",
        "番号 1234.5678.9018 です",
        "番号 1234/5678/9018 です",
        "番号 1234\u00a05678\u00a09018 です",  # NBSP
        "番号 1234\u20095678\u20099018 です",  # thin space
        "番号 1234\u200b5678\u200b9018 です",  # zero-width space
        "番号 1234 - 5678 - 9018 です",
        "番号 一二三四五六七八九〇一八 です",  # kanji numerals
        "番号 一二三四 五六七八 九〇一八 です",
        "番号1234567890187です",  # glued to another digit
        "番号71234567890187です",
    ],
)
def test_my_numbers_with_unusual_separators_and_digits_are_redacted(text):
    result = redact(text)
    assert result == f"番号 {PLACEHOLDER} です" or result == f"番号{PLACEHOLDER}です", result


@pytest.mark.parametrize(
    "text",
    [
        "電話 090.1234.5678 まで",
        "電話 090 - 1234 - 5678 まで",
        "電話 〇九〇一二三四五六七八 まで",
        "電話 090\u200b1234\u200b5678 まで",
        "電話 ０９０　１２３４　５６７８ まで",
        "電話 090/1234/5678 まで",
    ],
)
def test_phone_numbers_in_any_spelling_are_redacted(text):
    assert redact(text) == f"電話 {PLACEHOLDER} まで"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("メール taro @ example.com まで", f"メール {PLACEHOLDER} まで"),
        ("メール taro＠example.com まで", f"メール {PLACEHOLDER} まで"),
        ("メール 山田太郎@example.jp まで", f"メール {PLACEHOLDER} まで"),
        ("メール taro@例え.テスト まで", f"メール {PLACEHOLDER} まで"),
        ("メール taro@xn--r8jz45g.jp まで", f"メール {PLACEHOLDER} まで"),
        ("メール taro@ドメイン名例.jp まで", f"メール {PLACEHOLDER} まで"),
    ],
)
def test_email_addresses_in_any_spelling_are_redacted(text, expected):
    assert redact(text) == expected


SEPARATORS = st.sampled_from(
    ["", " ", "  ", "\t", "\n", ".", "/", "-", " - ", "\u00a0", "\u2009", "\u200b", "\u3000", "ー"]
)
DIGIT_FORMS = st.sampled_from(["ascii", "full-width", "kanji"])


def spell(digits, form):
    if form == "full-width":
        return "".join(FULL_WIDTH[d] for d in digits)
    if form == "kanji":
        return "".join(KANJI[d] for d in digits)
    return digits


@given(
    st.text(alphabet="0123456789", min_size=11, max_size=11),
    st.lists(SEPARATORS, min_size=2, max_size=2),
    st.lists(DIGIT_FORMS, min_size=3, max_size=3),
)
def test_a_my_number_is_redacted_whatever_the_separators_and_digit_forms(
    first_eleven, separators, forms
):
    number = first_eleven + str(check_digit(first_eleven))
    groups = [spell(number[0:4], forms[0]), spell(number[4:8], forms[1])]
    groups.append(spell(number[8:], forms[2]))
    text = f"私の番号は {groups[0]}{separators[0]}{groups[1]}{separators[1]}{groups[2]} です。"
    assert redact(text) == f"私の番号は {PLACEHOLDER} です。"


@given(
    st.sampled_from(["090", "080", "070", "03"]),
    st.text(alphabet="0123456789", min_size=8, max_size=8),
    st.lists(SEPARATORS, min_size=2, max_size=2),
    DIGIT_FORMS,
)
def test_a_phone_number_is_redacted_whatever_the_separators_and_digit_forms(
    prefix, rest, separators, form
):
    text = f"電話 {spell(prefix, form)}{separators[0]}{spell(rest[:4], form)}"
    text += f"{separators[1]}{spell(rest[4:], form)} まで"
    assert redact(text) == f"電話 {PLACEHOLDER} まで"
