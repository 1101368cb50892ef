import time
from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from .middleware import LOGIN_AT
from .models import User


@receiver(user_logged_in)
def remember_login_time(
    sender: type, request: HttpRequest | None, user: User, **kwargs: Any
) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT] = time.time()
