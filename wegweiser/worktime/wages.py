"""Wage rules of the work-time calendar: validation of an exported file and the report.

The same rules run in the worker's browser (`static/worktime/wages.js`); a test runs both on the
same files and demands identical figures. Everything is integer: minutes and euro cents.

Decisions (documented in README, "Work-time calendar"):
- Start and end are local wall-clock times as entered. An end before the start means the shift
  ended on the next day (night shift). Start equal to end is rejected (ambiguous).
- Break minutes are taken off the part of a shift that lies on its start date first, then off the
  part after midnight.
- Each minute is paid at the minimum wage valid on the calendar date on which it was worked, so a
  night shift from 31 December into 1 January uses two rates. Before 2015 there was no statutory
  minimum wage: such minutes count as worked, with 0 due, and are flagged.
- Wage due per (shift, date) part = minutes × cents per hour / 60, rounded half up to a cent.
- A shift belongs to the day, ISO week and month of its start date (for hours and the flags
  "day over 10 hours" and "week over 48 hours", ArbZG §§ 3, 7 as simple thresholds).
- A day over 10 hours is flagged (the hard cap of § 3 ArbZG); a week over 48 hours is flagged as a
  hint only, because 48 hours a week is an average over 6 months, not a weekly cap.
- A rest of less than 11 hours between the end of one shift and the start of the next (§ 5 ArbZG)
  and a break shorter than 30 minutes after more than 6 hours or 45 minutes after more than 9 hours
  of work (§ 4 ArbZG) are flagged.
- For a year after the last enacted rate of the table, the last known rate is used and the minutes
  are counted as "at an assumed rate" (the report says the rate is not yet set).
- Difference = wage due − payments received. Deductions are listed, not added to the payments:
  money kept back by the employer is not wage paid.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).parent / "static" / "worktime" / "minimum_wage.json"
SCHEMA_FILE = Path(__file__).parent / "static" / "worktime" / "schema-v1.json"
FORMAT = "wegweiser-worktime"
VERSION = 1
DAY_LIMIT_MINUTES = 10 * 60
WEEK_LIMIT_MINUTES = 48 * 60
REST_MINUTES = 11 * 60
DEDUCTION_KINDS = ["rent", "transport", "food", "tools", "fees", "fines", "other"]


class FileProblem(ValueError):
    """The file is not a valid export. `code` is stable (also used by wages.js), `where` a path."""

    def __init__(self, code: str, where: str = "", detail: str = ""):
        self.code = code
        self.where = where
        self.detail = detail
        super().__init__(f"{code} at {where or '/'}{': ' + detail if detail else ''}")


@cache
def rates() -> list[tuple[str, int]]:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return [(row["from"], int(row["cents"])) for row in data["rates"]]


@cache
def schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def openapi_schema() -> dict:
    """The export schema with its $defs inlined (OpenAPI documents resolve refs from their root)."""
    source = schema()
    definitions = source["$defs"]

    def inline(node):
        if isinstance(node, dict):
            if "$ref" in node:
                return inline(definitions[node["$ref"].rsplit("/", 1)[-1]])
            return {
                key: inline(value)
                for key, value in node.items()
                if key not in ("$defs", "$schema", "$id")
            }
        if isinstance(node, list):
            return [inline(item) for item in node]
        return node

    return inline(source)


def rate_on(day: str) -> int:
    """Cents per hour valid on an ISO date string; 0 before the minimum wage existed."""
    current = 0
    for valid_from, cents in rates():
        if valid_from <= day:
            current = cents
    return current


def parse_time(value: str) -> int:
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


def parse_date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _next_day(day: str) -> str:
    return (parse_date(day) + dt.timedelta(days=1)).isoformat()


def iso_week(day: str) -> str:
    year, week, _weekday = parse_date(day).isocalendar()
    return f"{year}-W{week:02d}"


def validate(data: Any) -> dict:
    """Check a parsed export against the schema and the rules the schema cannot say.

    Returns the data unchanged, or raises FileProblem with the first problem found.
    """
    import jsonschema

    if not isinstance(data, dict):
        raise FileProblem("not_an_object")
    if data.get("format") != FORMAT:
        raise FileProblem("wrong_format", "/format")
    if data.get("version") != VERSION:
        raise FileProblem("wrong_version", "/version")
    validator = jsonschema.Draft202012Validator(schema())
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        where = "/" + "/".join(str(part) for part in error.absolute_path)
        raise FileProblem("schema", where, error.message[:200])
    for list_name in ("days", "payments", "deductions"):
        seen: set[str] = set()
        for index, row in enumerate(data[list_name]):
            where = f"/{list_name}/{index}"
            try:
                day = parse_date(row["date"])
            except ValueError:
                raise FileProblem("bad_date", where + "/date") from None
            if not 2000 <= day.year <= 2100:
                raise FileProblem("bad_date", where + "/date")
            if row["id"] in seen:
                raise FileProblem("duplicate_id", where + "/id")
            seen.add(row["id"])
            if list_name == "days":
                span = shift_span(row["start"], row["end"])
                if span == 0:
                    raise FileProblem("zero_shift", where)
                if row["break_minutes"] >= span:
                    raise FileProblem("break_too_long", where + "/break_minutes")
                row["break_minutes"] = int(row["break_minutes"])
            else:
                row["amount_cents"] = int(row["amount_cents"])
    return data


def shift_span(start: str, end: str) -> int:
    begin, finish = parse_time(start), parse_time(end)
    if finish < begin:
        finish += 24 * 60
    return finish - begin


def day_parts(row: dict) -> list[tuple[str, int]]:
    """Minutes worked per calendar date of one shift: [(date, minutes), …] (breaks taken off)."""
    begin = parse_time(row["start"])
    span = shift_span(row["start"], row["end"])
    first = min(span, 24 * 60 - begin)
    second = span - first
    breaks = row["break_minutes"]
    take_first = min(breaks, first)
    first -= take_first
    second -= breaks - take_first
    parts = [(row["date"], first)]
    if span > 24 * 60 - begin:
        parts.append((_next_day(row["date"]), second))
    return parts


def wage_cents(minutes: int, cents_per_hour: int) -> int:
    return (minutes * cents_per_hour + 30) // 60


def _in_period(day: str, date_from: str, date_to: str) -> bool:
    return date_from <= day <= date_to


def last_known_year() -> int:
    """The last year with an enacted minimum wage in the table (later years: not yet set)."""
    return int(rates()[-1][0][:4])


def rate_is_set(day: str) -> bool:
    """False for a date in a year after the table: the last known rate is only an assumption."""
    return int(day[:4]) <= last_known_year()


def _absolute_minutes(day: str, time: str) -> int:
    return dt.date.fromisoformat(day).toordinal() * 24 * 60 + parse_time(time)


def _sorted_in_period(rows: list[dict], keys: tuple[str, ...], date_from: str, date_to: str):
    return sorted(
        (row for row in rows if _in_period(row["date"], date_from, date_to)),
        key=lambda row: tuple(row[key] for key in keys),
    )


def _empty_month(key: str) -> dict:
    return {
        "month": key,
        "minutes": 0,
        "due_cents": 0,
        "paid_cents": 0,
        "deducted_cents": 0,
        "difference_cents": 0,
    }


def _shift_row(shift: dict) -> tuple[dict, int, int]:
    """One shift's report row, its minutes without a minimum wage and at an assumed rate."""
    minutes = due = without = assumed = 0
    for part_date, part_minutes in day_parts(shift):
        rate = rate_on(part_date)
        if rate == 0 and part_minutes > 0:
            without += part_minutes
        if not rate_is_set(part_date):
            assumed += part_minutes
        minutes += part_minutes
        due += wage_cents(part_minutes, rate)
    row = {
        "id": shift["id"],
        "date": shift["date"],
        "start": shift["start"],
        "end": shift["end"],
        "break_minutes": shift["break_minutes"],
        "overnight": parse_time(shift["end"]) < parse_time(shift["start"]),
        "minutes": minutes,
        "rate_cents": rate_on(shift["date"]),
        "due_cents": due,
    }
    return row, without, assumed


def break_missing(row: dict) -> bool:
    """§ 4 ArbZG: 30 minutes after more than 6 hours of work, 45 after more than 9 hours."""
    worked = shift_span(row["start"], row["end"]) - row["break_minutes"]
    return (worked > 9 * 60 and row["break_minutes"] < 45) or (
        worked > 6 * 60 and row["break_minutes"] < 30
    )


def short_rests(shifts: list[dict]) -> list[dict]:
    """§ 5 ArbZG: less than 11 hours between the end of one shift and the start of the next."""
    found = []
    previous_end = None
    for shift in shifts:
        start = _absolute_minutes(shift["date"], shift["start"])
        if previous_end is not None and 0 <= start - previous_end < REST_MINUTES:
            found.append({"date": shift["date"], "minutes": start - previous_end})
        end = start + shift_span(shift["start"], shift["end"])
        previous_end = end if previous_end is None else max(previous_end, end)
    return found


def _months(rows, payments, deductions) -> tuple[list[dict], dict]:
    months: dict[str, dict] = {}
    for row in rows:
        bucket = months.setdefault(row["date"][:7], _empty_month(row["date"][:7]))
        bucket["minutes"] += row["minutes"]
        bucket["due_cents"] += row["due_cents"]
    for payment in payments:
        key = payment["date"][:7]
        months.setdefault(key, _empty_month(key))["paid_cents"] += payment["amount_cents"]
    by_kind = dict.fromkeys(DEDUCTION_KINDS, 0)
    for deduction in deductions:
        key = deduction["date"][:7]
        months.setdefault(key, _empty_month(key))["deducted_cents"] += deduction["amount_cents"]
        by_kind[deduction["kind"]] += deduction["amount_cents"]
    for bucket in months.values():
        bucket["difference_cents"] = bucket["due_cents"] - bucket["paid_cents"]
    return [months[key] for key in sorted(months)], by_kind


def _day_and_week_flags(rows: list[dict]) -> tuple[dict, list[dict], list[dict]]:
    per_date: dict[str, int] = {}
    per_week: dict[str, int] = {}
    for row in rows:
        per_date[row["date"]] = per_date.get(row["date"], 0) + row["minutes"]
        week = iso_week(row["date"])
        per_week[week] = per_week.get(week, 0) + row["minutes"]
    long_days = [
        {"date": day, "minutes": minutes}
        for day, minutes in sorted(per_date.items())
        if minutes > DAY_LIMIT_MINUTES
    ]
    weeks = [
        {"week": week, "minutes": minutes, "over_48h": minutes > WEEK_LIMIT_MINUTES}
        for week, minutes in sorted(per_week.items())
    ]
    return per_date, long_days, weeks


def _money_rows(payments: list[dict], deductions: list[dict]) -> dict:
    return {
        "payments": [
            {
                "date": row["date"],
                "amount_cents": row["amount_cents"],
                "method": row["method"],
                "payer": row.get("payer", ""),
            }
            for row in payments
        ],
        "deductions": [
            {
                "date": row["date"],
                "amount_cents": row["amount_cents"],
                "kind": row["kind"],
                "note": row.get("note", ""),
            }
            for row in deductions
        ],
    }


def compute_report(data: dict, date_from: str | None = None, date_to: str | None = None) -> dict:
    """The report for a validated export and an inclusive period (defaults: all recorded dates)."""
    all_dates = [row["date"] for name in ("days", "payments", "deductions") for row in data[name]]
    date_from = (min(all_dates) if all_dates else "") if date_from is None else date_from
    date_to = (max(all_dates) if all_dates else "") if date_to is None else date_to
    shifts = _sorted_in_period(data["days"], ("date", "start", "id"), date_from, date_to)
    payments = _sorted_in_period(data["payments"], ("date", "id"), date_from, date_to)
    deductions = _sorted_in_period(data["deductions"], ("date", "id"), date_from, date_to)
    rows, without, assumed = [], 0, 0
    for shift in shifts:
        row, row_without, row_assumed = _shift_row(shift)
        rows.append(row)
        without, assumed = without + row_without, assumed + row_assumed
    months, by_kind = _months(rows, payments, deductions)
    per_date, long_days, weeks = _day_and_week_flags(rows)
    rests = short_rests(shifts)
    missing_breaks = [row["date"] for row in rows if break_missing(row)]
    totals = {
        "minutes": sum(row["minutes"] for row in rows),
        "due_cents": sum(row["due_cents"] for row in rows),
        "paid_cents": sum(row["amount_cents"] for row in payments),
        "deducted_cents": sum(row["amount_cents"] for row in deductions),
        "days_worked": len(per_date),
        "days_over_10h": len(long_days),
        "weeks_over_48h": sum(1 for week in weeks if week["over_48h"]),
        "minutes_without_minimum_wage": without,
        "minutes_at_assumed_rate": assumed,
        "rests_under_11h": len(rests),
        "shifts_missing_break": len(missing_breaks),
    }
    totals["difference_cents"] = totals["due_cents"] - totals["paid_cents"]
    return {
        "format": FORMAT,
        "version": VERSION,
        "period": {"from": date_from, "to": date_to},
        "days": rows,
        "long_days": long_days,
        "weeks": weeks,
        "months": months,
        "short_rests": rests,
        "missing_breaks": missing_breaks,
        **_money_rows(payments, deductions),
        "deductions_by_kind": by_kind,
        "totals": totals,
    }


def month_bounds(value: str) -> tuple[str, str]:
    """'2026-11' → ('2026-11-01', '2026-11-30')."""
    year, month_number = (int(part) for part in value.split("-"))
    first = dt.date(year, month_number, 1)
    following = dt.date(year + (month_number == 12), month_number % 12 + 1, 1)
    return first.isoformat(), (following - dt.timedelta(days=1)).isoformat()
