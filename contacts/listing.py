"""Call centres as public pages show them: with their status now."""

from django.utils import timezone

from facilities.models import attach_status, yearly_closures

from .models import CallCentre


def call_centres_with_status(moment=None):
    """Call centres with `.open_status` and `.weekly_hours`: a fixed number of queries."""
    closures = yearly_closures()
    return attach_status(CallCentre.objects.with_details(), moment or timezone.now(), closures)
