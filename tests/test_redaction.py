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
        f"番号は{WRONG_CHECK_DIGIT}です",
        "1234-5678-9012",
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
    text = f"番号{VALID_MY_NUMBER}、電話03-1234-5678、メールa@example.jp。{WRONG_CHECK_DIGIT}"
    assert redact(text) == (
        f"番号{PLACEHOLDER}、電話{PLACEHOLDER}、メール{PLACEHOLDER}。{WRONG_CHECK_DIGIT}"
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
def test_twelve_digits_with_a_wrong_check_digit_are_kept(first_eleven):
    wrong = (check_digit(first_eleven) + 1) % 10
    number = first_eleven + str(wrong)
    if number[0] == "0":  # leading zero: might also be read as a phone number
        return
    assert redact(f"番号:{number}。") == f"番号:{number}。"
