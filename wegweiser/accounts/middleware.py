"""Session limits and the mandatory second factor for privileged roles."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .access import active_memberships
from .models import User

LOGIN_AT = "wegweiser_login_at"

# Paths a privileged user may reach before the second factor is verified.
_OPEN_PREFIXES = ("/static/", "/healthz", "/i18n/", "/favicon")


def needs_second_factor(user: User | AnonymousUser) -> bool:
    """Coordinators, counsellors, state coordinators and platform admins must use TOTP."""
    if not user.is_authenticated:
        return False
    return user.is_staff or any(m.is_privileged for m in active_memberships(user))


class SessionLimitsMiddleware:
    """End sessions that are older than the absolute limit, whatever the activity."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get(LOGIN_AT)
            if started is None:
                request.session[LOGIN_AT] = time.time()
            elif time.time() - started > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                messages.info(request, _("Your session has ended. Please log in again."))
                return redirect(settings.LOGIN_URL)
        return self.get_response(request)


class TwoFactorRequiredMiddleware:
    """Send privileged users who have not passed the second factor to enrolment or verification."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user = getattr(request, "user", None)
        if user is not None and needs_second_factor(user) and not user.is_verified():
            allowed = self._allowed_paths()
            path = request.path
            if not (path.startswith(_OPEN_PREFIXES) or any(path.endswith(p) for p in allowed)):
                if path.startswith("/api/"):
                    return JsonResponse(
                        {"detail": _("Two-factor authentication is required.")}, status=403
                    )
                return redirect("accounts:two_factor")
        return self.get_response(request)

    @staticmethod
    def _allowed_paths() -> tuple[str, ...]:
        # The language prefix varies, so compare the language-independent tail of the path.
        return tuple(
            reverse(name).split("/", 2)[-1] for name in ("accounts:two_factor", "accounts:logout")
        )
