"""API authentication: the browser's session (with CSRF) or a bearer token for integrations."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from wegweiser.accounts.middleware import needs_second_factor
from wegweiser.accounts.models import ApiToken, User


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = ApiToken.authenticate(token)
        if user is None:
            return None
        request.user = user
        return user


class VerifiedSessionAuth(SessionAuth):
    """Session auth that also demands the second factor where the role requires it."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is not None and needs_second_factor(user) and not user.is_verified():
            return None
        return user


def optional_user(request: HttpRequest) -> User | None:
    """For public routes that widen their answer for a known user: the user, or None.

    A bearer token wins; otherwise the session user, if its second factor is verified where needed.
    """
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return ApiToken.authenticate(header.split(" ", 1)[1].strip())
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    if needs_second_factor(user) and not user.is_verified():
        return None
    return user


required_auth = [TokenAuth(), VerifiedSessionAuth()]
