"""Public worker pages that stay readable offline after one visit (issue 15): the rights pages, and
the help page with the municipality's counselling contacts. One service worker template for all of
them (like the work-time calendar's, but network first: the contacts are always fresh when online,
the saved copy answers when the phone has no connection).

Only a copy rendered for an anonymous visitor is kept: the service worker stores a response only
when it carries OFFLINE_HEADER, which `allow_offline_copy` sets for anonymous requests, and it
fetches its first copy without cookies. So nothing of a logged-in professional lands in a phone's
cache.
"""

from __future__ import annotations

import hashlib
import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static

from .i18n import current_language

OFFLINE_HEADER = "Wegweiser-Offline"
# Style sheets and the registering script every offline page needs.
BASE_ASSETS = [
    "vendor/kern/kern.min.css",
    "vendor/kern/fonts/fira-sans.css",
    "wegweiser/css/site.css",
    "wegweiser/js/offline.js",
]


def service_worker(
    request: HttpRequest, *, name: str, key: str, pages: list[str], assets: list[str]
) -> HttpResponse:
    """The worker for `pages` (paths in its scope) and `assets` (static paths) of one family of
    pages: `name` ("rights", "help") and `key` (language and municipality) name its cache; a new
    version replaces the older caches of the same family and key only."""
    asset_urls = [static(asset) for asset in [*BASE_ASSETS, *assets]]
    stamp = hashlib.sha256(json.dumps([pages, asset_urls]).encode()).hexdigest()[:10]
    family = f"{name}-{current_language()}-{key}-"
    context = {
        "family": family,
        "cache": family + stamp,
        "pages": json.dumps(pages),
        "assets": json.dumps(asset_urls),
        "header": OFFLINE_HEADER,
    }
    response = render(request, "core/offline_sw.js", context, content_type="application/javascript")
    response["Cache-Control"] = "no-cache"
    return response


def allow_offline_copy(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Mark a public page as fit for the phone's offline cache (anonymous visitors only)."""
    if not request.user.is_authenticated and response.status_code == 200:
        response[OFFLINE_HEADER] = "public"
    return response
