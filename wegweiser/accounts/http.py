"""Typed requests: what a view may assume about `request.user`."""

from __future__ import annotations

from django.http import HttpRequest

from .models import User


class AuthenticatedHttpRequest(HttpRequest):
    """A request of a logged-in user: annotate views behind `login_required` with it.

    Django types `request.user` as `User | AnonymousUser`; behind `login_required` it is always our
    `User`, so views use it without a cast. Nothing checks this at run time: the decorator does.
    """

    user: User
