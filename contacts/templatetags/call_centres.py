"""Call centres shown below a section's text (the section's embed = "call_centres")."""

from django import template

from contacts.listing import call_centres_with_status

register = template.Library()


@register.inclusion_tag("contacts/components/call_centres_embed.html", takes_context=True)
def call_centres_embed(context):
    return {**context.flatten(), "embed_call_centres": call_centres_with_status()}
