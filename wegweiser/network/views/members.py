"""The member list, removing a member and leaving the network."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wegweiser.accounts.http import AuthenticatedHttpRequest
from wegweiser.accounts.models import Membership, Role

from .. import services
from ..access import get_network_for_user
from ..models import Invitation, Network
from ..selectors import active_members

# Membership ids leave the page signed: a coordinator cannot remove someone by guessing ids.
MEMBER_SALT = "network.membership"


@login_required
@require_safe
def members(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    net = get_network_for_user(request, slug, members_only=True)
    member_list = list(active_members(net.network))
    for membership in member_list:
        membership.signed = signing.dumps(membership.pk, salt=MEMBER_SALT)  # type: ignore[attr-defined]
    invitations = (
        Invitation.objects.open().filter(network=net.network).select_related("organization")
        if net.can_write
        else []
    )
    return render(
        request,
        "network/members.html",
        {"net": net, "network": net.network, "members": member_list, "invitations": invitations},
    )


def _membership_from_signed(value: str, network: Network) -> Membership:
    try:
        pk = signing.loads(value, salt=MEMBER_SALT)
    except signing.BadSignature as error:
        raise Http404 from error
    membership = (
        Membership.objects.active()
        .filter(network.membership_scope(), pk=pk)
        .select_related("user")
        .first()
    )
    if membership is None:
        raise Http404
    return membership


@login_required
@require_POST
def member_remove(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    net = get_network_for_user(request, slug, write=True)
    membership = _membership_from_signed(request.POST.get("membership", ""), net.network)
    if membership.user_id == request.user.pk:
        messages.error(request, _("Use “Leave the network” to end your own membership."))
        return redirect(net.network.url("members"))
    services.end_membership(membership)
    messages.success(request, _("%(name)s is no longer a member.") % {"name": membership.user.name})
    return redirect(net.network.url("members"))


@login_required
@require_http_methods(["GET", "POST"])
def leave(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    net = get_network_for_user(request, slug, members_only=True)
    own = list(
        Membership.objects.active()
        .filter(net.network.membership_scope(), user=request.user)
        # The state coordinator coordinates the round table by her office; she cannot leave it.
        .exclude(role=Role.STATE_COORDINATOR)
    )
    if request.method == "POST":
        for membership in own:
            services.end_membership(membership)
        messages.success(request, _("You have left the network."))
        return redirect("core:dashboard")
    return render(request, "network/leave.html", {"net": net, "network": net.network})
