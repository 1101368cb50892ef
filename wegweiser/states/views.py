"""Pages of the state level: public state page, coverage dashboard (page and CSV), roll-out."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wegweiser.accounts.http import AuthenticatedHttpRequest
from wegweiser.core.csv import neutralise
from wegweiser.core.models import Municipality
from wegweiser.guidebook.models import Organization

from . import reference, selectors, services
from .access import get_state_for_coordinator, get_state_for_member, public_state
from .forms import InviteCoordinatorForm, MemberSearchForm, RollOutForm, StateActorForm


@require_safe
def state_page(request: HttpRequest, state: str) -> HttpResponse:
    found = public_state(state)
    return render(request, "states/state_page.html", selectors.public_state_page(found))


@login_required
@require_safe
def coverage(request: AuthenticatedHttpRequest, state: str) -> HttpResponse:
    found = get_state_for_coordinator(request, state)
    data = selectors.coverage(found)
    return render(
        request,
        "states/coverage.html",
        {
            "state": found,
            "coverage": data,
            "map": selectors.district_map(found, data.rows),
            "round_table": selectors.round_table(found),
        },
    )


def _csv_rows(data: selectors.Coverage) -> list[list]:
    header = [
        _("AGS"), _("municipality"), _("district"), _("network"), _("steps reached"),
        _("next step"), _("guidebook entries"), _("published"), _("completeness (%)"),
        _("confirmed recently (%)"), _("meetings held (12 months)"), _("open gaps"),
    ] + [str(column.label) for column in data.columns]  # fmt: skip
    rows: list[list] = [header]
    for row in data.rows:
        rows.append(
            [
                row.municipality.ags,
                row.municipality.name,
                row.district,
                _("yes") if row.network else _("no"),
                row.roadmap.done_count if row.roadmap else "",
                row.step_label,
                row.entries,
                row.published,
                row.completeness,
                "" if row.freshness is None else row.freshness,
                row.meetings_12m,
                "" if row.gaps is None else row.gaps,
                *["" if value is None else value for value in row.extra],
            ]  # fmt: skip
        )
    return rows


@login_required
@require_safe
def coverage_csv(request: AuthenticatedHttpRequest, state: str) -> HttpResponse:
    found = get_state_for_coordinator(request, state)
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel reads the umlauts as UTF-8 only with the byte-order mark
    writer = csv.writer(buffer)
    for row in _csv_rows(selectors.coverage(found)):
        writer.writerow([neutralise(cell) for cell in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="coverage-{found.slug}.csv"'
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def rollout(request: AuthenticatedHttpRequest, state: str) -> HttpResponse:
    found = get_state_for_coordinator(request, state)
    form = RollOutForm(request.POST or None, state=found)
    if request.method == "POST" and form.is_valid() and form.place is not None:
        result = services.roll_out(
            found,
            form.place,
            by=request.user,
            coordinator_email=form.cleaned_data["coordinator_email"],
            coordinator_name=form.cleaned_data["coordinator_name"],
        )
        messages.success(
            request,
            _("%(name)s was started with %(count)s draft guidebook entries from the template.")
            % {"name": result.municipality.name, "count": len(result.drafts)},
        )
        if result.invitation is not None:
            messages.success(
                request,
                _("An invitation to coordinate was sent to %(email)s.")
                % {"email": result.invitation.email},
            )
        return redirect("states:coverage", state=found.slug)
    status = 400 if request.method == "POST" else 200
    context = {
        "state": found,
        "form": form,
        "reference_count": reference.count_in_state(found.code),
    }
    return render(request, "states/rollout.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def invite_coordinator(request: AuthenticatedHttpRequest, state: str, slug: str) -> HttpResponse:
    found = get_state_for_coordinator(request, state)
    municipality = get_object_or_404(Municipality, state=found, slug=slug)
    form = InviteCoordinatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = services.invite_coordinator(
            municipality,
            by=request.user,
            email=form.cleaned_data["email"],
            name=form.cleaned_data["name"],
        )
        messages.success(
            request,
            _("An invitation to coordinate was sent to %(email)s.") % {"email": invitation.email},
        )
        return redirect("states:coverage", state=found.slug)
    status = 400 if request.method == "POST" else 200
    context = {"state": found, "municipality": municipality, "form": form}
    return render(request, "states/invite.html", context, status=status)


SEARCH_LIMIT = 50


@login_required
@require_safe
def member_search(request: AuthenticatedHttpRequest, state: str) -> HttpResponse:
    """Across the municipal and state guidebooks of the state; public fields of each entry."""
    found = get_state_for_member(request, state)
    form = MemberSearchForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        results = selectors.search_in_state(
            found,
            data["q"],
            limit=SEARCH_LIMIT,
            actor_type=data["actor_type"] or None,
            language=data["language"] or None,
            need=data["need"] or None,
        )
        prefetch_related_objects(results, "municipalities")
    status = 400 if form.is_bound and not form.is_valid() else 200
    context = {"state": found, "form": form, "results": results, "limit": SEARCH_LIMIT}
    return render(request, "states/search.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def state_actors(request: AuthenticatedHttpRequest, state: str) -> HttpResponse:
    """The state guidebook: state-wide actors, edited by the state coordinator."""
    found = get_state_for_coordinator(request, state)
    form = StateActorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organization = services.create_state_actor(form, found)
        messages.success(
            request,
            _("%(name)s was added as a draft with the mandate template of its actor type.")
            % {"name": organization.name},
        )
        return redirect("states:actors", state=found.slug)
    actors = Organization.objects.filter(state=found, archived_at__isnull=True).select_related(
        "actor_type"
    )
    status = 400 if request.method == "POST" else 200
    context = {"state": found, "form": form, "actors": actors.order_by("name")}
    return render(request, "states/actors.html", context, status=status)


@login_required
@require_POST
def state_actor_publish(request: AuthenticatedHttpRequest, state: str, pk) -> HttpResponse:
    found = get_state_for_coordinator(request, state)
    organization = get_object_or_404(Organization, state=found, pk=pk, archived_at__isnull=True)
    services.publish_state_actor(organization)
    messages.success(request, _("%(name)s was published.") % {"name": organization.name})
    return redirect("states:actors", state=found.slug)


@login_required
@require_POST
def round_table_start(request: AuthenticatedHttpRequest, state: str) -> HttpResponse:
    """The state coordinator starts the state round table (once; later calls lead to it)."""
    found = get_state_for_coordinator(request, state)
    network = services.start_round_table(found)
    return redirect(network.meetings_url)
