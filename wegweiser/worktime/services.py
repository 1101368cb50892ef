"""Services of the work-time calendar: counselling contacts, report figures for pages and PDFs,
the paper calendar."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import override, pgettext

from wegweiser.core.models import Municipality, State
from wegweiser.guidebook.selectors import published_counselling_services

from . import wages

WORKER_LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAPER_SIZES = ["A4", "A5"]
HOLIDAY_LANGUAGES = {"de": "de", "en": "en_US", "uk": "uk"}


def counselling_services(
    *, municipality: Municipality | None = None, state: State | None = None, language: str = ""
) -> list[dict]:
    """Published counselling services serving the municipality (or any in the state).

    Only public fields: name, phone, e-mail, website, languages, opening hours (no addresses, so
    confidential places stay safe). Services that speak `language` come first.
    """
    services = []
    for organization in published_counselling_services(municipality=municipality, state=state):
        hours = [
            location.opening_hours
            for location in organization.locations.all()
            if location.opening_hours
        ]
        services.append(
            {
                "id": str(organization.id),
                "name": organization.name,
                "phone": organization.phone,
                "email": organization.email,
                "website": organization.website,
                "languages": list(organization.languages or []),
                "opening_hours": hours,
                "speaks_language": bool(language) and language in (organization.languages or []),
            }
        )
    services.sort(key=lambda service: not service["speaks_language"])
    return services


def fallback_contacts(language: str) -> list[dict]:
    """Nationwide non-state contacts for workers (guidebook/data/fallback_contacts.json), used
    wherever a place lists no counselling service. A public body is never a fallback: it must
    inform the immigration office (§ 87 AufenthG)."""
    from wegweiser.guidebook.models import localized
    from wegweiser.guidebook.vocabulary import load_json

    contacts = [
        {
            "key": entry["key"],
            "name": entry["name"],
            "url": entry["url"],
            "description": localized(entry["description"], language),
            "speaks_language": language in entry.get("languages", []),
        }
        for entry in load_json("fallback_contacts.json")["contacts"]
        if entry.get("public_body") is False and "workers" in entry.get("audience", [])
    ]
    contacts.sort(key=lambda contact: not contact["speaks_language"])
    return contacts


# --- formatting for server-rendered reports -----------------------------------------------------


def money(cents: int) -> str:
    value = Decimal(cents) / 100
    return f"{formats.number_format(value, 2, use_l10n=True, force_grouping=True)} €"


def hours(minutes: int) -> str:
    sign = "−" if minutes < 0 else ""
    minutes = abs(minutes)
    return f"{sign}{minutes // 60}:{minutes % 60:02d} {pgettext('unit: hours', 'h')}"


def date_label(value: str) -> str:
    return formats.date_format(dt.date.fromisoformat(value), "SHORT_DATE_FORMAT")


def _totals_view(totals: dict) -> dict:
    return {
        "hours": hours(totals["minutes"]),
        "due": money(totals["due_cents"]),
        "paid": money(totals["paid_cents"]),
        "deducted": money(totals["deducted_cents"]),
        "difference": money(totals["difference_cents"]),
        "shortfall": totals["difference_cents"] > 0,
        "days_worked": totals["days_worked"],
        "days_over_10h": totals["days_over_10h"],
        "weeks_over_48h": totals["weeks_over_48h"],
        "without_minimum_wage": hours(totals["minutes_without_minimum_wage"])
        if totals["minutes_without_minimum_wage"]
        else "",
        "at_assumed_rate": hours(totals["minutes_at_assumed_rate"])
        if totals["minutes_at_assumed_rate"]
        else "",
        "last_known_rate": money(wages.rates()[-1][1]),
        "rests_under_11h": totals["rests_under_11h"],
        "shifts_missing_break": totals["shifts_missing_break"],
    }


def report_view(report: dict) -> dict:
    """The report with display strings, for the review page and the PDF."""
    kinds = deduction_kind_labels()
    totals = report["totals"]
    return {
        "raw": report,
        "period_from": date_label(report["period"]["from"]) if report["period"]["from"] else "",
        "period_to": date_label(report["period"]["to"]) if report["period"]["to"] else "",
        "totals": _totals_view(totals),
        "days": [
            {
                "date": date_label(row["date"]),
                "start": row["start"],
                "end": row["end"],
                "overnight": row["overnight"],
                "break": row["break_minutes"],
                "hours": hours(row["minutes"]),
                "rate": money(row["rate_cents"]),
                "due": money(row["due_cents"]),
                "long": any(day["date"] == row["date"] for day in report["long_days"]),
            }
            for row in report["days"]
        ],
        "weeks": [
            {"week": week["week"], "hours": hours(week["minutes"]), "over": week["over_48h"]}
            for week in report["weeks"]
        ],
        "months": [
            {
                "month": formats.date_format(
                    dt.date.fromisoformat(month["month"] + "-01"), "YEAR_MONTH_FORMAT"
                ),
                "hours": hours(month["minutes"]),
                "due": money(month["due_cents"]),
                "paid": money(month["paid_cents"]),
                "deducted": money(month["deducted_cents"]),
                "difference": money(month["difference_cents"]),
            }
            for month in report["months"]
        ],
        "payments": [
            {
                "date": date_label(row["date"]),
                "amount": money(row["amount_cents"]),
                "method": _("cash") if row["method"] == "cash" else _("bank transfer"),
                "payer": row["payer"],
            }
            for row in report["payments"]
        ],
        "deductions": [
            {
                "date": date_label(row["date"]),
                "amount": money(row["amount_cents"]),
                "kind": kinds[row["kind"]],
                "note": row["note"],
            }
            for row in report["deductions"]
        ],
    }


def deduction_kind_labels() -> dict[str, str]:
    return {
        "rent": _("rent / accommodation"),
        "transport": _("transport"),
        "food": _("food"),
        "tools": _("tools and work clothes"),
        "fees": _("fees (agency, placement)"),
        "fines": _("fines"),
        "other": _("other"),
    }


def problem_message(problem: wages.FileProblem) -> str:
    messages = {
        "not_an_object": _("The file is not a work-time calendar export."),
        "wrong_format": _("The file is not a work-time calendar export."),
        "wrong_version": _("This export version is not supported."),
        "schema": _("The file is damaged or incomplete."),
        "bad_date": _("The file contains a date that does not exist."),
        "duplicate_id": _("The file contains the same entry twice."),
        "zero_shift": _("The file contains a shift that starts and ends at the same time."),
        "break_too_long": _("The file contains a break as long as the shift or longer."),
        "not_json": _("The file is not readable (no JSON)."),
        "too_large": _("The file is too large."),
    }
    message = messages.get(problem.code, _("The file is damaged or incomplete."))
    if problem.where:
        return f"{message} ({problem.where})"
    return message


def parse_export(raw: bytes) -> dict:
    """Bytes of an uploaded file → validated data, or FileProblem."""
    import json

    if len(raw) > 5 * 1024 * 1024:
        raise wages.FileProblem("too_large")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise wages.FileProblem("not_json") from None
    return wages.validate(data)


# --- paper calendar -----------------------------------------------------------------------------


def holidays_of(year: int, subdivision: str, language: str) -> dict[dt.date, str]:
    import holidays

    names = holidays.Germany(
        subdiv=subdivision, years=year, language=HOLIDAY_LANGUAGES.get(language, "de")
    )
    return dict(sorted(names.items()))


def paper_months(year: int, subdivision: str, language: str) -> list[dict]:
    import calendar

    holiday_names = holidays_of(year, subdivision, language)
    months = []
    for number in range(1, 13):
        first = dt.date(year, number, 1)
        days = []
        for day in range(1, calendar.monthrange(year, number)[1] + 1):
            date = dt.date(year, number, day)
            days.append(
                {
                    "date": date,
                    "weekday": formats.date_format(date, "D"),
                    "weekend": date.isoweekday() >= 6,
                    "holiday": holiday_names.get(date, ""),
                }
            )
        months.append({"first": first, "days": days})
    return months


def paper_cache_key(
    year: int, state: str, municipality: Municipality | None, language: str, size: str
) -> str:
    """Year, state, municipality, language, size, plus the guidebook's fingerprint: a changed
    counselling contact makes a new PDF."""
    from wegweiser.guidebook.fingerprint import guidebook_fingerprint

    fingerprint = guidebook_fingerprint(municipality) if municipality else ""
    slug = municipality.slug if municipality else ""
    raw = f"{year}|{state}|{slug}|{language}|{size}|{fingerprint}"
    return "worktime:paper:" + hashlib.sha256(raw.encode()).hexdigest()[:32]


def paper_calendar_pdf(
    *, year: int, state: State, municipality: Municipality | None, language: str, size: str, request
) -> bytes:
    from wegweiser.core.pdf import render_pdf

    key = paper_cache_key(year, state.subdivision, municipality, language, size)
    cached = cache.get(key)
    if cached is not None:
        return cached
    with override(language):
        services = counselling_services(
            municipality=municipality, state=None if municipality else state, language=language
        )
        contact = next(
            (s for s in services if s["speaks_language"]), services[0] if services else None
        )
        year_rate_set = wages.rate_is_set(f"{year}-01-01")
        context = {
            "year": year,
            "state": state,
            "municipality": municipality,
            "size": size,
            "months": paper_months(year, state.subdivision, language),
            "holidays": [
                {"date": date, "name": name}
                for date, name in holidays_of(year, state.subdivision, language).items()
            ],
            "contact": contact,
            "holiday_language": HOLIDAY_LANGUAGES.get(language, "de").split("_")[0],
            "fallbacks": [] if contact else fallback_contacts(language),
            "rate": money(wages.rate_on(f"{year}-01-01")),
            "rate_is_set": year_rate_set,
            "rates": [
                {"from": date_label(valid_from), "rate": money(cents)}
                for valid_from, cents in wages.rates()
                if valid_from.startswith(str(year))
            ],
        }
        pdf = render_pdf("worktime/paper_pdf.html", context, request)
    cache.set(key, pdf, 60 * 60 * 24)
    return pdf
