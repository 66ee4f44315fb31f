"""The admin login resists password guessing; staff passwords must be strong."""

import pytest
from django.contrib.auth import password_validation
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
PASSWORD = "correct horse battery staple 2024"


@pytest.fixture
def staff(db):
    return User.objects.create_user("suzuki", password=PASSWORD, is_staff=True)


def attempt(client, password):
    return client.post(LOGIN, {"username": "suzuki", "password": password, "next": "/admin/"})


def test_a_staff_member_logs_in(client, staff):
    assert attempt(client, PASSWORD).status_code == 302


def test_locked_out_after_repeated_failed_logins(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt(client, "guess")
        assert response.status_code == 200  # the login form again, with an error
    response = attempt(client, "guess")
    assert response.status_code == 429
    # Even the right password is refused now.
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="ja"' in html
    assert "ログインが一時的にロックされています" in html
    # The whole page speaks Japanese: what happened, when to retry, whom to ask.
    assert "ログインに5回失敗したため、このアカウントはロックされました。" in html
    assert "サイト管理者(区の情報システム担当)" in html
    assert "Django" not in html
    assert "新宿区 マイナンバー制度ページ 管理" in html.split("<title>")[1].split("</title>")[0]
    for english in ("locked", "try again", "password"):
        assert english not in html.split('id="content-main"')[1].lower()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("password", ["short", "password1234", "123456789012"])
def test_weak_staff_passwords_are_refused(staff, password):
    with pytest.raises(ValidationError):
        password_validation.validate_password(password, staff)
