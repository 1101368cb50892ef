"""Dates of recurring meetings: "the nth weekday of a month", monthly or once a quarter.

Examples: every second Tuesday of the first month of each quarter (rule="quarterly", nth=2,
weekday=1, month_of_quarter=1); the last Thursday of every month (rule="monthly", nth=-1, weekday=3).
"""

from __future__ import annotations

import calendar
import datetime


def nth_weekday(year: int, month: int, nth: int, weekday: int) -> datetime.date | None:
    """The nth (1–5, or -1 for the last) weekday (0 = Monday) of a month; None if it does not exist."""
    if not 0 <= weekday <= 6 or nth == 0 or not -1 <= nth <= 5:
        raise ValueError("nth must be 1–5 or -1, weekday 0–6")
    days = [
        day
        for day in calendar.Calendar().itermonthdates(year, month)
        if day.month == month and day.weekday() == weekday
    ]
    if nth == -1:
        return days[-1]
    return days[nth - 1] if nth <= len(days) else None


def occurrences(
    rule: str,
    nth: int,
    weekday: int,
    start: datetime.date,
    count: int,
    month_of_quarter: int = 1,
) -> list[datetime.date]:
    """The next `count` dates on or after `start` following the rule ("monthly" or "quarterly")."""
    if rule not in ("monthly", "quarterly"):
        raise ValueError(f"unknown rule {rule!r}")
    if not 1 <= month_of_quarter <= 3:
        raise ValueError("month_of_quarter must be 1, 2 or 3")
    result: list[datetime.date] = []
    year, month = start.year, start.month
    # 12 years are more than enough for any sensible count; the bound keeps bad input finite.
    for _ in range(12 * 12):
        if len(result) >= count:
            break
        in_rule = rule == "monthly" or (month - 1) % 3 == month_of_quarter - 1
        if in_rule:
            day = nth_weekday(year, month, nth, weekday)
            if day is not None and day >= start:
                result.append(day)
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return result
