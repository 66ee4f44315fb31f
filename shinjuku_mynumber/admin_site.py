"""The staff admin: sign-in with a second factor (django-otp).

- Sign-in asks for username, password and, for staff who have set up a
  second factor, a code from their authenticator app (TOTP) or one of their
  recovery codes (single-use static tokens).
- Superusers and Publishers must have a second factor
  (roles.requires_second_factor): signed in with a password only, they can
  reach nothing but the set-up page until they have enrolled. Content editors
  may set one up from the same page (the link in the user tools).
- A superuser can remove a lost device in the admin (django-otp's own admin
  for TOTP and static devices), after which its owner enrols again.
"""

import base64
import io

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .roles import requires_second_factor

RECOVERY_CODES = 10


def _normalise_code(value: str) -> str:
    return "".join(value.split())


class StaffAuthenticationForm(AdminAuthenticationForm):
    otp_token = forms.CharField(
        label=_("Authentication code"),
        required=False,
        max_length=20,
        help_text=_(
            "The 6-digit code from your authenticator app, or one of your recovery codes. "
            "Leave empty if you have not set up a second factor yet."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        user.otp_device = None
        if not any(devices_for_user(user, confirmed=True)):
            return  # enrolment follows, where the role requires it
        token = _normalise_code(self.cleaned_data.get("otp_token") or "")
        if not token:
            raise forms.ValidationError(
                _("Enter the code from your authenticator app or one of your recovery codes."),
                code="token_required",
            )
        device = match_token(user, token)
        if device is None:
            raise forms.ValidationError(
                _("The authentication code is not correct (or has been used)."),
                code="invalid_token",
            )
        # django_otp's user_logged_in receiver keeps the device in the session.
        user.otp_device = device


class ConfirmDeviceForm(forms.Form):
    token = forms.CharField(
        label=_("Code shown by your app"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = _normalise_code(self.cleaned_data["token"])
        if not token.isdigit() or not self.device.verify_token(token):
            raise forms.ValidationError(
                _("This code does not match. Check the time on your phone and try the next code.")
            )
        return token


def second_factor_satisfied(request) -> bool:
    user = request.user
    return user.is_verified() or not requires_second_factor(user)


class StaffAdminSite(admin.AdminSite):
    login_form = StaffAuthenticationForm
    login_template = "admin/staff_login.html"

    def each_context(self, request):
        # Each language by its own name (settings.LANGUAGES, untranslated): the
        # language tabs of translated fields (static/js/admin-tabs.js) show these.
        return {**super().each_context(request), "content_languages": settings.LANGUAGES}

    def has_permission(self, request):
        return super().has_permission(request) and second_factor_satisfied(request)

    def needs_enrolment(self, request) -> bool:
        user = request.user
        return (
            user.is_active
            and user.is_staff
            and not user.is_verified()
            and requires_second_factor(user)
        )

    @method_decorator(never_cache)
    def login(self, request, extra_context=None):
        if request.method == "GET" and self.needs_enrolment(request):
            return HttpResponseRedirect(reverse("admin:second_factor", current_app=self.name))
        return super().login(request, extra_context)

    def get_urls(self):
        return [
            path("second-factor/", self.second_factor_view, name="second_factor"),
            *super().get_urls(),
        ]

    @method_decorator(never_cache)
    @method_decorator(csrf_protect)
    def second_factor_view(self, request):
        """Set up (or replace) the authenticator app; shows new recovery codes once."""
        user = request.user
        if not (user.is_active and user.is_staff):
            return HttpResponseRedirect(reverse("admin:login", current_app=self.name))
        if any(devices_for_user(user, confirmed=True)) and not user.is_verified():
            # A device exists but this session has not proved it: sign in again.
            return HttpResponseRedirect(reverse("admin:login", current_app=self.name))
        device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by(
            "pk"
        ).last() or TOTPDevice.objects.create(
            user=user, name=str(_("Authenticator app")), confirmed=False
        )
        form = ConfirmDeviceForm(request.POST or None, device=device)
        context = {
            **self.each_context(request),
            "title": _("Second factor"),
            "form": form,
            "secret": base64.b32encode(device.bin_key).decode(),
            "qr_code": _qr_data_uri(device.config_url),
            "required": requires_second_factor(user),
        }
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                StaticDevice.objects.filter(user=user).delete()
                recovery = StaticDevice.objects.create(user=user, name=str(_("Recovery codes")))
                codes = [StaticToken.random_token() for _n in range(RECOVERY_CODES)]
                recovery.token_set.bulk_create(
                    [StaticToken(device=recovery, token=code) for code in codes]
                )
            otp_login(request, device)
            context.update(recovery_codes=codes, done=True)
        return TemplateResponse(request, "admin/second_factor.html", context)


def _qr_data_uri(text: str) -> str:
    """The otpauth:// URL as an SVG QR code, inline as an image (the CSP allows data: images)."""
    buffer = io.BytesIO()
    qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()
