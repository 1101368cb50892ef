from collections.abc import Callable

from django.http import HttpRequest, JsonResponse
from django.http.response import HttpResponseBase
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _


class PrivatePagesNoStoreMiddleware:
    """Pages seen by a logged-in user may hold personal or internal data: never store them.

    Anonymous responses stay cacheable (the public guidebook is served from caches).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)  # includes no-store and private
            patch_vary_headers(response, ["Cookie"])
        return response


class RejectNulBytesMiddleware:
    """A NUL character in a query string, form field or JSON body of an API call answers 400.

    No text a person types contains it, and PostgreSQL refuses it in text columns: let through,
    it would end a request (and the rest of its transaction) with a server error. Pages validate
    their own input and answer with their own message (their forms reject it).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.path.startswith("/api/") and _carries_nul(request):
            message = _("The request contains a character that is not allowed (NUL).")
            return JsonResponse({"detail": message}, status=400)
        return self.get_response(request)


def _carries_nul(request: HttpRequest) -> bool:
    if "\x00" in request.path or any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in request.GET.lists()
    ):
        return True
    content_type = request.content_type or ""
    if request.method in ("POST", "PUT", "PATCH") and content_type == "application/json":
        return b"\\u0000" in request.body or b"\x00" in request.body
    if request.method == "POST" and content_type == "application/x-www-form-urlencoded":
        return any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.POST.lists()
        )
    return False
