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
