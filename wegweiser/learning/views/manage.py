"""Pages for coordinators: completion figures, SCORM export, Workshop I kit."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .. import scorm, selectors, workshop
from ..access import get_course_for_user, get_municipality_for_manager


@never_cache
@login_required
@require_safe
def figures(request: HttpRequest, slug: str) -> HttpResponse:
    municipality, _access = get_municipality_for_manager(request, slug)
    data = selectors.completion_figures(municipality)
    courses = selectors.courses_for(municipality)
    rows = [
        {
            "organization": row["organization"],
            "people": row["people"],
            "cells": [row["courses"].get(c.slug, {"started": 0, "completed": 0}) for c in courses],
        }
        for row in data["rows"]
    ]
    totals = [data["totals"].get(c.slug, {"started": 0, "completed": 0}) for c in courses]
    return render(
        request,
        "learning/figures.html",
        {"municipality": municipality, "courses": courses, "rows": rows, "totals": totals},
    )


@never_cache
@login_required
@require_safe
def scorm_package(request: HttpRequest, slug: str, course: str) -> HttpResponse:
    municipality, _access, found = get_course_for_user(request, slug, course, manage=True)
    data = scorm.build_package(found, municipality)
    response = HttpResponse(data, content_type="application/zip")
    name = f"{municipality.slug}-{found.slug}-{found.language}-scorm12.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@never_cache
@login_required
@require_safe
def workshop_kit(request: HttpRequest, slug: str) -> HttpResponse:
    municipality, _access = get_municipality_for_manager(request, slug)
    return render(
        request,
        "learning/workshop.html",
        {"municipality": municipality, "parts": workshop.parts()},
    )


@never_cache
@login_required
@require_safe
def workshop_file(request: HttpRequest, slug: str, part: str) -> HttpResponse:
    municipality, _access = get_municipality_for_manager(request, slug)
    if part not in workshop.PARTS:
        raise Http404
    pdf = workshop.render_part(part, municipality, request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="workshop-1-{part}.pdf"'
    return response
