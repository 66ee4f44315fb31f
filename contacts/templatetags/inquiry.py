"""The inquiry desk every public page names at its foot."""

from django import template

from contacts.models import InquiryDesk

register = template.Library()


@register.inclusion_tag("components/inquiry.html", takes_context=True)
def inquiry_desk(context, desk=None):
    """`desk` (a section's own), or the ward's default desk."""
    return {**context.flatten(), "desk": desk or InquiryDesk.objects.site_default()}
