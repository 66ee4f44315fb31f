"""Reviewed changes to live pages: propose, approve (now or at a set time), send back.

An editor's save of a live page is kept as a pending revision of the whole
page (versioning.py); the public page does not change until a publisher
approves it. A scheduled approval goes live when `publish_due` runs: the
`publish_due_changes` command (run it every minute, e.g. from cron) and the
publishers' list of changes both call it.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from . import versioning
from .models import PendingChange
from .publishing import PUBLISHING_FIELDS, Publishable


def open_change(root):
    return PendingChange.objects.for_page(root).open().select_related("author").first()


def kept_fields(model):
    """Fields a change under review never alters: publishing is the publisher's own act."""
    return PUBLISHING_FIELDS if issubclass(model, Publishable) else ()


@transaction.atomic
def propose(root, versions, user, comment=""):
    """Keep `versions` (the whole page as saved) as the page's pending change."""
    revision = versioning.save_revision(versions, user, comment)
    change = PendingChange.objects.for_page(root).open().select_for_update().first()
    if change is None:
        return PendingChange.objects.create(page=root, revision=revision, author=user)
    old_revision = change.revision
    change.revision, change.author, change.state = revision, user, PendingChange.State.PENDING
    change.publish_at = change.decided_by = change.decided_at = None
    change.save()
    old_revision.delete()
    return change


def approve(change, user, at=None):
    """Publish at once, or at `at` (a moment in the future)."""
    change.decided_by, change.decided_at = user, timezone.now()
    if at is not None and at > timezone.now():
        change.state, change.publish_at = PendingChange.State.SCHEDULED, at
        change.save()
        return change
    return publish(change)


def reject(change, user, comment):
    change.state, change.comment = PendingChange.State.REJECTED, comment
    change.decided_by, change.decided_at, change.publish_at = user, timezone.now(), None
    change.save()
    return change


@transaction.atomic
def publish(change):
    root = change.page
    if root is None:  # the page was deleted meanwhile: nothing left to change
        change.delete()
        return None
    author = change.author.get_username() if change.author else ""
    comment = gettext("Approved the change by %(author)s.") % {"author": author}
    versioning.apply_revision(
        change.revision, root, change.decided_by, comment, keep=kept_fields(type(root))
    )
    change.state = PendingChange.State.PUBLISHED
    change.save()
    return change


def publish_due(now=None) -> int:
    """Publish every scheduled change whose time has come; how many."""
    now = now or timezone.now()
    due = PendingChange.objects.filter(state=PendingChange.State.SCHEDULED, publish_at__lte=now)
    count = 0
    for change in due.select_related("decided_by", "author"):
        publish(change)
        count += 1
    return count
