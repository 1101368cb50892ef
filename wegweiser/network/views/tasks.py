"""Tasks (action items): recorded in a meeting, listed per network, status set by their owners."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from wegweiser.accounts.http import AuthenticatedHttpRequest
from wegweiser.core.registry import network_sections, render_sections

from .. import services
from ..access import (
    action_items_visible_to,
    get_action_item_for_user,
    get_meeting_for_user,
    get_network_for_user,
    organizations_at,
    refuse_if_minutes_locked,
)
from ..forms import ActionItemForm, ActionStatusForm
from ..models import ActionStatus
from ..selectors import member_users


@login_required
@require_POST
def action_add(request: AuthenticatedHttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, net, _w = get_meeting_for_user(request, slug, meeting, write=True)
    refuse_if_minutes_locked(item)
    form = ActionItemForm(
        request.POST, prefix="action", network=net.network, members=member_users(net.network)
    )
    if form.is_valid():
        services.add_action_item(item, form.save(commit=False))
        messages.success(request, _("The task was recorded."))
    else:
        messages.error(request, _("Please describe the task."))
    return redirect(item.get_absolute_url() + "#actions")


@login_required
@require_safe
def actions(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    net = get_network_for_user(request, slug, members_only=True)
    visible = action_items_visible_to(request.user, net).select_related(
        "owner_organization", "owner_user", "meeting__network__municipality"
    )
    mine_orgs = organizations_at(request.user, net.network)
    mine = Q(owner_user=request.user) | Q(owner_organization__in=mine_orgs)
    open_items = list(visible.exclude(status=ActionStatus.DONE))
    for open_item in open_items:
        # What the programmes above the network show on a task (plans: its measure).
        extras = render_sections(network_sections["task"], request, open_item)
        setattr(open_item, "extra_sections", extras)  # noqa: B010 (a template-only attribute)
    return render(
        request,
        "network/actions.html",
        {
            "net": net,
            "network": net.network,
            "open_items": open_items,
            "my_items": visible.exclude(status=ActionStatus.DONE).filter(mine),
            "done_items": visible.filter(status=ActionStatus.DONE).order_by("-done_at")[:30],
            "status_choices": ActionStatus.choices,
        },
    )


@login_required
@require_POST
def action_update(request: AuthenticatedHttpRequest, slug: str, item: str) -> HttpResponse:
    action, can_update = get_action_item_for_user(request, slug, item)
    if not can_update:
        raise PermissionDenied
    form = ActionStatusForm(request.POST)
    if form.is_valid():
        services.set_action_status(action, form.cleaned_data["status"])
        messages.success(request, _("The task status was saved."))
    next_url = request.POST.get("next", "")
    # Only paths on this site: no open redirect.
    if next_url.startswith("/") and not next_url.startswith("//"):
        return redirect(next_url)
    return redirect(action.network.url("actions"))
