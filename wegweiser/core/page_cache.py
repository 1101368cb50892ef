"""A short-lived cache of whole public pages for anonymous visitors (DESIGN §10, issue 11).

Django's own cache middleware pair, with two rules added:
- only a request without a session cookie and without an Authorization header is answered from
  or stored into the cache — whatever a logged-in person sees never enters it (their pages are
  also marked no-store, which Django's middleware respects);
- the lookup runs right after WhiteNoise, before sessions, authentication and CSRF, so a cached
  page costs about as much as a static file.
Django still refuses to store anything but 200/304, responses that set a cookie for a cookie-less
request (a CSRF token, a message) and responses marked private/no-store/no-cache.

HTML pages for anonymous visitors are compressed before they are stored (once per page, not per
request); pages of logged-in people are never compressed (no BREACH-style guessing of their
secrets from response sizes).

A public page can be up to CACHE_MIDDLEWARE_SECONDS (default 30) old after an edit; editors are
logged in and always see the current state. CACHE_MIDDLEWARE_SECONDS=0 switches it off.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.middleware.gzip import GZipMiddleware


def _anonymous(request: HttpRequest) -> bool:
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "Authorization" not in request.headers
    )


class AnonymousFetchFromCacheMiddleware(FetchFromCacheMiddleware):
    def process_request(self, request: HttpRequest) -> HttpResponse | None:
        if not _anonymous(request) or not settings.CACHE_MIDDLEWARE_SECONDS:
            # Django's own flag between its two cache middlewares (not in the request's type).
            request._cache_update_cache = False  # type: ignore[attr-defined]
            return None
        return super().process_request(request)


class AnonymousUpdateCacheMiddleware(UpdateCacheMiddleware):
    """Store only cookie-less answers to anonymous requests, then Django's own rules apply.

    The check runs before Django's `process_response`, which begins with its (private, not in the type stubs)
    `_should_update_cache` and otherwise returns the response unchanged: the same effect as
    extending that method, through the public middleware hook.
    """

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase | str
    ) -> HttpResponseBase | str:
        if (
            not self.cache_timeout
            or not _anonymous(request)
            or not isinstance(response, HttpResponseBase)
            or response.cookies
        ):
            return response
        return super().process_response(request, response)


class AnonymousGZipMiddleware(GZipMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        html = response.get("Content-Type", "").startswith("text/html")
        if not html or not _anonymous(request):
            return response
        return super().process_response(request, response)
