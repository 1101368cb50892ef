from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import connection, transaction
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from wegweiser.accounts.access import (
    active_memberships,
    municipalities_with_access,
    states_coordinated_by,
)

from .forms import MunicipalityForm
from .models import Municipality, State
from .registry import dashboard_sections, municipality_sections, render_sections


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    states = (
        State.objects.annotate(municipality_count=Count("municipalities"))
        .filter(municipality_count__gt=0)
        .prefetch_related(
            Prefetch("municipalities", queryset=Municipality.objects.order_by("name"))
        )
    )
    return render(request, "core/home.html", {"states": states})


@require_safe
def municipality(request: HttpRequest, slug: str) -> HttpResponse:
    """Public page of a municipality: its network's status and the ways to get help."""
    place = get_object_or_404(Municipality.objects.select_related("state"), slug=slug)
    context = {
        "municipality": place,
        "sections": render_sections(municipality_sections, request, place),
    }
    return render(request, "core/municipality.html", context)


@login_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    memberships = active_memberships(request.user)
    context = {
        "memberships": memberships,
        "municipalities": municipalities_with_access(request.user)
        .select_related("state")
        .order_by("state__code", "name"),
        "sections": render_sections(dashboard_sections, request, request.user),
    }
    return render(request, "core/dashboard.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def municipality_create(request: HttpRequest, state: str) -> HttpResponse:
    """A state coordinator starts the next municipality of her state."""
    state_obj = State.objects.filter(slug=state, pk__in=states_coordinated_by(request.user)).first()
    if state_obj is None:
        raise Http404
    form = MunicipalityForm(request.POST or None, state=state_obj)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            place = form.save()
        messages.success(request, _("%(name)s was started.") % {"name": place.name})
        return redirect(place.get_absolute_url())
    status = 400 if form.errors else 200
    return render(
        request, "core/municipality_form.html", {"form": form, "state": state_obj}, status=status
    )


@require_safe
def legal_page(request: HttpRequest, page: str) -> HttpResponse:
    return render(request, f"core/legal/{page}.html")


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


def _error(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    response = TemplateResponse(
        request,
        "core/error.html",
        {"status": status, "title": title, "message": message},
        status=status,
    )
    return response.render()


def bad_request(request, exception=None):
    return _error(
        request,
        400,
        _("Bad request"),
        _("The request could not be understood. Please check your input and try again."),
    )


def permission_denied(request, exception=None):
    return _error(
        request,
        403,
        _("Access denied"),
        _(
            "You may look at this page, but not change it. Ask your network coordinator "
            "if you need to."
        ),
    )


def page_not_found(request, exception=None):
    return _error(
        request,
        404,
        _("Page not found"),
        _("This page does not exist or you have no access to it."),
    )


def server_error(request):
    return _error(
        request,
        500,
        _("Something went wrong"),
        _("We could not complete your request. Nothing was changed. Please try again later."),
    )


def csrf_failure(request, reason=""):
    return _error(
        request,
        403,
        _("Form expired"),
        _(
            "The form was open too long or cookies are blocked. Please reload the page and "
            "send it again."
        ),
    )
