from django.conf import settings
from django.utils import timezone
from django.views.generic import TemplateView

from facilities.models import YearlyClosure, attach_status
from pages.views import ContentPageMixin
from shinjuku_mynumber.page_cache import public_page

from .models import CallCentre


def call_centres_with_status(moment=None, closures=None):
    """Call centres with `.open_status` and `.weekly_hours`: a fixed number of queries."""
    if closures is None:
        closures = list(YearlyClosure.objects.all())
    return attach_status(CallCentre.objects.with_details(), moment or timezone.now(), closures)


class CallCentreListView(ContentPageMixin, TemplateView):
    template_name = "contacts/call_centre_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        closures = list(YearlyClosure.objects.all())
        centres = call_centres_with_status(closures=closures)
        context["call_centres"] = centres
        # The yearly closures, named under the hours table when a centre keeps them.
        context["closures"] = (
            closures
            if any(c.observes_yearly_closures and not c.is_always_open for c in centres)
            else []
        )
        return context


call_centre_list = public_page(
    ["nav", "desk", "call_centres"], timeout=settings.OPEN_STATUS_MAX_AGE
)(CallCentreListView.as_view())
