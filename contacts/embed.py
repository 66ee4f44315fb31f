"""Call centres shown below a section's text (the section's embed = "call_centres")."""

from .views import call_centres_with_status


def context(request) -> dict:
    return {
        "embed_template": "contacts/components/call_centres_embed.html",
        "embed_call_centres": call_centres_with_status(),
    }
