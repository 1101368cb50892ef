"""The coordinator's side: approval, history and restoring, archive, the review queue, and the
one-time confirmation link an organisation answers without an account."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wegweiser.accounts.access import get_municipality_for_user
from wegweiser.core.models import Municipality

from .. import services
from ..access import get_organization_for_user
from ..forms import ConfirmationForm, RestoreForm, SendBackForm
from ..models import ConfirmationRequest, Organization, OrganizationStatus
from ..presentation import languages_of, mandate_sections
from ..selectors import ordered
from ._common import bad, detail_url


@login_required
@require_http_methods(["GET", "POST"])
def approve(request: HttpRequest, slug: str, pk) -> HttpResponse:
    municipality, organization, access = get_organization_for_user(
        request, slug, pk, coordinator=True
    )
    form = SendBackForm(request.POST or None)
    if request.method == "POST":
        if request.POST.get("action") == "send_back":
            if not form.is_valid():
                return bad(
                    request,
                    "guidebook/approve.html",
                    _approve_context(municipality, organization, form),
                )
            services.send_back(organization, request.user, form.cleaned_data["comment"])
            messages.success(request, _("The change was sent back with your comment."))
            return redirect("guidebook:review", slug=municipality.slug)
        failed = services.approve_changes(organization, request.user, municipality)
        if failed:
            messages.warning(
                request,
                _("Some changes no longer fitted the entry and were sent back to the member."),
            )
        messages.success(request, _("The entry was published."))
        return redirect(detail_url(municipality, organization))
    return render(
        request, "guidebook/approve.html", _approve_context(municipality, organization, form)
    )


def _approve_context(
    municipality: Municipality, organization: Organization, form: SendBackForm
) -> dict:
    waiting = list(services.waiting_changes(organization))
    return {
        "municipality": municipality,
        "organization": organization,
        "waiting": [services.describe(change) | {"change": change} for change in waiting],
        "changes": None if waiting else services.changes_since_publication(organization),
        "send_back_form": form,
    }


@login_required
@require_http_methods(["GET", "POST"])
def history(request: HttpRequest, slug: str, pk) -> HttpResponse:
    municipality, organization, access = get_organization_for_user(
        request, slug, pk, coordinator=True
    )
    if request.method == "POST":
        form = RestoreForm(request.POST)
        if not form.is_valid() or not services.restore_version(
            organization, form.cleaned_data["kind"], form.cleaned_data["history_id"]
        ):
            return render(
                request,
                "core/error.html",
                {
                    "status": 400,
                    "title": _("Bad request"),
                    "message": _("This version cannot be restored."),
                },
                status=400,
            )
        messages.success(request, _("The earlier version was restored as a new change."))
        return redirect("guidebook:history", slug=municipality.slug, pk=organization.pk)
    context = {
        "municipality": municipality,
        "organization": organization,
        "timeline": services.organization_timeline(organization),
    }
    return render(request, "guidebook/history.html", context)


@login_required
@require_POST
def archive(request: HttpRequest, slug: str, pk) -> HttpResponse:
    municipality, organization, access = get_organization_for_user(
        request, slug, pk, coordinator=True
    )
    if organization.archived_at is None:
        services.archive(organization)
        messages.success(request, _("The entry was archived. It no longer appears anywhere."))
    else:
        services.unarchive(organization)
        messages.success(request, _("The entry was taken out of the archive."))
    return redirect(detail_url(municipality, organization))


@login_required
@require_safe
def review(request: HttpRequest, slug: str) -> HttpResponse:
    municipality, access = get_municipality_for_user(request, slug, write=True)
    serving = Organization.objects.serving(municipality).select_related("actor_type").distinct()
    context = {
        "municipality": municipality,
        "waiting": list(ordered(serving.current().exclude(status=OrganizationStatus.PUBLISHED))),
        "changed": list(ordered(services.organizations_with_waiting_changes(serving.published()))),
        "stale": _with_requests(services.stale_organizations(municipality)),
        "proposals": services.open_proposals(municipality),
        "archived": list(serving.filter(archived_at__isnull=False).order_by("name")),
        "freshness_days": settings.WEGWEISER_FRESHNESS_DAYS,
    }
    return render(request, "guidebook/review.html", context)


def _with_requests(organizations: list[Organization]) -> list[Organization]:
    """Mark each stale entry with its open confirmation request (or None), one query."""
    open_requests = {
        row.organization_id: row
        for row in ConfirmationRequest.objects.filter(
            organization__in=organizations, used_at__isnull=True, expires_at__gt=timezone.now()
        ).order_by("created_at")
    }
    for organization in organizations:
        # A display-only attribute for the template, not a model field.
        organization.open_request = open_requests.get(organization.pk)  # type: ignore[attr-defined]
    return organizations


@login_required
@require_POST
def send_confirmations(request: HttpRequest, slug: str) -> HttpResponse:
    """The coordinator's button for what the nightly command does: e-mail a confirmation link to
    every stale, published entry of the municipality without an open request."""
    municipality, access = get_municipality_for_user(request, slug, write=True)
    sent = services.send_confirmation_requests(municipality)
    messages.success(
        request,
        ngettext(
            "%(count)s confirmation request was sent.",
            "%(count)s confirmation requests were sent.",
            len(sent),
        )
        % {"count": len(sent)},
    )
    return redirect(reverse("guidebook:review", kwargs={"slug": municipality.slug}) + "#gb-stale")


@login_required
@require_POST
def proposal_done(request: HttpRequest, slug: str, proposal) -> HttpResponse:
    municipality, access = get_municipality_for_user(request, slug, write=True)
    request_obj = get_object_or_404(
        ConfirmationRequest.objects.filter(
            organization__in=Organization.objects.serving(municipality)
        ).distinct(),
        pk=proposal,
    )
    confirm = request.POST.get("confirm") == "1"
    services.mark_proposal_reviewed(request_obj, request.user, confirm=confirm)
    messages.success(request, _("The proposal was marked as handled."))
    return redirect("guidebook:review", slug=municipality.slug)


# --- confirmation link (no account) ------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    confirmation, state = services.find_request(token)
    if confirmation is None:
        raise Http404
    organization = confirmation.organization
    if state != services.LinkState.VALID:
        return _link_closed(request, state, organization)
    form = ConfirmationForm(request.POST or None)
    if request.method == "GET":
        return render(request, "guidebook/confirm.html", _confirm_context(form, confirmation))
    if not form.is_valid():
        return bad(request, "guidebook/confirm.html", _confirm_context(form, confirmation))
    confirmed = form.cleaned_data["answer"] == "confirmed"
    answered = services.answer_request(
        confirmation,
        confirmed=confirmed,
        message=form.cleaned_data["message"],
        proposed=form.proposed(),
    )
    if not answered:
        return _link_closed(request, services.LinkState.USED, organization)
    return render(
        request,
        "guidebook/confirm_done.html",
        {"organization": organization, "confirmed": confirmed},
    )


def _link_closed(request: HttpRequest, state: str, organization: Organization) -> HttpResponse:
    return render(
        request,
        "guidebook/confirm_closed.html",
        {"state": state, "organization": organization},
        status=410,
    )


def _confirm_context(form: ConfirmationForm, confirmation: ConfirmationRequest) -> dict:
    organization = confirmation.organization
    return {
        "organization": organization,
        "form": form,
        "confirmation": confirmation,
        "sections": mandate_sections(_with_mandate(organization)),
        "locations": [] if organization.confidential_address else organization.locations.all(),
        "language_labels": languages_of(organization),
    }


def _with_mandate(organization: Organization) -> Organization | None:
    return (
        Organization.objects.filter(pk=organization.pk)
        .prefetch_related("mandate_items__translations", "mandate_items__need_links__need")
        .first()
    )
