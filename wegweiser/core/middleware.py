from collections.abc import Callable

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.cache import add_never_cache_headers, patch_vary_headers


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
