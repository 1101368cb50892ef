"""Referrals to another counselling organisation and anonymised case-conference briefs."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wegweiser.accounts.http import AuthenticatedHttpRequest

from .. import selectors, services
from ..access import get_brief_for_user, get_case_for_user, get_incoming_referral_for_user
from ..forms import BriefForm, ReferralForm
from .cases import case_url


@login_required
@require_http_methods(["GET", "POST"])
def referral_create(request: AuthenticatedHttpRequest, case) -> HttpResponse:
    case = get_case_for_user(request, case)
    fields = selectors.shareable_fields(case, include_personal=True)
    form = ReferralForm(
        request.POST or None, fields=fields, targets=selectors.referral_targets(case)
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.propose_referral(
                case,
                user=request.user,
                to_organization=form.cleaned_data["to_organization"],
                keys=form.cleaned_data["keys"],
                message=form.cleaned_data["message"],
            )
        except services.CaseError as error:
            form.add_error(None, error.message)
            status = error.status
        else:
            messages.success(request, _("Referral proposed."))
            return redirect(case_url(case) + "#referrals")
    return render(request, "cases/referral_form.html", {"case": case, "form": form}, status=status)


@login_required
@require_POST
def referral_withdraw(request: AuthenticatedHttpRequest, case, referral) -> HttpResponse:
    case = get_case_for_user(request, case)
    record = get_object_or_404(case.referrals, pk=referral)
    try:
        services.transition_referral(record, user=request.user, action="withdraw", side="sender")
    except services.CaseError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Referral withdrawn."))
    return redirect(case_url(case) + "#referrals")


@login_required
@require_safe
def referral_incoming(request: AuthenticatedHttpRequest, referral) -> HttpResponse:
    """What the receiving service sees: exactly the shared part, while the referral is open."""
    record = get_incoming_referral_for_user(request, referral)
    services.audit(record.case, request.user, "read", f"referral by {record.to_organization.name}")
    return render(request, "cases/referral_incoming.html", {"referral": record})


@login_required
@require_POST
def referral_respond(request: AuthenticatedHttpRequest, referral, action) -> HttpResponse:
    record = get_incoming_referral_for_user(request, referral)
    try:
        record = services.transition_referral(
            record, user=request.user, action=action, side="receiver"
        )
    except services.CaseError as error:
        messages.error(request, error.message)
        return redirect("cases:referral_incoming", referral=record.pk)
    messages.success(
        request,
        _("Referral %(status)s.") % {"status": record.get_status_display()},
    )
    if record.is_open:
        return redirect("cases:referral_incoming", referral=record.pk)
    return redirect("cases:list")


@login_required
@require_http_methods(["GET", "POST"])
def brief_create(request: AuthenticatedHttpRequest, case) -> HttpResponse:
    case = get_case_for_user(request, case)
    fields = selectors.shareable_fields(case, include_personal=False)
    form = BriefForm(
        request.POST or None,
        fields=fields,
        meetings=selectors.conference_choices(case, request.user),
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            brief = services.create_brief(
                case,
                user=request.user,
                keys=form.cleaned_data["keys"],
                summary=form.cleaned_data["summary"],
                meeting=form.cleaned_data["meeting"],
            )
        except services.CaseError as error:
            form.add_error(None, error.message)
            status = error.status
        else:
            messages.success(request, _("Brief created."))
            return redirect(reverse("cases:brief", kwargs={"brief": brief.pk}))
    return render(request, "cases/brief_form.html", {"case": case, "form": form}, status=status)


@login_required
@require_safe
def brief_detail(request: AuthenticatedHttpRequest, brief) -> HttpResponse:
    record, is_owner = get_brief_for_user(request, brief)
    services.audit(record.case, request.user, "read", "brief")
    return render(request, "cases/brief.html", {"brief": record, "is_owner": is_owner})
