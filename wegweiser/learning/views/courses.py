"""Course pages for network members: catalogue, course, unit (with quiz), certificate."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from .. import selectors, services
from ..access import get_course_for_user, get_municipality_for_learner, may_manage_learning


def _course_state(course, enrolment) -> dict:
    done = set(enrolment.units_done) if enrolment else set()
    results = selectors.quiz_scores(enrolment) if enrolment else {}
    return {
        "course": course,
        "enrolment": enrolment,
        "units": [
            {"unit": unit, "done": unit.key in done, "result": results.get(unit.key)}
            for unit in course.units
        ],
        "done_count": sum(unit.key in done for unit in course.units),
        "changed": bool(
            enrolment and enrolment.is_complete and enrolment.course_version != course.version
        ),
    }


@never_cache
@login_required
@require_safe
def courses(request: HttpRequest, slug: str) -> HttpResponse:
    municipality, access = get_municipality_for_learner(request, slug)
    enrolments = selectors.enrolments_of(request.user, municipality)
    rows = [
        _course_state(course, enrolments.get(course.slug))
        for course in selectors.courses_for(municipality)
    ]
    return render(
        request,
        "learning/courses.html",
        {"municipality": municipality, "rows": rows, "manager": may_manage_learning(access)},
    )


@never_cache
@login_required
@require_safe
def course(request: HttpRequest, slug: str, course: str) -> HttpResponse:
    municipality, access, found = get_course_for_user(request, slug, course)
    enrolment = selectors.enrolments_of(request.user, municipality).get(found.slug)
    context = {"municipality": municipality, **_course_state(found, enrolment)}
    context["manager"] = may_manage_learning(access)
    return render(request, "learning/course.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def unit(request: HttpRequest, slug: str, course: str, unit: str) -> HttpResponse:
    municipality, _access, found = get_course_for_user(request, slug, course)
    current = found.unit(unit)
    if current is None:
        raise Http404
    context: dict = {
        "municipality": municipality,
        "course": found,
        "unit": current,
        "position": [u.key for u in found.units].index(current.key) + 1,
        "next_unit": found.next_unit(current.key),
    }
    if request.method == "GET":
        return render(request, "learning/unit.html", context)
    enrolment = services.enrol(request.user, municipality, found)
    if current.kind != "quiz":
        services.mark_unit_done(enrolment, found, current)
        target = found.next_unit(current.key)
        if target is None:
            return redirect("learning:course", slug=slug, course=found.slug)
        return redirect("learning:unit", slug=slug, course=found.slug, unit=target.key)
    answers = {q.key: request.POST.get(q.key, "") for q in current.questions}
    try:
        result = services.submit_quiz(enrolment, found, current, answers)
    except services.IncompleteAnswers as problem:
        context["error"] = _("Please answer every question.")
        context["missing"] = problem.missing
        context["chosen"] = answers
        return render(request, "learning/unit.html", context, status=400)
    context["result"] = result
    context["enrolment"] = selectors.enrolments_of(request.user, municipality)[found.slug]
    return render(request, "learning/unit.html", context)


@never_cache
@login_required
@require_safe
def certificate(request: HttpRequest, slug: str, course: str) -> HttpResponse:
    municipality, _access, found = get_course_for_user(request, slug, course)
    enrolment = selectors.enrolments_of(request.user, municipality).get(found.slug)
    if enrolment is None or not enrolment.is_complete:
        raise Http404
    pdf = services.certificate_pdf(enrolment, found, request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{found.slug}.pdf"'
    return response
