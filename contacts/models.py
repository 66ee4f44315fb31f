from dataclasses import dataclass

from django.db import models
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from facilities import hours
from facilities.models import HasOpeningHours, HoursRule
from shinjuku_mynumber import phone
from shinjuku_mynumber.language_columns import only_reader_language
from shinjuku_mynumber.models import Sourced
from shinjuku_mynumber.phone import HasPhone, PhoneNumberField


class InquiryDeskQuerySet(models.QuerySet):
    def site_default(self):
        return only_reader_language(self.filter(is_site_default=True)).first()


class InquiryDesk(Sourced, HasPhone):
    """A ward department and section that answers questions about a page."""

    department = models.CharField(_("department"), max_length=100)
    section_name = models.CharField(
        pgettext_lazy("part of a ward department", "section"), max_length=100
    )
    phone = PhoneNumberField(_("phone"))
    phone_note = models.CharField(
        _("phone note"), max_length=100, blank=True, help_text=_("For example: direct line")
    )
    seed_key = models.SlugField(_("key"), max_length=80, blank=True, editable=False)
    is_site_default = models.BooleanField(_("shown on pages that name no desk"), default=False)
    modified = models.DateTimeField(_("modified"), auto_now=True)

    objects = InquiryDeskQuerySet.as_manager()

    class Meta:
        ordering = ["department", "section_name"]
        verbose_name = _("inquiry desk")
        verbose_name_plural = _("inquiry desks")
        constraints = [
            models.UniqueConstraint(
                fields=["is_site_default"],
                condition=Q(is_site_default=True),
                name="one_site_default_inquiry_desk",
            )
        ]

    def __str__(self):
        return f"{self.department} {self.section_name}"


class CallCentreQuerySet(models.QuerySet):
    def with_details(self):
        """Everything a page shows, prefetched: no query inside a template loop."""
        return only_reader_language(self).prefetch_related(
            "hours",
            Prefetch("lines", queryset=only_reader_language(PhoneLine.objects.all())),
            "languages",
        )

    def with_main_line(self):
        """What a summary shows: the name, the opening status and the first
        line's number (`main_phone`, read in the same query)."""
        first_phone = PhoneLine.objects.filter(call_centre=OuterRef("pk")).order_by(
            "position", "pk"
        )
        return (
            only_reader_language(self, "key", "name", "is_always_open", "observes_yearly_closures")
            .annotate(main_phone=Subquery(first_phone.values("phone")[:1]))
            .prefetch_related("hours")
        )


class CallCentre(Sourced, HasOpeningHours):
    """A telephone help line, such as the マイナンバー総合フリーダイヤル."""

    key = models.SlugField(_("key"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    is_always_open = models.BooleanField(
        _("open 24 hours, every day"),
        default=False,
        help_text=_("For example the line for suspending a lost card. Its hours are then ignored."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    modified = models.DateTimeField(_("last updated"), auto_now=True)

    objects = CallCentreQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("call centre")
        verbose_name_plural = _("call centres")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("contacts:list") + f"#{self.key}"

    def schedule(self, closures) -> hours.Schedule:
        if self.is_always_open:
            return hours.Schedule.around_the_clock()
        return super().schedule(closures)

    @property
    def main_line(self):
        """The first line's number, shown as a phone link (from `with_main_line`)."""
        return MainLine(self.main_phone) if getattr(self, "main_phone", "") else None


@dataclass(frozen=True)
class MainLine(HasPhone):
    phone: str


class PhoneLine(Sourced, HasPhone):
    call_centre = models.ForeignKey(
        CallCentre, verbose_name=_("call centre"), on_delete=models.CASCADE, related_name="lines"
    )
    key = models.SlugField(_("key"), max_length=80, blank=True)
    label = models.CharField(_("label"), max_length=200, help_text=_("What this line is for."))
    phone = PhoneNumberField(_("phone"))
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("phone line")
        verbose_name_plural = _("phone lines")
        constraints = [
            models.UniqueConstraint(
                fields=["call_centre", "key"], condition=~Q(key=""), name="phoneline_unique_key"
            )
        ]

    def __str__(self):
        return f"{self.label} {self.phone_display}"

    @property
    def is_toll_free(self):
        return phone.is_toll_free(self.phone)


class ServiceLanguage(models.TextChoices):
    JAPANESE = "ja", _("Japanese")
    ENGLISH = "en", _("English")
    CHINESE = "zh", _("Chinese")
    KOREAN = "ko", _("Korean")
    SPANISH = "es", _("Spanish")
    PORTUGUESE = "pt", _("Portuguese")
    VIETNAMESE = "vi", _("Vietnamese")
    NEPALI = "ne", _("Nepali")
    BURMESE = "my", _("Burmese")
    TAGALOG = "tl", _("Tagalog")
    THAI = "th", _("Thai")
    INDONESIAN = "id", _("Indonesian")


class CallCentreLanguage(models.Model):
    call_centre = models.ForeignKey(
        CallCentre,
        verbose_name=_("call centre"),
        on_delete=models.CASCADE,
        related_name="languages",
    )
    language = models.CharField(_("language"), max_length=10, choices=ServiceLanguage.choices)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("language served")
        verbose_name_plural = _("languages served")
        constraints = [
            models.UniqueConstraint(
                fields=["call_centre", "language"], name="callcentrelanguage_unique"
            )
        ]

    def __str__(self):
        return self.get_language_display()


class CallCentreHours(HoursRule):
    call_centre = models.ForeignKey(
        CallCentre, verbose_name=_("call centre"), on_delete=models.CASCADE, related_name="hours"
    )

    class Meta(HoursRule.Meta):
        pass
