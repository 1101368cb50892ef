"""The wage rules: table tests in Python, and the same cases through the JavaScript in Node."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wegweiser.worktime import wages
from wegweiser.worktime.tests.cases import BAD_FILES, CASES, export, week


def report(file, date_from=None, date_to=None):
    return wages.compute_report(wages.validate(copy.deepcopy(file)), date_from, date_to)


@pytest.mark.parametrize(
    ("day", "cents"),
    [
        ("2014-12-31", 0),
        ("2015-01-01", 850),
        ("2016-12-31", 850),
        ("2017-01-01", 884),
        ("2021-06-30", 950),
        ("2021-07-01", 960),
        ("2022-06-30", 982),
        ("2022-07-01", 1045),
        ("2022-09-30", 1045),
        ("2022-10-01", 1200),
        ("2023-12-31", 1200),
        ("2024-01-01", 1241),
        ("2025-01-01", 1282),
        ("2026-01-01", 1390),
        ("2026-12-31", 1390),
        ("2027-01-01", 1460),
        ("2031-05-05", 1460),
    ],
)
def test_rate_on(day, cents):
    assert wages.rate_on(day) == cents


def test_one_day_with_break():
    result = report(
        export(days=[{"date": "2026-03-02", "start": "08:00", "end": "16:45", "break_minutes": 45}])
    )
    assert result["totals"]["minutes"] == 8 * 60
    assert result["totals"]["due_cents"] == 8 * 1390
    assert result["totals"]["difference_cents"] == 8 * 1390
    assert result["totals"]["paid_cents"] == 0


def test_night_shift_past_midnight():
    result = report(
        export(days=[{"date": "2026-03-06", "start": "22:00", "end": "06:00", "break_minutes": 30}])
    )
    row = result["days"][0]
    assert row["overnight"] is True
    assert row["minutes"] == 7 * 60 + 30
    assert row["due_cents"] == 1390 * 7 + 695
    # The shift belongs to its start date and week.
    assert result["weeks"] == [{"week": "2026-W10", "minutes": 450, "over_48h": False}]


def test_night_shift_across_new_year_uses_both_rates():
    # 20:00–24:00 on 31.12.2026 (4 h, minus 1 h break) at 13.90; 00:00–04:00 (4 h) at 14.60.
    result = report(
        export(days=[{"date": "2026-12-31", "start": "20:00", "end": "04:00", "break_minutes": 60}])
    )
    assert wages.day_parts(result["days"][0] | {"break_minutes": 60}) == [
        ("2026-12-31", 180),
        ("2027-01-01", 240),
    ]
    assert result["totals"]["due_cents"] == 3 * 1390 + 4 * 1460
    assert result["months"][0]["month"] == "2026-12"


def test_break_longer_than_first_part_spills_into_next_day():
    row = {"date": "2026-05-01", "start": "23:30", "end": "03:00", "break_minutes": 45}
    assert wages.day_parts(row) == [("2026-05-01", 0), ("2026-05-02", 165)]


def test_period_spanning_rate_changes():
    name, file, date_from, date_to = next(
        case for case in CASES if case[0] == "period spanning a rate change"
    )
    result = report(file, date_from, date_to)
    by_date = {row["date"]: row for row in result["days"]}
    assert by_date["2022-06-30"]["due_cents"] == wages.wage_cents(630, 982)
    assert by_date["2022-07-01"]["due_cents"] == wages.wage_cents(630, 1045)
    assert by_date["2022-09-30"]["due_cents"] == 9 * 1045
    assert by_date["2022-10-01"]["due_cents"] == 9 * 1200
    assert [m["month"] for m in result["months"]] == ["2022-06", "2022-07", "2022-09", "2022-10"]
    october = result["months"][-1]
    assert october["paid_cents"] == 30000
    assert october["difference_cents"] == 9 * 1200 - 30000


def test_month_without_payments_and_period_filter():
    result = report(
        export(days=week("2026-01-26", 10, "07:00", "15:07", 7)), "2026-02-01", "2026-02-28"
    )
    assert [row["date"] for row in result["days"]] == [f"2026-02-0{i}" for i in range(1, 5)]
    assert result["totals"]["paid_cents"] == 0
    assert result["totals"]["difference_cents"] == result["totals"]["due_cents"] == 4 * 8 * 1390


def test_long_days_and_long_weeks_are_flagged():
    result = report(export(days=week("2026-11-02", 6, "06:00", "17:00", 30)))
    assert result["totals"]["days_over_10h"] == 6
    assert result["weeks"] == [{"week": "2026-W45", "minutes": 6 * 630, "over_48h": True}]
    assert result["totals"]["weeks_over_48h"] == 1
    exactly = report(export(days=week("2026-11-02", 6, "06:00", "16:30", 30)))
    assert exactly["totals"]["days_over_10h"] == 0
    assert exactly["weeks"][0]["over_48h"] is True  # 6 × 10 h
    limit = report(export(days=week("2026-11-02", 6, "06:00", "14:30", 30)))
    assert limit["weeks"][0] == {"week": "2026-W45", "minutes": 2880, "over_48h": False}


def test_deductions_are_listed_not_counted_as_paid():
    result = report(
        export(
            days=[{"date": "2026-04-01", "start": "08:00", "end": "12:00"}],
            payments=[{"date": "2026-04-02", "amount_cents": 1000}],
            deductions=[{"date": "2026-04-02", "amount_cents": 700, "kind": "fines"}],
        )
    )
    assert result["totals"]["deducted_cents"] == 700
    assert result["deductions_by_kind"]["fines"] == 700
    assert result["totals"]["difference_cents"] == 4 * 1390 - 1000


def test_before_the_minimum_wage():
    result = report(export(days=[{"date": "2014-12-31", "start": "20:00", "end": "02:00"}]))
    assert result["totals"]["minutes_without_minimum_wage"] == 240
    assert result["totals"]["due_cents"] == 2 * 850


def test_month_bounds():
    assert wages.month_bounds("2024-02") == ("2024-02-01", "2024-02-29")
    assert wages.month_bounds("2026-12") == ("2026-12-01", "2026-12-31")


@pytest.mark.parametrize(("name", "file"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_bad_files_are_rejected(name, file):
    with pytest.raises(wages.FileProblem):
        wages.validate(copy.deepcopy(file))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 3000) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)


@settings(max_examples=200, deadline=None)
@given(
    key=st.sampled_from(["days", "payments", "deductions"]),
    field=st.sampled_from(
        ["id", "date", "start", "end", "break_minutes", "amount_cents", "method", "kind", "x"]
    ),
    value=json_values,
)
def test_validator_never_crashes(key, field, value):
    """Any mutation either validates (and the report computes) or raises FileProblem."""
    file = export(
        days=[{"date": "2026-01-02", "start": "22:00", "end": "06:00"}],
        payments=[{"date": "2026-01-03", "amount_cents": 100}],
        deductions=[{"date": "2026-01-03", "amount_cents": 100}],
    )
    file[key][0][field] = value
    try:
        data = wages.validate(file)
    except wages.FileProblem:
        return
    wages.compute_report(data)


def node_path() -> str | None:
    return shutil.which("node") or ("/usr/bin/node" if Path("/usr/bin/node").exists() else None)


def run_node(cases: list[dict]) -> list[dict]:
    node = node_path()
    if node is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("node is missing: CI must run the JavaScript parity test.")
        pytest.skip("JAVASCRIPT PARITY TEST SKIPPED: node is not installed.")
    cli = Path(__file__).parent / "wages_cli.js"
    completed = subprocess.run(
        [node, str(cli)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(completed.stdout)


def test_javascript_gives_identical_reports():
    inputs = [
        {"file": file, "from": date_from, "to": date_to} for _n, file, date_from, date_to in CASES
    ]
    results = run_node(inputs)
    assert len(results) == len(CASES)
    for (name, file, date_from, date_to), result in zip(CASES, results, strict=True):
        assert "report" in result, f"{name}: JS rejected a good file: {result}"
        assert result["report"] == report(file, date_from, date_to), name


def test_javascript_rejects_the_same_bad_files():
    results = run_node([{"file": file} for _n, file in BAD_FILES])
    for (name, file), result in zip(BAD_FILES, results, strict=True):
        with pytest.raises(wages.FileProblem) as problem:
            wages.validate(copy.deepcopy(file))
        assert result.get("problem"), f"{name}: JS accepted a bad file"
        if problem.value.code != "schema":
            assert result["problem"] == problem.value.code, name


def random_exports(count: int, seed: int = 20261128) -> list[dict]:
    """Valid exports with random shifts (night shifts, breaks, rate changes, leap days)."""
    import datetime as dt
    import random

    rng = random.Random(seed)
    files = []
    for _ in range(count):
        days, payments, deductions = [], [], []
        first = dt.date(2014, 12, 1) + dt.timedelta(days=rng.randrange(0, 365 * 13))
        for index in range(rng.randrange(0, 25)):
            date = first + dt.timedelta(days=rng.randrange(0, 70))
            start = rng.randrange(0, 1440)
            span = rng.randrange(1, 1440)
            end = (start + span) % 1440
            if end == start:
                continue
            days.append(
                {
                    "id": f"d{index}",
                    "date": date.isoformat(),
                    "start": f"{start // 60:02d}:{start % 60:02d}",
                    "end": f"{end // 60:02d}:{end % 60:02d}",
                    "break_minutes": rng.randrange(0, span),
                }
            )
        for index in range(rng.randrange(0, 4)):
            payments.append(
                {
                    "id": f"p{index}",
                    "date": (first + dt.timedelta(days=rng.randrange(0, 70))).isoformat(),
                    "amount_cents": rng.randrange(0, 500000),
                    "method": rng.choice(["cash", "transfer"]),
                }
            )
        for index in range(rng.randrange(0, 3)):
            deductions.append(
                {
                    "id": f"x{index}",
                    "date": (first + dt.timedelta(days=rng.randrange(0, 70))).isoformat(),
                    "amount_cents": rng.randrange(0, 50000),
                    "kind": rng.choice(wages.DEDUCTION_KINDS),
                }
            )
        files.append(export() | {"days": days, "payments": payments, "deductions": deductions})
    return files


def test_javascript_matches_python_on_random_files():
    files = random_exports(300)
    results = run_node([{"file": file} for file in files])
    for file, result in zip(files, results, strict=True):
        assert result.get("report") == report(file), json.dumps(file)[:300]


# --- working-time flags (§§ 4, 5 ArbZG) and the minimum wage beyond the table -------------------


def test_short_rest_between_shifts_is_flagged():
    result = report(
        export(
            days=[
                {"date": "2026-03-02", "start": "14:00", "end": "23:00", "break_minutes": 45},
                {"date": "2026-03-03", "start": "06:00", "end": "12:00", "break_minutes": 0},
                {"date": "2026-03-04", "start": "06:00", "end": "12:00", "break_minutes": 0},
            ]
        )
    )
    assert result["short_rests"] == [{"date": "2026-03-03", "minutes": 7 * 60}]
    assert result["totals"]["rests_under_11h"] == 1


def test_rest_after_a_night_shift_counts_from_its_real_end():
    result = report(
        export(
            days=[
                {"date": "2026-03-02", "start": "22:00", "end": "06:00", "break_minutes": 30},
                {"date": "2026-03-03", "start": "14:00", "end": "18:00"},
            ]
        )
    )
    assert result["short_rests"] == [{"date": "2026-03-03", "minutes": 8 * 60}]


@pytest.mark.parametrize(
    ("start", "end", "pause", "missing"),
    [
        ("08:00", "14:00", 0, False),  # exactly 6 hours: no break needed
        ("08:00", "14:30", 0, True),  # more than 6 hours without a break
        ("08:00", "14:45", 30, False),
        ("08:00", "17:30", 30, False),  # exactly 9 hours of work: 30 minutes suffice
        ("08:00", "17:45", 30, True),  # more than 9 hours of work: 45 minutes needed
        ("08:00", "18:00", 45, False),
    ],
)
def test_missing_break_is_flagged(start, end, pause, missing):
    result = report(
        export(days=[{"date": "2026-03-02", "start": start, "end": end, "break_minutes": pause}])
    )
    assert (result["missing_breaks"] == ["2026-03-02"]) is missing
    assert result["totals"]["shifts_missing_break"] == int(missing)


def test_year_without_an_enacted_rate_uses_the_last_known_rate_as_an_assumption():
    last = wages.last_known_year()
    assert wages.rate_is_set(f"{last}-12-31") and not wages.rate_is_set(f"{last + 1}-01-01")
    result = report(export(days=[{"date": f"{last + 1}-01-05", "start": "08:00", "end": "12:00"}]))
    assert result["days"][0]["rate_cents"] == wages.rates()[-1][1]
    assert result["totals"]["minutes_at_assumed_rate"] == 4 * 60
    known = report(export(days=[{"date": f"{last}-01-05", "start": "08:00", "end": "12:00"}]))
    assert known["totals"]["minutes_at_assumed_rate"] == 0
