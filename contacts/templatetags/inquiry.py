"""The inquiry desk every public page names at its foot."""

from django import template

from contacts.models import InquiryDesk

register = template.Library()


@register.inclusion_tag("components/inquiry.html")
def inquiry_desk(desk=None):
    """`desk` (a section's own), or the ward's default desk."""
    return {"desk": desk or InquiryDesk.objects.site_default()}
