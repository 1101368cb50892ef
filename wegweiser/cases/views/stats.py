"""Statistics: counsellors see their organisation's, state coordinators their state's (suppressed)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from wegweiser.accounts.http import AuthenticatedHttpRequest
from wegweiser.core.models import State
from wegweiser.guidebook.models import Organization

from .. import statistics
from ..access import statistics_scope
from ..models import Case


def _scope(request: AuthenticatedHttpRequest, scope: str):
    """('organisation'|'state', object, cases) for a scope key "o-<uuid>" or "s-<code>"."""
    organizations, states = statistics_scope(request.user)
    kind, _sep, key = scope.partition("-")
    if kind == "o":
        organization = Organization.objects.filter(pk__in=organizations, pk=_uuid(key)).first()
        if organization is None:
            raise Http404
        return organization.name, Case.objects.filter(organization=organization)
    if kind == "s":
        state = State.objects.filter(pk__in=states, code=key).first()
        if state is None:
            raise Http404
        return state.name, Case.objects.filter(municipality__state=state)
    raise Http404


def _uuid(value: str):
    import uuid

    try:
        return uuid.UUID(value)
    except ValueError:
        raise Http404 from None


def _year(year: int) -> int:
    if not 2000 <= year <= timezone.localdate().year + 1:
        raise Http404
    return year


def scopes_for(user) -> list[tuple[str, str]]:
    organizations, states = statistics_scope(user)
    result = [
        (f"o-{org.pk}", org.name) for org in Organization.objects.filter(pk__in=organizations)
    ]
    result += [(f"s-{state.code}", state.name) for state in State.objects.filter(pk__in=states)]
    return result


@login_required
@require_safe
def statistics_page(request: AuthenticatedHttpRequest, scope: str, year: int) -> HttpResponse:
    name, cases = _scope(request, scope)
    stats = statistics.compute(cases, _year(year))
    this_year = timezone.localdate().year
    return render(
        request,
        "cases/statistics.html",
        {
            "scope": scope,
            "scope_name": name,
            "stats": stats,
            "years": range(this_year, this_year - 5, -1),
            "scopes": scopes_for(request.user),
        },
    )


@login_required
@require_safe
def statistics_csv(request: AuthenticatedHttpRequest, scope: str, year: int) -> HttpResponse:
    name, cases = _scope(request, scope)
    stats = statistics.compute(cases, _year(year))
    response = HttpResponse(
        "\ufeff" + statistics.to_csv(stats, name), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="case-statistics-{year}.csv"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def office_settings(request: AuthenticatedHttpRequest, organization) -> HttpResponse:
    """Lead counsellors set their organisation's retention period."""
    from django.contrib import messages
    from django.shortcuts import redirect
    from django.utils.translation import gettext as _

    from .. import selectors, services
    from ..access import counselling_organizations, is_lead
    from ..forms import OfficeForm

    record = Organization.objects.filter(
        pk__in=counselling_organizations(request.user), pk=organization
    ).first()
    if record is None or not is_lead(request.user, record):
        raise Http404
    form = OfficeForm(
        request.POST or None, initial={"retention_years": selectors.retention_years(record)}
    )
    if request.method == "POST" and form.is_valid():
        services.set_retention(
            record, user=request.user, years=form.cleaned_data["retention_years"]
        )
        messages.success(request, _("Retention period saved."))
        return redirect("cases:office", organization=record.pk)
    return render(request, "cases/office.html", {"organization": record, "form": form})
