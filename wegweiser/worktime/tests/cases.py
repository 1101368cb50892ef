"""Shared test files for the Python rules, the JavaScript rules and the API."""

from __future__ import annotations


def export(days=(), payments=(), deductions=()) -> dict:
    return {
        "format": "wegweiser-worktime",
        "version": 1,
        "exported_at": "2026-11-28T12:00:00Z",
        "days": [{"id": f"d{i}", "break_minutes": 0, **day} for i, day in enumerate(days)],
        "payments": [
            {"id": f"p{i}", "method": "cash", **payment} for i, payment in enumerate(payments)
        ],
        "deductions": [{"id": f"x{i}", "kind": "rent", **row} for i, row in enumerate(deductions)],
    }


def week(start_date: str = "2026-11-02", count: int = 5, start="07:00", end="17:30", pause=30):
    import datetime as dt

    first = dt.date.fromisoformat(start_date)
    return [
        {
            "date": (first + dt.timedelta(days=i)).isoformat(),
            "start": start,
            "end": end,
            "break_minutes": pause,
            "place": "Hof Weber, Feldweg 3",
            "employer": "Agrar Service GmbH",
        }
        for i in range(count)
    ]


# (name, file, from, to) — the parity test runs every case in Python and in Node.
CASES = [
    ("empty", export(), None, None),
    (
        "one day 2026",
        export(days=[{"date": "2026-03-02", "start": "08:00", "end": "16:00"}]),
        None,
        None,
    ),
    (
        "breaks",
        export(
            days=[{"date": "2026-03-02", "start": "08:00", "end": "16:45", "break_minutes": 45}]
        ),
        None,
        None,
    ),
    (
        "night shift past midnight",
        export(
            days=[{"date": "2026-03-06", "start": "22:00", "end": "06:00", "break_minutes": 30}]
        ),
        None,
        None,
    ),
    (
        "night shift across a rate change",
        export(
            days=[{"date": "2026-12-31", "start": "20:00", "end": "04:00", "break_minutes": 60}]
        ),
        None,
        None,
    ),
    (
        "period spanning a rate change",
        export(
            days=[
                {"date": "2022-09-30", "start": "08:00", "end": "18:00", "break_minutes": 60},
                {"date": "2022-10-01", "start": "08:00", "end": "18:00", "break_minutes": 60},
                {"date": "2022-06-30", "start": "06:00", "end": "17:00", "break_minutes": 30},
                {"date": "2022-07-01", "start": "06:00", "end": "17:00", "break_minutes": 30},
            ],
            payments=[{"date": "2022-10-15", "amount_cents": 30000, "method": "transfer"}],
        ),
        "2022-06-01",
        "2022-10-31",
    ),
    (
        "before the minimum wage",
        export(days=[{"date": "2014-12-31", "start": "20:00", "end": "02:00"}]),
        None,
        None,
    ),
    (
        "a long week and payments",
        export(
            days=week("2026-11-02", 6, "06:00", "17:00", 30),
            payments=[
                {
                    "date": "2026-11-07",
                    "amount_cents": 40000,
                    "method": "cash",
                    "payer": "Vorarbeiter",
                },
                {"date": "2026-11-14", "amount_cents": 12345, "method": "transfer"},
            ],
            deductions=[
                {"date": "2026-11-01", "amount_cents": 25000, "kind": "rent", "note": "Zimmer"},
                {"date": "2026-11-03", "amount_cents": 1550, "kind": "transport"},
            ],
        ),
        None,
        None,
    ),
    (
        "month without payments",
        export(days=week("2026-01-26", 10, "07:00", "15:07", 7)),
        "2026-02-01",
        "2026-02-28",
    ),
    (
        "odd minutes rounding",
        export(
            days=[{"date": "2025-05-05", "start": "07:01", "end": "07:02"}]
            + [{"date": "2025-05-06", "start": "00:00", "end": "23:59", "break_minutes": 1}]
        ),
        None,
        None,
    ),
    (
        "iso week across a year",
        export(days=week("2026-12-28", 7, "08:00", "18:00", 15)),
        None,
        None,
    ),
]

BAD_FILES = [
    ("not an object", []),
    ("wrong format", {**export(), "format": "other"}),
    ("wrong version", {**export(), "version": 2}),
    ("missing list", {k: v for k, v in export().items() if k != "payments"}),
    ("bad time", export(days=[{"date": "2026-01-01", "start": "25:00", "end": "10:00"}])),
    ("impossible date", export(days=[{"date": "2026-02-30", "start": "08:00", "end": "10:00"}])),
    ("zero shift", export(days=[{"date": "2026-01-02", "start": "08:00", "end": "08:00"}])),
    (
        "break too long",
        export(
            days=[{"date": "2026-01-02", "start": "08:00", "end": "09:00", "break_minutes": 60}]
        ),
    ),
    ("negative amount", export(payments=[{"date": "2026-01-02", "amount_cents": -5}])),
    ("float amount", export(payments=[{"date": "2026-01-02", "amount_cents": 10.5}])),
    ("unknown kind", export(deductions=[{"date": "2026-01-02", "amount_cents": 5, "kind": "x"}])),
    ("unknown field", {**export(), "secret": 1}),
    (
        "duplicate id",
        {
            **export(),
            "payments": [
                {"id": "a", "date": "2026-01-02", "amount_cents": 5, "method": "cash"},
                {"id": "a", "date": "2026-01-03", "amount_cents": 5, "method": "cash"},
            ],
        },
    ),
    (
        "bool as break",
        export(
            days=[{"date": "2026-01-02", "start": "08:00", "end": "09:00", "break_minutes": True}]
        ),
    ),
]
