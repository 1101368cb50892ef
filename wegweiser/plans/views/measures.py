"""Measures: create, edit, read, link tasks and decisions, values entered by hand."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wegweiser.accounts.http import AuthenticatedHttpRequest
from wegweiser.network.access import action_items_visible_to, meetings_visible_to
from wegweiser.network.models import Decision

from .. import selectors, services
from ..access import (
    PlanAccess,
    get_measure_for_user,
    get_plan_for_user,
)
from ..forms import LinkForm, MeasureForm, ValueForm
from ..models import Field, Measure
from .common import _base


def _measure_form(request, access: PlanAccess, instance: Measure | None):
    return MeasureForm(
        request.POST or None,
        instance=instance,
        municipality=access.municipality,
        initial=None if instance else {"field": request.GET.get("field") or Field.PREVENTION},
    )


@login_required
@require_http_methods(["GET", "POST"])
def measure_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
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
def measure_edit(request: AuthenticatedHttpRequest, slug: str, measure) -> HttpResponse:
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
def measure_detail(request: AuthenticatedHttpRequest, slug: str, measure) -> HttpResponse:
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
def measure_link(request: AuthenticatedHttpRequest, slug: str, measure) -> HttpResponse:
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
def measure_unlink(request: AuthenticatedHttpRequest, slug: str, measure, link) -> HttpResponse:
    found, _access = get_measure_for_user(request, slug, measure, write=True)
    if not services.unlink(found, link):
        raise Http404
    messages.success(request, _("The link was removed."))
    return redirect("plans:measure", slug=slug, measure=found.pk)


@login_required
@require_POST
def value_add(request: AuthenticatedHttpRequest, slug: str, measure) -> HttpResponse:
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
