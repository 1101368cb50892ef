"""Cooperation agreements of a network (a municipality's or the state round table): list, detail,
create, edit while unsigned, record signatures, set the dates of force, PDF."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wegweiser.accounts.http import AuthenticatedHttpRequest
from wegweiser.core.pdf import render_pdf

from .. import services
from ..access import get_agreement_for_user, get_network_for_user
from ..forms_agreements import AgreementForm, PartyDetailsForm, SignatureForm, ValidityForm
from ..models import CooperationAgreement
from ..selectors import agreements_of


@login_required
@require_safe
def agreements(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    net = get_network_for_user(request, slug, members_only=True)
    context = {"net": net, "network": net.network, "agreements": agreements_of(net.network)}
    return render(request, "network/agreements.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def agreement_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    net = get_network_for_user(request, slug, write=True)
    form = AgreementForm(request.POST or None, network=net.network)
    if request.method == "POST" and form.is_valid():
        agreement = services.create_agreement(
            net.network,
            title=form.cleaned_data["title"],
            summary=form.cleaned_data["summary"],
            public_url=form.cleaned_data["public_url"],
            parties=form.cleaned_data["parties"],
            created_by=request.user,
        )
        messages.success(
            request, _("The agreement was saved as a draft. Now note what each party agreed to.")
        )
        return redirect(agreement.network.url("agreement_edit", agreement=agreement.pk))
    context = {"net": net, "network": net.network, "form": form}
    return render(
        request, "network/agreement_form.html", context, status=400 if form.errors else 200
    )


def _party_forms(request, agreement: CooperationAgreement) -> list[PartyDetailsForm]:
    data = request.POST if request.method == "POST" else None
    return [
        PartyDetailsForm(data, instance=party, prefix=f"party-{party.pk}")
        for party in agreement.party_list()
    ]


@login_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request: AuthenticatedHttpRequest, slug: str, agreement: str) -> HttpResponse:
    item, net = get_agreement_for_user(request, slug, agreement, write=True)
    form = AgreementForm(request.POST or None, instance=item, network=net.network)
    party_forms = _party_forms(request, item)
    if item.is_locked:
        messages.info(request, _("A signed agreement cannot be changed."))
    elif request.method == "POST" and form.is_valid() and all(f.is_valid() for f in party_forms):
        try:
            services.update_agreement(
                item,
                title=form.cleaned_data["title"],
                summary=form.cleaned_data["summary"],
                public_url=form.cleaned_data["public_url"],
                parties=form.cleaned_data["parties"],
                party_details={
                    str(f.instance.pk): (f.cleaned_data["contact_point"], f.cleaned_data["tasks"])
                    for f in party_forms
                },
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The agreement was saved."))
            return redirect(item.get_absolute_url())
    context = {
        "net": net,
        "network": net.network,
        "form": form,
        "agreement": item,
        "party_forms": party_forms,
    }
    failed = request.method == "POST"  # a successful POST redirected above
    return render(request, "network/agreement_form.html", context, status=400 if failed else 200)


@login_required
@require_safe
def agreement_detail(request: AuthenticatedHttpRequest, slug: str, agreement: str) -> HttpResponse:
    item, net = get_agreement_for_user(request, slug, agreement)
    context = {"net": net, "network": net.network, "agreement": item}
    if net.can_write:
        context["signature_form"] = SignatureForm(agreement=item)
        context["validity_form"] = ValidityForm(
            initial={"in_force_from": item.in_force_from, "valid_until": item.valid_until}
        )
    return render(request, "network/agreement_detail.html", context)


@login_required
@require_POST
def agreement_sign(request: AuthenticatedHttpRequest, slug: str, agreement: str) -> HttpResponse:
    item, _net = get_agreement_for_user(request, slug, agreement, write=True)
    form = SignatureForm(request.POST, agreement=item)
    if not form.is_valid():
        messages.error(request, _("Choose a party that has not signed yet and give the date."))
        return redirect(item.get_absolute_url())
    try:
        party = services.record_signature(
            item,
            form.cleaned_data["party"],
            on=form.cleaned_data["signed_on"],
            by=form.cleaned_data["signed_by"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The signature of %(party)s was recorded.") % {"party": party})
    return redirect(item.get_absolute_url())


@login_required
@require_POST
def agreement_validity(
    request: AuthenticatedHttpRequest, slug: str, agreement: str
) -> HttpResponse:
    item, _net = get_agreement_for_user(request, slug, agreement, write=True)
    form = ValidityForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please give valid dates."))
        return redirect(item.get_absolute_url())
    try:
        services.set_validity(
            item,
            in_force_from=form.cleaned_data["in_force_from"],
            valid_until=form.cleaned_data["valid_until"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The dates of the agreement were saved."))
    return redirect(item.get_absolute_url())


@login_required
@require_safe
def agreement_pdf(request: AuthenticatedHttpRequest, slug: str, agreement: str) -> HttpResponse:
    """The agreement as a document for the network (contact points and tasks included)."""
    item, net = get_agreement_for_user(request, slug, agreement)
    pdf = render_pdf("network/agreement_pdf.html", {"agreement": item, "network": net.network})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="agreement-{item.pk}.pdf"'
    return response
