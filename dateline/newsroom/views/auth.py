"""Sign in with a password, then (editors and admins) a one-time code."""

from __future__ import annotations

import segno
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from dateline.accounts.audit import audit_record
from dateline.accounts.models import AuditEntry

from ..access import is_verified, signed_in_user
from ..forms import TwoFactorForm


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/newsroom/"


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    form = AuthenticationForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        login(request, form.get_user())
        if not is_verified(request):
            return redirect(f"/newsroom/two-factor/?next={_next(request)}")
        return redirect(_next(request))
    return render(
        request, "newsroom/sign_in.html", {"form": form, "next": _next(request)}
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("newsroom:sign_in")


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request: HttpRequest) -> HttpResponse:
    """Confirm a code from the authenticator app, setting one up the first time."""
    user = signed_in_user(request)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    setting_up = device is None
    if setting_up:
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, confirmed=False, defaults={"name": "Authenticator app"}
        )
    form = TwoFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].strip()):
            if setting_up:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                audit_record(
                    action=AuditEntry.Action.TWO_FACTOR, actor=user, request=request
                )
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("code", "That code is not right, or it has expired.")
    context = {"form": form, "setting_up": setting_up, "next": _next(request)}
    if setting_up:
        context["secret"] = _base32(device.bin_key)
        context["qr"] = segno.make(device.config_url, error="m").svg_data_uri(scale=4)
    return render(request, "newsroom/two_factor.html", context)


def _base32(key: bytes) -> str:
    from base64 import b32encode

    return b32encode(key).decode().rstrip("=")
