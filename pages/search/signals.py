"""The index follows every publish, unpublish, edit and delete.

Each receiver names the object whose rows change: a section for any of its
parts, a location for its services and things to bring, a call centre for
its phone lines. Saves by `loaddata` (raw) are skipped: run
`manage.py rebuild_search_index` after loading fixtures.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from contacts.models import CallCentre, PhoneLine
from facilities.models import ItemToBring, Location, Service
from pages.models import Benefit, Block, Document, KeyDate, Link, ListItem, Section

from . import index


def _connect(model, handler):
    uid = f"search-index.{model._meta.label}"
    post_save.connect(handler, sender=model, dispatch_uid=uid)
    post_delete.connect(handler, sender=model, dispatch_uid=uid)


def _skip(kwargs):
    return kwargs.get("raw", False)


def section_changed(sender, instance, **kwargs):
    if not _skip(kwargs):
        index.refresh("section", instance.pk)


def section_part_changed(sender, instance, **kwargs):
    if not _skip(kwargs):
        index.refresh("section", instance.section_id)


def list_item_changed(sender, instance, **kwargs):
    if _skip(kwargs):
        return
    section_id = Block.objects.filter(pk=instance.block_id).values_list("section_id", flat=True)
    for pk in section_id:
        index.refresh("section", pk)


def location_changed(sender, instance, **kwargs):
    if not _skip(kwargs):
        index.refresh("location", instance.pk)


def item_to_bring_changed(sender, instance, **kwargs):
    if not _skip(kwargs):
        index.refresh("location", instance.location_id)


def remember_service_locations(sender, instance, **kwargs):
    # After a delete the links are gone: note them before.
    instance._search_locations = list(instance.locations.values_list("pk", flat=True))


def service_changed(sender, instance, **kwargs):
    if _skip(kwargs) or instance.pk is None:
        return
    pks = getattr(instance, "_search_locations", None)
    if pks is None:
        pks = instance.locations.values_list("pk", flat=True)
    for pk in pks:
        index.refresh("location", pk)


def services_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if reverse:  # service.locations.add(...)
        for pk in pk_set or instance.locations.values_list("pk", flat=True):
            index.refresh("location", pk)
    else:
        index.refresh("location", instance.pk)


def call_centre_changed(sender, instance, **kwargs):
    if not _skip(kwargs):
        index.refresh("call_centre", instance.pk)


def phone_line_changed(sender, instance, **kwargs):
    if not _skip(kwargs):
        index.refresh("call_centre", instance.call_centre_id)


_connect(Section, section_changed)
for part in (Block, Benefit, KeyDate, Link, Document):
    _connect(part, section_part_changed)
_connect(ListItem, list_item_changed)
_connect(Location, location_changed)
_connect(ItemToBring, item_to_bring_changed)
_connect(Service, service_changed)
pre_delete.connect(remember_service_locations, sender=Service, dispatch_uid="search-index.service")
m2m_changed.connect(
    services_changed, sender=Location.services.through, dispatch_uid="search-index.services"
)
_connect(CallCentre, call_centre_changed)
_connect(PhoneLine, phone_line_changed)
