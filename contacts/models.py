from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import phone
from .phone import PhoneNumberField


class InquiryDeskQuerySet(models.QuerySet):
    def site_default(self):
        return self.filter(is_site_default=True).first()


class InquiryDesk(models.Model):
    """A ward department and section that answers questions about a page."""

    department = models.CharField(_("department"), max_length=100)
    section_name = models.CharField(_("section"), max_length=100)
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

    @property
    def phone_display(self):
        return phone.national(self.phone)

    @property
    def phone_uri(self):
        return phone.tel_uri(self.phone)
