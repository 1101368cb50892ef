"""The network's home: dashboard, settings and the steps of the roadmap."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from wegweiser.accounts.access import get_municipality_for_user
from wegweiser.accounts.http import AuthenticatedHttpRequest
from wegweiser.core.registry import StepScope, network_sections, render_sections

from .. import roadmap, services
from ..access import (
    NetworkAccess,
    action_items_visible_to,
    get_network_for_user,
    meetings_visible_to,
)
from ..forms import NetworkForm
from ..models import ActionStatus, Network
from ..selectors import active_members


@login_required
@require_safe
def dashboard(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    municipality, access = get_municipality_for_user(request, slug)
    network = Network.objects.filter(municipality=municipality).first()
    if network is None:
        return render(
            request,
            "network/no_network.html",
            {"municipality": municipality, "can_write": access.is_coordinator},
        )
    net = NetworkAccess(network, access)
    now = timezone.now()
    context = {
        "municipality": municipality,
        "network": network,
        "net": net,
        "roadmap": roadmap.compute(network, now),
        "gaps": services.gaps(network) if net.is_participant_type else [],
        "member_count": active_members(network).count(),
    }
    if net.is_participant_type:
        context["upcoming"] = (
            meetings_visible_to(request.user, net).upcoming(now).order_by("starts_at")[:5]
        )
        items = action_items_visible_to(request.user, net).exclude(status=ActionStatus.DONE)
        context["open_actions"] = items.select_related("owner_organization", "owner_user")[:10]
    return render(request, "network/dashboard.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def network_settings(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    municipality, _access = get_municipality_for_user(request, slug, write=True)
    network = Network.objects.filter(municipality=municipality).first()
    initial = None
    if network is None:
        initial = {
            "name": _("Network against labour exploitation %(place)s")
            % {"place": municipality.name}
        }
    form = NetworkForm(request.POST or None, instance=network, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_network(form.save(commit=False), municipality=municipality)
        messages.success(request, _("The network was saved."))
        return redirect("network:dashboard", slug=slug)
    return render(
        request,
        "network/settings.html",
        {"form": form, "municipality": municipality, "network": network},
        status=400 if form.errors else 200,
    )


@login_required
@require_safe
def roadmap_step(request: AuthenticatedHttpRequest, slug: str, step: str) -> HttpResponse:
    net = get_network_for_user(request, slug)
    definition = roadmap.step_definition(step)
    if definition is None:
        raise Http404
    road = roadmap.compute(net.network)
    state = next(s for s in road.steps if s.key == step)
    return render(
        request,
        "network/roadmap_step.html",
        {
            "net": net,
            "network": net.network,
            "step": state,
            "template": definition.template,
            "extra_sections": render_sections(
                network_sections["roadmap_step"],
                request,
                StepScope(net.network.municipality, step),
            ),
        },
    )
