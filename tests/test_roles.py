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
