"""The JSON API at /api/v1/. OpenAPI at /api/v1/openapi.json.

Each app contributes one router module in this package. The interactive docs page is off: it would
load its scripts from a CDN, and no page of ours may reach a third-party host.
"""

from __future__ import annotations

import importlib

from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, ValidationError

from .openapi import WegweiserAPI

api = WegweiserAPI(
    title="Wegweiser API",
    version="1",
    description="Guidebooks, navigator and tools of local networks against labour exploitation.",
    docs_url=None,
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    return api.create_response(
        request, {"detail": _("The request is not valid."), "errors": exc.errors}, status=400
    )


@api.exception_handler(AuthenticationError)
def authentication_error(request, exc):
    return api.create_response(request, {"detail": _("Authentication required.")}, status=401)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(HttpError)
def http_error(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


# One router module per app (wegweiser/api/<app>.py), added when present.
for _module_name in ("core", "guidebook", "navigator", "network", "worktime"):
    try:
        _module = importlib.import_module(f"wegweiser.api.{_module_name}")
    except ModuleNotFoundError as error:
        if error.name != f"wegweiser.api.{_module_name}":
            raise
        continue
    api.add_router("/", _module.router)
