"""`{% call_centres_now %}`: each call centre's main number and whether it answers now.

Pages showing it carry the tag "call_centres" (also bumped by a change of the
yearly closures) and are cached a minute at most.
"""

from django import template

from facilities.models import YearlyClosure, attach_status

from ..models import CallCentre

register = template.Library()


def _call_centres_and_closures():
    return list(CallCentre.objects.with_main_line()), list(YearlyClosure.objects.all())


@register.inclusion_tag("contacts/components/call_centres_now.html")
def call_centres_now():
    centres, closures = _call_centres_and_closures()
    return {"call_centres": attach_status(centres, closures=closures)}
