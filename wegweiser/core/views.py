from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .i18n import is_professional_language
from .models import Municipality, State
from .registry import dashboard_sections, municipality_sections, render_sections
from .selectors import public_municipality


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    states = (
        State.objects.annotate(municipality_count=Count("municipalities"))
        .filter(municipality_count__gt=0)
        .prefetch_related(
            Prefetch("municipalities", queryset=Municipality.objects.order_by("name"))
        )
    )
    context = {"states": states, "worker_language": not is_professional_language()}
    return render(request, "core/home.html", context)


@require_safe
def municipality(request: HttpRequest, slug: str) -> HttpResponse:
    """Public page of a municipality: its network's status and the ways to get help."""
    place = public_municipality(slug)
    context = {
        "municipality": place,
        "sections": render_sections(municipality_sections, request, place),
    }
    return render(request, "core/municipality.html", context)


@login_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    """The frame of a logged-in user's start page; the apps fill it (accounts: her roles first)."""
    context = {"sections": render_sections(dashboard_sections, request, request.user)}
    return render(request, "core/dashboard.html", context)


@require_safe
def legal_page(request: HttpRequest, page: str) -> HttpResponse:
    # The privacy page states how long the log of reads of internal data is kept.
    return render(
        request, f"core/legal/{page}.html", {"read_log_days": settings.WEGWEISER_READ_LOG_DAYS}
    )


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database check for load balancers and monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any database failure means "unhealthy"
        return JsonResponse(
            {"status": "error", "database": "unavailable", "detail": type(error).__name__},
            status=503,
        )
    return JsonResponse({"status": "ok", "database": "ok"})


def _error(
    request: HttpRequest, status: int, title: str, message: str, **extra: object
) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    response = TemplateResponse(
        request,
        "core/error.html",
        {"status": status, "title": title, "message": message, **extra},
        status=status,
    )
    return response.render()


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        400,
        _("Bad request"),
        _("The request could not be understood. Please check your input and try again."),
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        403,
        _("Access denied"),
        _(
            "You may look at this page, but not change it. Ask your network coordinator "
            "if you need to."
        ),
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and not request.path.startswith("/api/"):
        # Someone following a shared link into another network's page: say why, the same way
        # whether the page exists or not (existence is never revealed).
        return _error(
            request,
            404,
            _("Page not found"),
            _(
                "This page does not exist, or it belongs to a network you are not a member "
                "of. If someone sent you this link, ask that network's coordinator to invite "
                "you. The networks you belong to are on your dashboard."
            ),
            dashboard_link=True,
        )
    return _error(
        request,
        404,
        _("Page not found"),
        _("This page does not exist or you have no access to it."),
    )


def server_error(request: HttpRequest) -> HttpResponse:
    return _error(
        request,
        500,
        _("Something went wrong"),
        _("We could not complete your request. Nothing was changed. Please try again later."),
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _error(
        request,
        403,
        _("Form expired"),
        _(
            "The form was open too long or cookies are blocked. Please reload the page and "
            "send it again."
        ),
    )
