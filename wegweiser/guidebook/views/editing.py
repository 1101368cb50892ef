"""Editing an entry: its fields and locations, mandate items, contact persons; new entries.

Members edit their own organisation's entry (their changes wait for the coordinator's approval),
coordinators every entry of the municipality; see access.py.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wegweiser.accounts.access import get_municipality_for_user
from wegweiser.accounts.models import ReadKind
from wegweiser.accounts.reads import record_read

from .. import services
from ..access import get_organization_for_user
from ..forms import (
    ContactPersonForm,
    LocationFormSet,
    MandateItemForm,
    NewOrganizationForm,
    OrganizationForm,
    WithdrawConsentForm,
)
from ..models import ContactPerson, MandateItem, OrganizationStatus, PendingChange
from ..selectors import internal_note
from ._common import bad, detail_url, saved_message

Kind = PendingChange.Kind


def _data_for_form(request: HttpRequest, organization, kind: str, item=None):
    """POST data, or on GET the member's change still waiting (or sent back), so she sees her
    version again, with the change record for the notice above the form."""
    if request.method == "POST":
        return request.POST, None
    change = services.change_for_form(organization, kind, item)
    if change is None:
        return None, None
    return services.changes.as_querydict(change.data), change


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, slug: str, pk) -> HttpResponse:
    municipality, organization, access = get_organization_for_user(request, slug, pk)
    waits = services.needs_approval(organization, by_coordinator=access.is_coordinator)
    data, change = _data_for_form(request, organization, Kind.ENTRY) if waits else (None, None)
    data = request.POST if request.method == "POST" else data
    form = OrganizationForm(
        data,
        instance=organization,
        initial={"internal_notes": internal_note(organization, municipality)},
    )
    locations = LocationFormSet(data, instance=organization, prefix="locations")
    context = {
        "municipality": municipality,
        "organization": organization,
        "form": form,
        "locations": locations,
        "is_coordinator": access.is_coordinator,
        "pending": change,
    }
    if request.method == "POST":
        if not (form.is_valid() and locations.is_valid()):
            return bad(request, "guidebook/edit.html", context)
        if waits:
            services.propose_change(
                organization,
                Kind.ENTRY,
                services.changes.form_data(request.POST),
                author=request.user,
            )
        else:
            services.save_organization(
                form, locations, by_coordinator=access.is_coordinator, municipality=municipality
            )
        saved_message(request, access.is_coordinator, waits)
        return redirect(detail_url(municipality, organization))
    return render(request, "guidebook/edit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def mandate_item(request: HttpRequest, slug: str, pk, item=None) -> HttpResponse:
    municipality, organization, access = get_organization_for_user(request, slug, pk)
    instance = None
    if item is not None:
        instance = get_object_or_404(
            MandateItem.objects.prefetch_related("translations", "need_links"),
            pk=item,
            organization=organization,
        )
    waits = services.needs_approval(organization, by_coordinator=access.is_coordinator)
    data, change = (None, None)
    if waits and instance is not None:
        data, change = _data_for_form(request, organization, Kind.MANDATE, instance)
    data = request.POST if request.method == "POST" else data
    form = MandateItemForm(data, instance=instance)
    context = {
        "municipality": municipality,
        "organization": organization,
        "form": form,
        "item": instance,
        "pending": change,
    }
    if request.method == "POST":
        if not form.is_valid():
            return bad(request, "guidebook/mandate_item.html", context)
        if waits:
            services.propose_change(
                organization,
                Kind.MANDATE,
                services.changes.form_data(request.POST),
                author=request.user,
                item=instance,
            )
            saved_message(request, access.is_coordinator, waits)
            return redirect(detail_url(municipality, organization) + "#mandate")
        saved = form.save(commit=False)
        saved.organization = organization
        services.save_mandate_item(
            saved,
            needs=form.need_roles(),
            translations=form.translation_texts(),
            by_coordinator=access.is_coordinator,
        )
        saved_message(request, access.is_coordinator)
        return redirect(detail_url(municipality, organization) + "#mandate")
    return render(request, "guidebook/mandate_item.html", context)


@login_required
@require_POST
def mandate_item_delete(request: HttpRequest, slug: str, pk, item) -> HttpResponse:
    municipality, organization, access = get_organization_for_user(request, slug, pk)
    instance = get_object_or_404(MandateItem, pk=item, organization=organization)
    if services.needs_approval(organization, by_coordinator=access.is_coordinator):
        services.propose_change(
            organization, Kind.MANDATE_DELETE, {}, author=request.user, item=instance
        )
        saved_message(request, access.is_coordinator, True)
        return redirect(detail_url(municipality, organization) + "#mandate")
    services.delete_mandate_item(instance, by_coordinator=access.is_coordinator)
    messages.success(request, _("The mandate item was removed. It stays in the history."))
    return redirect(detail_url(municipality, organization) + "#mandate")


@login_required
@require_http_methods(["GET", "POST"])
def contacts(request: HttpRequest, slug: str, pk, person=None) -> HttpResponse:
    municipality, organization, access = get_organization_for_user(request, slug, pk)
    instance = None
    if person is not None:
        instance = get_object_or_404(ContactPerson, pk=person, organization=organization)
    form = ContactPersonForm(request.POST or None, instance=instance)
    context = {
        "municipality": municipality,
        "organization": organization,
        "form": form,
        "person": instance,
        "people": organization.contact_persons.order_by("name"),
        "withdraw_form": WithdrawConsentForm(),
    }
    if request.method == "POST":
        if not form.is_valid():
            return bad(request, "guidebook/contacts.html", context)
        saved = form.save(commit=False)
        saved.organization = organization
        services.save_contact_person(saved)
        messages.success(request, _("The contact person was saved."))
        return redirect("guidebook:contacts", slug=municipality.slug, pk=organization.pk)
    record_read(
        request, municipality, ReadKind.CONTACT, instance.pk if instance else organization.pk
    )
    return render(request, "guidebook/contacts.html", context)


@login_required
@require_POST
def withdraw_consent(request: HttpRequest, slug: str, pk, person) -> HttpResponse:
    municipality, organization, access = get_organization_for_user(request, slug, pk)
    instance = get_object_or_404(ContactPerson, pk=person, organization=organization)
    form = WithdrawConsentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please check your input."))
        return redirect("guidebook:contacts", slug=municipality.slug, pk=organization.pk)
    services.withdraw_consent(instance, form.cleaned_data["how"])
    messages.success(
        request,
        _("Consent withdrawn: %(name)s no longer appears anywhere in the guidebook.")
        % {"name": instance.name},
    )
    return redirect("guidebook:contacts", slug=municipality.slug, pk=organization.pk)


@login_required
@require_http_methods(["GET", "POST"])
def new_organization(request: HttpRequest, slug: str) -> HttpResponse:
    municipality, access = get_municipality_for_user(request, slug, write=True)
    form = NewOrganizationForm(request.POST or None)
    context = {"municipality": municipality, "form": form}
    if request.method == "POST":
        if not form.is_valid():
            return bad(request, "guidebook/new.html", context)
        data = form.cleaned_data
        organization = services.create_organization_from_template(
            data["actor_type"],
            data["name"],
            [municipality],
            phone=data["phone"],
            email=data["email"],
            website=data["website"],
            status=OrganizationStatus.DRAFT,
        )
        messages.success(
            request,
            _("The entry was created as a draft with the mandate template of its actor type."),
        )
        return redirect(detail_url(municipality, organization))
    return render(request, "guidebook/new.html", context)
