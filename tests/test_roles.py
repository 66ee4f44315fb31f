"""Staff roles: editors edit, publishers also publish and read comments; no group, nothing."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse
from test_admin_editing import staff_client

from shinjuku_mynumber import roles

pytestmark = pytest.mark.django_db


def perms(username):
    return User.objects.get(username=username).get_all_permissions()


def test_the_groups_exist_with_their_roles(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {roles.EDITORS, roles.PUBLISHERS}
    staff_client("editor", roles.EDITORS)
    staff_client("publisher", roles.PUBLISHERS)
    editor, publisher = perms("editor"), perms("publisher")
    for permission in ("pages.change_section", "pages.add_block", "pages.change_notice"):
        assert permission in editor and permission in publisher
    assert "contacts.change_inquirydesk" in editor
    for permission in ("pages.publish_section", "pages.publish_notice"):
        assert permission not in editor and permission in publisher
    assert editor <= publisher


@pytest.mark.parametrize(
    ("permission", "editor_has", "publisher_has"),
    [
        ("survey.view_results", True, True),
        ("survey.view_comments", False, True),
        ("survey.export_feedback", False, True),
    ],
)
def test_survey_permissions(db, permission, editor_has, publisher_has):
    app_label, codename = permission.split(".")
    assert Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    staff_client("editor", roles.EDITORS)
    staff_client("publisher", roles.PUBLISHERS)
    assert (permission in perms("editor")) is editor_has
    assert (permission in perms("publisher")) is publisher_has


def test_permissions_of_every_content_app_are_granted(db):
    """Models added by other apps later are covered by "app_label.*"."""
    editors = Group.objects.get(name=roles.EDITORS)
    granted = set(editors.permissions.values_list("content_type__app_label", flat=True))
    assert {"pages", "contacts"} <= granted
    assert not editors.permissions.filter(content_type__app_label__in=["auth", "admin", "axes"])


def test_an_editor_cannot_see_users_or_comments(content):
    editor = staff_client("editor", roles.EDITORS)
    assert editor.get(reverse("admin:pages_section_changelist")).status_code == 200
    assert editor.get("/admin/auth/user/").status_code == 403
    assert editor.get("/admin/auth/group/").status_code == 403
    assert not User.objects.get(username="editor").has_perm("survey.view_comments")
    html = editor.get(reverse("admin:index")).content.decode()
    assert "/admin/auth/user/" not in html


def test_a_staff_account_without_a_group_sees_nothing(content):
    nobody = staff_client("nobody")
    response = nobody.get(reverse("admin:index"))
    assert response.status_code == 200
    assert response.context["app_list"] == []
    for url in ("/admin/pages/section/", "/admin/pages/notice/", "/admin/contacts/inquirydesk/"):
        assert nobody.get(url).status_code in (403, 404), url


def test_syncing_restores_the_roles_as_written(db):
    editors = Group.objects.get(name=roles.EDITORS)
    expected = set(editors.permissions.all())
    editors.permissions.add(Permission.objects.get(codename="delete_user"))
    editors.permissions.remove(Permission.objects.get(codename="change_section"))
    roles.sync_groups()
    roles.sync_groups()  # twice changes nothing
    assert set(editors.permissions.all()) == expected


def test_unknown_permissions_are_skipped(db, monkeypatch):
    monkeypatch.setitem(roles.ROLES, "Testers", ["nosuchapp.view_thing", "pages.view_section"])
    roles.sync_groups()
    testers = Group.objects.get(name="Testers")
    assert [p.codename for p in testers.permissions.all()] == ["view_section"]


def test_an_editor_never_publishes_or_deletes_anything_on_any_admin_model(content, rf):
    from django.contrib import admin

    from shinjuku_mynumber.admin_base import PUBLISHING_FIELDS
    from shinjuku_mynumber.publishing import Publishable

    editor_client = staff_client("editor", roles.EDITORS)
    request = rf.get("/admin/")
    request.user = User.objects.get(username="editor")
    walked = 0
    for model, model_admin in admin.site._registry.items():
        obj = model._default_manager.first()
        assert not model_admin.has_delete_permission(request), model
        assert not model_admin.has_delete_permission(request, obj), model
        assert "delete_selected" not in model_admin.get_actions(request), model
        if issubclass(model, Publishable):
            readonly = model_admin.get_readonly_fields(request, obj)
            assert set(PUBLISHING_FIELDS) <= set(readonly), model
        if obj is not None and model_admin.has_view_permission(request, obj):
            opts = model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[obj.pk])
            assert editor_client.post(url, {"post": "yes"}).status_code == 403, model
            assert model._default_manager.filter(pk=obj.pk).exists(), model
            walked += 1
    assert walked >= 10  # sections, parts, notices, locations, desks, call centres...


def test_an_editor_cannot_publish_a_location(content):
    from test_admin_editing import admin_form_data

    from facilities.models import Location

    location = Location.objects.first()
    location.status = "draft"
    location.save()
    editor = staff_client("editor", roles.EDITORS)
    url = reverse("admin:facilities_location_change", args=[location.pk])
    page = editor.get(url)
    assert 'name="status"' not in page.content.decode()
    data = admin_form_data(page)
    data.update(status="published", shown_from="2020-01-01")
    assert editor.post(url, data).status_code == 302
    location.refresh_from_db()
    assert location.status == "draft" and location.shown_from is None
    publisher = staff_client("publisher", roles.PUBLISHERS)
    data = admin_form_data(publisher.get(url))
    data.update(status="published")
    assert publisher.post(url, data).status_code == 302
    location.refresh_from_db()
    assert location.status == "published"
