"""Pages of the local action plan. Views stay thin: access helpers, forms, services, selectors."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wegweiser.accounts.access import states_coordinated_by
from wegweiser.core.models import State
from wegweiser.core.pdf import render_pdf
from wegweiser.network.access import action_items_visible_to, meetings_visible_to
from wegweiser.network.models import Decision

from . import odt, reports, selectors, services
from .access import (
    PlanAccess,
    get_measure_for_user,
    get_plan_for_user,
    get_review_for_user,
    get_version_for_user,
)
from .forms import AdoptForm, LinkForm, MeasureForm, PlanForm, ReviewForm, ValueForm
from .models import Field, Measure, MeasureStatus


def _plan_url(access: PlanAccess):
    return redirect("plans:plan", slug=access.municipality.slug)


def _base(access: PlanAccess, **extra) -> dict:
    return {
        "municipality": access.municipality,
        "network": access.network,
        "net": access.net,
        "plan": access.plan,
        "can_write": access.can_write,
        **extra,
    }


@login_required
@require_safe
def plan_detail(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_plan_for_user(request, slug, require_plan=False)
    if access.plan is None:
        return render(
            request, "plans/no_plan.html", _base(access, form=PlanForm(initial=_initial(access)))
        )
    groups = selectors.fields_of(access.plan)
    context = _base(
        access,
        groups=groups,
        progress=selectors.overall_progress(groups),
        version=selectors.latest_version(access.plan),
        versions=access.plan.versions.all(),
        reviews=access.plan.reviews.all(),
        proposal_count=access.plan.measures.filter(proposed=True)
        .exclude(status=MeasureStatus.DROPPED)
        .count(),
    )
    return render(request, "plans/plan.html", context)


def _initial(access: PlanAccess) -> dict:
    year = timezone.localdate().year
    return {
        "title": _("Local action plan against labour exploitation and trafficking %(place)s")
        % {"place": access.municipality.name},
        "starts_year": year,
        "ends_year": year + 3,
    }


@login_required
@require_POST
def plan_create(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_plan_for_user(request, slug, write=True, require_plan=False)
    if access.plan is not None:
        return _plan_url(access)
    form = PlanForm(request.POST)
    if not form.is_valid():
        return render(request, "plans/no_plan.html", _base(access, form=form), status=400)
    data = form.cleaned_data
    plan = services.create_plan(
        access.network,
        title=data["title"],
        starts_year=data["starts_year"],
        ends_year=data["ends_year"],
    )
    created = services.draft_proposals(plan)
    messages.success(
        request,
        ngettext(
            "The plan was started. %(count)s measure is proposed from the network's state.",
            "The plan was started. %(count)s measures are proposed from the network's state.",
            len(created),
        )
        % {"count": len(created)},
    )
    return redirect("plans:draft", slug=plan.network.municipality.slug)


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_plan_for_user(request, slug, write=True)
    form = PlanForm(request.POST or None, instance=access.plan)
    if request.method == "POST" and form.is_valid():
        services.save(form)
        messages.success(request, _("The plan was saved."))
        return _plan_url(access)
    status = 400 if request.method == "POST" else 200
    return render(request, "plans/plan_form.html", _base(access, form=form), status=status)


@login_required
@require_http_methods(["GET", "POST"])
def draft(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_plan_for_user(request, slug, write=True)
    if request.method == "POST":
        created = services.draft_proposals(access.plan)
        if created:
            messages.success(
                request,
                ngettext(
                    "%(count)s measure was proposed.",
                    "%(count)s measures were proposed.",
                    len(created),
                )
                % {"count": len(created)},
            )
        else:
            messages.info(request, _("There is nothing new to propose."))
        return redirect("plans:draft", slug=slug)
    proposals = (
        access.plan.measures.filter(proposed=True)
        .exclude(status=MeasureStatus.DROPPED)
        .order_by("field", "created_at")
    )
    return render(request, "plans/draft.html", _base(access, proposals=proposals))


@login_required
@require_POST
def proposal_decide(request: HttpRequest, slug: str, measure) -> HttpResponse:
    found, access = get_measure_for_user(request, slug, measure, write=True)
    if not found.proposed or found.status == MeasureStatus.DROPPED:
        raise Http404
    decision = request.POST.get("decision")
    if decision == "accept":
        services.accept_proposal(found)
        messages.success(
            request, _("“%(title)s” is now part of the plan.") % {"title": found.title}
        )
    elif decision == "drop":
        services.drop_proposal(found)
        messages.info(request, _("“%(title)s” was dropped.") % {"title": found.title})
    else:
        return HttpResponse(_("Choose accept or drop."), status=400)
    return redirect("plans:draft", slug=slug)


def _measure_form(request, access: PlanAccess, instance: Measure | None):
    return MeasureForm(
        request.POST or None,
        instance=instance,
        municipality=access.municipality,
        initial=None if instance else {"field": request.GET.get("field") or Field.PREVENTION},
    )


@login_required
@require_http_methods(["GET", "POST"])
def measure_create(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_plan_for_user(request, slug, write=True)
    form = _measure_form(request, access, None)
    if request.method == "POST" and form.is_valid():
        form.instance.plan = access.plan
        measure = services.save(form)
        messages.success(request, _("The measure was added."))
        return redirect("plans:measure", slug=slug, measure=measure.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "plans/measure_form.html", _base(access, form=form), status=status)


@login_required
@require_http_methods(["GET", "POST"])
def measure_edit(request: HttpRequest, slug: str, measure) -> HttpResponse:
    found, access = get_measure_for_user(request, slug, measure, write=True)
    form = _measure_form(request, access, found)
    if request.method == "POST" and form.is_valid():
        services.save(form)
        messages.success(request, _("The measure was saved."))
        if found.proposed:
            return redirect("plans:draft", slug=slug)
        return redirect("plans:measure", slug=slug, measure=found.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "plans/measure_form.html", _base(access, form=form, measure=found), status=status
    )


def _link_form(request, found: Measure, access: PlanAccess, data=None) -> LinkForm:
    tasks = action_items_visible_to(request.user, access.net).order_by("-created_at")[:200]
    decisions = Decision.objects.filter(
        meeting__in=meetings_visible_to(request.user, access.net)
    ).order_by("-created_at")[:200]
    return LinkForm(data, tasks=tasks, decisions=decisions)


@login_required
@require_safe
def measure_detail(request: HttpRequest, slug: str, measure) -> HttpResponse:
    found, access = get_measure_for_user(request, slug, measure)
    view = selectors.measure_view(found)
    visible = meetings_visible_to(request.user, access.net)
    context = _base(
        access,
        measure=found,
        view=view,
        links=_visible_links(found, visible),
        meetings=selectors.meetings_discussed(found, visible),
        values=found.values.all()[:20],
        link_form=_link_form(request, found, access) if access.can_write else None,
        value_form=ValueForm(initial={"measured_on": timezone.localdate()})
        if access.can_write
        else None,
    )
    return render(request, "plans/measure.html", context)


def _visible_links(measure: Measure, visible_meetings):
    """Links to tasks and decisions of meetings the reader may see (case conferences stay hidden)."""
    return measure.links.filter(
        Q(action_item__meeting__in=visible_meetings) | Q(decision__meeting__in=visible_meetings)
    ).select_related("action_item__meeting", "action_item__owner_organization", "decision__meeting")


@login_required
@require_POST
def measure_link(request: HttpRequest, slug: str, measure) -> HttpResponse:
    found, access = get_measure_for_user(request, slug, measure, write=True)
    form = _link_form(request, found, access, request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a task or a decision of this network."))
        return redirect("plans:measure", slug=slug, measure=found.pk)
    try:
        services.link(found, **form.target())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Linked to the measure."))
    return redirect("plans:measure", slug=slug, measure=found.pk)


@login_required
@require_POST
def measure_unlink(request: HttpRequest, slug: str, measure, link) -> HttpResponse:
    found, _access = get_measure_for_user(request, slug, measure, write=True)
    if not services.unlink(found, link):
        raise Http404
    messages.success(request, _("The link was removed."))
    return redirect("plans:measure", slug=slug, measure=found.pk)


@login_required
@require_POST
def value_add(request: HttpRequest, slug: str, measure) -> HttpResponse:
    found, access = get_measure_for_user(request, slug, measure, write=True)
    form = ValueForm(request.POST)
    if not form.is_valid():
        view = selectors.measure_view(found)
        visible = meetings_visible_to(request.user, access.net)
        context = _base(
            access,
            measure=found,
            view=view,
            links=_visible_links(found, visible),
            meetings=selectors.meetings_discussed(found, visible),
            values=found.values.all()[:20],
            link_form=_link_form(request, found, access),
            value_form=form,
        )
        return render(request, "plans/measure.html", context, status=400)
    services.add_value(found, user=request.user, **form.cleaned_data)
    messages.success(request, _("The value was recorded."))
    return redirect("plans:measure", slug=slug, measure=found.pk)


@login_required
@require_http_methods(["GET", "POST"])
def adopt(request: HttpRequest, slug: str) -> HttpResponse:
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
def version_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    version, access = get_version_for_user(request, slug, number)
    return render(request, "plans/version.html", _base(access, **_version_context(version)))


@login_required
@require_safe
def version_pdf(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    version, access = get_version_for_user(request, slug, number)
    pdf = render_pdf("plans/pdf/version.html", _base(access, **_version_context(version)), request)
    return _pdf_response(pdf, f"action-plan-{slug}-v{version.number}.pdf")


def _pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def review_create(request: HttpRequest, slug: str) -> HttpResponse:
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
def review_detail(request: HttpRequest, slug: str, review) -> HttpResponse:
    found, access = get_review_for_user(request, slug, review)
    return render(request, "plans/review.html", _base(access, **_review_context(found)))


@login_required
@require_safe
def review_pdf(request: HttpRequest, slug: str, review) -> HttpResponse:
    found, access = get_review_for_user(request, slug, review)
    pdf = render_pdf("plans/pdf/review.html", _base(access, **_review_context(found)), request)
    return _pdf_response(pdf, f"action-plan-review-{slug}-{found.year}.pdf")


@login_required
@require_safe
def review_odt(request: HttpRequest, slug: str, review) -> HttpResponse:
    found, access = get_review_for_user(request, slug, review)
    content = reports.review_odt(access.plan, _review_context(found))
    response = HttpResponse(content, content_type=odt.MIMETYPE)
    filename = f"action-plan-review-{slug}-{found.year}.odt"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_safe
def state_overview(request: HttpRequest, state: str) -> HttpResponse:
    found = State.objects.filter(slug=state).first()
    if found is None or found.pk not in states_coordinated_by(request.user):
        raise Http404
    return render(
        request,
        "plans/state_overview.html",
        {"state": found, "rows": selectors.state_rows(found), "fields": Field.choices},
    )
