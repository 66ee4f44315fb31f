"""Phone numbers: validated and stored in one form (E.164), shown the Japanese way."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

REGION = "JP"


def parse(raw: str) -> phonenumbers.PhoneNumber:
    try:
        number = phonenumbers.parse(raw, REGION)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(_("Enter a valid phone number."), code="invalid") from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(_("Enter a valid phone number."), code="invalid")
    return number


def normalize(raw: str) -> str:
    """'03-5273-4348' -> '+81352734348'."""
    return phonenumbers.format_number(parse(raw), phonenumbers.PhoneNumberFormat.E164)


def national(e164: str) -> str:
    """'+81352734348' -> '03-5273-4348', the form residents dial."""
    number = phonenumbers.parse(e164, REGION)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def tel_uri(e164: str) -> str:
    number = phonenumbers.parse(e164, REGION)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.RFC3966)


def is_toll_free(e164: str) -> bool:
    number = phonenumbers.parse(e164, REGION)
    return phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.TOLL_FREE


class PhoneNumberField(models.CharField):
    """Accepts any common spelling of a Japanese number; stores E.164."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        return normalize(value)

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value:
            value = normalize(value)
            setattr(model_instance, self.attname, value)
        return value


class HasPhone:
    """How a model with a `phone` field shows it: '03-5273-4348' and a tel: link."""

    @property
    def phone_display(self):
        return national(self.phone) if self.phone else ""

    @property
    def phone_uri(self):
        return tel_uri(self.phone) if self.phone else ""
