"""Any staff edit to a call centre drops the cached pages that show it."""

from django.db.models.signals import post_delete, post_save

from shinjuku_mynumber.page_cache import invalidate

from .models import CallCentre, CallCentreHours, CallCentreLanguage, InquiryDesk, PhoneLine


def call_centre_changed(sender, **kwargs):
    invalidate("call_centres")


for model in (CallCentre, CallCentreHours, CallCentreLanguage, PhoneLine):
    post_save.connect(call_centre_changed, sender=model, dispatch_uid=f"pagecache-{model.__name__}")
    post_delete.connect(
        call_centre_changed, sender=model, dispatch_uid=f"pagecache-{model.__name__}"
    )


def desk_changed(sender, **kwargs):
    invalidate("desk")


post_save.connect(desk_changed, sender=InquiryDesk, dispatch_uid="pagecache-InquiryDesk")
post_delete.connect(desk_changed, sender=InquiryDesk, dispatch_uid="pagecache-InquiryDesk")
