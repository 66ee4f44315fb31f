"""Phone numbers: shown as the issuing body writes them, dialled through E.164.

The number is stored as written by its source ("0120-95-0178"), after
checking with `phonenumbers` that it is a valid Japanese number. We do not
let a library re-group it: libphonenumber (and django-phonenumber-field,
which stores E.164 and formats through it) shows free-dial numbers as
0120-950-178, while the Digital Agency writes 0120-95-0178 and J-LIS
0120-0178-26; residents compare what they read here with the issuer's pages.
`tel:` links use the E.164 form (tel:+81120950178), which every phone in Japan
dials correctly.
"""

import re
import unicodedata

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

REGION = "JP"
# Hyphens, dashes and the katakana long vowel mark people type between groups.
_SEPARATORS = re.compile(r"[\s.\u2010-\u2015\u2212\u30fc\uff0d()-]+")


def parse(raw: str) -> phonenumbers.PhoneNumber:
    try:
        number = phonenumbers.parse(unicodedata.normalize("NFKC", raw), REGION)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(_("Enter a valid phone number."), code="invalid") from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(_("Enter a valid phone number."), code="invalid")
    return number


def national(value: str) -> str:
    """'+81352734348' -> '03-5273-4348': libphonenumber's grouping, when no other is known."""
    number = phonenumbers.parse(value, REGION)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def as_written(raw: str) -> str:
    """The number in the grouping it was written with: '0120 95 0178' -> '0120-95-0178'.

    Full-width digits and any dash become ASCII; an international or ungrouped
    number ('+81120950178', '0120950178') gets libphonenumber's grouping.
    """
    number = parse(raw)
    text = unicodedata.normalize("NFKC", raw).strip()
    if text.startswith("+"):
        return national(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    groups = [group for group in _SEPARATORS.split(text) if group]
    if len(groups) < 2 or not all(group.isdigit() for group in groups):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return "-".join(groups)


def e164(value: str) -> str:
    """'0120-95-0178' -> '+81120950178'."""
    return phonenumbers.format_number(parse(value), phonenumbers.PhoneNumberFormat.E164)


def tel_uri(value: str) -> str:
    return f"tel:{e164(value)}"


def is_toll_free(value: str) -> bool:
    return phonenumbers.number_type(parse(value)) == phonenumbers.PhoneNumberType.TOLL_FREE


class PhoneNumberField(models.CharField):
    """Accepts any common spelling of a Japanese number; stores it as written."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        return as_written(value)

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value:
            value = as_written(value)
            setattr(model_instance, self.attname, value)
        return value


class HasPhone:
    """How a model with a `phone` field shows it: '0120-95-0178' and tel:+81120950178."""

    @property
    def phone_display(self):
        if not self.phone:
            return ""
        return national(self.phone) if self.phone.startswith("+") else self.phone

    @property
    def phone_e164(self):
        return e164(self.phone) if self.phone else ""

    @property
    def phone_uri(self):
        return tel_uri(self.phone) if self.phone else ""
