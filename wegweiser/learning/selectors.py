"""Read-side questions of the course module (pages, exports and other apps ask these)."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Count, Q

from wegweiser.accounts.models import Membership
from wegweiser.core.i18n import current_language

from . import generated
from .content import Course, authored_courses
from .models import Enrolment

# The order in which courses are offered: recognise, know the others, refer.
COURSE_ORDER = ["recognising-exploitation", generated.SLUG, "referring-safely"]


def course_language(language: str | None = None) -> str:
    """Courses exist in the professional languages; worker languages fall back to German."""
    code = current_language(language)
    return code if code in settings.PROFESSIONAL_LANGUAGES else settings.LANGUAGE_CODE


def get_course(municipality, slug: str, language: str | None = None) -> Course | None:
    language = course_language(language)
    if slug == generated.SLUG:
        return generated.build_course(municipality, language)
    return authored_courses().get((slug, language))


def courses_for(municipality, language: str | None = None) -> list[Course]:
    courses = [get_course(municipality, slug, language) for slug in COURSE_ORDER]
    return [course for course in courses if course is not None]


def enrolments_of(user, municipality) -> dict[str, Enrolment]:
    """course slug → the user's enrolment in the municipality."""
    rows = Enrolment.objects.filter(user=user, municipality=municipality)
    return {row.course: row for row in rows}


def quiz_scores(enrolment: Enrolment) -> dict[str, tuple[int, int]]:
    return {row.unit: (row.correct, row.total) for row in enrolment.quiz_results.all()}


def completion_figures(municipality, *, year: int | None = None) -> dict:
    """Completion figures per organisation and course: counts only, never persons or answers.

    `year` limits completions to those of a calendar year (the network's annual report asks for
    it). Rows: organisations with members in the municipality, plus "no organisation" when
    enrolments have none. Returned: {"courses": [slug…], "rows": [...], "totals": {...}}.
    """
    completed = Q(completed_at__isnull=False)
    if year is not None:
        completed &= Q(completed_at__year=year)
    counts = (
        Enrolment.objects.filter(municipality=municipality)
        .values("organization_id", "organization__name", "course")
        .annotate(started=Count("id"), completed=Count("id", filter=completed))
    )
    members = (
        Membership.objects.active()
        .filter(municipality=municipality, organization__isnull=False)
        .values("organization_id", "organization__name")
        .annotate(people=Count("user", distinct=True))
    )
    rows: dict = {}
    for row in members:
        rows[row["organization_id"]] = {
            "organization": row["organization__name"],
            "people": row["people"],
            "courses": {},
        }
    for row in counts:
        entry = rows.setdefault(
            row["organization_id"],
            {"organization": row["organization__name"] or "", "people": None, "courses": {}},
        )
        entry["courses"][row["course"]] = {"started": row["started"], "completed": row["completed"]}
    totals: dict[str, dict[str, int]] = {}
    for entry in rows.values():
        for slug, figures in entry["courses"].items():
            total = totals.setdefault(slug, {"started": 0, "completed": 0})
            total["started"] += figures["started"]
            total["completed"] += figures["completed"]
    ordered = sorted(
        rows.values(), key=lambda entry: (entry["organization"] == "", entry["organization"])
    )
    return {"courses": COURSE_ORDER, "rows": ordered, "totals": totals, "year": year}


# Smaller groups are not shown: with one or two participants of an organisation the coordinator
# would learn what a colleague she knows by name did (DESIGN §8, data minimised).
MIN_PARTICIPANTS = 3
HIDDEN = {"started": None, "completed": None, "shown": False, "more": False}


def _cell(figures: dict, people: int | None) -> dict:
    """Counts only where at least MIN_PARTICIPANTS people started; a 0 only where the organisation
    has that many members (otherwise "nobody started" names the one or two members)."""
    started = figures["started"]
    if started >= MIN_PARTICIPANTS or (started == 0 and (people or 0) >= MIN_PARTICIPANTS):
        return {**figures, "shown": True, "more": False}
    return dict(HIDDEN)


def _total(raw: list[dict], cells: list[dict]) -> dict:
    """The column total. If the hidden cells together hold fewer than MIN_PARTICIPANTS people (none
    included: "nobody" names the members too), the total minus the shown cells would reveal them:
    then the total is that of the shown cells and says that fewer than that many are left out."""
    hidden = [f["started"] for f, cell in zip(raw, cells, strict=True) if not cell["shown"]]
    if not hidden or sum(hidden) >= MIN_PARTICIPANTS:
        parts, more = raw, False
    else:
        parts, more = [c for c in cells if c["shown"]], True
    return {
        "started": sum(p["started"] for p in parts),
        "completed": sum(p["completed"] for p in parts),
        "shown": True,
        "more": more,
    }


def completion_table(municipality, *, year: int | None = None) -> dict:
    """`completion_figures` laid out as a table: one cell per course in the offered order, small
    cells suppressed (the page, the annual report and any export read this, never the raw figures).
    A cell: {"started", "completed", "shown", "more"}; hidden cells carry no numbers at all."""
    data = completion_figures(municipality, year=year)
    courses = courses_for(municipality)
    empty = {"started": 0, "completed": 0}
    raw = [[row["courses"].get(course.slug, empty) for course in courses] for row in data["rows"]]
    rows = [
        {
            "organization": row["organization"],
            "people": row["people"],
            "cells": [_cell(figures, row["people"]) for figures in figures_row],
        }
        for row, figures_row in zip(data["rows"], raw, strict=True)
    ]
    totals = [
        _total([r[i] for r in raw], [row["cells"][i] for row in rows]) for i in range(len(courses))
    ]
    return {
        "courses": courses,
        "rows": rows,
        "totals": totals,
        "year": year,
        "min_participants": MIN_PARTICIPANTS,
    }
