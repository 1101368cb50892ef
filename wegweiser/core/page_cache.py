"""A short-lived cache of whole public pages for anonymous visitors (DESIGN §10, issue 11).

Django's own cache middleware pair (its cache keys, Vary handling and headers), with three rules
added:
- only a request without a session cookie and without an Authorization header is answered from
  or stored into the cache — whatever a logged-in person sees never enters it (their pages are
  also marked no-store, which Django's middleware respects);
- the lookup runs right after WhiteNoise, before sessions, authentication and CSRF, so a cached
  page costs about as much as a static file;
- an expired page is renewed by one request while the others get the expired copy (no stampede of
  renders under load, see AnonymousFetchFromCacheMiddleware).
As in Django, nothing is stored but 200 answers, never one that sets a cookie for a cookie-less
request (a CSRF token, a message) or is marked private/no-store/no-cache.

HTML pages for anonymous visitors are compressed before they are stored (once per page, not per
request); pages of logged-in people are never compressed (no BREACH-style guessing of their
secrets from response sizes).

A public page is fresh for CACHE_MIDDLEWARE_SECONDS (default 30) after it was rendered. After that
the first request renders it anew while requests arriving meanwhile still get the expired copy, so
a page can be up to twice that old after an edit (an expired copy is kept as long again, never
longer). Editors are logged in and always see the current state. CACHE_MIDDLEWARE_SECONDS=0
switches the cache off. Only GET requests use it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.middleware.gzip import GZipMiddleware
from django.utils import translation
from django.utils.cache import (
    get_cache_key,
    get_max_age,
    has_vary_header,
    learn_cache_key,
    patch_response_headers,
)

# How long one request may take to renew an expired page before another one tries.
RENEWAL_SECONDS = 15


def _anonymous(request: HttpRequest) -> bool:
    # META, not request.headers: that builds a dictionary of every header on first use, and this
    # runs for every request the page cache answers (issue 16).
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _served_from_cache(request: HttpRequest) -> bool:
    return (
        request.method == "GET" and _anonymous(request) and bool(settings.CACHE_MIDDLEWARE_SECONDS)
    )


def _renewal_key(key: str) -> str:
    return key + ".renewal"


@dataclass(frozen=True)
class StoredPage:
    """A cached response and the moment it stops being fresh (it is kept longer, see below)."""

    response: HttpResponseBase
    fresh_until: float

    def expired(self) -> bool:
        return time.time() >= self.fresh_until

    def response_with_age(self) -> HttpResponseBase:
        max_age = get_max_age(self.response) or 0
        self.response["Age"] = max(0, int(max_age - (self.fresh_until - time.time())))
        return self.response


class AnonymousFetchFromCacheMiddleware(FetchFromCacheMiddleware):
    """Answer from the cache; when the copy has expired, one request renews it, the others wait not.

    Django's own middleware lets every request that arrives while an expired page is being rendered
    render it too. Under load that is a stampede: 200 connections on four pages meant dozens of
    concurrent renders of the same page every 30 s per worker, each slowed by the others, and p99
    of several seconds (issue 11). Here the first request after expiry takes a renewal mark
    (`cache.add`, one holder per cache) and renders; meanwhile the others get the expired copy.
    """

    def process_request(self, request: HttpRequest) -> HttpResponseBase | None:  # type: ignore[override]
        if not _served_from_cache(request):
            request._cache_update_cache = False  # type: ignore[attr-defined]  # Django's own flag
            return None
        # The key ends with the active language. This runs before LocaleMiddleware activates the
        # request's language, so the thread would still have the previous request's: every page
        # after one in another language missed the cache. Use the language LocaleMiddleware picks.
        with translation.override(translation.get_language_from_request(request, check_path=True)):
            key = get_cache_key(request, self.key_prefix, "GET", cache=self.cache)
        entry = self.cache.get(key) if key else None
        if key is None or not isinstance(entry, StoredPage):
            request._cache_update_cache = True  # type: ignore[attr-defined]
            return None
        renewal = _renewal_key(key)
        if entry.expired() and self.cache.add(renewal, True, RENEWAL_SECONDS):
            request._cache_update_cache = True  # type: ignore[attr-defined]
            request._page_cache_renewal = renewal  # type: ignore[attr-defined]
            return None
        request._cache_update_cache = False  # type: ignore[attr-defined]
        return entry.response_with_age()


class AnonymousUpdateCacheMiddleware(UpdateCacheMiddleware):
    """Store cookie-less 200 answers to anonymous GET requests, with the time they expire.

    The rules of Django's `process_response` (no cookies, nothing private/no-store/no-cache, no
    `Vary: *`, max-age 0 means never), but the entry lives a grace period longer than it is fresh,
    so that an expired copy is at hand while one request renews it.
    """

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase | str
    ) -> HttpResponseBase | str:
        try:
            if isinstance(response, HttpResponseBase) and self._storable(request, response):
                self._store(request, response)
        finally:
            renewal = getattr(request, "_page_cache_renewal", None)
            if renewal:
                self.cache.delete(renewal)
        return response

    def _storable(self, request: HttpRequest, response: HttpResponseBase) -> bool:
        cache_control = response.get("Cache-Control", "").lower()
        return (
            getattr(request, "_cache_update_cache", False)
            and _served_from_cache(request)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
            and not has_vary_header(response, "*")
            and get_max_age(response) != 0
        )

    def _store(self, request: HttpRequest, response: HttpResponseBase) -> None:
        fresh = get_max_age(response) or int(settings.CACHE_MIDDLEWARE_SECONDS)
        patch_response_headers(response, fresh)
        kept = fresh + fresh  # the grace period: as long again
        key = learn_cache_key(request, response, kept, self.key_prefix, cache=self.cache)
        self.cache.set(key, StoredPage(response, time.time() + fresh), kept)


class AnonymousGZipMiddleware(GZipMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        html = response.get("Content-Type", "").startswith("text/html")
        if not html or not _anonymous(request):
            return response
        return super().process_response(request, response)
