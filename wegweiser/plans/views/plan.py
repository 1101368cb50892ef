"""The plan, its start, settings and the draft's proposals."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wegweiser.accounts.http import AuthenticatedHttpRequest

from .. import selectors, services
from ..access import (
    NetworkPlanAccess,
    PlanAccess,
    get_measure_for_user,
    get_network_plan_for_user,
    get_plan_for_user,
)
from ..forms import PlanForm
from ..models import MeasureStatus
from .common import _base, _plan_url


@login_required
@require_safe
def plan_detail(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    found = get_network_plan_for_user(request, slug)
    if found.plan is None:
        return render(
            request, "plans/no_plan.html", _base(found, form=PlanForm(initial=_initial(found)))
        )
    access = PlanAccess(found.net, found.plan)
    groups = selectors.fields_of(access.plan)
    version = selectors.latest_version(access.plan)
    context = _base(
        access,
        groups=groups,
        progress=selectors.overall_progress(groups),
        version=version,
        changed=selectors.changed_since(access.plan, version),
        versions=access.plan.versions.all(),
        reviews=access.plan.reviews.all(),
        proposal_count=access.plan.measures.filter(proposed=True)
        .exclude(status=MeasureStatus.DROPPED)
        .count(),
    )
    return render(request, "plans/plan.html", context)


def _initial(access: NetworkPlanAccess) -> dict:
    year = timezone.localdate().year
    return {
        "title": _("Local action plan against labour exploitation and trafficking %(place)s")
        % {"place": access.municipality.name},
        "starts_year": year,
        "ends_year": year + 3,
    }


@login_required
@require_POST
def plan_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    access = get_network_plan_for_user(request, slug, write=True)
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
    return redirect("plans:draft", slug=access.municipality.slug)


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
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
def draft(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
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
def proposal_decide(request: AuthenticatedHttpRequest, slug: str, measure) -> HttpResponse:
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
