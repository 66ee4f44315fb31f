"""`{% call_centres_now %}`: each call centre's main number and whether it answers now.

Pages showing it carry the tag "call_centres" (also bumped by a change of the
yearly closures) and are cached a minute at most.
"""

from django import template

from facilities.models import attach_status, yearly_closures

from ..models import CallCentre

register = template.Library()


@register.inclusion_tag("contacts/components/call_centres_now.html", takes_context=True)
def call_centres_now(context):
    closures = yearly_closures(context.get("request"))
    return {"call_centres": attach_status(CallCentre.objects.with_main_line(), closures=closures)}
