"""Staff sign-in: the lock-out counts the real client, and staff who can
publish must prove a second factor (TOTP, or a single-use recovery code)."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django_otp import devices_for_user
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from shinjuku_mynumber.roles import EDITORS, PUBLISHERS

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
ENROL = reverse("admin:second_factor")
PASSWORD = "correct horse battery staple 2024"
PROXY = "10.0.0.1"


def make_staff(username, group=None):
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def sign_in(client, username, password=PASSWORD, code="", **extra):
    data = {"username": username, "password": password, "otp_token": code, "next": "/admin/"}
    return client.post(LOGIN, data, **extra)


def test_lockout_behind_one_proxy_counts_the_client_address_from_x_forwarded_for(client, settings):
    settings.PROXY_COUNT = 1
    make_staff("suzuki")
    attacker = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "suzuki", "guess", **attacker)
    assert sign_in(client, "suzuki", **attacker).status_code == 429
    # A forged X-Forwarded-For in front of what the proxy wrote changes nothing.
    forged = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "192.0.2.99, 198.51.100.7"}
    assert sign_in(Client(), "suzuki", **forged).status_code == 429
    # The staff member, at another address behind the same proxy, is not locked out.
    at_the_office = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.20"}
    response = sign_in(Client(), "suzuki", **at_the_office)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_one_address_trying_many_usernames_is_locked_out(client, settings):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 8
    make_staff("suzuki")
    guesser = {"REMOTE_ADDR": "198.51.100.9"}
    for n in range(7):  # never twice the same username: no pair reaches its limit
        assert sign_in(client, f"user{n}", "guess", **guesser).status_code == 200
    assert sign_in(client, "user7", "guess", **guesser).status_code == 429
    assert sign_in(client, "suzuki", **guesser).status_code == 429
    assert sign_in(Client(), "suzuki", REMOTE_ADDR="198.51.100.10").status_code == 302


def current_code(device, drift=0):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}"


def test_a_publisher_enrols_and_then_needs_a_code(client):
    make_staff("tanaka", PUBLISHERS)
    # Password only: signed in, but nothing but the set-up page is reachable.
    assert sign_in(client, "tanaka").status_code == 302
    assert client.get("/admin/pages/section/").status_code == 302
    response = client.get(LOGIN)
    assert response.status_code == 302 and response["Location"] == ENROL
    page = client.get(ENROL)
    html = page.content.decode()
    assert 'src="data:image/svg+xml;base64,' in html
    device = TOTPDevice.objects.get(user__username="tanaka", confirmed=False)
    assert "otpauth://" in device.config_url
    wrong = client.post(ENROL, {"token": "000000" if current_code(device) != "000000" else "1"})
    assert "errorlist" in wrong.content.decode()
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # the next try must wait a little
    device.throttle_reset()
    done = client.post(ENROL, {"token": current_code(device)})
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert client.get("/admin/pages/section/").status_code == 200

    # From now on, a password alone is not enough.
    response = sign_in(Client(), "tanaka")
    assert response.status_code == 200
    assert "認証コード" in response.content.decode() or "code" in response.content.decode()
    assert sign_in(Client(), "tanaka", code="123456").status_code == 200
    # A wrong code counts against every device tried (the app and the recovery
    # codes): each must wait a little (1 s here) before its next try. The test
    # does not wait: it lifts that pause.
    for each in devices_for_user(device.user):
        assert each.throttling_failure_count == 1
        each.throttle_reset()
    device.refresh_from_db()
    assert sign_in(Client(), "tanaka", code=current_code(device, drift=1)).status_code == 302
    # A recovery code works once.
    phone_lost = Client()
    assert sign_in(phone_lost, "tanaka", code=codes[0]).status_code == 302
    assert phone_lost.get("/admin/pages/section/").status_code == 200
    assert sign_in(Client(), "tanaka", code=codes[0]).status_code == 200


def test_an_editor_without_a_second_factor_signs_in_with_a_password(client):
    make_staff("sato", EDITORS)
    assert sign_in(client, "sato").status_code == 302
    assert client.get("/admin/pages/section/").status_code == 200
    assert client.get(ENROL).status_code == 200  # may add one


def test_the_admin_can_be_limited_to_the_ward_networks(settings):
    settings.ADMIN_ALLOWED_NETWORKS = ["192.0.2.0/24", "2001:db8::/48"]
    inside = Client(REMOTE_ADDR="192.0.2.10")
    outside = Client(REMOTE_ADDR="198.51.100.7")
    assert inside.get(LOGIN).status_code == 200
    assert outside.get(LOGIN).status_code == 404
    assert outside.post(LOGIN, {"username": "x", "password": "y"}).status_code == 404
    assert outside.get("/ja/").status_code == 200


def test_oversized_bodies_are_refused_before_they_are_read(client):
    response = client.post(
        LOGIN, data=b"x" * 100, content_type="text/plain", CONTENT_LENGTH=str(30 * 1024 * 1024)
    )
    assert response.status_code == 413
