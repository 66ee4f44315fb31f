"""Publishers review Content editors' changes to live sections (shinjuku_mynumber/review.py).

/admin/pages/section/changes/: the changes waiting, with scheduled and sent-back ones;
.../changes/<id>/: what the change does to the live page, in sentences with the
whole texts before and after; a preview in every language; approve now or at a
date and time, or send back with a comment.
"""

import datetime

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from shinjuku_mynumber import review, versioning
from shinjuku_mynumber.admin_views import StaffPageView
from shinjuku_mynumber.models import PendingChange

from .models import Section
from .views import SectionView

PUBLISH = "pages.publish_section"


def open_changes():
    return PendingChange.objects.open().filter(
        content_type=ContentType.objects.get_for_model(Section)
    )


class DecisionForm(forms.Form):
    publish_on = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    publish_time = forms.TimeField(
        label=_("Time"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    comment = forms.CharField(
        label=_("What should be changed"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, action="", **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action

    def clean(self):
        data = super().clean()
        if self.action == "schedule":
            day, time = data.get("publish_on"), data.get("publish_time")
            if day is None or time is None:
                raise forms.ValidationError(_("Give the date and the time it should go live."))
            moment = timezone.make_aware(datetime.datetime.combine(day, time))
            if moment <= timezone.now():
                raise forms.ValidationError(
                    _("That time has passed. Give a later one, or approve it now.")
                )
            data["publish_at"] = moment
        elif self.action == "reject" and not data.get("comment", "").strip():
            self.add_error("comment", _("Say what should be changed, so the editor can fix it."))
        elif self.action not in ("approve", "schedule", "reject"):
            raise forms.ValidationError(_("Choose to approve, schedule or send back."))
        return data


class PendingChangesView(StaffPageView):
    template_name = "admin/pages/section/pending_changes.html"
    title = _("Changes waiting for approval")
    permission = PUBLISH

    def get_context_data(self, **kwargs):
        review.publish_due()  # a scheduled change whose time came goes live now at the latest
        context = super().get_context_data(**kwargs)
        changes = list(open_changes().select_related("author", "decided_by"))
        sections = Section.objects.in_bulk([int(c.object_id) for c in changes])
        for change in changes:
            change.section = sections.get(int(change.object_id))
        context["changes"] = [c for c in changes if c.section is not None]
        return context


class PendingChangeView(StaffPageView):
    template_name = "admin/pages/section/pending_change.html"
    permission = PUBLISH

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.change = get_object_or_404(open_changes(), pk=kwargs["change_id"])
        self.section = self.change.page
        if self.section is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        live = versioning.live_state(self.section)
        proposed = versioning.revision_state(self.change.revision)
        previews = [
            (
                code,
                name,
                reverse("admin:pages_section_pending_preview", args=[self.change.pk, code]),
            )
            for code, name in settings.LANGUAGES
        ]
        context.update(
            title=gettext("Change to “%(section)s”") % {"section": self.section},
            change=self.change,
            section=self.section,
            changes=versioning.describe_changes(live, proposed),
            previews=previews,
            form=kwargs.get("form") or DecisionForm(),
            live_changed_since=versioning.edit_token(self.section) != self.change_base(),
        )
        return context

    def change_base(self):
        # The live revision the change was made on is the latest one before it was saved.
        latest = (
            versioning.live_versions(self.section)
            .filter(revision__date_created__lte=self.change.revision.date_created)
            .values_list("revision_id", flat=True)
            .first()
        )
        return str(latest or 0)

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        form = DecisionForm(request.POST, action=action)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if action == "reject":
            review.reject(self.change, request.user, form.cleaned_data["comment"].strip())
            messages.success(request, gettext("The change was sent back to its editor."))
        elif action == "schedule":
            review.approve(self.change, request.user, at=form.cleaned_data["publish_at"])
            messages.success(
                request, gettext("The change is approved and goes live at the set time.")
            )
        else:
            review.approve(self.change, request.user)
            messages.success(request, gettext("The change is published."))
        return redirect("admin:pages_section_pending_changes")


def section_from_revision(revision):
    """The section as the revision holds it, with its parts, without touching the database."""
    objects = [
        v._object_version.object for v in revision.version_set.select_related("content_type")
    ]
    section = next(obj for obj in objects if isinstance(obj, Section))
    blocks = [o for o in objects if getattr(o, "section_id", None) == section.pk]
    for name in ("blocks", "benefits", "key_dates", "links", "documents"):
        model = Section._meta.get_field(name).related_model
        parts = [o for o in blocks if isinstance(o, model)]
        _prefetched(section, name, parts)
        if name == "blocks":
            for block in parts:
                items = [o for o in objects if getattr(o, "block_id", None) == block.pk]
                _prefetched(block, "items", items)
    return section


def _prefetched(instance, name, objects):
    """Make `instance.<name>.all()` answer `objects`, in the model's order, with no query."""
    manager = getattr(instance, name)
    ordering = manager.model._meta.ordering
    objects = sorted(objects, key=lambda o: tuple(getattr(o, f) for f in ordering))
    queryset = manager.get_queryset()
    queryset._result_cache, queryset._prefetch_done = objects, True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset


class PendingPreview(SectionView):
    preview = True
    section = None

    def get_section(self):
        return self.section


def pending_preview(request, change_id, language):
    if not request.user.has_perm(PUBLISH):
        raise PermissionDenied
    change = get_object_or_404(open_changes(), pk=change_id)
    if language not in dict(settings.LANGUAGES):
        raise Http404
    section = section_from_revision(change.revision)
    with translation.override(language):
        request.LANGUAGE_CODE = language
        response = PendingPreview.as_view(section=section)(request, slug=section.slug)
        response.render()
    return response


def urls(site):
    return [
        path(
            "changes/",
            site.admin_view(PendingChangesView.as_view(admin_site=site)),
            name="pages_section_pending_changes",
        ),
        path(
            "changes/<int:change_id>/",
            site.admin_view(PendingChangeView.as_view(admin_site=site)),
            name="pages_section_pending_change",
        ),
        path(
            "changes/<int:change_id>/preview/<str:language>/",
            site.admin_view(pending_preview),
            name="pages_section_pending_preview",
        ),
    ]
