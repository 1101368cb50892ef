"""The JSON API at /api/v1/. OpenAPI at /api/v1/openapi.json.

Each app contributes one router module in this package, listed in ROUTERS below (a missing module is
an import error, not a silently smaller API). The interactive docs page is off: it would load its
scripts from a CDN, and no page of ours may reach a third-party host.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from . import cases, core, guidebook, navigator, worktime

# One router module per app (wegweiser/api/<app>.py); add a new app's router here.
ROUTERS = [core.router, guidebook.router, navigator.router, worktime.router, cases.router]

api = NinjaAPI(
    title="Wegweiser API",
    version="1",
    description="Guidebooks, navigator and tools of local networks against labour exploitation.",
    docs_url=None,
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(
        request, {"detail": _("The request is not valid."), "errors": exc.errors}, status=400
    )


@api.exception_handler(AuthenticationError)
def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(request, {"detail": _("Authentication required.")}, status=401)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


for _router in ROUTERS:
    api.add_router("/", _router)
