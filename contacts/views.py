from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.generic import TemplateView

from shinjuku_mynumber import stale_translations
from shinjuku_mynumber.page_cache import public_page

from .listing import call_centres_with_status


class CallCentreListView(TemplateView):
    template_name = "contacts/call_centre_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["call_centres"] = call_centres = call_centres_with_status()
        with translation.override(settings.LANGUAGE_CODE):
            japanese_url = reverse("contacts:list")
        context.update(stale_translations.reader_notice(call_centres, get_language(), japanese_url))
        return context


call_centre_list = public_page(
    ["nav", "desk", "call_centres"], timeout=settings.OPEN_STATUS_MAX_AGE
)(CallCentreListView.as_view())
