"""Keep cached public pages true after staff edits, and the staff roles in step.

Page-cache tags (see shinjuku_mynumber/page_cache.py):
- a section: "nav" (its title and summary are on every page) and "section:<slug>",
  including its old slug when the slug changed;
- a part of a section (block, list item, benefit, dated fact, link, document):
  "section:<slug>" of its section, whose "last updated" date also moves on;
- a notice: "notices". (The inquiry desk's "desk" is contacts/signals.py's.)

Roles are re-synced after every `migrate`, so that permissions of models added
later by other apps are granted to the groups (shinjuku_mynumber/roles.py).
"""

from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from shinjuku_mynumber import roles
from shinjuku_mynumber.page_cache import invalidate

from .models import Benefit, Block, Document, KeyDate, Link, ListItem, Notice, Section

SECTION_PARTS = (Block, Benefit, KeyDate, Link, Document)


@receiver(pre_save, sender=Section)
def remember_old_slug(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    instance._old_slug = (
        Section.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
    )


@receiver(post_save, sender=Section)
@receiver(post_delete, sender=Section)
def section_changed(sender, instance, **kwargs):
    tags = {"nav", f"section:{instance.slug}"}
    old_slug = getattr(instance, "_old_slug", None)
    if old_slug:
        tags.add(f"section:{old_slug}")
    invalidate(*sorted(tags))


def _part_changed(section_ids, raw=False, keep_modified=False):
    """Refresh the page of the section a part belongs to (if it still exists)."""
    sections = Section.objects.filter(pk__in=section_ids)
    slugs = list(sections.values_list("slug", flat=True))
    if not slugs:
        return
    # The loader dates the content itself (pages/seed.py).
    if not (raw or keep_modified):
        # The page's "last updated" date covers its parts; no history row, no signal.
        sections.update(modified=timezone.now())
    invalidate(*(f"section:{slug}" for slug in slugs))


def part_changed(sender, instance, raw=False, **kwargs):
    _part_changed([instance.section_id], raw, getattr(instance, "_keep_modified", False))


for part in SECTION_PARTS:
    post_save.connect(part_changed, sender=part, dispatch_uid=f"page_cache.{part.__name__}.save")
    post_delete.connect(part_changed, sender=part, dispatch_uid=f"page_cache.{part.__name__}.del")


@receiver(post_save, sender=ListItem)
@receiver(post_delete, sender=ListItem)
def list_item_changed(sender, instance, raw=False, **kwargs):
    section_ids = Block.objects.filter(pk=instance.block_id).values_list("section_id", flat=True)
    _part_changed(list(section_ids), raw, getattr(instance, "_keep_modified", False))


@receiver(post_save, sender=Notice)
@receiver(post_delete, sender=Notice)
def notice_changed(sender, instance, **kwargs):
    invalidate("notices")


post_migrate.connect(roles.sync_after_migrate, dispatch_uid="shinjuku_mynumber.roles")
