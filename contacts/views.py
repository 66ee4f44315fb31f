from django.conf import settings
from django.utils import timezone
from django.views.generic import TemplateView

from facilities.models import YearlyClosure, attach_status
from pages.views import ContentPageMixin
from shinjuku_mynumber.page_cache import public_page

from .models import CallCentre


def call_centres_with_status(moment=None):
    """Call centres with `.open_status` and `.weekly_hours`: a fixed number of queries."""
    closures = list(YearlyClosure.objects.all())
    return attach_status(CallCentre.objects.with_details(), moment or timezone.now(), closures)


class CallCentreListView(ContentPageMixin, TemplateView):
    template_name = "contacts/call_centre_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["call_centres"] = call_centres_with_status()
        return context


call_centre_list = public_page(
    ["nav", "desk", "call_centres"], timeout=settings.OPEN_STATUS_MAX_AGE
)(CallCentreListView.as_view())
