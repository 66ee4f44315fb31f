"""`{% call_centres_now %}`: each call centre's main number and whether it answers now.

The call centres are remembered until staff edit them (tag "call_centres",
also bumped by a change of the yearly closures); only the status is computed
at each render. Pages showing it are cached a minute at most.
"""

from django import template
from django.utils.translation import get_language

from facilities.models import YearlyClosure, attach_status
from shinjuku_mynumber import page_cache

from ..models import CallCentre

register = template.Library()


def _call_centres_and_closures():
    return list(CallCentre.objects.with_details()), list(YearlyClosure.objects.all())


@register.inclusion_tag("contacts/components/call_centres_now.html")
def call_centres_now():
    centres, closures = page_cache.remember(
        f"call-centres-now|{get_language()}", ["call_centres"], _call_centres_and_closures
    )
    return {"call_centres": attach_status(centres, closures=closures)}
