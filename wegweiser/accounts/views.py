from __future__ import annotations

import datetime
import math

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import services
from .access import active_memberships
from .forms import ApiTokenForm, EmailAuthenticationForm, ProfileForm, TokenForm
from .http import AuthenticatedHttpRequest
from .models import ApiToken


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


def _safe_next(request: HttpRequest) -> str | None:
    target = request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return None


MAX_CODE_TRIES = 5
WRONG_CODES_KEY = "wegweiser_wrong_codes"


def _count_wrong_code(request: HttpRequest) -> int:
    count = int(request.session.get(WRONG_CODES_KEY, 0)) + 1
    request.session[WRONG_CODES_KEY] = count
    return count


def _next_try_at(devices: QuerySet[TOTPDevice]) -> datetime.datetime | None:
    """When django-otp's growing delay after wrong codes ends (None: now)."""
    latest = None
    for device in devices:
        allowed, data = device.verify_is_allowed()
        if not allowed and data and data.get("locked_until"):
            latest = max(latest or data["locked_until"], data["locked_until"])
    return latest


def _wait_message(next_try: datetime.datetime) -> str:
    seconds = max(1, math.ceil((next_try - timezone.now()).total_seconds()))
    return ngettext(
        "Please wait %(seconds)s second before the next try (until %(time)s).",
        "Please wait %(seconds)s seconds before the next try (until %(time)s).",
        seconds,
    ) % {"seconds": seconds, "time": timezone.localtime(next_try).strftime("%H:%M:%S")}


def _wrong_code_message(left: int, next_try: datetime.datetime | None) -> str:
    tries = ngettext(
        "This code is not valid. %(left)s try left before you must sign in again.",
        "This code is not valid. %(left)s tries left before you must sign in again.",
        left,
    ) % {"left": left}
    if next_try is None or next_try <= timezone.now():
        return tries + " " + _("Check the time on your phone; you can try again now.")
    return tries + " " + _wait_message(next_try)


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Verify the second factor, or enrol one first if the user has none yet."""
    user = request.user
    if user.is_verified():  # type: ignore[attr-defined]  # added by django-otp's middleware
        return redirect("core:dashboard")
    confirmed = services.confirmed_totp_devices(user)
    enrolling = not confirmed.exists()
    device = services.pending_totp_device(user) if enrolling else None
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"]
        if enrolling and services.confirm_totp_device(device, token):
            request.session.cycle_key()  # a new session id for the new privilege level
            otp_login(request, device)
            messages.success(request, _("Two-factor authentication is set up."))
            return redirect("core:dashboard")
        if not enrolling:
            wait_until = _next_try_at(confirmed)
            if wait_until is not None:
                # Still inside django-otp's delay after a wrong code: not counted as a try.
                message = _wait_message(wait_until)
            else:
                matched = match_token(user, token)
                if matched is not None:
                    request.session.pop(WRONG_CODES_KEY, None)
                    request.session.cycle_key()  # a new session id for the new privilege level
                    otp_login(request, matched)
                    return redirect(_safe_next(request) or "core:dashboard")
                left = MAX_CODE_TRIES - _count_wrong_code(request)
                if left <= 0:
                    # Back to the password, which django-axes counts and locks.
                    logout(request)
                    messages.error(request, _("Too many wrong codes. Please sign in again."))
                    return redirect("accounts:login")
                message = _wrong_code_message(left, _next_try_at(confirmed))
        else:
            message = _("This code is not valid. Check the time on your phone and try again.")
        form.add_error("token", message)
    context = {"form": form, "enrolling": enrolling}
    if enrolling:
        context["qr_data_uri"] = services.totp_qr_data_uri(device)
        context["secret"] = services.totp_secret_base32(device)
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/two_factor.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile was saved."))
        return redirect("accounts:profile")
    context = {
        "form": form,
        "token_form": ApiTokenForm(),
        "memberships": active_memberships(request.user),
        "tokens": ApiToken.objects.filter(user=request.user, revoked_at__isnull=True),
        "new_token": request.session.pop("new_api_token", None),
    }
    return render(request, "accounts/profile.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def token_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please name the token."))
        return redirect("accounts:profile")
    # Shown exactly once on the next page; only its hash is stored.
    request.session["new_api_token"] = services.issue_api_token(
        request.user, form.cleaned_data["name"]
    )
    return redirect("accounts:profile")


@login_required
@require_POST
def token_revoke(request: AuthenticatedHttpRequest, prefix: str) -> HttpResponse:
    if services.revoke_api_token(request.user, prefix):
        messages.success(request, _("The token was revoked."))
    return redirect("accounts:profile")
