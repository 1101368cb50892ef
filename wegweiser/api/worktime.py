"""Work-time calendar API: counselling contacts for the app, and the report for an export.

Both routes are public and store nothing: the report is computed from the posted file and
forgotten (the same rules as the worker's phone, wegweiser/worktime/wages.py).
"""

from __future__ import annotations

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError

from wegweiser.core import refusals
from wegweiser.core.models import Municipality, State
from wegweiser.worktime import services, wages

from . import limits
from .openapi import IsoDate

router = Router(tags=["work-time calendar"])


class CounsellingService(Schema):
    id: str
    name: str
    phone: str
    email: str
    website: str
    languages: list[str]
    opening_hours: list[str]
    speaks_language: bool


class FallbackContactOut(Schema):
    key: str
    name: str
    url: str
    description: str
    speaks_language: bool


class CounsellingOut(Schema):
    municipality: str | None
    state: str
    language: str
    services: list[CounsellingService]
    # Nationwide non-state services, filled when `services` is empty (never a public body).
    fallbacks: list[FallbackContactOut] = []


class DetailOut(Schema):
    detail: str


class CounsellingQuery(Schema):
    municipality: str | None = None
    state: str | None = None
    lang: str = ""


@router.get(
    "/worktime/counselling",
    response={200: CounsellingOut, 400: DetailOut, 404: DetailOut},
    url_name="worktime_counselling",
)
def counselling(request, query: Query[CounsellingQuery]):
    """Published counselling services for a municipality (slug) or a whole state (e.g. RP).

    Services that speak `lang` come first (`speaks_language`). Public fields only.
    """
    languages = {code for code, _name in settings.LANGUAGES}
    if query.lang and query.lang not in languages:
        raise HttpError(400, _("Unknown language."))
    if query.municipality:
        place = get_object_or_404(
            Municipality.objects.select_related("state"), slug=query.municipality
        )
        found = services.counselling_services(municipality=place, language=query.lang)
        return {
            "municipality": place.slug,
            "state": place.state.subdivision,
            "language": query.lang,
            "services": found,
            "fallbacks": [] if found else services.fallback_contacts(query.lang or "de"),
        }
    if query.state:
        state = get_object_or_404(State, subdivision=query.state.upper())
        found = services.counselling_services(state=state, language=query.lang)
        return {
            "municipality": None,
            "state": state.subdivision,
            "language": query.lang,
            "services": found,
            "fallbacks": [] if found else services.fallback_contacts(query.lang or "de"),
        }
    raise HttpError(400, _("Give a municipality or a state."))


class DayOut(Schema):
    id: str
    date: str
    start: str
    end: str
    break_minutes: int
    overnight: bool
    minutes: int
    rate_cents: int
    due_cents: int


class LongDayOut(Schema):
    date: str
    minutes: int


class WeekOut(Schema):
    week: str
    minutes: int
    over_48h: bool


class MonthOut(Schema):
    month: str
    minutes: int
    due_cents: int
    paid_cents: int
    deducted_cents: int
    difference_cents: int


class PaymentOut(Schema):
    date: str
    amount_cents: int
    method: str
    payer: str


class DeductionOut(Schema):
    date: str
    amount_cents: int
    kind: str
    note: str


class TotalsOut(Schema):
    minutes: int
    due_cents: int
    paid_cents: int
    deducted_cents: int
    difference_cents: int
    days_worked: int
    days_over_10h: int
    weeks_over_48h: int
    minutes_without_minimum_wage: int
    minutes_at_assumed_rate: int  # minutes in years without an enacted rate (last known rate used)
    rests_under_11h: int  # § 5 ArbZG
    shifts_missing_break: int  # § 4 ArbZG


class ShortRestOut(Schema):
    date: str
    minutes: int


class ReportOut(Schema):
    format: str
    version: int
    period: dict[str, str]
    days: list[DayOut]
    long_days: list[LongDayOut]
    weeks: list[WeekOut]
    months: list[MonthOut]
    short_rests: list[ShortRestOut]
    missing_breaks: list[str]
    payments: list[PaymentOut]
    deductions: list[DeductionOut]
    deductions_by_kind: dict[str, int]
    totals: TotalsOut


class ReportProblemOut(Schema):
    detail: str
    code: str
    where: str


class ReportQuery(Schema):
    date_from: IsoDate | None = None
    date_to: IsoDate | None = None


@router.post(
    "/worktime/report",
    response={200: ReportOut, 400: ReportProblemOut, 413: ReportProblemOut, 429: ReportProblemOut},
    url_name="worktime_report",
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "An exported work-time calendar file (JSON Schema: /de/worktime/schema/v1.json).",
            "content": {"application/json": {"schema": wages.openapi_schema()}},
        }
    },
)
def report(request, query: Query[ReportQuery]):
    """The report for an exported file: hours, minimum wage due, payments, deductions, difference.

    Public, nothing is stored. A broken file answers 400 with the reason; a file over the size or
    entry limit 413; more requests per client than the rate allows 429 (with Retry-After).
    """
    refused = _over_limits(request)
    if refused is not None:
        return refused
    try:
        data = services.parse_export(request.body)
    except wages.FileProblem as problem:
        return Status(
            400,
            {
                "detail": services.problem_message(problem),
                "code": problem.code,
                "where": problem.where,
            },
        )
    if query.date_from and query.date_to and query.date_from > query.date_to:
        return Status(
            400,
            {
                "detail": _("The start of the period is after its end."),
                "code": "period",
                "where": "",
            },
        )
    return Status(
        200,
        wages.compute_report(
            data,
            query.date_from.isoformat() if query.date_from else None,
            query.date_to.isoformat() if query.date_to else None,
        ),
    )


def _over_limits(request) -> JsonResponse | None:
    """413/429 before the costly check of the file (wegweiser/api/limits.py)."""
    max_bytes, max_entries, rate = limits.worktime_limits()
    wait = limits.retry_after(request, "api.worktime_report", rate)
    if wait is not None:
        problem = {
            "detail": refusals.rate_limited_message(wait),
            "code": "rate_limited",
            "where": "",
        }
        return JsonResponse(problem, status=429, headers={"Retry-After": str(wait)})
    if limits.body_too_large(request, max_bytes):
        problem = {
            "detail": refusals.too_large_message(max_bytes),
            "code": "too_large",
            "where": "",
        }
        return JsonResponse(problem, status=413)
    if limits.count_entries(request.body, ("days", "payments", "deductions")) > max_entries:
        detail = refusals.too_many_entries_message(max_entries)
        return JsonResponse({"detail": detail, "code": "too_many_entries", "where": ""}, status=413)
    return None
