"""Adoption, adopted versions, yearly reviews (page, PDF, ODT) and the state comparison."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from wegweiser.accounts.access import states_coordinated_by
from wegweiser.accounts.http import AuthenticatedHttpRequest
from wegweiser.core.models import State
from wegweiser.core.pdf import render_pdf

from .. import odt, reports, selectors, services
from ..access import (
    get_plan_for_user,
    get_review_for_user,
    get_version_for_user,
)
from ..forms import AdoptForm, ReviewForm
from ..models import Field, MeasureStatus
from .common import _base


@login_required
@require_http_methods(["GET", "POST"])
def adopt(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    access = get_plan_for_user(request, slug, write=True)
    form = AdoptForm(request.POST or None, initial={"adopted_by": _("City council")})
    if request.method == "POST" and form.is_valid():
        try:
            version = services.adopt(access.plan, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Version %(number)s was recorded as adopted.") % {"number": version.number},
            )
            return redirect("plans:version", slug=slug, number=version.number)
    status = 400 if request.method == "POST" else 200
    return render(request, "plans/adopt.html", _base(access, form=form), status=status)


def _version_context(version) -> dict:
    return {"version": version, "content": selectors.content_with_labels(version.content)}


@login_required
@require_safe
def version_detail(request: AuthenticatedHttpRequest, slug: str, number: int) -> HttpResponse:
    version, access = get_version_for_user(request, slug, number)
    return render(request, "plans/version.html", _base(access, **_version_context(version)))


@login_required
@require_safe
def version_pdf(request: AuthenticatedHttpRequest, slug: str, number: int) -> HttpResponse:
    version, access = get_version_for_user(request, slug, number)
    pdf = render_pdf("plans/pdf/version.html", _base(access, **_version_context(version)), request)
    return _pdf_response(pdf, f"action-plan-{slug}-v{version.number}.pdf")


def _pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def review_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    access = get_plan_for_user(request, slug, write=True)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            review = services.create_review(access.plan, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("year", error)
        else:
            messages.success(request, _("The review was saved."))
            return redirect("plans:review", slug=slug, review=review.pk)
    groups = selectors.fields_of(access.plan)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "plans/review_form.html", _base(access, form=form, groups=groups), status=status
    )


def _review_context(review) -> dict:
    labels = dict(Field.choices)
    statuses = dict(MeasureStatus.choices)
    rows = [
        {
            **row,
            "field_label": labels.get(row["field"], ""),
            "status_label": statuses.get(row["status"], ""),
            "measured_on_date": selectors.iso_date(row["measured_on"]),
        }
        for row in review.figures
    ]
    return {
        "review": review,
        "rows": rows,
        "done": [row for row in rows if row["status"] == MeasureStatus.DONE],
        "reached": sum(1 for row in rows if row["reached"]),
    }


@login_required
@require_safe
def review_detail(request: AuthenticatedHttpRequest, slug: str, review) -> HttpResponse:
    found, access = get_review_for_user(request, slug, review)
    return render(request, "plans/review.html", _base(access, **_review_context(found)))


@login_required
@require_safe
def review_pdf(request: AuthenticatedHttpRequest, slug: str, review) -> HttpResponse:
    found, access = get_review_for_user(request, slug, review)
    pdf = render_pdf("plans/pdf/review.html", _base(access, **_review_context(found)), request)
    return _pdf_response(pdf, f"action-plan-review-{slug}-{found.year}.pdf")


@login_required
@require_safe
def review_odt(request: AuthenticatedHttpRequest, slug: str, review) -> HttpResponse:
    found, access = get_review_for_user(request, slug, review)
    content = reports.review_odt(access.plan, _review_context(found))
    response = HttpResponse(content, content_type=odt.MIMETYPE)
    filename = f"action-plan-review-{slug}-{found.year}.odt"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_safe
def state_overview(request: AuthenticatedHttpRequest, state: str) -> HttpResponse:
    found = State.objects.filter(slug=state).first()
    if found is None or found.pk not in states_coordinated_by(request.user):
        raise Http404
    return render(
        request,
        "plans/state_overview.html",
        {"state": found, "rows": selectors.state_rows(found), "fields": Field.choices},
    )
