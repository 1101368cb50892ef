"""Views of the work-time calendar.

- `app`: the shell of the offline web app (HTML with all static UI, strings for the JavaScript as a
  JSON data block; without JavaScript it still explains itself).
- `service_worker`, `manifest`, `schema`: served by Django so that the worker's scope is
  /<lang>/worktime/ and the schema has a stable address.
- `paper`: the printable yearly calendar (form, then a PDF; bad parameters → 400).
- `review`: a network member uploads a worker's export and sees the report; nothing is stored.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from wegweiser.core.i18n import current_language
from wegweiser.core.models import Municipality

from . import services, wages
from .forms import PaperForm, ReviewForm
from .i18n import app_strings
from .rules import has_any_membership

APP_DIR = Path(__file__).parent
STATIC_ASSETS = [
    "worktime/app.css",
    "worktime/app.js",
    "worktime/wages.js",
    "worktime/minimum_wage.json",
    "worktime/icon.svg",
    "worktime/icon-192.png",
]


@cache
def app_version() -> str:
    """Changes whenever a file of the app changes: a new service worker replaces the caches."""
    digest = hashlib.sha256()
    for folder in ("static", "templates", "locale"):
        for path in sorted((APP_DIR / folder).rglob("*")):
            if path.is_file() and path.suffix in {
                ".js",
                ".css",
                ".json",
                ".html",
                ".po",
                ".svg",
                ".png",
            }:
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@require_safe
def app(request: HttpRequest) -> HttpResponse:
    municipalities = Municipality.objects.select_related("state").order_by("state__name", "name")
    language = current_language()
    context = {
        "municipalities": municipalities,
        "strings": app_strings(),
        "config": {
            "language": language,
            "version": app_version(),
            "rates": static("worktime/minimum_wage.json"),
            "counselling": reverse("api:worktime_counselling"),
            "sw": reverse("worktime:service_worker"),
            "scope": reverse("worktime:app"),
        },
        "deduction_kinds": services.deduction_kind_labels(),
        "languages": [(code, name, f"/{code}/worktime/") for code, name in settings.LANGUAGES],
        "paper_url": reverse("worktime:paper"),
        "text_direction": "rtl" if get_language_bidi() else "ltr",
    }
    return render(request, "worktime/app.html", context)


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    context = {
        "version": f"{current_language()}-{app_version()}",
        "shell": reverse("worktime:app"),
        "assets": json.dumps(
            [reverse("worktime:app"), reverse("worktime:manifest")]
            + [static(asset) for asset in STATIC_ASSETS]
        ),
    }
    response = render(request, "worktime/sw.js", context, content_type="application/javascript")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = reverse("worktime:app")
    return response


@require_safe
def manifest(request: HttpRequest) -> HttpResponse:
    start = reverse("worktime:app")
    data = {
        "name": _("Work-time calendar"),
        "short_name": _("My hours"),
        "description": _("Record your working hours and pay on your phone, also offline."),
        "lang": current_language(),
        "dir": "rtl" if get_language_bidi() else "ltr",
        "start_url": start,
        "scope": start,
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#1b4f72",
        "icons": [
            {"src": static("worktime/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("worktime/icon-192.png"), "sizes": "192x192", "type": "image/png"},
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@require_safe
def schema(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(wages.SCHEMA_FILE.read_bytes(), content_type="application/schema+json")
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def paper(request: HttpRequest) -> HttpResponse:
    language = current_language()
    if not request.GET:
        form = PaperForm(language=language)
        return render(request, "worktime/paper.html", {"form": form})
    # Missing language and size fall back to the page's language and A4; bad values answer 400.
    form = PaperForm({"language": language, "size": "A4", **request.GET.dict()}, language=language)
    if not form.is_valid():
        return render(request, "worktime/paper.html", {"form": form}, status=400)
    data = form.cleaned_data
    pdf = services.paper_calendar_pdf(
        year=data["year"],
        state=data["state_obj"],
        municipality=data["municipality_obj"],
        language=data["language"],
        size=data["size"],
        request=request,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = (
        f"worktime-calendar-{data['year']}-{data['state']}-{data['language']}-{data['size']}.pdf"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest) -> HttpResponse:
    if not has_any_membership(request.user):
        raise PermissionDenied
    context: dict = {"form": ReviewForm()}
    if request.method == "POST":
        form = ReviewForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            try:
                data = services.parse_export(form.cleaned_data["file"].read())
            except wages.FileProblem as problem:
                form.add_error("file", services.problem_message(problem))
            else:
                date_from = form.cleaned_data["date_from"]
                date_to = form.cleaned_data["date_to"]
                report = wages.compute_report(
                    data,
                    date_from.isoformat() if date_from else None,
                    date_to.isoformat() if date_to else None,
                )
                view = services.report_view(report)
                if request.POST.get("output") == "pdf":
                    from wegweiser.core.pdf import render_pdf

                    pdf = render_pdf("worktime/report_pdf.html", {"report": view}, request)
                    response = HttpResponse(pdf, content_type="application/pdf")
                    response["Content-Disposition"] = 'attachment; filename="worktime-report.pdf"'
                    return response
                context["report"] = view
        status = 400 if not form.is_valid() else 200
        return render(request, "worktime/review.html", context, status=status)
    return render(request, "worktime/review.html", context)
