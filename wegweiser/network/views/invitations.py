"""Inviting people into the network, withdrawing an invitation, and the invitee's accept page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wegweiser.accounts.access import forget_memberships
from wegweiser.accounts.http import AuthenticatedHttpRequest
from wegweiser.accounts.models import User
from wegweiser.guidebook.models import ActorType, Organization

from .. import services
from ..access import NetworkAccess, get_network_for_user
from ..forms import AcceptNewAccountForm, InvitationForm
from ..models import Invitation
from .pages import form_page


def _draft_from_query(request: HttpRequest, net: NetworkAccess) -> dict:
    """The one-click draft when the page is opened from a gap (?organization= or ?actor_type=)."""
    organization = None
    actor_type = None
    if request.GET.get("organization"):
        try:
            organization = (
                Organization.objects.filter(pk=request.GET["organization"])
                .filter(
                    Q(state_id=net.network.state_id)
                    if net.network.is_state_level
                    else Q(municipalities=net.network.municipality)
                )
                .first()
            )
        except ValidationError:
            organization = None
    if request.GET.get("actor_type"):
        actor_type = ActorType.objects.filter(key=request.GET["actor_type"]).first()
    if organization or actor_type:
        return services.invitation_draft(net.network, organization, actor_type)
    return {}


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    net = get_network_for_user(request, slug, write=True)
    initial = _draft_from_query(request, net) if request.method == "GET" else {}
    form = InvitationForm(request.POST or None, initial=initial, network=net.network)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.create_invitation(
            net.network,
            email=data["email"],
            name=data["name"],
            role=data["role"],
            organization=data["organization"],
            message=data["message"],
            invited_by=request.user,
        )
        messages.success(
            request, _("The invitation was sent to %(email)s.") % {"email": data["email"]}
        )
        return redirect(net.network.url("members"))
    return form_page(request, "network/invite.html", net, form)


@login_required
@require_POST
def invitation_revoke(
    request: AuthenticatedHttpRequest, slug: str, invitation: str
) -> HttpResponse:
    net = get_network_for_user(request, slug, write=True)
    item = Invitation.objects.open().filter(network=net.network, pk=invitation).first()
    if item is None:
        raise Http404
    services.revoke_invitation(item)
    messages.success(request, _("The invitation was withdrawn."))
    return redirect(net.network.url("members"))


SESSION_KEY = "network_invitation"


@require_safe
def accept(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the e-mail: remember the invitation in the session and go on without the token.

    The token is a password; after this one request it is in no address bar, history entry,
    referrer or form action (the access-log format of docs/deployment.md hides this path too).
    """
    invitation = services.find_open_invitation(token)
    if invitation is None:
        return render(request, "network/accept_invalid.html", status=404)
    request.session[SESSION_KEY] = str(invitation.pk)
    return _see_other()


class _SeeOther(HttpResponseRedirect):
    status_code = 303


def _see_other() -> HttpResponse:
    return _SeeOther(reverse("network:invitation"))


def _same_address(user, invitation: Invitation) -> bool:
    return user.email.strip().lower() == invitation.email.strip().lower()


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest) -> HttpResponse:
    """The invitee's page: create an account (name, password) or attach the logged-in account.

    Only the account with the invited e-mail address can accept (issue 11): a logged-in person
    with another address gets 403 and changes nothing.
    """
    pk = request.session.get(SESSION_KEY)
    invitation = services.open_invitation_by_id(pk) if pk else None
    if invitation is None:
        return render(request, "network/accept_invalid.html", status=404)
    existing = User.objects.filter(email__iexact=invitation.email).first()
    user = request.user if request.user.is_authenticated else None
    context: dict[str, object] = {"invitation": invitation, "existing": existing, "form": None}
    if user is not None and not _same_address(user, invitation):
        context["wrong_account"] = True
        return render(request, "network/accept.html", context, status=403)
    form = None
    if user is None and existing is None:
        form = AcceptNewAccountForm(
            request.POST or None, initial={"name": invitation.name}, email=invitation.email
        )
        context["form"] = form
    if request.method == "POST":
        if user is not None:
            services.accept_invitation(invitation, user=user)
        elif form is not None and form.is_valid():
            user = services.create_account(
                email=invitation.email,
                name=form.cleaned_data["name"],
                password=form.cleaned_data["password1"],
            )
            services.accept_invitation(invitation, user=user)
            auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        else:
            return render(
                request, "network/accept.html", context, status=400 if form is not None else 200
            )
        request.session.pop(SESSION_KEY, None)
        forget_memberships(user)
        messages.success(
            request,
            _("Welcome to %(network)s. You are now a member.") % {"network": invitation.network},
        )
        network = invitation.network
        return redirect(network.url("meetings" if network.is_state_level else "dashboard"))
    return render(request, "network/accept.html", context)
