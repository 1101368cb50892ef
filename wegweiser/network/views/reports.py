"""The yearly report of a network (page and CSV); the state overview lives in the states app."""

from __future__ import annotations

import csv
import io

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wegweiser.accounts.http import AuthenticatedHttpRequest
from wegweiser.core.csv import neutralise
from wegweiser.core.registry import ReportScope, network_sections, render_sections

from .. import charts, services
from ..access import get_report_network_for_user


def _report_year(year: int) -> int:
    if not 2000 <= year <= 2100:
        raise Http404
    return year


@login_required
@require_safe
def report(request: AuthenticatedHttpRequest, slug: str, year: int) -> HttpResponse:
    net = get_report_network_for_user(request, slug)
    data = services.report(net.network, _report_year(year))
    context = {
        "net": net,
        "network": net.network,
        "report": data,
        "years": [year - 1, year + 1],
        "chart_meetings": charts.bar_chart(
            data["meetings_by_kind"], _("Meetings held in %(year)s by type") % {"year": year}
        ),
        "chart_attendance": charts.bar_chart(
            data["attendance"], _("Attendance in %(year)s by actor type") % {"year": year}
        ),
        "chart_actions": charts.bar_chart(
            data["actions"], _("Action items in %(year)s") % {"year": year}
        ),
        # What the programmes above the network add to its report (learning: course completions).
        # (Municipal programmes only: the state round table has no course figures of its own.)
        "extra_sections": []
        if net.network.is_state_level
        else render_sections(
            network_sections["report"], request, ReportScope(net.network.municipality, year)
        ),
    }
    return render(request, "network/report.html", context)


def _report_rows(data: dict) -> list[list]:
    rows: list[list] = [[_("section"), _("item"), _("value")]]
    rows += [[_("meetings held"), label, value] for label, value in data["meetings_by_kind"]]
    rows += [[_("attendance"), label, value] for label, value in data["attendance"]]
    rows += [[_("action items"), label, value] for label, value in data["actions"]]
    fresh = data["freshness"]
    rows += [
        [_("guidebook"), _("entries"), fresh["total"]],
        [_("guidebook"), _("confirmed recently"), fresh["fresh"]],
        [_("guidebook"), _("not confirmed recently"), fresh["stale"]],
    ]
    return rows


@login_required
@require_safe
def report_csv(request: AuthenticatedHttpRequest, slug: str, year: int) -> HttpResponse:
    net = get_report_network_for_user(request, slug)
    data = services.report(net.network, _report_year(year))
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel reads the umlauts as UTF-8 only with the byte-order mark
    writer = csv.writer(buffer)
    for row in _report_rows(data):
        writer.writerow([neutralise(cell) for cell in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="network-{net.network.scope_slug}-{year}.csv"'
    )
    return response
