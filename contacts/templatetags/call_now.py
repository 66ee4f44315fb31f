"""`{% call_centres_now %}`: each call centre's main number and whether it answers now.

Live data: only for pages cached a minute at most (OPEN_STATUS_MAX_AGE).
"""

from django import template

from ..views import call_centres_with_status

register = template.Library()


@register.inclusion_tag("contacts/components/call_centres_now.html")
def call_centres_now():
    return {"call_centres": call_centres_with_status()}
