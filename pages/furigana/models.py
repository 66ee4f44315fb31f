"""Readings staff set by hand: the analyser's dictionary gets proper nouns
(place names above all) wrong, and a wrong reading of a place name sends a
resident to the wrong place."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

hiragana_only = RegexValidator(
    r"^[\u3041-\u309f\u30fc]+$",
    _("Write the reading in hiragana only."),
)
has_kanji = RegexValidator(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]",
    _("Only words written with kanji need a reading."),
)


class Reading(models.Model):
    surface = models.CharField(
        _("written form"),
        max_length=50,
        unique=True,
        validators=[has_kanji],
        help_text=_("The word as it is written on the site, e.g. 角筈."),
    )
    reading = models.CharField(
        _("reading"),
        max_length=100,
        validators=[hiragana_only],
        help_text=_("In hiragana, e.g. つのはず."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["surface"]
        verbose_name = _("furigana reading")
        verbose_name_plural = _("furigana readings")

    def __str__(self):
        return f"{self.surface} ({self.reading})"
